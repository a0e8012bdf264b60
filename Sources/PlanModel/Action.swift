import Foundation  // Decimal for funding amounts

/// One action of the delivery plan: what will be done, by whom, by when, and how it is going.
public struct Action: Equatable, Sendable, Identifiable {
    /// Stable id such as `PRI-03`; never reused.
    public var id: String
    /// Raw prevention-group id (`primary`, …). Kept as text so an unknown value is a validation
    /// problem with a path rather than an unreadable file; see `preventionGroup`.
    public var group: String
    /// Ids of plan workstreams this action contributes to.
    public var workstreams: [String]
    public var title: String
    public var description: String
    /// Id of the lead owner.
    public var owner: String
    /// Ids of supporting partner owners.
    public var partners: [String]
    public var start: Day?
    public var due: Day?
    public var status: Status
    /// Latest commentary on progress.
    public var commentary: String
    /// The owner marked the latest commentary as not for publication (`export --public` leaves it out).
    public var commentaryRestricted: Bool?
    /// Outcome measure or success criteria.
    public var outcomeMeasure: String
    /// The single funding object of older files (kept as read; new funding goes in `fundingLines`).
    public var funding: Funding?
    /// The decision or help the owner needs from the board (nil when none); shown beside the
    /// action in the exception report.
    public var decisionNeeded: String?
    /// Funding by source and financial year, with an optional labour / non-labour split.
    public var fundingLines: [FundingLine] = []
    /// Key milestones, in the order they were added.
    public var milestones: [Milestone] = []
    public var created: Timestamp?
    public var updated: Timestamp?
    public var updatedBy: String?
    /// Every move of the due date, oldest first.
    public var dueDateChanges: [DueDateChange]
    /// At most one entry per quarter, oldest first.
    public var reviews: [Review]
    /// Audit trail: every field change made through dplan, oldest first (absent when none).
    public var changeLog: [FieldChange]?

    public init(
        id: String, group: PreventionGroup, title: String, owner: String, status: Status = .notStarted,
        workstreams: [String] = [], description: String = "", partners: [String] = [],
        start: Day? = nil, due: Day? = nil, commentary: String = "", outcomeMeasure: String = "",
        funding: Funding? = nil, created: Timestamp? = nil, updated: Timestamp? = nil,
        updatedBy: String? = nil, dueDateChanges: [DueDateChange] = [], reviews: [Review] = []
    ) {
        self.id = id
        self.group = group.rawValue
        self.workstreams = workstreams
        self.title = title
        self.description = description
        self.owner = owner
        self.partners = partners
        self.start = start
        self.due = due
        self.status = status
        self.commentary = commentary
        self.outcomeMeasure = outcomeMeasure
        self.funding = funding
        self.created = created
        self.updated = updated
        self.updatedBy = updatedBy
        self.dueDateChanges = dueDateChanges
        self.reviews = reviews
    }

    /// The prevention group, or nil when `group` names none (a validation problem).
    public var preventionGroup: PreventionGroup? { PreventionGroup(rawValue: group) }
}

/// A due date moved: from what, to what, why, by whom, when. Due dates never change silently.
public struct DueDateChange: Equatable, Sendable {
    /// The previous due date (nil when the action had none).
    public var from: Day?
    public var to: Day
    public var reason: String
    public var by: String
    public var on: Timestamp

    public init(from: Day?, to: Day, reason: String, by: String, on: Timestamp) {
        self.from = from
        self.to = to
        self.reason = reason
        self.by = by
        self.on = on
    }
}

/// An action's status and commentary for one quarter: the review history.
public struct Review: Equatable, Sendable {
    public var quarter: Quarter
    public var status: Status
    public var commentary: String
    public var by: String
    public var on: Timestamp
    /// The lead owner when this entry was recorded (so an owner change shows between quarters).
    public var owner: String?
    /// Recorded when the quarter closed without an update from the owner.
    public var noUpdateProvided: Bool?
    /// Commentary not for publication.
    public var restricted: Bool?
    /// The board's view when it settled on another status than the lead's (nil when it did not).
    /// `status`, `commentary`, `by` and `on` stay the lead's update.
    public var board: BoardView?
    /// Who typed the update in when it came from someone else: for a return, `by` is the agency
    /// (the lead owner) and this the officer who imported it. Nil when `by` entered it.
    public var enteredBy: String?

    public init(quarter: Quarter, status: Status, commentary: String, by: String, on: Timestamp,
                owner: String? = nil, noUpdateProvided: Bool? = nil, restricted: Bool? = nil) {
        self.quarter = quarter
        self.status = status
        self.commentary = commentary
        self.by = by
        self.on = on
        self.owner = owner
        self.noUpdateProvided = noUpdateProvided
        self.restricted = restricted
    }

    /// The entry's words as a history shows them: its commentary, "(no update provided)" for a
    /// quarter closed without one from the owner (its own state, not an empty kept review), or
    /// "(no commentary)" for a status recorded without words.
    public var historyText: String {
        if noUpdateProvided == true && commentary.isEmpty { return "(no update provided)" }
        return commentary.isEmpty ? "(no commentary)" : commentary
    }
}

/// One field of an action changed: which, from what, to what, by whom, when.
public struct FieldChange: Equatable, Sendable {
    public var field: String
    public var from: String
    public var to: String
    public var by: String
    public var on: Timestamp

    public init(field: String, from: String, to: String, by: String, on: Timestamp) {
        self.field = field
        self.from = from
        self.to = to
        self.by = by
        self.on = on
    }
}

/// An action that was deleted: kept so "what changed" can report it.
public struct RemovedAction: Equatable, Sendable {
    public var id: String
    public var title: String
    public var group: String
    public var owner: String
    public var status: Status
    public var by: String
    public var on: Timestamp

    public init(id: String, title: String, group: String, owner: String, status: Status, by: String, on: Timestamp) {
        self.id = id
        self.title = title
        self.group = group
        self.owner = owner
        self.status = status
        self.by = by
        self.on = on
    }

    /// The record of deleting `action`.
    public init(of action: Action, by: String, on: Timestamp) {
        self.init(id: action.id, title: action.title, group: action.group, owner: action.owner, status: action.status, by: by, on: on)
    }
}
