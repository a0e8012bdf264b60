import Foundation
import TerminalText

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

/// Plan text made safe for a report: no control characters or escape sequences, one line.
func clean(_ text: String) -> String { sanitizedForTerminal(text) }
