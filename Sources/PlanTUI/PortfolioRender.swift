import PlanModel
import PlanReports
import TerminalText

/// Draws the portfolio: the totals row, then two lines per plan (its title and figures; its
/// partnership, and its file where two plans share a title), the cursor's highlighted and kept
/// in view; or the national measures compared.
public func renderPortfolio(_ state: PortfolioState) -> Frame {
    var frame = Frame(width: state.layout.width, height: state.layout.height)
    guard !state.layout.isTooSmall else {
        frame.put("Terminal too small: need \(Layout.minimum.width)×\(Layout.minimum.height)", x: 0, y: 0, tone: .warning)
        return frame
    }
    let shown = state.visible
    frame.fill(row: 0, tone: .title)
    var title = " dplan │ portfolio of \(state.entries.count) plans"
    if state.filter != .all { title += " · \(shown.count) shown (\(state.filter.label))" }
    if state.sort != .listed { title += " · by \(state.sort.label)" }
    frame.put(title, x: 0, y: 0, tone: .title)
    let columns = state.showsMeasures ? MeasureColumns(state.entries) : nil
    let rows = PortfolioRows(state: state, frame: frame)
    frame.fill(row: 2, tone: .header)
    frame.put(columns?.header(planWidth: rows.planWidth) ?? rows.header(), x: 0, y: 2, tone: .header)
    if columns == nil { rows.totals(state.entries.indices.filter { state.filter.keeps(state.entries[$0]) }.map { state.entries[$0] }, into: &frame) }
    let titles = Dictionary(grouping: state.entries.map(\.title), by: { $0 }).mapValues(\.count)
    let top = 4, fits = max(1, (state.layout.messageRow - top) / 2)
    let first = max(0, min(state.selection - fits + 1, shown.count - fits))
    for (offset, index) in shown.enumerated().dropFirst(first).prefix(fits) {
        let y = top + (offset - first) * 2
        let entry = state.entries[index]
        let selected = offset == state.selection
        if selected { frame.fill(row: y, tone: .selected); frame.fill(row: y + 1, tone: .selected) }
        if let columns {
            columns.line(entry, planWidth: rows.planWidth, y: y, selected: selected, into: &frame)
        } else {
            rows.line(entry, y: y, selected: selected, into: &frame)
        }
        let clash = titles[entry.title, default: 0] > 1 && state.paths.indices.contains(index)
        let second = "   " + sanitizedForTerminal(entry.partnership) + (clash ? " · " + sanitizedForTerminal(state.paths[index]) : "")
        frame.put(second, x: 0, y: y + 1, tone: selected ? .selected : .dim, maxWidth: frame.width)
    }
    if shown.isEmpty { frame.put(" No plan is \(state.filter.label.replacingOccurrences(of: "plans ", with: "")); f shows the next set", x: 0, y: top, tone: .dim) }
    if let message = state.message {
        frame.put(" " + message.text, x: 0, y: state.layout.messageRow, tone: message.isError ? .warning : .normal)
    }
    frame.put(hintSpans(Keymap.portfolio), x: 1, y: state.layout.hintRow)
    return frame
}

/// The action counts' columns: title, quarter, one per status, overdue, no update, conflicts, who owes updates.
private struct PortfolioRows {
    let planWidth: Int, owesWidth: Int
    static let counts = Status.boardOrder.count * 3 + 2, numbers = 9 + 10 + 10

    init(state: PortfolioState, frame: Frame) {
        let widest = state.entries.map { displayWidth(sanitizedForTerminal($0.title)) }.max() ?? 4
        planWidth = max(12, min(widest, 48, frame.width - Self.counts - Self.numbers - 14 - 20))
        owesWidth = max(10, frame.width - 2 - planWidth - 1 - 12 - Self.counts - Self.numbers)
    }

    func header() -> String {
        var header = " " + fitted("Plan", toWidth: planWidth) + " " + fitted("Quarter", toWidth: 12)
        header += Status.boardOrder.map { fitted(String($0.letter), toWidth: 2, alignRight: true) + " " }.joined() + "  "
        return header + fitted("Overdue", toWidth: 9) + fitted("No update", toWidth: 10) + fitted("Conflicts", toWidth: 10) + "Owes updates"
    }

