import PlanModel
import TerminalText

/// One indicator: its facts, a line chart of its values with the target and baseline, and its
/// history, scrolled by `scroll` lines.
func renderIndicator(_ state: AppState, id: String, scroll: Int, into frame: inout Frame) {
    guard let index = state.plan.indicatorIndex(id: id) else { return }
    let lines = indicatorLines(state.plan.indicators[index], plan: state.plan, width: frame.width - 2, chartHeight: 8)
    renderScrolled(lines, scroll: scroll, layout: state.layout, into: &frame)
}

/// The indicator's lines: heading, facts, chart, history (newest first).
func indicatorLines(_ indicator: Indicator, plan: Plan, width: Int, chartHeight: Int) -> [[Span]] {
    let facts = indicator.facts()
    let labelWidth = 17
    var lines: [[Span]] = []
    for part in wrapped(sanitizedForTerminal("\(indicator.id)  \(indicator.name)"), toWidth: width) { lines.append([Span(part, .header)]) }
    func field(_ label: String, _ spans: [Span]) { lines.append([Span(fitted(label, toWidth: labelWidth), .dim)] + spans) }
    func text(_ label: String, _ value: String) {
        for (i, part) in wrapped(sanitizedForTerminal(value), toWidth: max(10, width - labelWidth)).enumerated() {
            lines.append([Span(fitted(i == 0 ? label : "", toWidth: labelWidth), .dim), Span(part)])
        }
    }
    field("Status", [Span(" \(facts.status.letter) ", facts.status.tone), Span(" " + facts.status.label)]
          + (facts.latest.map { [Span("   latest \(indicator.format($0.value)) in \($0.quarter)\($0.isProvisional ? " (provisional)" : "")")] } ?? []))
    field("vs last quarter", movementSpans(facts.vsPrevious, indicator))
    field("vs last year", movementSpans(facts.vsLastYear, indicator))
    if let baseline = indicator.baseline {
        field("vs baseline", movementSpans(facts.vsBaseline, indicator) + [Span("  baseline \(indicator.format(baseline.value)), "
                                                                               + sanitizedForTerminal(baseline.period), .dim)])
    }
    text("Target", indicator.target.map { "\(indicator.format($0.value)) by \($0.by)" + (indicator.tolerance.map { " (amber within \($0)%)" } ?? "") } ?? "none")
    if let total = facts.yearTotal { text("Year so far", "\(indicator.format(total)) (\(facts.yearQuarters) of 4 quarters)") }
    lines.append([])
    lines += indicatorChart(indicator, endingAt: facts.latest?.quarter, width: width, height: chartHeight)
    lines.append([])
    text("Unit", "\(indicator.unit) · \(indicator.better.rawValue) is better" + (indicator.source.isEmpty ? "" : " · \(indicator.source)"))
    if let owner = indicator.owner { text("Lead", plan.ownerName(owner)) }
    if !indicator.description.isEmpty { text("Description", indicator.description) }
    lines.append([])
    lines.append([Span("History", .header), Span("  (newest first)", .dim)])
    if indicator.values.isEmpty { lines.append([Span("  no values yet; v records one", .dim)]) }
    for value in indicator.values.reversed() {
        let status = indicator.status(of: value.value)
        let head = "  \(value.quarter)  \(fitted(indicator.format(value.value), toWidth: 9, alignRight: true)) "
        let rest = (value.isProvisional ? "provisional · " : "") + (value.note.isEmpty ? "" : value.note + " · ") + "\(value.by), \(value.on.day)"
        let parts = wrapped(sanitizedForTerminal(rest), toWidth: max(10, width - displayWidth(head) - 5))
        for (i, part) in parts.enumerated() {
            lines.append(i == 0 ? [Span(head), Span(" \(status.letter) ", status.tone), Span("  " + part)]
                         : [Span(String(repeating: " ", count: displayWidth(head) + 5) + part)])
        }
    }
    return lines
}

private func movementSpans(_ movement: Movement?, _ indicator: Indicator) -> [Span] {
    guard let movement else { return [Span("no value to compare with", .dim)] }
    let tone: Tone = movement.isBetter ? .green : movement.isWorse ? .red : .dim
    let percent = movement.percent.map { " (\($0 >= 0 ? "+" : "")\(Int($0.rounded()))%)" } ?? ""
    return [Span(movement.arrow + " " + indicator.formatChange(movement.change) + percent, tone), Span(" " + movement.word)]
}

