import PlanModel
import TerminalText

/// Plan text made safe for the terminal (plan files are untrusted input).
func clean(_ text: String) -> String { sanitizedForTerminal(text) }

/// Everything the command line prints on standard output goes through here (it stands in for
/// the standard library's `print` throughout this module): escape sequences and control
/// characters from plan files, file names and lock files are removed, lines and tabs kept. The
/// one cleaning step, so that no message can miss it; `printError` does the same for errors.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    Swift.print(sanitizedKeepingLines(items.map { "\($0)" }.joined(separator: separator)), terminator: terminator)
}

/// Text as written (line breaks and list items kept), made safe, its later lines indented by
/// `indent` spaces so they stay under the first.
func cleanLines(_ text: String, indent: Int) -> String {
    wrappedText(text, toWidth: 100_000).joined(separator: "\n" + String(repeating: " ", count: indent))
}

/// "R Red" — the letter first so it reads without colour.
func statusCell(_ status: Status) -> String { "\(status.letter) \(status.label)" }

/// "C Complete (Blue)" — with the plan's own word for the status when it has one.
func statusCell(_ status: Status, in plan: Plan) -> String { "\(status.letter) \(clean(plan.statusLabel(status)))" }

/// The owner's name for display, or the raw id when the owner is unknown.
func ownerName(_ id: String, in plan: Plan) -> String {
    clean(plan.ownerName(id))
}

/// Formats rows as left-aligned columns separated by two spaces; the last column is not padded.
/// `maxWidths` caps a column's width (its cells are truncated with an ellipsis).
func table(_ rows: [[String]], maxWidths: [Int: Int] = [:]) -> String {
    guard let columns = rows.map(\.count).max() else { return "" }
    var widths = Array(repeating: 0, count: columns)
    for row in rows {
        for (i, cell) in row.enumerated() { widths[i] = max(widths[i], displayWidth(cell)) }
    }
    for (column, cap) in maxWidths where column < columns { widths[column] = min(widths[column], cap) }
    return rows.map { row in
        row.enumerated().map { i, cell in
            i == row.count - 1 ? truncated(cell, toWidth: widths[i]) : fitted(cell, toWidth: widths[i])
        }.joined(separator: "  ")
    }.joined(separator: "\n")
}
