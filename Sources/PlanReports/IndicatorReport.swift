import Foundation  // Decimal
import PlanModel

extension Report {
    /// One outcome indicator as every export shows it, as of the quarter reported on. In a
    /// public report restricted indicators are left out, small counts read "fewer than N"
    /// (`suppressed`) and the changes and totals that would reveal them are left blank.
    public struct IndicatorRow: Codable, Equatable, Sendable {
        public var id, name, description, unit, better, source, owner: String
        /// The national measure the indicator reports (`hospital-knife`, `homicide-u25`… as in
        /// docs/plan-format.md), the key that matches it across plans; "" for a local indicator.
        public var measure: String
        /// The latest value up to the quarter reported on, formatted ("" when none).
        public var latest, latestQuarter: String
        public var latestProvisional, latestSuppressed: Bool
        /// Against the target: `green`, `amber`, `red` or `none` (also when a public report
        /// suppresses the latest value), with letter and words.
        public var status, statusLetter, statusLabel: String
        /// Against the quarter before and the same quarter a year before: ▲ ▼ or =, the change
        /// ("+3 (+8%)") and whether that is `better`, `worse` or `same` ("" without a comparison).
        public var vsPreviousArrow, vsPrevious, vsPreviousWord: String
        public var vsLastYearArrow, vsLastYear, vsLastYearWord: String
        public var vsBaseline: String
        public var baseline, baselinePeriod, target, targetBy, tolerance: String
        /// Counts: the financial year's total so far ("" otherwise, or when it would reveal a
        /// suppressed value), and its quarters ("2 of 4 quarters").
        public var yearTotal, yearQuarters: String
        /// The last eight quarters in block characters (spaces in a public report when any is suppressed).
        public var sparkline: String
        /// Every value up to the quarter reported on, oldest first.
        public var values: [IndicatorPoint]
        /// Target and baseline as plain numbers for charts (nil when not set).
        public var targetNumber, baselineNumber: Double?
        /// True in a public report when small values are shown as "fewer than N".
        public var suppressBelow: Int?
        /// Values up to the quarter reported on that changed after the paper of the quarter they
        /// describe (`Plan.revisions(of:upTo:)`), oldest first; nil (absent from JSON) when none.
        public var revisions: [RevisedValue]?
    }

    /// A value revised since its quarter's paper: what that paper showed and what it is now.
    public struct RevisedValue: Codable, Equatable, Sendable {
        public var quarter, was, now: String
    }

    /// One quarter's value of an indicator.
    public struct IndicatorPoint: Codable, Equatable, Sendable {
        public var quarter, value, note, by, on: String
        /// The value as a plain number for charts; nil when suppressed.
        public var number: Double?
        public var provisional, suppressed: Bool
    }

    /// The indicators section of a report on `quarter`.
    static func indicatorRows(_ plan: Plan, quarter: Quarter, isPublic: Bool, hideNames: Bool) -> [IndicatorRow] {
        plan.indicators.filter { !isPublic || $0.restricted != true }.map { indicator in
            let facts = indicator.facts(asOf: quarter)
            func hidden(_ value: IndicatorValue?) -> Bool { isPublic && value.map { indicator.isSuppressed($0.value) } ?? false }
            func text(_ value: Decimal) -> String { isPublic ? indicator.publicText(value) : indicator.format(value) }
            func movement(_ m: Movement?, against other: IndicatorValue?) -> (String, String, String) {
                guard let m, !hidden(facts.latest), !hidden(other) else { return ("", "", "") }
                let percent = m.percent.map { " (\($0 >= 0 ? "+" : "")\(Int($0.rounded()))%)" } ?? ""
                return (m.arrow, indicator.formatChange(m.change) + percent, m.word)
            }
            let previous = movement(facts.vsPrevious, against: facts.previous)
            let lastYear = movement(facts.vsLastYear, against: facts.lastYear)
            let baseline = movement(facts.vsBaseline, against: nil)
            let shown = indicator.values.filter { $0.quarter <= quarter }.sorted { $0.quarter < $1.quarter }
            let yearHidden = isPublic && shown.contains { $0.quarter.year == facts.latest?.quarter.year && indicator.isSuppressed($0.value) }
            // A status worked out from a suppressed value could narrow "fewer than N" down.
            let status = hidden(facts.latest) ? IndicatorStatus.none : facts.status
            let sparklineHidden = isPublic && shown.suffix(8).contains { indicator.isSuppressed($0.value) }
            var row = IndicatorRow(
                id: indicator.id, name: indicator.name, description: indicator.description, unit: indicator.unit,
                better: indicator.better.rawValue, source: indicator.source, owner: indicator.owner.map { plan.ownerName($0) } ?? "",
                measure: indicator.measure?.rawValue ?? "",
                latest: facts.latest.map { text($0.value) } ?? "", latestQuarter: facts.latest?.quarter.description ?? "",
                latestProvisional: facts.latest?.isProvisional ?? false, latestSuppressed: hidden(facts.latest),
                status: status.rawValue, statusLetter: String(status.letter), statusLabel: hidden(facts.latest) ? "Withheld (small number)" : status.label,
                vsPreviousArrow: previous.0, vsPrevious: previous.1, vsPreviousWord: previous.2,
                vsLastYearArrow: lastYear.0, vsLastYear: lastYear.1, vsLastYearWord: lastYear.2, vsBaseline: baseline.1,
                baseline: indicator.baseline.map { indicator.format($0.value) } ?? "", baselinePeriod: indicator.baseline?.period ?? "",
                target: indicator.target.map { indicator.format($0.value) } ?? "", targetBy: indicator.target?.by.description ?? "",
                tolerance: indicator.tolerance.map { "\($0)%" } ?? "",
                yearTotal: yearHidden ? "" : facts.yearTotal.map(indicator.format) ?? "",
                yearQuarters: facts.yearTotal == nil || yearHidden ? "" : "\(facts.yearQuarters) of 4 quarters",
                sparkline: facts.latest.map { sparklineHidden ? "" : indicator.sparkline(endingAt: $0.quarter) } ?? "",
                values: shown.map { value in
                    let suppressed = isPublic && indicator.isSuppressed(value.value)
                    return IndicatorPoint(quarter: value.quarter.description, value: text(value.value), note: value.note,
                                          by: hideNames ? "" : value.by, on: value.on.day.description,
                                          number: suppressed ? nil : value.value.double, provisional: value.isProvisional,
                                          suppressed: suppressed)
                },
                targetNumber: indicator.target?.value.double, baselineNumber: indicator.baseline?.value.double,
                suppressBelow: isPublic ? indicator.suppressBelow : nil)
            let revisions = plan.revisions(of: indicator, upTo: quarter).map {
                RevisedValue(quarter: $0.quarter.description, was: text($0.was), now: text($0.now))
            }
            row.revisions = revisions.isEmpty ? nil : revisions
            return row
        }
    }

    /// The words under an indicators table for values revised since the paper that showed them
    /// ("" when none): "Revised since an earlier paper: Knife admissions 2026/27 Q1 was 11 in
    /// that quarter's paper, now 12."
    var revisionsNote: String {
        let revised = indicators.flatMap { row in (row.revisions ?? []).map { "\(row.name) \($0.quarter) was \($0.was) in that quarter's paper, now \($0.now)" } }
        return revised.isEmpty ? "" : "Revised since an earlier paper: " + revised.joined(separator: "; ") + "."
    }
}
