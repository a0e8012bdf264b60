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
        /// The lead's update for the quarter reported on, where the board gave its own view: the
        /// lead's status, who recorded the update and when ("" otherwise, or names left out).
        public var leadLetter = "", leadStatusLabel = "", leadBy = "", leadOn = ""
        /// The board settled on another status than the lead's (`status` is the board's): its
        /// status, reason, who recorded it and when. The lead's words stay in `commentary`.
        public var hasBoardView = false
        public var boardLetter = "", boardStatusLabel = "", boardReason = "", boardBy = "", boardOn = ""
        /// The lead's own latest update as the quarterly return pre-fills it (never the board's
        /// view): status letter and label, the words written in the quarter reported on ("" when
        /// none; "(withheld)" in a public report), and words from an earlier quarter shown beside
        /// them for reference only ("2026/27 Q2: …", "" when none).
        public var returnLetter = "", returnStatusLabel = "", returnCommentary = "", returnReference = ""
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
    /// True when the quarter reported on (an annual report: its year) is still running, not ended
    /// and not closed, or a draft was asked for: the figures are "so far" and the paper is a
    /// draft. A paper for a quarter that has ended is the board's paper.
    public var soFar: Bool
    public var generatedOn: String
    /// The day it was made in the UK style ("22 Nov 2026").
    public var generatedOnLabel: String
    /// The board the paper is for and the meeting day ("10 Dec 2026"); "" when not known.
    public var board, meeting: String
    /// Who the paper is from and how to reach them (the plan's `author` and `contact`), "" when not set.
    public var author, contact: String
    /// Protective marking printed at the top and foot of every page ("OFFICIAL"), "" for none.
    public var marking: String
    /// Print on A4 landscape rather than portrait.
    public var landscape: Bool
    /// The officer's executive summary of the quarter ("" when none), printed first.
    public var summary: String
    public var hasSummary: Bool
    /// Whether the paper has the "Decisions and recommendations for the board" section: always,
    /// except in a public version without `--with-decisions`.
    public var showsDecisions: Bool
    /// What the board is asked to do with the paper (numbered in that section).
    public var recommendations: [String]
    /// Every included action's ask of the board, red first (empty when the paper leaves them out).
    public var decisions: [Decision]
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
    /// The status-history table's quarters: up to eight ending with the one reported on (an
    /// annual report: its year's), from the first in which an included action was reviewed.
    public var heatQuarters: [String]
    public var heat: [HeatRow]
    /// No included action has a review at any quarter end in `heatQuarters`: the papers say so in
    /// a sentence rather than print a table of dots.
    var noStatusHistory: Bool { !heat.contains { $0.letters.contains { !$0.isEmpty } } }
    /// Status counts at the end of each quarter in `heatQuarters` (the stacked-bar chart).
    public var statusHistory: [QuarterStatus]
    /// The annual report's sections; absent from a quarterly report.
    public var annual: AnnualSection?
    /// Key milestones of the included actions, action by action.
    public var milestones: [MilestoneRow]
    /// Funding by source and financial year: the plan's own lines and the included actions'.
    public var funding: [FundingRow]
    /// The finance summary the paper prints (`FinanceSummary.swift`); nil when no money is recorded.
    public var finance: FinanceSummary?
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
    /// In a public report, keep the board's asks (each action's decision or help needed, and the
    /// "Decisions and recommendations for the board" section), left out by default.
    public var withDecisions = false
    /// Sections of the full table.
    public var sectionsBy = ReportSections.group
    /// For the cover and footer: the board (default: the board that closed the quarter, else the
    /// latest board on record, else the partnership), the meeting day and a protective marking.
    public var board: String?
    public var meeting: Day?
    public var marking: String?
    public var landscape = false
    /// Mark the paper a draft with figures "so far" even when its quarter (or year) has ended.
    public var draft = false
    public var now: Timestamp

    public init(now: Timestamp) { self.now = now }
}

