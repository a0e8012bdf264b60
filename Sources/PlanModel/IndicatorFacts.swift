import Foundation  // Decimal arithmetic

/// Where an indicator stands against its target.
public enum IndicatorStatus: String, Sendable, CaseIterable {
    /// At or better than the target.
    case green
    /// Worse than the target but within the tolerance.
    case amber
    /// Worse than the target beyond the tolerance.
    case red
    /// No target, or no value yet.
    case none

    /// One letter, so the status reads without colour: G, A, R, or a dash.
    public var letter: Character {
        switch self {
        case .green: "G"
        case .amber: "A"
        case .red: "R"
        case .none: "-"
        }
    }

    public var label: String {
        switch self {
        case .green: "On target"
        case .amber: "Within tolerance"
        case .red: "Off target"
        case .none: "No target"
        }
    }
}

/// How a value moved against an earlier one: up or down, and whether that is good.
public struct Movement: Equatable, Sendable {
    /// The later value minus the earlier.
    public var change: Decimal
    /// Change as a percentage of the earlier value; nil when that was zero.
    public var percent: Double?
    public var isBetter: Bool
    public var isWorse: Bool

    init(from earlier: Decimal, to later: Decimal, better: Polarity) {
        change = later - earlier
        percent = earlier == 0 ? nil : (later - earlier).double / earlier.double * 100
        isBetter = better == .lower ? later < earlier : later > earlier
        isWorse = better == .lower ? later > earlier : later < earlier
    }

    /// ▲ up, ▼ down, = unchanged: the direction of the number, not whether it is good.
    public var arrow: String { change > 0 ? "▲" : change < 0 ? "▼" : "=" }

    /// "better", "worse" or "same".
    public var word: String { isBetter ? "better" : isWorse ? "worse" : "same" }
}

/// Everything derived about an indicator as of a quarter: the facts every screen, command and
/// report shows, computed in one place.
public struct IndicatorFacts: Equatable, Sendable {
    /// The newest value for a quarter up to the one asked about.
    public var latest: IndicatorValue?
    /// The value for the quarter before the latest, and the change to the latest.
    public var previous: IndicatorValue?
    public var vsPrevious: Movement?
    /// The value for the same quarter a year before the latest (violence is seasonal).
    public var lastYear: IndicatorValue?
    public var vsLastYear: Movement?
    /// The latest value against the baseline.
    public var vsBaseline: Movement?
    public var status: IndicatorStatus
    /// For counts: the total of the latest value's financial year so far, and how many of its
    /// quarters have values (a total of fewer than four quarters is partial).
    public var yearTotal: Decimal?
    public var yearQuarters: Int
}

extension Indicator {
    /// The facts as of `quarter` (nil: every value recorded). Values for later quarters are ignored.
    public func facts(asOf quarter: Quarter? = nil) -> IndicatorFacts {
        let latest = values.filter { value in quarter.map { value.quarter <= $0 } ?? true }.max { $0.quarter < $1.quarter }
        guard let latest else {
            return IndicatorFacts(status: .none, yearQuarters: 0)
        }
        let previous = value(for: latest.quarter.previous)
        let lastYear = Quarter(year: latest.quarter.year - 1, number: latest.quarter.number).flatMap(value(for:))
        var facts = IndicatorFacts(latest: latest, previous: previous,
                                   vsPrevious: previous.map { Movement(from: $0.value, to: latest.value, better: better) },
                                   lastYear: lastYear,
                                   vsLastYear: lastYear.map { Movement(from: $0.value, to: latest.value, better: better) },
                                   vsBaseline: baseline.map { Movement(from: $0.value, to: latest.value, better: better) },
                                   status: status(of: latest.value), yearQuarters: 0)
        if isCount {
            let year = values.filter { $0.quarter.year == latest.quarter.year && $0.quarter <= latest.quarter }
            facts.yearTotal = year.reduce(Decimal(0)) { $0 + $1.value }
            facts.yearQuarters = year.count
        }
        return facts
    }

    /// Green at or better than the target, amber worse but within the tolerance (a percentage
    /// of the target), red beyond it; none without a target.
    public func status(of value: Decimal) -> IndicatorStatus {
        guard let target else { return .none }
        let band = abs(target.value) * (tolerance ?? 0) / 100
        switch better {
        case .lower:
            if value <= target.value { return .green }
            return value <= target.value + band ? .amber : .red
        case .higher:
            if value >= target.value { return .green }
            return value >= target.value - band ? .amber : .red
        }
    }

    /// The values of the last `count` quarters up to `quarter`, oldest first, nil where a
    /// quarter has none: what a sparkline or chart draws.
    public func series(endingAt quarter: Quarter, count: Int) -> [(quarter: Quarter, value: IndicatorValue?)] {
        var quarters: [Quarter] = []
        var q = quarter
        for _ in 0..<max(0, count) {
            quarters.append(q)
            q = q.previous
        }
        return quarters.reversed().map { ($0, value(for: $0)) }
    }
}

extension Decimal {
    /// The value as a Double, for percentages and drawing.
    public var double: Double { NSDecimalNumber(decimal: self).doubleValue }
}
