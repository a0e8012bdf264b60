/// How a return reached its lead owner.
public enum ReturnVia: String, Equatable, Sendable, CaseIterable {
    /// Written to a file by `dplan export --returns`, to be sent on by hand (from Outlook, say).
    case file
    /// Handed to the mail relay by `--send`.
    case email
}

/// A quarterly return (or a reminder to send it back) for one lead owner: written to a file for
/// the officer to send by hand, or handed to the mail relay (recorded only once it accepted it);
/// who it went to, when, and by whom.
public struct ReturnSent: Equatable, Sendable {
    /// The lead owner's id.
    public var owner: String
    /// The address it was emailed to (nil for a return written to a file).
    public var to: String?
    public var on: Timestamp
    /// The officer who wrote or sent it.
    public var by: String
    /// True for a reminder (`dplan chase --send`), nil for the return itself.
    public var reminder: Bool?
    /// `.file` for a return written by `export --returns`; nil (as in files written before) for email.
    public var via: ReturnVia?
    /// The return's file name (`police.xlsx`) when written to a file.
    public var file: String?

    public init(owner: String, to: String?, on: Timestamp, by: String, reminder: Bool? = nil, via: ReturnVia? = nil,
                file: String? = nil) {
        self.owner = owner
        self.to = to
        self.on = on
        self.by = by
        self.reminder = reminder
        self.via = via
        self.file = file
    }

    /// A return written to `file` for the officer to send on by hand.
    public static func written(owner: String, file: String, on: Timestamp, by: String) -> ReturnSent {
        ReturnSent(owner: owner, to: nil, on: on, by: by, via: .file, file: file)
    }

    /// "return written 2026-11-22 (by hand)", "emailed 2026-11-22 to x@y", "reminded 2026-11-29".
    public var summary: String {
        if via == .file { return "\(reminder == true ? "reminder" : "return") written \(on.day) (by hand)" }
        if reminder == true { return "reminded \(on.day)" }
        return "emailed \(on.day)" + (to.map { " to \($0)" } ?? "")
    }
}

/// Where a lead owner's return for a quarter stands: when it was sent and chased, when updates
/// came back, and how many actions still owe one.
public struct ReturnProgress: Equatable, Sendable {
    public var owner: Owner
    /// Returns and reminders sent for the quarter, oldest first.
    public var sent: [ReturnSent]
    /// The latest update this quarter on one of the owner's actions (nil when none).
    public var lastReceived: Timestamp?
    /// Actions of theirs with an update for the quarter.
    public var received: Int
    /// Actions of theirs still owing an update (the chase list's count).
    public var outstanding: Int

    /// "return written 2026-11-20 (by hand); emailed 2026-11-22 to x@y; reminded 2026-11-29;
    /// 2 updates back, last 2026-11-25; 1 outstanding" (the same words written twice a day shown once).
    public var summary: String {
        var words: [String] = []
        for entry in sent where !words.contains(entry.summary) { words.append(entry.summary) }
        if words.isEmpty { words = ["not sent"] }
        if let last = lastReceived {
            words.append("\(received) update\(received == 1 ? "" : "s") back, last \(last.day)")
        } else {
            words.append("no updates back")
        }
        words.append(outstanding == 0 ? "none outstanding" : "\(outstanding) outstanding")
        return words.joined(separator: "; ")
    }
}

extension ReturnSent {
    /// The same return written to the same file by the same officer on the same day.
    func isSameWriting(as other: ReturnSent) -> Bool {
        via == .file && other.via == .file && owner == other.owner && file == other.file && by == other.by
            && reminder == other.reminder && on.day == other.on.day
    }
}

extension Plan {
    /// Records that a return (or reminder) for `quarter` was sent, creating the quarter's record
    /// (open) when there is none. A return written to the same file by the same officer on the same
    /// day as one already recorded is not recorded again (writing the returns twice is one sending).
    public mutating func recordReturnSent(_ sent: ReturnSent, quarter: Quarter) {
        let existing = quarters.first { $0.quarter == quarter }?.returnsSent ?? []
        if sent.via == .file, existing.contains(where: { $0.isSameWriting(as: sent) }) { return }
        if let index = quarters.firstIndex(where: { $0.quarter == quarter }) {
            quarters[index].returnsSent = (quarters[index].returnsSent ?? []) + [sent]
        } else {
            var record = QuarterRecord(quarter: quarter, state: .open)
            record.returnsSent = [sent]
            quarters.append(record)
            quarters.sort { $0.quarter < $1.quarter }
        }
    }

    /// Once any return was sent for `quarter`: per lead owner with actions owing or updated, or
    /// with a return sent, what was sent, received and is outstanding, owners in plan order.
    /// Empty when no return was sent for the quarter.
    public func returnProgress(for quarter: Quarter) -> [ReturnProgress] {
        let sent = quarters.first { $0.quarter == quarter }?.returnsSent ?? []
        guard !sent.isEmpty else { return [] }
        let owing = Dictionary(chaseList(for: quarter).map { ($0.owner.id, $0.actions.count) }, uniquingKeysWith: +)
        return owners.compactMap { owner in
            let updates = actions.filter { $0.owner == owner.id }.compactMap { $0.review(for: quarter) }.filter { $0.noUpdateProvided != true }
            let mine = sent.filter { $0.owner == owner.id }.sorted { $0.on < $1.on }
            let outstanding = owing[owner.id] ?? 0
            guard !mine.isEmpty || !updates.isEmpty || outstanding > 0 else { return nil }
            return ReturnProgress(owner: owner, sent: mine, lastReceived: updates.map(\.on).max(), received: updates.count,
                                  outstanding: outstanding)
        }
    }
}
