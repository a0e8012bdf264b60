/// Which actions to show: every part that is set must match. Used by `dplan list` and the
/// front end's filter (which adds a text search of its own).
public struct ActionCriteria: Equatable, Sendable {
    public var group: PreventionGroup?
    /// Owner id (lead owner).
    public var owner: String?
    /// Any of these statuses.
    public var statuses: Set<Status>?
    /// Workstream id.
    public var workstream: String?
    /// Past the due date and not complete.
    public var overdue = false
    /// No update in the editing quarter.
    public var stale = false

    public init(group: PreventionGroup? = nil, owner: String? = nil, statuses: Set<Status>? = nil,
                workstream: String? = nil, overdue: Bool = false, stale: Bool = false) {
        self.group = group
        self.owner = owner
        self.statuses = statuses
        self.workstream = workstream
        self.overdue = overdue
        self.stale = stale
    }

    /// True when nothing is set: every action matches.
    public var isEmpty: Bool { self == ActionCriteria() }

    /// Whether `action` matches on `today`, when edits go to `quarter` (see `Plan.editingQuarter`).
    public func matches(_ action: borrowing Action, today: Day, quarter: Quarter) -> Bool {
        if let group, action.preventionGroup != group { return false }
        if let owner, action.owner != owner { return false }
        if let statuses, !statuses.contains(action.status) { return false }
        if let workstream, !action.workstreams.contains(workstream) { return false }
        if overdue, !action.isOverdue(on: today) { return false }
        if stale, !action.isStale(in: quarter) { return false }
        return true
    }
}
