import Foundation  // Decimal

/// Why an indicator edit was refused.
public enum IndicatorError: Error, Equatable, CustomStringConvertible {
    case unknownIndicator(String)
    case duplicateIndicatorID(String)
    case emptyID
    case emptyName
    case unknownOwner(String)
    case unknownGroup(String)
    case unknownWorkstream(String)
    case unknownAction(String)
    case quarterOutsidePlan(Quarter, first: Quarter, last: Quarter)
    case quarterNotStarted(Quarter, current: Quarter)
    case notANumber(String)
    case notFinite(String)
    case negative(Decimal, unit: String)
    case outOfRange(Decimal)
    case negativeTolerance(Decimal)
    case suppressBelowTooSmall(Int)
    /// Another indicator of the plan already reports this national measure.
    case measureTaken(NationalMeasure, by: String)
    /// The indicator cannot carry the measure (why, from `Indicator.measureProblem`).
    case measureUnfit(String)

    public var description: String {
        switch self {
        case .unknownIndicator(let id): "no indicator with id \"\(id)\""
        case .duplicateIndicatorID(let id): "an indicator with id \"\(id)\" already exists"
        case .emptyID: "the indicator id must not be empty"
        case .emptyName: "the indicator name must not be empty"
        case .unknownOwner(let id): "no owner with id or name \"\(id)\""
        case .unknownGroup(let id): "unknown prevention group \"\(id)\""
        case .unknownWorkstream(let id): "no workstream \"\(id)\""
        case .unknownAction(let id): "no action with id \"\(id)\""
        case .quarterOutsidePlan(let q, let first, let last): "\(q) is outside the plan period (quarters \(first) to \(last))"
        case .quarterNotStarted(let q, let current): "\(q) has not started yet (the current quarter is \(current))"
        case .notANumber(let text): "expected a number such as 42 or 3.5, found \"\(text)\""
        case .notFinite(let text): "expected a finite number, found \"\(text)\""
        case .negative(let value, let unit): "\(value) is negative, which a \(unit) cannot be"
        case .outOfRange(let value): Indicator.rangeProblem(value) ?? "\(value) is out of range"
        case .negativeTolerance(let value): "the tolerance \(value)% is negative; give a percentage of the target such as 10"
        case .suppressBelowTooSmall(let n): "suppress-below \(n) would hide nothing; give 2 or more (e.g. 5 shows 1 to 4 as \"fewer than 5\")"
        case .measureTaken(let measure, let id): "indicator \"\(id)\" already reports \(measure.rawValue)"
        case .measureUnfit(let problem): problem
        }
    }
}