/// A line chart in terminal cells: up to twelve quarters ending at `last`, one column group per
/// quarter; ● values (○ provisional, coloured by status), the line between them, the target as
/// ┄ and the baseline as ·, each labelled at the right; the scale (lowest to highest shown) at
/// the left and quarters underneath.
func indicatorChart(_ indicator: Indicator, endingAt last: Quarter?, width: Int, height: Int) -> [[Span]] {
    guard let last else { return [[Span("  no values to chart yet", .dim)]] }
    let axisWidth = 7, labelWidth = 14
    let step = max(3, min(6, (width - axisWidth - labelWidth) / 12))
    let count = max(2, min(12, (width - axisWidth - labelWidth) / step))
    let series = indicator.series(endingAt: last, count: count)
    let numbers = series.compactMap { $0.value?.value.double }
    let levels = [indicator.target?.value.double, indicator.baseline?.value.double].compactMap { $0 }
    // Scaled to the values, target and baseline (the scale is labelled), so movement shows in few rows.
    let high = (numbers + levels).max() ?? 1, low = (numbers + levels).min() ?? 0
    let span = high - low == 0 ? 1 : high - low
    func row(_ value: Double) -> Int { height - 1 - Int(((value - low) / span * Double(height - 1)).rounded()) }
    let plotWidth = step * (series.count - 1) + 1
    var grid = Array(repeating: Array(repeating: (Character(" "), Tone.normal), count: plotWidth), count: height)
    if let baseline = indicator.baseline?.value.double {
        for x in 0..<plotWidth { grid[row(baseline)][x] = ("·", .dim) }
    }
    if let target = indicator.target?.value.double {
        for x in 0..<plotWidth { grid[row(target)][x] = ("┄", .warning) }
    }
    // The line: between two known quarters, each cell on the straight line between them.
    for i in series.indices.dropLast() {
        guard let a = series[i].value?.value.double, let b = series[i + 1].value?.value.double else { continue }
        for dx in 1..<step {
            let value = a + (b - a) * Double(dx) / Double(step)
            let glyph: Character = row(b) < row(a) ? "╱" : row(b) > row(a) ? "╲" : "─"
            grid[row(value)][i * step + dx] = (glyph, .normal)
        }
    }
    for (i, point) in series.enumerated() {
        guard let value = point.value else { continue }
        grid[row(value.value.double)][i * step] = (value.isProvisional ? "○" : "●", indicator.status(of: value.value).tone)
    }
    var lines: [[Span]] = [[Span("Chart", .header), Span("  ● value  ○ provisional  ┄ target  · baseline", .dim)]]
    for (y, cells) in grid.enumerated() {
        let axis = y == 0 ? scaleLabel(high) : y == height - 1 ? scaleLabel(low) : ""
        var spans = [Span(fitted(axis, toWidth: axisWidth - 2, alignRight: true) + " │", .dim)]
        var run = "", tone = Tone.normal
        for (glyph, cellTone) in cells {
            if cellTone != tone, !run.isEmpty { spans.append(Span(run, tone)); run = "" }
            tone = cellTone
            run.append(glyph)
        }
        if !run.isEmpty { spans.append(Span(run, tone)) }
        var label = ""
        if let target = indicator.target?.value.double, row(target) == y { label = "target \(indicator.format(indicator.target!.value))" }
        if let baseline = indicator.baseline?.value, row(baseline.double) == y { label += (label.isEmpty ? "" : ", ") + "baseline \(indicator.format(baseline))" }
        spans.append(Span(" " + label, .dim))
        lines.append(spans)
    }
    lines.append([Span(String(repeating: " ", count: axisWidth - 1) + "└" + String(repeating: "─", count: plotWidth), .dim)])
    var labels = Array(repeating: Character(" "), count: axisWidth + plotWidth + 6)
    for (i, point) in series.enumerated() where i % max(1, 6 / step + 1) == 0 || i == series.count - 1 {
        let text = Array("Q\(point.quarter.number)" + (point.quarter.number == 1 || i == 0 ? " \(String(point.quarter.description.prefix(7)))" : ""))
        let start = axisWidth + i * step
        guard start + text.count <= labels.count, labels[start..<(start + text.count)].allSatisfy({ $0 == " " }),
              start == 0 || labels[start - 1] == " " else { continue }
        labels.replaceSubrange(start..<(start + text.count), with: text)
    }
    lines.append([Span(String(labels), .dim)])
    return lines
}

/// "46", "39.4": a scale value to one decimal place.
private func scaleLabel(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
}
