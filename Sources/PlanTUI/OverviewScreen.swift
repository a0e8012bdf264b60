import PlanModel
import TerminalText

/// Overview: plan, quarter, one bar per prevention group, totals, overdue, stale, most reds.
func renderOverview(_ state: AppState, into frame: inout Frame) {
    let plan = state.plan
    let summary = state.facts.summary
    var y = 2
    frame.put(" " + truncated(sanitizedForTerminal(plan.title), toWidth: frame.width - 2), x: 0, y: y, tone: .header)
    y += 1
    frame.put(" " + truncated(sanitizedForTerminal("\(plan.partnership) · \(plan.period.start) to \(plan.period.end) · today \(state.today)"),
                              toWidth: frame.width - 2), x: 0, y: y, tone: .dim)
    y += 2
    let nameWidth = min(44, max(22, plan.orderedGroups.map { displayWidth(sanitizedForTerminal(plan.name(of: $0))) }.max() ?? 0))
    let countsWidth = 26
    let barWidth = max(10, frame.width - nameWidth - countsWidth - 12)
    frame.put([Span(" " + fitted("Prevention group", toWidth: nameWidth), .header), Span("  Actions  ", .header),
               Span(fitted("Status", toWidth: barWidth), .header)], x: 0, y: y)
    y += 1
    let rows: [(String, [Status: Int])] = plan.orderedGroups.map { (plan.name(of: $0), summary.byGroup[$0] ?? [:]) }
        + [("All actions", summary.byStatus)]
    for (index, (name, counts)) in rows.enumerated() {
        let total = counts.values.reduce(0, +)
        let tone: Tone = index == rows.count - 1 ? .header : .normal
        var x = frame.put(" " + fitted(sanitizedForTerminal(name), toWidth: nameWidth), x: 0, y: y, tone: tone)
        x += frame.put(fitted(String(total), toWidth: 7, alignRight: true) + "  ", x: x, y: y, tone: tone)
        x += frame.put(statusBar(counts, width: barWidth), x: x, y: y)
        frame.put([Span("  ")] + countSpans(counts), x: x, y: y)
        y += 1
    }
    y += 1
    frame.put([Span(" Overdue ", .normal), Span("\(summary.overdue)", summary.overdue > 0 ? .warning : .normal),
               Span("    No update this quarter ", .normal), Span("\(summary.stale)", summary.stale > 0 ? .warning : .normal),
               Span("    Red ", .normal), Span("\(summary.byStatus[.red, default: 0])", .red)], x: 0, y: y)
    y += 2
    let reds = summary.ownersByReds.prefix(5)
    if !reds.isEmpty, y < frame.height - 3 {
        frame.put(" Owners with most reds", x: 0, y: y, tone: .header)
        y += 1
        for entry in reds where y < frame.height - 2 {
            let name = plan.ownerName(entry.owner)
            frame.put([Span("   "), Span(" R\(entry.reds) ", .red), Span("  " + name)], x: 0, y: y)
            y += 1
        }
    }
    if y < frame.height - 3 {
        frame.put(" Enter opens the action list · M starts a meeting · ? lists every key", x: 0, y: frame.height - 3, tone: .dim)
    }
}
