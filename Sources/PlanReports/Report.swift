import Foundation
import PlanModel

/// Everything a board paper needs, computed once from a plan so that every export format
/// (Markdown, HTML, CSV, JSON, templates) shows the same facts. Documented in docs/templates.md.
public struct Report: Codable, Equatable, Sendable {
    public struct PlanInfo: Codable, Equatable, Sendable {
        public var id, title, partnership, description, periodStart, periodEnd: String
    }

    public struct StatusCount: Codable, Equatable, Sendable {
        public var status, letter, label: String
        public var count: Int
        /// Share of the actions counted, rounded to a whole percent.
        public var percent: Int
    }

    public struct Headline: Codable, Equatable, Sendable {
        public var name: String
        public var total: Int
        public var statuses: [StatusCount]
    }

    public struct ActionRow: Codable, Equatable, Sendable {
        public var id, group, groupName, title, owner, partners, due, status, letter, statusLabel, trend: String
        /// The due date in the UK style for prose ("31 Jan 2027"), "" when none.
        public var dueLabel: String
        /// Workstream (theme) names, comma-separated.
        public var workstreams: String
        public var commentary, outcomeMeasure, funding: String
        /// The decision or help the owner needs from the board ("" when none, or when withheld).
        public var decisionNeeded: String
        public var hasDecision: Bool
        /// The comparison quarter's commentary, shown beside this quarter's in the exception report
        /// ("" when none; withheld in a public report like `commentary`).
        public var previousCommentary: String
        public var previousWithheld: Bool
        /// Status flags for templates: red, amber, complete; red for two or more quarters in a row
        /// (`isEscalation`, as the changes' `escalate`); better or worse than the comparison quarter
        /// (`improved` and `worsened`, as `trend`: completing an action improves it).
        public var isRed, isAmber, isComplete, isEscalation, improved, worsened: Bool
        /// Where carried-forward commentary comes from ("2026/27 Q2 update; none this quarter"),
        /// "" when it was written in the quarter reported on.
        public var commentaryNote: String
        /// True when a public report removed restricted commentary (`commentary` is then "").
        public var withheld: Bool
        public var overdue, stale: Bool
        public var dueDateChanges: [DueChange]
    }

    public struct DueChange: Codable, Equatable, Sendable {
        /// `by` is "" in a public report unless names were asked for (`withNames`).
        public var from, to, reason, by, on: String
        /// The dates in the UK style ("31 Jan 2027"; `fromLabel` is "none" when there was none).
        public var fromLabel, toLabel, onLabel: String
        /// The action moved, for lists of moves across actions (the annual report).
        public var actionID, actionTitle: String
    }

    /// A section of the full table: a prevention group, a lead owner or a workstream (`sectionsBy`).
    public struct GroupSection: Codable, Equatable, Sendable {
        /// `aim` is the group's aim, the owner's role or the workstream's description ("" when none).
        public var id, name, aim: String
        public var actions: [ActionRow]
    }

    /// How many actions had each status at the end of a quarter (the status chart).
    public struct QuarterStatus: Codable, Equatable, Sendable {
        public var quarter: String
        public var total: Int
        public var statuses: [StatusCount]
    }

    /// A quarter's executive summary (the annual report lists the year's).
    public struct QuarterSummary: Codable, Equatable, Sendable {
        public var quarter, text: String
    }

    public struct Change: Codable, Equatable, Sendable {
        public var id, title, owner: String
        /// Change kinds as ids ("newly-red") and as words ("Newly red").
        public var kinds: [String]
        public var labels: String
        public var from, to: String
        /// Flags for templates: which kinds of change this is.
        public var isEscalation, isNewlyRed, improved, worsened, isCompleted: Bool
        /// Red streak, due-date moves with reasons, previous owner; `hasDetail` is false when empty.
        public var detail: String
        public var hasDetail: Bool
    }

    public struct HeatRow: Codable, Equatable, Sendable {
        public var id, title: String
        /// One letter per quarter in `Report.heatQuarters` ("" when there was no review).
        public var letters: [String]
    }

