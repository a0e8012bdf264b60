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
        public var commentary, outcomeMeasure, funding: String
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
    }

    public struct GroupSection: Codable, Equatable, Sendable {
        public var id, name, aim: String
        public var actions: [ActionRow]
    }

    public struct Change: Codable, Equatable, Sendable {
        public var id, title, owner: String
        /// Change kinds as ids ("newly-red") and as words ("Newly red").
        public var kinds: [String]
        public var labels: String
        public var from, to: String
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
    /// The quarter reported on and the one it is compared with.
    public var quarter, previousQuarter: String
    /// True when the quarter reported on is still open: the figures are "so far".
    public var soFar: Bool
    public var generatedOn: String
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
    public var groups: [GroupSection]
    public var heatQuarters: [String]
    public var heat: [HeatRow]
    /// The outcome indicators (`IndicatorReport.swift`).
    public var indicators: [IndicatorRow]

    public struct StatusDefinition: Codable, Equatable, Sendable {
        public var status, letter, label, meaning: String
    }
}

/// What to report on.
public struct ReportOptions: Sendable {
    public var quarter: Quarter?
    public var from: Quarter?
    public var group: PreventionGroup?
    public var owner: String?
    public var workstream: String?
    public var isPublic = false
    /// In a public report, keep who made each update (personal data, left out by default).
    public var withNames = false
    public var now: Timestamp

    public init(now: Timestamp) { self.now = now }
}

extension Report {
    /// Builds the report for a plan. The quarter defaults to the one being edited on `now`.
    public init(plan: Plan, options: ReportOptions) {
        let today = options.now.day
        let live = plan.editingQuarter(on: today)
        let quarter = options.quarter ?? live
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
        func row(_ action: Action) -> ActionRow {
            let status = statusAt(action)
            let funding = action.funding.map { funding in
                funding.source + (funding.amount.map { " " + pounds($0) } ?? "")
            } ?? ""
            let commentary = plan.commentary(of: action, in: quarter, live: live)
            let withheld = options.isPublic && action.isWithheld(commentary.text)
            return ActionRow(
                id: action.id, group: action.group, groupName: action.preventionGroup.map { plan.name(of: $0) } ?? action.group,
                title: action.title, owner: ownerName(action.owner), partners: action.partners.map(ownerName).joined(separator: ", "),
                due: action.due?.description ?? "", status: status.rawValue, letter: String(status.letter), statusLabel: status.label,
                trend: action.trend(in: quarter).rawValue, commentary: withheld ? "" : commentary.text, outcomeMeasure: action.outcomeMeasure,
                funding: funding, commentaryNote: commentary.note, withheld: withheld, overdue: action.isOverdue(on: min(today, quarter.lastDay(fyStartMonth: plan.financialYearStartMonth))),
                stale: quarter == live ? action.isStale(in: quarter) : action.review(for: quarter)?.noUpdateProvided == true,
                dueDateChanges: action.dueDateChanges.map {
                    DueChange(from: $0.from?.description ?? "", to: $0.to.description, reason: $0.reason, by: hideNames ? "" : $0.by,
                              on: $0.on.day.description)
                })
        }
        func headline(_ name: String, _ statuses: [Status]) -> Headline {
            var counts: [Status: Int] = [:]
            for status in statuses { counts[status, default: 0] += 1 }
            let total = statuses.count
            return Headline(name: name, total: total, statuses: [Status.red, .amber, .green, .complete, .notStarted].map { status in
                let n = counts[status, default: 0]
                return StatusCount(status: status.rawValue, letter: String(status.letter), label: status.label, count: n,
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
        self.quarter = quarter.description
        self.previousQuarter = previous.description
        self.soFar = !plan.isClosed(quarter)
        self.generatedOn = options.now.description
        self.isPublic = options.isPublic
        self.scope = scope.joined(separator: " · ")
        self.ragDefinitions = [Status.red, .amber, .green, .complete, .notStarted].map {
            StatusDefinition(status: $0.rawValue, letter: String($0.letter), label: $0.label, meaning: plan.ragDefinitions[$0.rawValue] ?? "")
        }
        let statuses = included.map(statusAt)
        self.overall = headline("All actions", statuses)
        self.groupHeadlines = PreventionGroup.allCases.map { group in
            headline(plan.name(of: group), included.indices.filter { included[$0].preventionGroup == group }.map { statuses[$0] })
        }
        self.overdue = rows.filter(\.overdue).count
        self.stale = rows.filter(\.stale).count
        self.exceptions = rows.filter { $0.status == Status.red.rawValue || $0.status == Status.amber.rawValue }
            .sorted { ($0.status == "red" ? 0 : 1, $0.id) < ($1.status == "red" ? 0 : 1, $1.id) }
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
                    detail.append("due \(move.from?.description ?? "none") → \(move.to): \(move.reason)")
                }
                if let previous = change.previousOwner { detail.append("owner was \(ownerName(previous))") }
                return Change(id: change.id, title: change.title, owner: ownerName(change.owner),
                              kinds: change.kinds.map(\.rawValue), labels: change.kinds.map(\.label).joined(separator: ", "),
                              from: change.from.map { String($0.letter) } ?? "", to: change.to.map { String($0.letter) } ?? "",
                              detail: detail.joined(separator: "; "), hasDetail: !detail.isEmpty)
            }
        self.groups = PreventionGroup.allCases.map { group in
            GroupSection(id: group.rawValue, name: plan.name(of: group), aim: plan.aim(of: group),
                         actions: rows.filter { $0.group == group.rawValue })
        }
        self.indicators = Report.indicatorRows(plan, quarter: quarter, isPublic: options.isPublic, hideNames: hideNames)
        let quarters = plan.periodQuarters.filter { $0 <= quarter }.suffix(8)
        self.heatQuarters = quarters.map(\.description)
        self.heat = included.map { action in
            HeatRow(id: action.id, title: action.title, letters: quarters.map { q in
                action.review(for: q).map { String($0.status.letter) } ?? ""
            })
        }
    }
}
