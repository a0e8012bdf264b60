import Foundation  // Decimal for values

/// An outcome indicator of the plan's performance framework: "is violence going down?" beside
/// the actions' "are we doing what we said?". Values are recorded per financial-year quarter.
public struct Indicator: Equatable, Sendable, Identifiable {
    /// Stable id such as `knife-admissions-u25`.
    public var id: String
    public var name: String
    /// What is counted and how; sample plans mark illustrative figures here.
    public var description: String
    /// `count`, `rate per 1,000`, `%`, `£`…: free text; `count` has financial-year totals.
    public var unit: String
    /// Whether a lower or a higher value is better.
    public var better: Polarity
    /// Where the figures come from, e.g. "Hospital Episode Statistics".
    public var source: String
    /// Id of the lead owner, when one is named.
    public var owner: String?
    /// The national Serious Violence Duty measure this indicator reports, matching it with the same
    /// measure in other plans; nil for a local indicator.
    public var measure: NationalMeasure?
    public var baseline: Baseline?
    public var target: Target?
    /// Amber band beyond the target, as a percentage of the target (10 means within 10%).
    public var tolerance: Decimal?
    /// Prevention group ids, workstream ids and action ids the indicator measures.
    public var groups: [String]
    public var workstreams: [String]
    public var actions: [String]
    /// Left out of public outputs altogether.
    public var restricted: Bool?
    /// Public outputs show values above zero and below this as "fewer than N" (small-number
    /// suppression, as published crime and health statistics do).
    public var suppressBelow: Int?
    /// At most one per quarter, oldest first.
    public var values: [IndicatorValue]
    public var created: Timestamp?
    public var updated: Timestamp?
    public var updatedBy: String?
    /// Audit trail: every field or value change made through dplan, oldest first (absent when none).
    public var changeLog: [FieldChange]?

    public init(id: String, name: String, unit: String, better: Polarity, description: String = "", source: String = "",
                owner: String? = nil, baseline: Baseline? = nil, target: Target? = nil, tolerance: Decimal? = nil,
                groups: [String] = [], workstreams: [String] = [], actions: [String] = [], restricted: Bool? = nil,
                suppressBelow: Int? = nil, measure: NationalMeasure? = nil, values: [IndicatorValue] = []) {
        self.id = id
        self.name = name
        self.description = description
        self.unit = unit
        self.better = better
        self.source = source
        self.owner = owner
        self.baseline = baseline
        self.target = target
        self.tolerance = tolerance
        self.groups = groups
        self.workstreams = workstreams
        self.actions = actions
        self.restricted = restricted
        self.suppressBelow = suppressBelow
        self.measure = measure
        self.values = values
    }

    /// Whether the unit is a count (whole events: admissions, offences, homicides), which has
    /// financial-year totals and cannot be negative.
    public var isCount: Bool { unit.trimmingSpaces().lowercased() == "count" }

    /// Whether a negative value is impossible: counts, rates and percentages. Other units (£, a
    /// net change) may go below zero.
    public var isNonNegative: Bool {
        let key = unit.trimmingSpaces().lowercased()
        return isCount || key.hasPrefix("rate") || key == "%" || key.hasPrefix("percent")
    }

    /// The value recorded for `quarter`, if any.
    public func value(for quarter: Quarter) -> IndicatorValue? {
        values.last { $0.quarter == quarter }
    }
}

/// Which way is good.
public enum Polarity: String, Sendable, CaseIterable {
    case lower, higher

    /// What a file or command line spells it as.
    public static let expectedFormat = "\"lower\" or \"higher\""
}

/// The starting point: a value and the period it describes ("2023/24", "2024/25 Q4").
public struct Baseline: Equatable, Sendable {
    public var value: Decimal
    public var period: String

    public init(value: Decimal, period: String) {
        self.value = value
        self.period = period
    }
}

/// Where the indicator should be, and the quarter by which.
public struct Target: Equatable, Sendable {
    public var value: Decimal
    public var by: Quarter

    public init(value: Decimal, by: Quarter) {
        self.value = value
        self.by = by
    }
}

/// One quarter's figure: the data quarter it describes, with who recorded it and when.
public struct IndicatorValue: Equatable, Sendable {
    public var quarter: Quarter
    public var value: Decimal
    public var note: String
    /// Recent figures are often provisional and revised later.
    public var provisional: Bool?
    public var by: String
    public var on: Timestamp

    public init(quarter: Quarter, value: Decimal, note: String = "", provisional: Bool? = nil, by: String, on: Timestamp) {
        self.quarter = quarter
        self.value = value
        self.note = note
        self.provisional = provisional
        self.by = by
        self.on = on
    }

    public var isProvisional: Bool { provisional == true }
}
