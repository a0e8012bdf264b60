/// What was true in a quarter, for quarters closed late and reports on earlier quarters: taken
/// from the review entry, else from the audit trail (`changeLog`), never from a later status.
extension Action {
    /// Whether the action existed by the end of `day` (one with no creation time always has).
    public func existed(by day: Day) -> Bool { Self.existed(created: created, by: day) }

    static func existed(created: Timestamp?, by day: Day) -> Bool { created.map { $0.day <= day } ?? true }

    /// What an audited field held at the end of `day`: the old value of the first change made
    /// after that day, else the value it holds now.
    func auditedValue(_ field: String, endOf day: Day, now current: String) -> String {
        Self.auditedValue(field, in: changeLog, endOf: day, now: current)
    }

    static func auditedValue(_ field: String, in changeLog: [FieldChange]?, endOf day: Day, now current: String) -> String {
        changeLog?.first { $0.field == field && $0.on.day > day }?.from ?? current
    }

    /// The status the action had at the end of `day` by its audit trail; nil when it did not
    /// exist yet.
    public func status(atEndOf day: Day) -> Status? {
        PastStatus(self).status(atEndOf: day)
    }

    /// The lead owner at the end of `day` by the audit trail.
    public func owner(atEndOf day: Day) -> String {
        auditedValue("owner", endOf: day, now: owner)
    }
}

/// The parts of an action that say what its status was at an earlier time, read out of it
/// without copying the whole action (what changed asks this of every action in the plan).
struct PastStatus {
    var status: Status
    var created: Timestamp?
    var reviews: [Review]
    var changeLog: [FieldChange]?

    init(status: Status, created: Timestamp?, reviews: [Review], changeLog: [FieldChange]?) {
        self.status = status
        self.created = created
        self.reviews = reviews
        self.changeLog = changeLog
    }

    init(_ action: Action) {
        self.init(status: action.status, created: action.created, reviews: action.reviews, changeLog: action.changeLog)
    }

    func reviewIndex(for quarter: Quarter) -> Int? { reviews.lastIndex { $0.quarter == quarter } }

    /// As `Action.status(atEndOf:)`.
    func status(atEndOf day: Day) -> Status? {
        guard Action.existed(created: created, by: day) else { return nil }
        return Status(rawValue: Action.auditedValue("status", in: changeLog, endOf: day, now: status.rawValue)) ?? status
    }
}

extension Plan {
    /// The quarter `to` is compared with by default in "what changed" and reports: the latest
    /// earlier quarter in which any action has a review (so a quarter that was skipped, never
    /// updated or closed, does not hide what changed), else the quarter before `to`.
    public func comparisonQuarter(for to: Quarter) -> Quarter {
        var latest: Quarter?
        for action in actions {
            for review in action.reviews where review.quarter < to && latest.map({ review.quarter > $0 }) ?? true {
                latest = review.quarter
            }
        }
        return latest ?? to.previous
    }
}
