/// A partnership's Serious Violence Duty delivery plan: the whole content of one plan file.
public struct Plan: Equatable, Sendable {
    /// The plan-file format version this build reads and writes.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var id: String
    public var title: String
    /// The Community Safety Partnership (or board) that owns the plan.
    public var partnership: String
    public var description: String
    /// The report's author (name and role) and how to reach them, printed on the board paper's
    /// cover; "" when not set.
    public var author = "", contact = ""
    public var period: Period
    /// Month (1–12) in which the financial year starts; 4 (April) for UK councils.
    public var financialYearStartMonth: Int
    /// The population the plan covers (a borough's residents), for rates per 100,000 when plans
    /// are compared; nil when not recorded.
    public var population: Int?
    /// What each status means for this partnership, keyed by status raw value ("amber", …).
    public var ragDefinitions: [String: String]
    /// The plan's own names and aims for the prevention groups, keyed by group id. Groups not
    /// listed use their default name and aim.
    public var groups: [String: GroupInfo]
    /// The order this plan shows its prevention groups in, when not the usual one (nil).
    public var groupOrder: [PreventionGroup]?
    /// The plan's own words for statuses ("Blue" for complete), keyed by status raw value.
    public var statusWords: [String: String] = [:]
    /// Funding held by the plan as a whole (not by one action), by source and financial year.
    public var fundingLines: [FundingLine] = []
    public var owners: [Owner]
    public var workstreams: [Workstream]
    /// Actions in a stable order (the order they were added, grouped as the author arranged them).
    public var actions: [Action]
    /// State of quarters that have been reviewed or closed; a quarter not listed is open.
    public var quarters: [QuarterRecord]
    /// Actions deleted from the plan, for "what changed".
    public var removedActions: [RemovedAction]
    /// Outcome indicators with targets and quarterly values (the performance framework).
    public var indicators: [Indicator]
    /// Audit trail of changes to the plan itself (its period, details, groups, status words,
    /// workstreams, owners and funding lines), oldest first (absent when none).
    public var changeLog: [FieldChange]?
    /// Fields a merge could not settle, waiting for someone to decide (`dplan resolve`). Empty
    /// in a plan that can be edited.
    public var conflicts: [MergeConflict]
    /// The plan as it stood when each closed quarter was closed, oldest quarter first (absent
    /// when none): what those quarters' papers are made from.
    public var frozenQuarters: [FrozenQuarter] = []

    public init(
        id: String, title: String, partnership: String, period: Period, description: String = "",
        financialYearStartMonth: Int = 4, ragDefinitions: [String: String] = Plan.defaultRAGDefinitions,
        groups: [String: GroupInfo] = [:], owners: [Owner] = [], workstreams: [Workstream] = [],
        actions: [Action] = [], quarters: [QuarterRecord] = []
    ) {
        self.schemaVersion = Plan.currentSchemaVersion
        self.id = id
        self.title = title
        self.partnership = partnership
        self.description = description
        self.period = period
        self.financialYearStartMonth = financialYearStartMonth
        self.ragDefinitions = ragDefinitions
        self.groups = groups
        self.groupOrder = nil
        self.owners = owners
        self.workstreams = workstreams
        self.actions = actions
        self.quarters = quarters
        self.removedActions = []
        self.indicators = []
        self.changeLog = nil
        self.conflicts = []
    }

    /// RAG definitions for a new plan: the "time behind plan" wording many district councils use,
    /// plus complete and not started.
    public static let defaultRAGDefinitions: [String: String] = [
        Status.green.rawValue: "On target.",
        Status.amber.rawValue: "Up to one month behind, or issues identified that the owner is managing.",
        Status.red.rawValue: "More than one month behind, or significant issues needing the board's help.",
        Status.complete.rawValue: "Delivered; no further update needed.",
        Status.notStarted.rawValue: "Not yet due to start.",
    ]

    /// The name this plan uses for a prevention group.
    public func name(of group: PreventionGroup) -> String {
        groups[group.rawValue]?.name ?? group.defaultName
    }

    /// The group a person means by `text`: its key, id prefix or default name (`PreventionGroup(matching:)`)
    /// or this plan's own name for it, ignoring case.
    public func group(named text: String) -> PreventionGroup? {
        let key = text.trimmingSpaces().lowercased()
        return PreventionGroup(matching: text) ?? PreventionGroup.allCases.first { name(of: $0).lowercased() == key }
    }

    /// The aim this plan gives a prevention group.
    public func aim(of group: PreventionGroup) -> String {
        groups[group.rawValue]?.aim ?? group.defaultAim
    }