    public var plan: PlanInfo
    /// "Progress report 2026/27 Q3", or "Annual progress report 2025/26".
    public var title: String
    /// The quarter reported on and the one it is compared with (an annual report reports on the
    /// last quarter of its year that has started).
    public var quarter, previousQuarter: String
    /// True when the quarter reported on is still open: the figures are "so far" and the paper
    /// is a draft.
    public var soFar: Bool
    public var generatedOn: String
    /// The day it was made in the UK style ("22 Nov 2026").
    public var generatedOnLabel: String
    /// The board the paper is for and the meeting day ("10 Dec 2026"); "" when not known.
    public var board, meeting: String
    /// Protective marking printed at the top and foot of every page ("OFFICIAL"), "" for none.
    public var marking: String
    /// Print on A4 landscape rather than portrait.
    public var landscape: Bool
    /// The officer's executive summary of the quarter ("" when none), printed first.
    public var summary: String
    public var hasSummary: Bool
    /// True when restricted commentary was left out for publication.
    public var isPublic: Bool
    /// Filters applied, in words ("" when none).
    public var scope: String
    public var ragDefinitions: [StatusDefinition]
    public var overall: Headline
    public var groupHeadlines: [Headline]
    public var overdue, stale: Int
    public var exceptions: [ActionRow]
    public var changes: [Change]
    /// What the full table's sections are: "group" (prevention group), "owner" or "workstream",
    /// and in words ("Prevention group", "Lead owner", "Workstream").
    public var sectionsBy, sectionsByLabel: String
    public var groups: [GroupSection]
    public var heatQuarters: [String]
    public var heat: [HeatRow]
    /// Status counts at the end of each quarter in `heatQuarters` (the stacked-bar chart).
    public var statusHistory: [QuarterStatus]
    /// The annual report's sections; absent from a quarterly report.
    public var annual: AnnualSection?
    /// Key milestones of the included actions, action by action.
    public var milestones: [MilestoneRow]
    /// Funding by source and financial year: the plan's own lines and the included actions'.
    public var funding: [FundingRow]
    /// The outcome indicators (`IndicatorReport.swift`).
    public var indicators: [IndicatorRow]

    public struct StatusDefinition: Codable, Equatable, Sendable {
        public var status, letter, label, meaning: String
    }
}

/// How the full table is divided into sections.
public enum ReportSections: String, CaseIterable, Sendable {
    case group, owner, workstream

    /// In words, for headings.
    public var label: String {
        switch self {
        case .group: "Prevention group"
        case .owner: "Lead owner"
        case .workstream: "Workstream"
        }
    }
}

/// What to report on.
public struct ReportOptions: Sendable {
    public var quarter: Quarter?
    /// An annual report on this financial year instead of a quarter.
    public var year: FinancialYear?
    public var from: Quarter?
    public var group: PreventionGroup?
    public var owner: String?
    public var workstream: String?
    public var isPublic = false
    /// In a public report, keep who made each update (personal data, left out by default).
    public var withNames = false
    /// Sections of the full table.
    public var sectionsBy = ReportSections.group
    /// For the cover and footer: the board (default: the board that closed the quarter, else the
    /// latest board on record, else the partnership), the meeting day and a protective marking.
    public var board: String?
    public var meeting: Day?
    public var marking: String?
    public var landscape = false
    public var now: Timestamp

    public init(now: Timestamp) { self.now = now }
}

