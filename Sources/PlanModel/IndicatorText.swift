import Foundation  // Decimal rounding

/// How indicator values read to people, and what a public output may show of them. One rule
/// for the command line, the front end and every report.
extension Indicator {
    /// "1,234", "12.5%", "£8,400": the value rounded to two decimal places with thousands
    /// separators, with the unit's sign where it has one (other units are named beside it).
    public func format(_ value: Decimal) -> String {
        let number = groupedNumber(value)
        switch unit.trimmingSpaces() {
        case "%": return number + "%"
        case "£": return value < 0 ? "-£" + number.dropFirst() : "£" + number
        default: return number
        }
    }

    /// A change in the value's units with its sign: "+3", "-1.5%".
    public func formatChange(_ change: Decimal) -> String {
        (change > 0 ? "+" : "") + format(change)
    }

    /// Whether a public output must hide this value: above zero and below `suppressBelow`.
    public func isSuppressed(_ value: Decimal) -> Bool {
        guard let n = suppressBelow else { return false }
        return value > 0 && value < Decimal(n)
    }

    /// The value as a public output shows it: "fewer than 5" for a suppressed small count.
    public func publicText(_ value: Decimal) -> String {
        isSuppressed(value) ? "fewer than \(suppressBelow ?? 0)" : format(value)
    }
}

/// "1,234.5": rounded to two decimal places, trailing zeros dropped, commas between thousands.
func groupedNumber(_ value: Decimal) -> String {
    var input = value
    var rounded = Decimal()
    NSDecimalRound(&rounded, &input, 2, .plain)
    let text = "\(rounded)"
    let negative = text.hasPrefix("-")
    let body = negative ? text.dropFirst() : Substring(text)
    let parts = body.split(separator: ".", maxSplits: 1)
    let whole = Array(parts.first ?? "0")
    var grouped = ""
    for (i, digit) in whole.enumerated() {
        if i > 0, (whole.count - i) % 3 == 0 { grouped.append(",") }
        grouped.append(digit)
    }
    return (negative ? "-" : "") + grouped + (parts.count == 2 ? "." + parts[1] : "")
}

extension Indicator {
    /// The last `count` quarters up to `quarter` in block characters (▁ lowest to █ highest of
    /// those shown), a space where a quarter has no value: a sparkline for lists.
    public func sparkline(endingAt quarter: Quarter, count: Int = 8) -> String {
        let points = series(endingAt: quarter, count: count).map { $0.value?.value.double }
        let known = points.compactMap { $0 }
        guard let low = known.min(), let high = known.max() else { return String(repeating: " ", count: count) }
        let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        return String(points.map { point -> Character in
            guard let point else { return " " }
            guard high > low else { return blocks[3] }
            return blocks[min(7, Int((point - low) / (high - low) * 7 + 0.5))]
        })
    }
}
