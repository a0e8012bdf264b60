import Foundation
import PlanModel

extension PortfolioPaper {
    /// The national measures compared: for each, a table (each plan's latest figure up to its
    /// quarter, and the rate per 100,000 where the plan records its population) and small
    /// multiples, one chart per plan, all on one scale.
    func measuresSection() -> String {
        var out = "<section id=\"measures\">\n<h2>National measures compared</h2>\n"
        guard !measures.isEmpty else {
            return out + "<p>No plan marks an indicator with a national measure code (docs/plan-format.md, <code>measure</code>).</p>\n</section>\n"
        }
        out += "<p class=\"note\">Each plan's latest figure up to the quarter it reports; (p) marks a provisional figure. "
            + "Rates are per 100,000 population, where the plan records its population. The charts of one measure share one scale"
            + "\(isPublic ? "; small numbers are withheld as each plan's suppression rule says" : "").</p>\n"
        for comparison in measures {
            out += "<h3>\(h(comparison.measure.name))</h3>\n"
            out += "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(h(comparison.measure.shortName)) by plan\"><table class=\"compare\">\n<thead><tr><th scope=\"col\">Plan</th><th scope=\"col\">Quarter</th>"
            out += "<th scope=\"col\" class=\"n\">Figure</th><th scope=\"col\" class=\"n\">Per 100,000</th></tr></thead>\n<tbody>\n"
            for figure in comparison.figures {
                let value = figure.value.isEmpty ? "no figure" : figure.value + (figure.provisional ? " (p)" : "")
                out += "<tr><th scope=\"row\">\(h(figure.plan))</th><td>\(h(figure.quarter))</td><td class=\"n\">\(h(value))</td>"
                out += "<td class=\"n\">\(rateText(figure.rate))</td></tr>\n"
            }
            out += "</tbody></table></div>\n"
            out += smallMultiples(comparison)
        }
        return out + "</section>\n"
    }

    /// One small bar chart per plan over its last eight quarters, on the measure's one scale.
    private func smallMultiples(_ comparison: MeasureComparison) -> String {
        func number(_ point: (quarter: String, number: Double?, rate: Double?)) -> Double? {
            comparison.usesRates ? point.rate : point.number
        }
        let high = max(1, comparison.figures.flatMap { $0.recent.compactMap(number) }.max() ?? 1)
        let what = comparison.usesRates ? "per 100,000" : "count"
        var out = "<div class=\"multiples\">\n"
        for figure in comparison.figures {
            let summary = figure.recent.map { "\($0.quarter) \(number($0).map(chartNumber) ?? "withheld")" }.joined(separator: "; ")
            out += "<figure class=\"multiple\"><figcaption>\(h(figure.plan))</figcaption>"
            out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"168\" height=\"72\" viewBox=\"0 0 168 72\" role=\"img\" "
            out += "aria-label=\"\(h(comparison.measure.shortName)), \(h(figure.plan)), \(what), scale 0 to \(chartNumber(high)): \(h(summary.isEmpty ? "no figures" : summary))\">"
            out += "<line x1=\"4\" y1=\"62\" x2=\"164\" y2=\"62\" stroke=\"#000\"/>"
            for (i, point) in figure.recent.enumerated() {
                let x = 6 + Double(i) * 20
                if let value = number(point) {
                    let height = max(1, 56 * value / high)
                    out += "<rect x=\"\(fmt1(x))\" y=\"\(fmt1(62 - height))\" width=\"14\" height=\"\(fmt1(height))\" fill=\"#333\">"
                    out += "<title>\(h(point.quarter)): \(chartNumber(value))</title></rect>"
                } else {
                    out += "<rect x=\"\(fmt1(x))\" y=\"52\" width=\"14\" height=\"10\" fill=\"#ccc\" stroke=\"#000\" stroke-dasharray=\"2 2\">"
                    out += "<title>\(h(point.quarter)): withheld or not reported</title></rect>"
                }
            }
            out += "<text x=\"4\" y=\"71\" font-size=\"8\">0 to \(chartNumber(high)) \(what)</text></svg></figure>\n"
        }
        return out + "</div>\n"
    }

    func portfolioStyle() -> String {
        let mark = marking.isEmpty ? "" : "@top-center { content: \(css(marking)); font: bold 9pt Arial, sans-serif; }"
        let pageNumber = (marking.isEmpty ? "" : css(marking + "   ")) + " \"Page \" counter(page) \" of \" counter(pages)"
        return """
        body { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; margin: 2rem auto; max-width: 70rem; color: #000; line-height: 1.35; font-size: 11pt; }
        h1 { font-size: 18pt; margin: 0 0 .2rem; } h2 { font-size: 14pt; border-bottom: 2px solid #000; padding-bottom: .15rem; margin: 1.4rem 0 .5rem; }
        h3 { font-size: 11.5pt; margin: 1rem 0 .3rem; } h1, h2, h3, figcaption { break-after: avoid; page-break-after: avoid; }
        .subtitle { font-size: 14pt; margin: 0 0 .6rem; } .marking { font-weight: bold; letter-spacing: .05em; text-align: center; }
        table { border-collapse: collapse; width: 100%; margin: .4rem 0 .8rem; font-size: 9pt; }
        th, td { border: 1px solid #555; padding: .2rem .35rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
        th { background: #e6e6e6; } tbody th { background: none; font-weight: normal; } thead { display: table-header-group; }
        tr, figure { break-inside: avoid; page-break-inside: avoid; } td.n, th.n { text-align: center; } .nowrap, .id { white-space: nowrap; }
        tr.total td, tr.total th { font-weight: bold; } .label, .id { font-weight: bold; } .pc { color: #333; font-size: 8pt; }
        table.facts { width: auto; font-size: 10.5pt; } table.facts th, table.facts td { border: none; background: none; padding: .05rem .8rem .05rem 0; }
        table.compare { width: auto; min-width: 50%; } .note { font-style: italic; } .ask { border: 1px solid #000; padding: .25rem .4rem; background: #f2f2f2; margin: .2rem 0 0; }
        .s { display: inline-block; min-width: 1.3em; text-align: center; font-weight: bold; border: 1px solid #000; border-radius: 2px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        .s-R { background: \(StatusColour.fill("R")); color: #fff; } .s-A { background: \(StatusColour.fill("A")); color: #000; }
        .s-G { background: \(StatusColour.fill("G")); color: #fff; } .s-C { background: \(StatusColour.fill("C")); color: #000; border: 2px solid #000; }
        .s-N { background: #fff; color: #000; border: 1px dashed #000; }
        .multiples { display: flex; flex-wrap: wrap; gap: 2mm 5mm; } figure.multiple { margin: 0; } figure.multiple figcaption { font-size: 9pt; font-weight: bold; }
        svg { max-width: 100%; height: auto; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        .vh { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        @media screen { body { padding: 0 .8rem; } .scroll { overflow-x: auto; position: relative; } .scroll:focus { outline: 3px solid #000; outline-offset: 2px; } table.plans, table.actions { min-width: 44rem; } }
        @page { size: A4 landscape; margin: 12mm 12mm 14mm;
            @bottom-left { content: \(css("\(name) · portfolio report")); font: 8pt Arial, sans-serif; width: 70%; }
            @bottom-right { content: \(pageNumber); font: 8pt Arial, sans-serif; white-space: pre; }
            \(mark) }
        @media print { body { margin: 0; max-width: none; font-size: 10pt; } .marking { display: none; } }
        """
    }
}

/// A chart figure: a whole number as it is, else one decimal place.
private func chartNumber(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
}

private func fmt1(_ value: Double) -> String { String(format: "%.1f", value) }
