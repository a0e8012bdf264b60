import Foundation  // Decimal for funding amounts

/// One action of the delivery plan: what will be done, by whom, by when, and how it is going.
public struct Action: Equatable, Sendable, Identifiable {
    /// The fields, shared by copies of the action until one of them changes (copy on write):
    /// a plan holds thousands of actions, and copying one is then one reference, not twenty.
    /// The id, group, owner and status are kept beside the box, not in it, because whole-plan
    /// scans read them (finding an action by id, filters, counts) and would otherwise follow a
    /// pointer per action.
    private var box: Box

    private final class Box: @unchecked Sendable {  // never changed while shared: see `fields`
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    /// What an action holds besides its id, group, owner and status; each is described at its
    /// property below.
    private struct Fields: Equatable, Sendable {
        var workstreams: [String]
        var title: String
        var description: String
        var partners: [String]
        var start: Day?
        var due: Day?
        var commentary: String
        var commentaryRestricted: Bool?
        var outcomeMeasure: String
        var funding: Funding?
        var decisionNeeded: String?
        var fundingLines: [FundingLine] = []
        var milestones: [Milestone] = []
        var created: Timestamp?
        var updated: Timestamp?
        var updatedBy: String?
        var dueDateChanges: [DueDateChange]
        var reviews: [Review]
        var changeLog: [FieldChange]?
    }

    /// The fields to change, copied first if another action shares them.
    private var fields: Fields {
        get { box.fields }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            yield &box.fields
        }
    }

    public static func == (lhs: Action, rhs: Action) -> Bool {
        lhs.id == rhs.id && lhs.group == rhs.group && lhs.owner == rhs.owner && lhs.status == rhs.status
            && (lhs.box === rhs.box || lhs.box.fields == rhs.box.fields)
    }

    /// Stable id such as `PRI-03`; never reused.
    public var id: String
    /// Raw prevention-group id (`primary`, …). Kept as text so an unknown value is a validation
    /// problem with a path rather than an unreadable file; see `preventionGroup`.
    public var group: String
    /// Ids of plan workstreams this action contributes to.
    public var workstreams: [String] { get { box.fields.workstreams } _modify { yield &fields.workstreams } }
    public var title: String { get { box.fields.title } _modify { yield &fields.title } }
    public var description: String { get { box.fields.description } _modify { yield &fields.description } }
    /// Id of the lead owner.
    public var owner: String
    /// Ids of supporting partner owners.
    public var partners: [String] { get { box.fields.partners } _modify { yield &fields.partners } }
    public var start: Day? { get { box.fields.start } _modify { yield &fields.start } }
    public var due: Day? { get { box.fields.due } _modify { yield &fields.due } }
    public var status: Status
    /// Latest commentary on progress.
    public var commentary: String { get { box.fields.commentary } _modify { yield &fields.commentary } }
    /// The owner marked the latest commentary as not for publication (`export --public` leaves it out).
    public var commentaryRestricted: Bool? { get { box.fields.commentaryRestricted } _modify { yield &fields.commentaryRestricted } }
    /// Outcome measure or success criteria.
    public var outcomeMeasure: String { get { box.fields.outcomeMeasure } _modify { yield &fields.outcomeMeasure } }
    /// The single funding object of older files (kept as read; new funding goes in `fundingLines`).
    public var funding: Funding? { get { box.fields.funding } _modify { yield &fields.funding } }
    /// The decision or help the owner needs from the board (nil when none); shown beside the
    /// action in the exception report.
    public var decisionNeeded: String? { get { box.fields.decisionNeeded } _modify { yield &fields.decisionNeeded } }
    /// Funding by source and financial year, with an optional labour / non-labour split.
    public var fundingLines: [FundingLine] { get { box.fields.fundingLines } _modify { yield &fields.fundingLines } }
    /// Key milestones, in the order they were added.
    public var milestones: [Milestone] { get { box.fields.milestones } _modify { yield &fields.milestones } }
    public var created: Timestamp? { get { box.fields.created } _modify { yield &fields.created } }
    public var updated: Timestamp? { get { box.fields.updated } _modify { yield &fields.updated } }
    public var updatedBy: String? { get { box.fields.updatedBy } _modify { yield &fields.updatedBy } }
    /// Every move of the due date, oldest first.
    public var dueDateChanges: [DueDateChange] { get { box.fields.dueDateChanges } _modify { yield &fields.dueDateChanges } }
    /// At most one entry per quarter, oldest first.
    public var reviews: [Review] { get { box.fields.reviews } _modify { yield &fields.reviews } }
    /// Audit trail: every field change made through dplan, oldest first (absent when none).
    public var changeLog: [FieldChange]? { get { box.fields.changeLog } _modify { yield &fields.changeLog } }

    public init(
        id: String, group: PreventionGroup, title: String, owner: String, status: Status = .notStarted,
        workstreams: [String] = [], description: String = "", partners: [String] = [],
        start: Day? = nil, due: Day? = nil, commentary: String = "", outcomeMeasure: String = "",
        funding: Funding? = nil, created: Timestamp? = nil, updated: Timestamp? = nil,
        updatedBy: String? = nil, dueDateChanges: [DueDateChange] = [], reviews: [Review] = []
    ) {
        self.id = id
        self.group = group.rawValue
        self.owner = owner
        self.status = status
        box = Box(Fields(workstreams: workstreams, title: title, description: description, partners: partners, start: start,
                         due: due, commentary: commentary, commentaryRestricted: nil, outcomeMeasure: outcomeMeasure,
                         funding: funding, decisionNeeded: nil, created: created, updated: updated, updatedBy: updatedBy,
                         dueDateChanges: dueDateChanges, reviews: reviews, changeLog: nil))
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
}

extension [Review] {
    /// Where the entry for `quarter` is (the last, were there two), found without copying any entry.
    func lastIndex(for quarter: Quarter) -> Int? {
        var index = endIndex
        while index > startIndex {
            index -= 1
            if self[index].quarter == quarter { return index }
        }
        return nil
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
