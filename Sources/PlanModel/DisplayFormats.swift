import Foundation  // NumberFormatter for pounds

/// How dates, times and money read to people, shared by the command line, the front end and
/// the reports so each is written one way.
extension Day {
    private static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "12 Nov", the day padded to two cells (" 8 Oct") so a column of them lines up.
    public var shortLabel: String {
        "\(day < 10 ? " " : "")\(day) \(Self.monthAbbreviations[month - 1])"
    }

    /// "31 Jan 2027": the UK style for prose.
    public var longLabel: String {
        "\(day) \(Self.monthAbbreviations[month - 1]) \(year)"
    }
}

extension Timestamp {
    /// "2026-11-12 14:30": day and minute, for lists of changes.
    public var minuteLabel: String {
        let text = description
        return "\(text.prefix(10)) \(text.dropFirst(11).prefix(5))"
    }

    /// "2026-11-12 14:30 UTC".
    public var readable: String { minuteLabel + " UTC" }
}

/// "£10,000" or "£83,506.30": pounds with thousands separators, pence only when present.
public func pounds(_ amount: Decimal) -> String {
    let formatter = NumberFormatter()
    formatter.numberStyle = .decimal
    formatter.locale = Locale(identifier: "en_GB")
    var value = amount
    var whole = Decimal()
    NSDecimalRound(&whole, &value, 0, .plain)
    formatter.minimumFractionDigits = whole == amount ? 0 : 2
    formatter.maximumFractionDigits = 2
    return "£" + (formatter.string(from: amount as NSDecimalNumber) ?? "\(amount)")
}
