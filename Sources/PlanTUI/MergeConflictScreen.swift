import PlanModel
import TerminalText

/// The fields a merge could not settle (git's merge driver, a sync-conflict copy): each field in
/// words with our value, theirs, who changed each and when, and what it was before.
func renderMergeConflicts(_ state: AppState, selection: Int, into frame: inout Frame) {
    let conflicts = state.plan.conflicts
    frame.put([Span(" Merge conflicts ", .header), Span(" \(conflicts.count) field\(conflicts.count == 1 ? "" : "s") changed differently by two people", .dim)],
              x: 0, y: 1)
    var lines: [(spans: [Span], entry: Int)] = []
    let width = max(10, frame.width - 14)
    for (index, conflict) in conflicts.enumerated() {
        lines.append(([Span(conflict.label, .header)], index))
        func side(_ name: String, _ value: String?, by: String?, on: Timestamp?) {
            let who = [by, on.map(\.minuteLabel)].compactMap { $0 }.joined(separator: ", ")
            let text = (value.map(conflictValueText) ?? "(absent)") + (who.isEmpty ? "" : "  — \(who)")
            for (i, part) in wrapped(sanitizedForTerminal(text), toWidth: width).enumerated() {
                lines.append(([Span(i == 0 ? "  \(name)" : String(repeating: " ", count: 2 + displayWidth(name)), .key), Span(part)], index))
            }
        }
        side("Ours:   ", conflict.ours, by: conflict.oursBy, on: conflict.oursOn)
        side("Theirs: ", conflict.theirs, by: conflict.theirsBy, on: conflict.theirsOn)
        side("Before: ", conflict.base, by: nil, on: nil)
        lines.append(([], index))
    }
    let height = state.layout.changesHeight
    let selectedLine = lines.firstIndex { $0.entry == selection } ?? 0
    let first = max(0, min(selectedLine - 1, lines.count - height))
    for (offset, line) in lines.enumerated().dropFirst(first).prefix(height) {
        let y = state.layout.changesTop + offset - first
        let selected = line.entry == selection && !line.spans.isEmpty
        frame.put(selected ? "▶" : " ", x: 0, y: y, tone: .key)
        frame.put(line.spans, x: 1, y: y, maxWidth: frame.width - 2)
    }
}