    /// The owner with this id, if any.
    public func owner(id: String) -> Owner? {
        owners.first { $0.id == id }
    }

    /// The owner's name for display, or the id itself when no owner has it.
    public func ownerName(_ id: String) -> String {
        owner(id: id)?.name ?? id
    }

    /// The workstream's name for display, or the id itself when no workstream has it.
    public func workstreamName(_ id: String) -> String {
        workstreams.first { $0.id == id }?.name ?? id
    }

    /// Index of the action with this id, if any.
    public func actionIndex(id: String) -> Int? {
        actions.firstIndex { $0.id == id }
    }

    /// The quarter containing `day` under this plan's financial year.
    public func quarter(containing day: Day) -> Quarter {
        Quarter.containing(day, fyStartMonth: financialYearStartMonth)
    }

    /// Every quarter of the plan period, in order.
    public var periodQuarters: [Quarter] {
        Quarter.covering(from: period.start, to: period.end, fyStartMonth: financialYearStartMonth)
    }
}

/// The dates a plan runs between, inclusive.
public struct Period: Equatable, Sendable {
    public var start: Day
    public var end: Day

    public init(start: Day, end: Day) {
        self.start = start
        self.end = end
    }

    /// The years a plan period may start and end in. A delivery plan runs for a few years around
    /// now; a date far outside (0001-01-01, 9999-12-31) is a slip, and quarter arithmetic near
    /// the ends of the calendar cannot be done.
    public static let years = 1900...2100

    /// Why `day` cannot start or end a plan period, or nil when it can.
    public static func problem(with day: Day) -> String? {
        years.contains(day.year) ? nil : "expected a date in the years \(years.lowerBound) to \(years.upperBound), found \(day)"
    }
}

/// A lead agency or officer who owns or supports actions.
public struct Owner: Equatable, Sendable, Identifiable {
    public var id: String
    /// Agency or officer name, e.g. "Metropolitan Police Service".
    public var name: String
    public var role: String?
    public var contact: String?

    public init(id: String, name: String, role: String? = nil, contact: String? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.contact = contact
    }

    /// Why `id` cannot be an owner's id, or nil. An owner's return is written as `<id>.xlsx`
    /// and its email as `<id>.eml`, so an id is a safe file name: letters, digits, `-`, `_` and
    /// `.`, starting with a letter or digit, at most 64 characters.
    public static func idProblem(_ id: String) -> String? {
        guard let first = id.first, first.isLetter || first.isNumber else {
            return "must start with a letter or digit (an owner's return is written as <id>.xlsx)"
        }
        guard id.count <= 64 else { return "is longer than 64 characters" }
        guard id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }),
              id.unicodeScalars.allSatisfy({ $0.value >= 0x20 }) else {
            return "may hold only letters, digits, -, _ and . (an owner's return is written as <id>.xlsx, so no / or spaces)"
        }
        return nil
    }
}

/// A plan-defined cross-cutting theme, e.g. a London VVRAP theme or a crime type.
public struct Workstream: Equatable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var description: String?

    public init(id: String, name: String, description: String? = nil) {
        self.id = id
        self.name = name
        self.description = description
    }
}

/// Whether a quarter is still open for updates or closed by the board.
public enum QuarterState: String, Codable, Sendable {
    case open
    case closed

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let state = QuarterState(rawValue: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected \"open\" or \"closed\", found \"\(text)\"")
        }
        self = state
    }
}

/// The recorded state of one quarter of the plan.
public struct QuarterRecord: Equatable, Sendable {
    public var quarter: Quarter
    public var state: QuarterState
    public var closedOn: Timestamp?
    public var closedBy: String?
    /// The board that reviewed the quarter, e.g. "Safer Hillingdon Partnership".
    public var board: String?
    /// Every time the quarter was reopened after closing, oldest first.
    public var reopenings: [QuarterReopening]?
    /// The officer's executive summary for the board paper of this quarter (nil when none).
    public var summary: String?
    /// Returns and reminders sent to lead owners for this quarter, oldest first (nil when none).
    public var returnsSent: [ReturnSent]?

    public init(quarter: Quarter, state: QuarterState, closedOn: Timestamp? = nil,
                closedBy: String? = nil, board: String? = nil) {
        self.quarter = quarter
        self.state = state
        self.closedOn = closedOn
        self.closedBy = closedBy
        self.board = board
    }
}

/// A closed quarter opened again: who, when and why.
public struct QuarterReopening: Equatable, Sendable {
    public var by: String
    public var on: Timestamp
    public var reason: String

    public init(by: String, on: Timestamp, reason: String) {
        self.by = by
        self.on = on
        self.reason = reason
    }
}
