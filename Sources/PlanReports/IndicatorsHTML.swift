import Foundation  // String(format:)

extension Report {
    /// The indicators section of the HTML board paper: a table, then one inline SVG line chart
    /// per indicator. Empty when the plan has no indicators.
    func indicatorsHTML() -> String {
        guard !indicators.isEmpty else { return "" }
        var out = "<section id=\"indicators\">\n<h2>Outcome indicators</h2>\n"
        var table = "<table class=\"indicators\">\(caption("Outcome indicators"))<thead><tr><th scope=\"col\">Indicator</th><th scope=\"col\">Latest</th><th scope=\"col\">vs last quarter</th><th scope=\"col\">vs same quarter last year</th>"
        table += "<th scope=\"col\">Target</th><th scope=\"col\">Status</th></tr></thead>\n<tbody>\n"
        for row in indicators {
            table += "<tr><th scope=\"row\">\(h(row.name))</th><td>\(latestCell(row))</td>"
            table += "<td>\(movementCell(row.vsPreviousArrow, row.vsPrevious, row.vsPreviousWord))</td>"
            table += "<td>\(movementCell(row.vsLastYearArrow, row.vsLastYear, row.vsLastYearWord))</td>"
            table += "<td>\(row.target.isEmpty ? "–" : "\(h(row.target)) by <span class=\"nowrap\">\(h(row.targetBy))</span>")</td>"
            table += "<td>\(row.status == "none" ? "–" : "<span class=\"s s-\(h(row.statusLetter))\">\(h(row.statusLetter))</span>") \(h(row.statusLabel))</td></tr>\n"
        }
        out += scrolling("Indicators table", table + "</tbody></table>\n")
        if !revisionsNote.isEmpty { out += "<p class=\"meta\">\(h(revisionsNote))</p>\n" }
        if indicators.contains(where: { $0.suppressBelow != nil }) {
            out += "<p class=\"meta\">Small numbers are shown as “fewer than N” so that no one can be identified; changes that would reveal them are left out.</p>\n"
        }
        out += "<div class=\"indicator-charts\">\n"  // two charts side by side
        for row in indicators {
            out += "<figure class=\"indicator\" aria-label=\"Chart: \(h(row.name))\">\n<figcaption><strong>\(h(row.name))</strong>"
            out += " <span class=\"meta\">(\(h(row.unit)), \(h(row.better)) is better\(row.source.isEmpty ? "" : "; source: " + h(row.source)))</span></figcaption>\n"
            out += indicatorChart(row) + "\n"
            var facts: [String] = []
            if !row.yearTotal.isEmpty { facts.append("Year total \(h(row.yearTotal)) (\(h(row.yearQuarters)))") }
            if !row.baseline.isEmpty { facts.append("Baseline \(h(row.baseline)) (\(h(row.baselinePeriod)))\(row.vsBaseline.isEmpty ? "" : ", now \(h(row.vsBaseline))")") }
            if !row.description.isEmpty { facts.append(h(row.description)) }
            if !facts.isEmpty { out += "<p class=\"meta\">\(facts.joined(separator: " · "))</p>\n" }
            out += "</figure>\n"
        }
        return out + "</div>\n</section>\n"
    }
}

private func latestCell(_ row: Report.IndicatorRow) -> String {
    guard !row.latest.isEmpty else { return "no value yet" }
    return "\(h(row.latest)) <span class=\"meta\">(\(h(row.latestQuarter))\(row.latestProvisional ? ", provisional" : ""))</span>"
}

private func movementCell(_ arrow: String, _ change: String, _ word: String) -> String {
    guard !arrow.isEmpty else { return "–" }
    let strong = word == "worse" ? "<strong>\(h(word))</strong>" : h(word)
    return "\(h(arrow)) \(h(change)), \(strong)"
}

