import PlanModel
import PlanReports
import TerminalText

/// What changed since last quarter, most urgent first: the view boards lack today.
func renderChanges(_ state: AppState, scroll: Int, into frame: inout Frame) {
    let quarter = state.quarter
    let changes = state.plan.changes(from: quarter.previous, to: quarter, live: quarter)
    frame.put([Span(" What changed ", .header), Span(" \(quarter.previous) → \(quarter) (so far) · \(changes.count) actions", .dim)], x: 0, y: 1)
    var lines: [[Span]] = []
    for kind in ChangeKind.allCases {
        let matching = changes.filter { $0.kinds.contains(kind) }
        guard !matching.isEmpty else { continue }
        lines.append([Span("\(kind.label) (\(matching.count))", .header)])
        for change in matching {
            var spans = [Span("  " + fitted(change.id, toWidth: 8))]
            spans += [change.from.map(statusBadge) ?? Span(" - "), Span(" → "), change.to.map(statusBadge) ?? Span(" - "), Span("  ")]
            var text = change.title
            if kind == .escalate { text += " — red for \(change.redQuarters) quarters" }
            if kind == .dueDateMoved, let move = change.dueDateChanges.last {
                text += " — due \(move.from?.description ?? "none") → \(move.to): \(move.reason)"
            }
            if kind == .ownerChanged, let previous = change.previousOwner {
                text += " — was \(state.plan.ownerName(previous))"
            }
            let indent = 2 + 8 + 3 + 3 + 3 + 2
            let parts = wrapped(sanitizedForTerminal(text), toWidth: max(10, frame.width - 2 - indent))
            lines.append(spans + [Span(parts.first ?? "")])
            for part in parts.dropFirst() { lines.append([Span(String(repeating: " ", count: indent) + part)]) }
        }
        lines.append([])
    }
    if lines.isEmpty { lines = [[Span("  Nothing has changed since \(quarter.previous).", .dim)]] }
    let height = state.layout.changesHeight
    let first = min(scroll, max(0, lines.count - height))
    for (offset, line) in lines[first..<min(lines.count, first + height)].enumerated() {
        frame.put(line, x: 1, y: state.layout.changesTop + offset, maxWidth: frame.width - 2)
    }
}