extension Indicator {
    /// Reads a number as people type it in a command or a spreadsheet cell: `42`, `-3.5`,
    /// `1,234` (thousands separators), spaces around. Infinity and NaN spellings are refused as
    /// not finite; anything else that is not a plain decimal number as not a number.
    public static func number(from text: String) throws(IndicatorError) -> Decimal {
        let trimmed = text.trimmingSpaces()
        let key = trimmed.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "+-"))
        if ["inf", "infinity", "∞", "nan"].contains(key) { throw .notFinite(trimmed) }
        var digits = trimmed
        if digits.hasPrefix("-") || digits.hasPrefix("+") { digits.removeFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty,
              parts.count == 1 || (!parts[1].isEmpty && parts[1].allSatisfy(\.isASCIIDigit)) else { throw .notANumber(trimmed) }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
              groups.count == 1 || (groups[0].count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 }) else {
            throw .notANumber(trimmed)
        }
        let plain = (trimmed.hasPrefix("-") ? "-" : "") + groups.joined() + (parts.count == 2 ? "." + parts[1] : "")
        guard plain.count <= 38, let value = Decimal(string: plain), !value.isNaN else { throw .notANumber(trimmed) }
        return value
    }

    /// Refuses a value this indicator cannot have: out of range (`rangeProblem`), or a negative
    /// count, rate or percentage.
    public func check(_ value: Decimal) throws(IndicatorError) {
        if Self.rangeProblem(value) != nil { throw .outOfRange(value) }
        if value < 0, isNonNegative { throw .negative(value, unit: unit) }
    }

    /// The largest size of a value, baseline or target (a thousand million) and the most decimal
    /// places (six): room for any count, rate, percentage or sum a partnership reports, and
    /// small enough for every change, percentage and chart to be worked out.
    public static let largestValue: Decimal = 1_000_000_000
    public static let decimalPlaces = 6

    /// Why `value` cannot be an indicator's value, baseline or target, or nil when it can.
    public static func rangeProblem(_ value: Decimal) -> String? {
        var rounded = Decimal(), copy = value
        NSDecimalRound(&rounded, &copy, decimalPlaces, .plain)
        guard value.isFinite, abs(value) <= largestValue, rounded == value else {
            return "\(value) is out of range: an indicator value is from -1,000,000,000 to 1,000,000,000 with at most \(decimalPlaces) decimal places"
        }
        return nil
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension Plan {
    /// Index of the indicator with this id, if any.
    public func indicatorIndex(id: String) -> Int? {
        indicators.firstIndex { $0.id == id }
    }

    /// Adds an indicator, checking its id, name, owner, links, tolerance and suppression, and
    /// stamping who and when.
    public mutating func addIndicator(_ new: Indicator, context: EditContext) throws(IndicatorError) {
        var indicator = new
        guard !indicator.id.isBlank else { throw .emptyID }
        guard indicatorIndex(id: indicator.id) == nil else { throw .duplicateIndicatorID(indicator.id) }
        guard !indicator.name.isBlank else { throw .emptyName }
        if let owner = indicator.owner, self.owner(id: owner) == nil { throw .unknownOwner(owner) }
        if let group = indicator.groups.first(where: { PreventionGroup(rawValue: $0) == nil }) { throw .unknownGroup(group) }
        if let ws = indicator.workstreams.first(where: { id in !workstreams.contains { $0.id == id } }) { throw .unknownWorkstream(ws) }
        if let action = indicator.actions.first(where: { actionIndex(id: $0) == nil }) { throw .unknownAction(action) }
        if let tolerance = indicator.tolerance, tolerance < 0 { throw .negativeTolerance(tolerance) }
        if let n = indicator.suppressBelow, n < 2 { throw .suppressBelowTooSmall(n) }
        if let measure = indicator.measure { try checkMeasure(measure, for: indicator) }
        if let baseline = indicator.baseline { try indicator.check(baseline.value) }
        if let target = indicator.target {
            try indicator.check(target.value)
            guard isInPeriod(target.by) else { throw .quarterOutsidePlan(target.by, first: firstQuarter, last: lastQuarter) }
        }
        indicator.values = []
        indicator.created = context.now
        indicator.updated = context.now
        indicator.updatedBy = context.by
        indicator.changeLog = [FieldChange(field: "created", from: "", to: indicator.name, by: context.by, on: context.now)]
        var changed = self  // values are checked one by one; a refused one leaves the plan as it was
        changed.indicators.append(indicator)
        for value in new.values {
            try changed.recordIndicatorValue(id: indicator.id, quarter: value.quarter, value: value.value, note: value.note,
                                             provisional: value.isProvisional, context: context)
        }
        self = changed
    }

    /// Records (or revises) an indicator's value for a quarter of the plan period that has
    /// started, with who and when; a revision is written to the indicator's audit trail.
    public mutating func recordIndicatorValue(id: String, quarter: Quarter, value: Decimal, note: String = "", provisional: Bool = false,
                                              context: EditContext) throws(IndicatorError) {
        guard let index = indicatorIndex(id: id) else { throw .unknownIndicator(id) }
        try checkValueQuarter(quarter, today: context.now.day)
        var indicator = indicators[index]
        try indicator.check(value)
        let entry = IndicatorValue(quarter: quarter, value: value, note: note.trimmingSpaces(), provisional: provisional ? true : nil,
                                   by: context.by, on: context.now)
        var log = indicator.changeLog ?? []
        if let at = indicator.values.firstIndex(where: { $0.quarter == quarter }) {
            let old = indicator.values[at]
            guard old.value != entry.value || old.note != entry.note || old.isProvisional != entry.isProvisional else { return }
            indicator.values[at] = entry
            func text(_ v: IndicatorValue) -> String { "\(v.value)\(v.isProvisional ? " (provisional)" : "")\(v.note.isEmpty ? "" : ": \(v.note)")" }
            log.append(FieldChange(field: "value \(quarter)", from: text(old), to: text(entry), by: context.by, on: context.now))
        } else {
            let position = indicator.values.firstIndex { $0.quarter > quarter } ?? indicator.values.endIndex
            indicator.values.insert(entry, at: position)
            log.append(FieldChange(field: "value \(quarter)", from: "", to: "\(value)\(provisional ? " (provisional)" : "")",
                                   by: context.by, on: context.now))
        }
        indicator.changeLog = log
        indicator.updated = context.now
        indicator.updatedBy = context.by
        indicators[index] = indicator
    }

    /// Why `quarter` cannot hold a value recorded on `today`: outside the plan period, or not
    /// started yet (figures describe a quarter that has begun).
    public func checkValueQuarter(_ quarter: Quarter, today: Day) throws(IndicatorError) {
        guard isInPeriod(quarter) else { throw .quarterOutsidePlan(quarter, first: firstQuarter, last: lastQuarter) }
        let current = self.quarter(containing: today)
        guard quarter <= current else { throw .quarterNotStarted(quarter, current: current) }
    }

    /// The indicators a lead owner answers for, in plan order.
    public func indicators(ownedBy owner: String) -> [Indicator] {
        indicators.filter { $0.owner == owner }
    }
}