    /// The totals of the plans shown, under the header.
    func totals(_ entries: [PortfolioEntry], into frame: inout Frame) {
        var x = frame.put(" " + fitted("Total (\(entries.count) plans)", toWidth: planWidth) + " " + fitted("", toWidth: 12), x: 0, y: 3, tone: .header)
        for status in Status.boardOrder {
            x += frame.put(fitted(String(entries.map { $0.byStatus[status, default: 0] }.reduce(0, +)), toWidth: 2, alignRight: true) + " ",
                           x: x, y: 3, tone: .header)
        }
        x += frame.put("  " + fitted(String(entries.map(\.overdue).reduce(0, +)), toWidth: 9), x: x, y: 3, tone: .header)
        x += frame.put(fitted(String(entries.map(\.stale).reduce(0, +)), toWidth: 10), x: x, y: 3, tone: .header)
        let conflicts = entries.map(\.conflicts).reduce(0, +)
        x += frame.put(fitted(conflicts == 0 ? "-" : String(conflicts), toWidth: 10), x: x, y: 3, tone: .header)
        let owing = entries.map { $0.owesUpdates.count }.reduce(0, +)
        frame.put("\(owing) owner\(owing == 1 ? "" : "s") in all", x: x, y: 3, tone: .header, maxWidth: owesWidth)
    }

    func line(_ entry: PortfolioEntry, y: Int, selected: Bool, into frame: inout Frame) {
        let tone: Tone = selected ? .selected : .normal
        var x = frame.put(" " + fitted(sanitizedForTerminal(entry.title), toWidth: planWidth) + " ", x: 0, y: y, tone: tone)
        x += frame.put(fitted(entry.quarter.description, toWidth: 12), x: x, y: y, tone: tone)
        for status in Status.boardOrder {
            x += frame.put([Span(fitted(String(entry.byStatus[status, default: 0]), toWidth: 2, alignRight: true), status.tone), Span(" ", tone)],
                           x: x, y: y)
        }
        x += frame.put("  ", x: x, y: y, tone: tone)
        x += frame.put(fitted(String(entry.overdue), toWidth: 9), x: x, y: y, tone: entry.overdue > 0 && !selected ? .warning : tone)
        x += frame.put(fitted(String(entry.stale), toWidth: 10), x: x, y: y, tone: entry.stale > 0 && !selected ? .warning : tone)
        x += frame.put(fitted(entry.conflicts == 0 ? "-" : String(entry.conflicts), toWidth: 10), x: x, y: y,
                       tone: entry.conflicts > 0 && !selected ? .warning : tone)
        let owes = entry.owesUpdates.map { "\($0.owner) (\($0.actions))" }.joined(separator: ", ")
        frame.put(sanitizedForTerminal(owes.isEmpty ? "nobody" : owes), x: x, y: y, tone: tone, maxWidth: owesWidth)
    }
}

/// The national measures' columns: each plan's latest figure, its data quarter, and the rate per 100,000.
private struct MeasureColumns {
    let measures: [NationalMeasure]
    static let width = 24

    init(_ entries: [PortfolioEntry]) {
        measures = NationalMeasure.allCases.filter { measure in entries.contains { $0.measures[measure] != nil } }
    }

    func header(planWidth: Int) -> String {
        " " + fitted("Plan", toWidth: planWidth) + " " + measures.map { fitted($0.shortName, toWidth: Self.width) }.joined()
            + (measures.isEmpty ? "No plan marks an indicator with a national measure code" : "figure · quarter · per 100,000")
    }

    func line(_ entry: PortfolioEntry, planWidth: Int, y: Int, selected: Bool, into frame: inout Frame) {
        let tone: Tone = selected ? .selected : .normal
        var x = frame.put(" " + fitted(sanitizedForTerminal(entry.title), toWidth: planWidth) + " ", x: 0, y: y, tone: tone)
        for measure in measures {
            let text = entry.measures[measure].map { figure in
                "\(figure.text)\(figure.provisional ? "p" : "") · \(figure.quarter.shortLabel)" + (figure.rate.map { " · " + String(format: "%.1f", $0) } ?? "")
            } ?? "-"
            x += frame.put(fitted(text, toWidth: Self.width), x: x, y: y, tone: tone)
        }
    }
}

private extension Quarter {
    /// "Q2 26/27": short enough for a column.
    var shortLabel: String {
        let text = description  // "2026/27 Q2"
        return "\(text.suffix(2)) \(text.dropFirst(2).prefix(5))"
    }
}
