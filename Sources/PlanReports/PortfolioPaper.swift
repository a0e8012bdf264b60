import Foundation  // Decimal
import PlanModel

/// A board paper across many plans: a Violence Reduction Unit's borough plans, or a community
/// safety team's plans. Built from each plan's own report (so every plan reports its own quarter,
/// with its own public-version rules), it holds the totals, one row per plan, the escalations
/// across plans, one lead agency's actions across plans, and the national measures compared.
public struct PortfolioPaper: Sendable {
    /// One plan's line.
    public struct PlanRow: Sendable {
        public var label, title, partnership: String
        /// The quarter this plan reports on, and whether it is still running (figures so far).
        public var quarter: String
        public var soFar: Bool
        public var total: Int
        /// Actions by status in the board's order (red, amber, green, complete, not started).
        public var byStatus: [(letter: String, label: String, count: Int)]
        public var overdue: Int
        /// Red for two quarters or more in a row.
        public var redTwoQuarters: Int
        /// Actions with no update for the quarter.
        public var noUpdate: Int
        /// Lead owners who still owe their update (their return) for the quarter.
        public var returnsOutstanding: Int
        /// The first sentence of the plan's executive summary for the quarter ("" when none).
        public var summaryLine: String
    }

    /// One action in a list across plans.
    public struct PlanAction: Sendable {
        public var plan: String
        public var quarter: String
        public var action: Report.ActionRow
    }

    /// One plan's figure for a national measure.
    public struct MeasureFigure: Sendable {
        public var plan: String
        /// The data quarter of the latest figure up to the plan's quarter ("" when none).
        public var quarter: String
        /// The figure as the paper prints it ("fewer than 5" when a public paper suppresses it; "" when none).
        public var value: String
        public var number: Double?
        public var provisional: Bool
        /// Per 100,000 population, when the plan records its population and the figure is shown.
        public var rate: Double?
        /// The last eight quarters' figures (nil where none or suppressed), oldest first, for the small multiples.
        public var recent: [(quarter: String, number: Double?, rate: Double?)]
    }

    /// One national measure across the plans that report it.
    public struct MeasureComparison: Sendable {
        public var measure: NationalMeasure
        public var figures: [MeasureFigure]
        /// Every plan reporting it records its population, so the charts show rates.
        public var usesRates: Bool
    }

    public var name: String
    public var generatedOn: String
    /// When the paper was made: the printed PDF's own dates.
    public var madeAt: Timestamp
    public var board, meeting, marking: String
    public var isPublic: Bool
    public var plans: [PlanRow]
    public var totals: PlanRow
    public var escalations: [PlanAction]
    /// The lead agency asked for (as typed) and its actions across plans; nil when none was asked for.
    public var lead: String?
    public var leadActions: [PlanAction]
    public var measures: [MeasureComparison]

