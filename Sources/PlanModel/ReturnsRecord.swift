/// A quarterly return (or a reminder to send it back) handed to the mail relay for one lead
/// owner: who it went to, when, and who sent it. Recorded only once the relay accepted it.
public struct ReturnSent: Equatable, Sendable {
    /// The lead owner's id.
    public var owner: String
    /// The address it was sent to.
    public var to: String
    public var on: Timestamp
    /// The officer who sent it.
    public var by: String
    /// True for a reminder (`dplan chase --send`), nil for the return itself.
    public var reminder: Bool?

    public init(owner: String, to: String, on: Timestamp, by: String, reminder: Bool? = nil) {
        self.owner = owner
        self.to = to
        self.on = on
        self.by = by
        self.reminder = reminder
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

    /// "sent 2026-11-22; reminded 2026-11-29; 2 updates back, last 2026-11-25; 1 outstanding".
    public var summary: String {
        let returns = sent.filter { $0.reminder != true }.map(\.on.day.description)
        let reminders = sent.filter { $0.reminder == true }.map(\.on.day.description)
        var words = [returns.isEmpty ? "not sent" : "sent \(returns.joined(separator: ", "))"]
        if !reminders.isEmpty { words.append("reminded \(reminders.joined(separator: ", "))") }
        if let last = lastReceived {
            words.append("\(received) update\(received == 1 ? "" : "s") back, last \(last.day)")
        } else {
            words.append("no updates back")
        }
        words.append(outstanding == 0 ? "none outstanding" : "\(outstanding) outstanding")
        return words.joined(separator: "; ")
    }
}

extension Plan {
    /// Records that a return (or reminder) for `quarter` was sent, creating the quarter's record
    /// (open) when there is none.
    public mutating func recordReturnSent(_ sent: ReturnSent, quarter: Quarter) {
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