/// An inline SVG line chart that reads in greyscale: values as a solid line with filled dots
/// (hollow when provisional), the target as a dashed line and the baseline as a dotted line,
/// each labelled in words; suppressed quarters as a hatched bar up to the suppression limit.
/// The last twelve quarters with values.
func indicatorChart(_ row: Report.IndicatorRow) -> String {
    let points = Array(row.values.suffix(12))
    let width = 560.0, height = 190.0, left = 52.0, right = 96.0, top = 14.0, bottom = 34.0
    let plotWidth = width - left - right, plotHeight = height - top - bottom
    var candidates = points.compactMap(\.number) + [row.targetNumber, row.baselineNumber].compactMap { $0 }
    if let limit = row.suppressBelow, points.contains(where: \.suppressed) { candidates.append(Double(limit)) }
    let high = max(1, ((candidates.max() ?? 1) * 1.1).rounded(.up))
    let low = min(0, candidates.min() ?? 0)
    func x(_ i: Int) -> Double { left + (points.count <= 1 ? plotWidth / 2 : plotWidth * Double(i) / Double(points.count - 1)) }
    func y(_ v: Double) -> Double { top + plotHeight * (1 - (v - low) / (high - low)) }
    func f(_ v: Double) -> String { String(format: "%.1f", v) }
    let summary = points.map { "\($0.quarter) \($0.value)\($0.provisional ? " provisional" : "")" }.joined(separator: "; ")
    var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\""
    svg += " role=\"img\" aria-label=\"\(h(row.name)): \(h(summary.isEmpty ? "no values" : summary))\">"
    svg += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotWidth))\" height=\"\(f(plotHeight))\" fill=\"none\" stroke=\"#999\"/>"
    for value in [low, high] {
        svg += "<text x=\"\(f(left - 6))\" y=\"\(f(y(value) + 4))\" font-size=\"11\" text-anchor=\"end\">\(f(value).replacingOccurrences(of: ".0", with: ""))</text>"
    }
    func level(_ value: Double?, _ label: String, dash: String) {
        guard let value else { return }
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(y(value)))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(y(value)))\" stroke=\"#000\" stroke-width=\"1.5\" stroke-dasharray=\"\(dash)\"/>"
        svg += "<text x=\"\(f(left + plotWidth + 6))\" y=\"\(f(y(value) + 4))\" font-size=\"11\">\(h(label))</text>"
    }
    level(row.targetNumber, "Target \(row.target)", dash: "8 4")
    level(row.baselineNumber, "Baseline \(row.baseline)", dash: "2 3")
    // The line is broken where a quarter is suppressed.
    var segment: [String] = []
    func flush() {
        if segment.count > 1 { svg += "<polyline points=\"\(segment.joined(separator: " "))\" fill=\"none\" stroke=\"#000\" stroke-width=\"2\"/>" }
        segment = []
    }
    for (i, point) in points.enumerated() {
        if let number = point.number { segment.append("\(f(x(i))),\(f(y(number)))") } else { flush() }
    }
    flush()
    for (i, point) in points.enumerated() {
        if let number = point.number {
            svg += "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(number)))\" r=\"4\" fill=\"\(point.provisional ? "#fff" : "#000")\" stroke=\"#000\" stroke-width=\"1.5\">"
            svg += "<title>\(h(point.quarter)): \(h(point.value))\(point.provisional ? " (provisional)" : "")</title></circle>"
        } else if let limit = row.suppressBelow {
            svg += "<rect x=\"\(f(x(i) - 5))\" y=\"\(f(y(Double(limit))))\" width=\"10\" height=\"\(f(y(0) - y(Double(limit))))\" fill=\"#ccc\" stroke=\"#000\" stroke-dasharray=\"2 2\">"
            svg += "<title>\(h(point.quarter)): \(h(point.value))</title></rect>"
        }
        if points.count <= 6 || i % 2 == (points.count - 1) % 2 {
            let label = point.quarter.count == 10 ? "\(point.quarter.suffix(2)) \(point.quarter.prefix(7))" : point.quarter
            svg += "<text x=\"\(f(x(i)))\" y=\"\(f(height - bottom + 16))\" font-size=\"10\" text-anchor=\"middle\">\(h(label))</text>"
        }
    }
    let legendY = height - 4
    svg += "<text x=\"\(f(left))\" y=\"\(f(legendY))\" font-size=\"10\">● value  ○ provisional  – – target  ··· baseline"
    svg += "\(points.contains(where: \.suppressed) ? "  ▒ fewer than \(row.suppressBelow ?? 0)" : "")</text>"
    return svg + "</svg>"
}