    /// The paper over `plans` and each one's report (in the same order).
    public init(name: String?, plans: [LabelledPlan], reports: [Report], lead: String?, options: ReportOptions) {
        self.name = name.map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 } ?? "Portfolio of \(plans.count) plans"
        generatedOn = options.now.day.longLabel
        madeAt = options.now
        board = options.board ?? ""
        meeting = options.meeting?.longLabel ?? ""
        marking = options.marking?.trimmingSpaces() ?? ""
        isPublic = options.isPublic
        let pairs = Array(zip(plans, reports))
        self.plans = pairs.map { PortfolioPaper.row($0.0, $0.1) }
        totals = PortfolioPaper.totals(self.plans)
        escalations = pairs.flatMap { entry, report in
            report.exceptions.filter(\.isEscalation).map { PlanAction(plan: entry.label, quarter: report.quarter, action: $0) }
        }
        self.lead = lead
        let key = lead?.trimmingSpaces().lowercased() ?? ""
        leadActions = key.isEmpty ? [] : pairs.flatMap { entry, report in
            report.groups.flatMap(\.actions).filter { $0.owner.lowercased().contains(key) }
                .map { PlanAction(plan: entry.label, quarter: report.quarter, action: $0) }
        }
        measures = NationalMeasure.allCases.compactMap { measure in
            let figures = pairs.compactMap { entry, report in
                PortfolioPaper.figure(measure, entry, quarter: Quarter(report.quarter), isPublic: options.isPublic)
            }
            return figures.isEmpty ? nil : MeasureComparison(measure: measure, figures: figures, usesRates: figures.allSatisfy { entry in
                plans.first { $0.label == entry.plan }?.plan.population != nil
            })
        }
    }

    private static func row(_ entry: LabelledPlan, _ report: Report) -> PlanRow {
        let quarter = Quarter(report.quarter)
        let owing = quarter.map { entry.plan.isClosed($0) ? 0 : entry.plan.owedUpdates(for: $0).count } ?? 0
        let summary = report.summary.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let sentence = summary.range(of: ". ").map { String(summary[..<$0.lowerBound]) + "." } ?? summary
        return PlanRow(label: entry.label, title: entry.plan.title, partnership: entry.plan.partnership, quarter: report.quarter,
                       soFar: report.soFar, total: report.overall.total,
                       byStatus: report.overall.statuses.map { ($0.letter, $0.label, $0.count) }, overdue: report.overdue,
                       redTwoQuarters: report.groups.flatMap(\.actions).filter(\.isEscalation).count, noUpdate: report.stale,
                       returnsOutstanding: owing, summaryLine: sentence)
    }

    private static func totals(_ rows: [PlanRow]) -> PlanRow {
        let statuses = rows.first?.byStatus.map { status in
            (status.letter, status.label, rows.map { $0.byStatus.first { $0.letter == status.letter }?.count ?? 0 }.reduce(0, +))
        } ?? []
        func sum(_ field: (PlanRow) -> Int) -> Int { rows.map(field).reduce(0, +) }
        return PlanRow(label: "Total", title: "All plans", partnership: "", quarter: "", soFar: false, total: sum(\.total),
                       byStatus: statuses, overdue: sum(\.overdue), redTwoQuarters: sum(\.redTwoQuarters), noUpdate: sum(\.noUpdate),
                       returnsOutstanding: sum(\.returnsOutstanding), summaryLine: "")
    }

    /// A plan's figure for `measure` as of its quarter; nil when the plan does not report it (or a
    /// public paper leaves the indicator out).
    private static func figure(_ measure: NationalMeasure, _ entry: LabelledPlan, quarter: Quarter?, isPublic: Bool) -> MeasureFigure? {
        guard let indicator = entry.plan.indicator(for: measure), !(isPublic && indicator.restricted == true) else { return nil }
        let population = entry.plan.population
        func hidden(_ value: Decimal) -> Bool { isPublic && indicator.isSuppressed(value) }
        func rate(_ value: Decimal) -> Double? {
            guard let population, !hidden(value) else { return nil }
            return value.double * 100_000 / Double(population)
        }
        let shown = indicator.values.filter { value in quarter.map { value.quarter <= $0 } ?? true }.sorted { $0.quarter < $1.quarter }
        let latest = shown.last
        return MeasureFigure(
            plan: entry.label, quarter: latest?.quarter.description ?? "",
            value: latest.map { isPublic ? indicator.publicText($0.value) : indicator.format($0.value) } ?? "",
            number: latest.flatMap { hidden($0.value) ? nil : $0.value.double }, provisional: latest?.isProvisional ?? false,
            rate: latest.flatMap { rate($0.value) },
            recent: shown.suffix(8).map { ($0.quarter.description, hidden($0.value) ? nil : $0.value.double, rate($0.value)) })
    }
}

/// A rate per 100,000 as printed: one decimal place.
func rateText(_ rate: Double?) -> String { rate.map { String(format: "%.1f", $0) } ?? "–" }
