import PlanModel
import TerminalText

/// The outcome indicators, one per line: name, the last eight quarters as a sparkline, the
/// latest value, arrows against last quarter and the same quarter last year with "better" or
/// "worse" in words (and green or red where colour is on), the target and the status letter.
func renderIndicators(_ state: AppState, selection: Int, into frame: inout Frame) {
    let plan = state.plan
    // The quarter the newest figure describes, not today's: figures arrive a quarter or more late.
    let latest = plan.indicators.lazy.flatMap(\.values).map(\.quarter).max()
    let figures = latest.map { "latest figures up to \($0)" } ?? "no figures yet"
    frame.put([Span(" Outcome indicators ", .header),
               Span("  \(plan.indicators.count) · \(figures) · Enter opens · v records a value", .dim)],
              x: 0, y: 1)
    let fixed = 2 + 8 + 2 + 9 + 2 + 13 + 13 + 13 + 2 + 3
    let nameWidth = max(12, frame.width - fixed - 1)
    frame.put([Span(" " + fitted("Indicator", toWidth: nameWidth + 1), .header), Span(fitted("Last 8 q", toWidth: 10), .header),
               Span(fitted("Latest", toWidth: 9, alignRight: true) + "  ", .header), Span(fitted("vs qtr", toWidth: 13), .header),
               Span(fitted("vs year", toWidth: 13), .header), Span(fitted("Target", toWidth: 15), .header), Span("St", .header)],
              x: 0, y: 2)
    let height = state.layout.listHeight
    let first = max(0, min(selection - height / 2, plan.indicators.count - height))
    for (offset, indicator) in plan.indicators.enumerated().dropFirst(first).prefix(height) {
        let y = 3 + offset - first
        let facts = indicator.facts()
        let selected = offset == selection
        let base: Tone = selected ? .selected : .normal
        if selected { frame.fill(row: y, tone: .selected) }
        let latest = facts.latest.map { indicator.format($0.value) + ($0.isProvisional ? "p" : " ") } ?? "- "
        var spans = [Span(" " + fitted(sanitizedForTerminal(indicator.name), toWidth: nameWidth) + " ", base),
                     Span(facts.latest.map { indicator.sparkline(endingAt: $0.quarter) } ?? String(repeating: " ", count: 8), base),
                     Span("  " + fitted(latest, toWidth: 9, alignRight: true) + "  ", base)]
        spans += arrowSpans(facts.vsPrevious, indicator, base: base) + arrowSpans(facts.vsLastYear, indicator, base: base)
        let target = indicator.target.map { "\(indicator.format($0.value)) \(String($0.by.description.prefix(7)))" } ?? "-"
        spans += [Span(fitted(target, toWidth: 15), base), Span(" \(facts.status.letter) ", facts.status.tone)]
        frame.put(spans, x: 0, y: y, maxWidth: frame.width)
    }
}

/// "▲+12% worse" (the arrow green when that way is good, red when bad), "=" when unchanged, "-"
/// without a comparison: better or worse in words, never by colour alone.
func arrowSpans(_ movement: Movement?, _ indicator: Indicator, base: Tone) -> [Span] {
    guard let movement else { return [Span(fitted("  -", toWidth: 13), base)] }
    let tone: Tone = movement.isBetter ? .green : movement.isWorse ? .red : .dim
    let word = movement.isBetter ? "better" : movement.isWorse ? "worse" : ""
    let amount = movement.percent.map { "\($0 >= 0 ? "+" : "")\(Int($0.rounded()))%" } ?? indicator.formatChange(movement.change)
    return [Span(movement.arrow, tone), Span(fitted(amount, toWidth: 5) + " " + fitted(word, toWidth: 7), base)]
}