extension Report {
    /// Builds the report for a plan. The quarter defaults to `Plan.reportingQuarter(on:)`; an
    /// annual report (`options.year`) reports on the last quarter of its year that has started.
    public init(plan: Plan, options: ReportOptions) {
        let facts = ReportFacts(plan: plan, options: options)
        let quarter = facts.quarter, included = facts.included
        let rows = included.map(facts.row)
        self.plan = PlanInfo(id: plan.id, title: plan.title, partnership: plan.partnership, description: plan.description,
                             periodStart: plan.period.start.description, periodEnd: plan.period.end.description)
        self.title = options.year.map { "Annual progress report \($0)" } ?? "Progress report \(quarter)"
        self.quarter = quarter.description
        self.previousQuarter = facts.previous.description
        self.soFar = options.draft || options.year.map { plan.isRunning($0, on: facts.today) } ?? plan.isRunning(quarter, on: facts.today)
        self.generatedOn = options.now.description
        self.generatedOnLabel = facts.today.longLabel
        self.board = options.board ?? plan.quarters.first { $0.quarter == quarter }?.board
            ?? plan.quarters.last { $0.board != nil }?.board ?? plan.partnership
        self.meeting = options.meeting?.longLabel ?? ""
        self.author = plan.author
        self.contact = plan.contact
        self.marking = options.marking?.trimmingSpaces() ?? ""
        self.landscape = options.landscape
        self.summary = plan.summary(for: quarter)
        self.hasSummary = !summary.isEmpty
        self.isPublic = options.isPublic
        self.showsDecisions = !options.isPublic || options.withDecisions
        self.decisions = showsDecisions ? Self.decisions(from: rows) : []
        self.recommendations = Self.recommendations(period: options.year?.description ?? quarter.description, soFar: soFar,
                                                    asks: decisions.count)
        self.scope = facts.scope
        self.ragDefinitions = [Status.red, .amber, .green, .complete, .notStarted].map {
            StatusDefinition(status: $0.rawValue, letter: String($0.letter), label: plan.statusLabel($0), meaning: plan.ragDefinitions[$0.rawValue] ?? "")
        }
        let statuses = included.map(facts.status)
        self.overall = facts.headline("All actions", statuses)
        self.groupHeadlines = plan.orderedGroups.map { group in
            facts.headline(plan.name(of: group), included.indices.filter { included[$0].preventionGroup == group }.map { statuses[$0] })
        }
        self.overdue = rows.filter(\.overdue).count
        self.stale = rows.filter(\.stale).count
        self.exceptions = rows.filter { $0.isRed || $0.isAmber }
            .sorted { ($0.isRed ? 0 : 1, $0.id) < ($1.isRed ? 0 : 1, $1.id) }
        self.changes = facts.changes()
        self.sectionsBy = options.sectionsBy.rawValue
        self.sectionsByLabel = options.sectionsBy.label
        self.groups = sections(of: rows, by: options.sectionsBy, in: plan)
        self.milestones = Self.milestoneRows(included, on: min(facts.today, facts.quarterEnd))
        self.funding = Self.fundingRows(plan, actions: included)
        self.finance = Self.financeSummary(plan, actions: included)
        self.indicators = Report.indicatorRows(plan, quarter: quarter, isPublic: options.isPublic, hideNames: facts.hideNames)
        let quarters = facts.yearQuarters ?? Array(plan.periodQuarters.filter { $0 <= quarter }.suffix(8))
        let heat = facts.heat(over: quarters)
        self.heatQuarters = heat.quarters.map(\.description)
        self.heat = heat.rows
        self.statusHistory = quarters.map(facts.statusCounts)
        self.annual = options.year.map { year in
            AnnualSection(year: year, quarters: facts.yearQuarters ?? [], plan: plan, included: included, rows: rows, live: facts.live,
                          dueChange: facts.dueChange)
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