extension Report {
    /// Builds the report for a plan. The quarter defaults to the one being edited on `now`; an
    /// annual report (`options.year`) reports on the last quarter of its year that has started.
    public init(plan: Plan, options: ReportOptions) {
        let today = options.now.day
        let live = plan.editingQuarter(on: today)
        let yearQuarters = options.year.map { plan.reportedQuarters(of: $0, on: today) }
        let quarter = yearQuarters?.last ?? options.quarter ?? live
        let previous = options.from ?? plan.comparisonQuarter(for: quarter)
        let quarterEnd = quarter.lastDay(fyStartMonth: plan.financialYearStartMonth)
        let criteria = ActionCriteria(group: options.group, owner: options.owner, workstream: options.workstream)
        // A report on an earlier quarter leaves out actions added after it ended.
        let included = criteria.isEmpty && quarter >= live ? plan.actions  // the whole plan: shared, not copied
            : plan.actions.filter { (criteria.isEmpty || criteria.matches($0, today: today, quarter: live)) && (quarter >= live || $0.existed(by: quarterEnd)) }
        let includedIDs = Set(included.map(\.id))
        func statusAt(_ action: Action) -> Status { plan.status(of: action, in: quarter, live: live) ?? action.status }
        let hideNames = options.isPublic && !options.withNames
        let ownerNames = Dictionary(plan.owners.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        func ownerName(_ id: String) -> String { ownerNames[id] ?? id }
        func dueChange(_ move: DueDateChange, of action: Action) -> DueChange {
            DueChange(from: move.from?.description ?? "", to: move.to.description, reason: move.reason, by: hideNames ? "" : move.by,
                      on: move.on.day.description, fromLabel: move.from?.longLabel ?? "none", toLabel: move.to.longLabel,
                      onLabel: move.on.day.longLabel, actionID: action.id, actionTitle: action.title)
        }
        func row(_ action: Action) -> ActionRow {
            let status = statusAt(action)
            let funding = action.funding.map { funding in
                funding.source + (funding.amount.map { " " + pounds($0) } ?? "")
            } ?? ""
            let commentary = plan.commentary(of: action, in: quarter, live: live)
            let withheld = options.isPublic && action.isWithheld(commentary.text)
            let earlier = plan.commentary(of: action, in: previous, live: live)
            let previousWithheld = options.isPublic && action.isWithheld(earlier.text)
            let decision = options.isPublic && action.commentaryRestricted == true ? "" : action.decisionNeeded ?? ""
            let trend = Trend(from: plan.status(of: action, in: previous, live: live), to: status)
            return ActionRow(
                id: action.id, group: action.group, groupName: action.preventionGroup.map { plan.name(of: $0) } ?? action.group,
                title: action.title, owner: ownerName(action.owner), partners: action.partners.map(ownerName).joined(separator: ", "),
                due: action.due?.description ?? "", status: status.rawValue, letter: String(status.letter), statusLabel: plan.statusLabel(status),
                trend: trend.rawValue, dueLabel: action.due?.longLabel ?? "",
                workstreams: action.workstreams.map(plan.workstreamName).joined(separator: ", "),
                commentary: withheld ? "" : commentary.text, outcomeMeasure: action.outcomeMeasure,
                funding: funding, decisionNeeded: decision, hasDecision: !decision.isEmpty,
                previousCommentary: previousWithheld ? "" : earlier.text, previousWithheld: previousWithheld,
                isRed: status == .red, isAmber: status == .amber, isComplete: status == .complete,
                isEscalation: plan.isEscalation(action, in: quarter, live: live),
                improved: trend == .improved, worsened: trend == .worsened,
                commentaryNote: commentary.note, withheld: withheld, overdue: action.isOverdue(on: min(today, quarterEnd)),
                stale: quarter == live ? action.isStale(in: quarter) : action.review(for: quarter)?.noUpdateProvided == true,
                dueDateChanges: action.dueDateChanges.map { dueChange($0, of: action) })
        }
        func headline(_ name: String, _ statuses: [Status]) -> Headline {
            var counts: [Status: Int] = [:]
            for status in statuses { counts[status, default: 0] += 1 }
            let total = statuses.count
            return Headline(name: name, total: total, statuses: [Status.red, .amber, .green, .complete, .notStarted].map { status in
                let n = counts[status, default: 0]
                return StatusCount(status: status.rawValue, letter: String(status.letter), label: plan.statusLabel(status), count: n,
                                   percent: total == 0 ? 0 : Int((Double(n) * 100 / Double(total)).rounded()))
            })
        }

        let rows = included.map(row)
        var scope: [String] = []
        if let group = options.group { scope.append(plan.name(of: group)) }
        if let owner = options.owner { scope.append("owner " + ownerName(owner)) }
        if let ws = options.workstream { scope.append(plan.workstreamName(ws)) }

        self.plan = PlanInfo(id: plan.id, title: plan.title, partnership: plan.partnership, description: plan.description,
                             periodStart: plan.period.start.description, periodEnd: plan.period.end.description)
        self.title = options.year.map { "Annual progress report \($0)" } ?? "Progress report \(quarter)"
        self.quarter = quarter.description
        self.previousQuarter = previous.description
        self.soFar = !plan.isClosed(quarter)
        self.generatedOn = options.now.description
        self.generatedOnLabel = today.longLabel
        self.board = options.board ?? plan.quarters.first { $0.quarter == quarter }?.board
            ?? plan.quarters.last { $0.board != nil }?.board ?? plan.partnership
        self.meeting = options.meeting?.longLabel ?? ""
        self.marking = options.marking?.trimmingSpaces() ?? ""
        self.landscape = options.landscape
        self.summary = plan.summary(for: quarter)
        self.hasSummary = !summary.isEmpty
        self.isPublic = options.isPublic
        self.scope = scope.joined(separator: " · ")
        self.ragDefinitions = [Status.red, .amber, .green, .complete, .notStarted].map {
            StatusDefinition(status: $0.rawValue, letter: String($0.letter), label: plan.statusLabel($0), meaning: plan.ragDefinitions[$0.rawValue] ?? "")
        }
        let statuses = included.map(statusAt)
        self.overall = headline("All actions", statuses)
        self.groupHeadlines = plan.orderedGroups.map { group in
            headline(plan.name(of: group), included.indices.filter { included[$0].preventionGroup == group }.map { statuses[$0] })
        }
        self.overdue = rows.filter(\.overdue).count
        self.stale = rows.filter(\.stale).count
        self.exceptions = rows.filter { $0.isRed || $0.isAmber }
            .sorted { ($0.isRed ? 0 : 1, $0.id) < ($1.isRed ? 0 : 1, $1.id) }
        self.changes = plan.changes(from: previous, to: quarter, live: live)
            .filter { includedIDs.contains($0.id) || $0.kinds == [.removed] }
            .sorted { lhs, rhs in
                let l = ChangeKind.allCases.firstIndex(of: lhs.kinds[0])!, r = ChangeKind.allCases.firstIndex(of: rhs.kinds[0])!
                return (l, lhs.id) < (r, rhs.id)
            }
            .map { change in
                var detail: [String] = []
                if change.kinds.contains(.escalate) { detail.append("red for \(change.redQuarters) quarters") }
                for move in change.dueDateChanges {
                    detail.append("due \(move.from?.longLabel ?? "none") → \(move.to.longLabel): \(move.reason)")
                }
                if let previous = change.previousOwner { detail.append("owner was \(ownerName(previous))") }
                return Change(id: change.id, title: change.title, owner: ownerName(change.owner),
                              kinds: change.kinds.map(\.rawValue), labels: change.kinds.map(\.label).joined(separator: ", "),
                              from: change.from.map { String($0.letter) } ?? "", to: change.to.map { String($0.letter) } ?? "",
                              isEscalation: change.kinds.contains(.escalate), isNewlyRed: change.kinds.contains(.newlyRed),
                              improved: change.kinds.contains(.improved), worsened: change.kinds.contains(.worsened),
                              isCompleted: change.kinds.contains(.completed),
                              detail: detail.joined(separator: "; "), hasDetail: !detail.isEmpty)
            }
        self.sectionsBy = options.sectionsBy.rawValue
        self.sectionsByLabel = options.sectionsBy.label
        self.groups = sections(of: rows, by: options.sectionsBy, in: plan)
        let quarters = yearQuarters ?? Array(plan.periodQuarters.filter { $0 <= quarter }.suffix(8))
        self.milestones = Self.milestoneRows(included, on: min(today, quarterEnd))
        self.funding = Self.fundingRows(plan, actions: included)
        self.indicators = Report.indicatorRows(plan, quarter: quarter, isPublic: options.isPublic, hideNames: hideNames)
        self.heatQuarters = quarters.map(\.description)
        self.heat = included.map { action in
            HeatRow(id: action.id, title: action.title, letters: quarters.map { q in
                action.review(for: q).map { String($0.status.letter) } ?? ""
            })
        }
        self.statusHistory = quarters.map { q in
            let counted = included.compactMap { plan.status(of: $0, in: q, live: live) }
            let line = headline(q.description, counted)
            return QuarterStatus(quarter: q.description, total: line.total, statuses: line.statuses)
        }
        self.annual = options.year.map { year in
            AnnualSection(year: year, quarters: yearQuarters ?? [], plan: plan, included: included, rows: rows, live: live,
                          dueChange: dueChange)
        }
    }
}

/// The full table's sections: one per prevention group (every group, even empty), per lead owner
/// with actions (plan order), or per workstream with actions (plan order; an action in several
/// appears in each, and actions in none come last under "No workstream").
private func sections(of rows: [Report.ActionRow], by sectionsBy: ReportSections, in plan: Plan) -> [Report.GroupSection] {
    switch sectionsBy {
    case .group:
        return plan.orderedGroups.map { group in
            Report.GroupSection(id: group.rawValue, name: plan.name(of: group), aim: plan.aim(of: group),
                                actions: rows.filter { $0.group == group.rawValue })
        }
    case .owner:
        let ownerOf = Dictionary(plan.actions.map { ($0.id, $0.owner) }, uniquingKeysWith: { first, _ in first })
        return plan.owners.compactMap { owner in
            let actions = rows.filter { ownerOf[$0.id] == owner.id }
            return actions.isEmpty ? nil : Report.GroupSection(id: owner.id, name: owner.name, aim: owner.role ?? "", actions: actions)
        }
    case .workstream:
        let streams = Dictionary(plan.actions.map { ($0.id, Set($0.workstreams)) }, uniquingKeysWith: { first, _ in first })
        var result = plan.workstreams.compactMap { stream in
            let actions = rows.filter { streams[$0.id]?.contains(stream.id) == true }
            return actions.isEmpty ? nil : Report.GroupSection(id: stream.id, name: stream.name, aim: stream.description ?? "", actions: actions)
        }
        let known = Set(plan.workstreams.map(\.id))
        let none = rows.filter { streams[$0.id].map { $0.isDisjoint(with: known) } ?? true }
        if !none.isEmpty { result.append(Report.GroupSection(id: "", name: "No workstream", aim: "", actions: none)) }
        return result
    }
}
