/// The colours of the status boxes and chart segments, chosen to read in greyscale: red and
/// green are dark with white letters, amber light with black letters, complete pale with a heavy
/// border and not started white with a dashed border, so green and complete never look alike.
enum StatusColour {
    static func fill(_ letter: String) -> String {
        switch letter {
        case "R": "#a4161a"
        case "A": "#f6c343"
        case "G": "#2d6a4f"
        case "C": "#dbe7f3"
        default: "#ffffff"
        }
    }

    /// The letter's colour on `fill`.
    static func ink(_ letter: String) -> String { letter == "R" || letter == "G" ? "#ffffff" : "#000000" }
}

extension Report {
    /// The stylesheet: screen reading, and the printed A4 paper (page-margin boxes for the
    /// footer and marking, repeated table headers, rows and blocks kept whole, headings kept
    /// with what follows). Chromium's print-to-PDF honours all of it.
    func printStyle() -> String {
        let footer = css("\(plan.title) · \(title)\(soFar ? " (draft)" : "")")
        let mark = marking.isEmpty ? "" : "@top-center { content: \(css(marking)); font: bold 9pt Arial, sans-serif; }"
        let pageNumber = (marking.isEmpty ? "" : css(marking + "   ")) + " \"Page \" counter(page) \" of \" counter(pages)"
        let wide = landscape
        return """
        body { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; margin: 2rem auto; max-width: \(wide ? "80rem" : "62rem"); color: #000; line-height: 1.35; font-size: 11pt; }
        h1 { font-size: 18pt; margin: 0 0 .2rem; } h2 { font-size: 14pt; border-bottom: 2px solid #000; padding-bottom: .15rem; margin: 1.4rem 0 .5rem; }
        h3 { font-size: 11.5pt; margin: 1rem 0 .3rem; }
        h1, h2, h3, .aim, figcaption { break-after: avoid; page-break-after: avoid; }
        .subtitle { font-size: 14pt; margin: 0 0 .6rem; }
        .marking { font-weight: bold; letter-spacing: .05em; text-align: center; margin: 0 0 .6rem; }
        .draft { font-weight: bold; border: 2px solid #000; padding: .3rem .5rem; }
        table { border-collapse: collapse; width: 100%; margin: .4rem 0 .8rem; font-size: 9pt; }
        table.actions, table.changes, table.moves, table.compare { table-layout: fixed; }
        th, td { border: 1px solid #555; padding: .2rem .35rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
        th { background: #e6e6e6; } tbody th { background: none; font-weight: normal; }
        thead { display: table-header-group; } tr, .exception, figure { break-inside: avoid; page-break-inside: avoid; }
        table.facts { width: auto; font-size: 10.5pt; } table.facts th, table.facts td { border: none; background: none; padding: .05rem .8rem .05rem 0; }
        td.n, th.n { text-align: center; } .pc { color: #333; font-size: 8pt; } table.headline td.n, table.funding td, table.funding thead th { white-space: nowrap; }
        table.funding td.n, table.funding th.n { text-align: right; } table.funding tbody th { white-space: normal; width: 40%; } #funding .scroll + .scroll { margin-top: .6rem; }
        tr.total td, tr.total th { font-weight: bold; } p.voice { margin: 0 0 .25rem; }
        .id, .nowrap { white-space: nowrap; } td.id, th.id { font-weight: bold; }
        td.title { font-weight: bold; } .label { font-weight: bold; }
        tbody.action { break-inside: avoid; page-break-inside: avoid; }
        tr.details td { font-size: 8pt; border-top: none; padding-top: 0; } tbody.action tr:first-child > * { border-bottom: none; }
        .aim, .note { font-style: italic; margin: 0 0 .3rem; } .aim { break-inside: avoid; page-break-inside: avoid; }
        col.c-id { width: 15.5mm; } col.c-title { width: 23%; } col.c-owner { width: \(wide ? "32mm" : "29mm"); } col.c-due { width: 21mm; } col.c-status { width: 25mm; }
        col.c-action { width: 30%; } col.c-change { width: 18%; } col.c-quarter { width: 15mm; }
        .s { display: inline-block; min-width: 1.3em; text-align: center; font-weight: bold; border: 1px solid #000; border-radius: 2px; line-height: 1.25; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        .s-R { background: \(StatusColour.fill("R")); color: #fff; } .s-A { background: \(StatusColour.fill("A")); color: #000; }
        .s-G { background: \(StatusColour.fill("G")); color: #fff; } .s-C { background: \(StatusColour.fill("C")); color: #000; border: 2px solid #000; }
        .s-N { background: #fff; color: #000; border: 1px dashed #000; }
        svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        .overdue { font-weight: bold; }
        .exception { border-left: 4px solid #000; padding-left: .7rem; margin: .8rem 0; }
        .exception p { margin: .2rem 0; } .exception.long { break-inside: auto; page-break-inside: auto; } .exception > p:first-of-type { break-after: avoid; page-break-after: avoid; } .ask { border: 1px solid #000; padding: .25rem .4rem; background: #f2f2f2; }
        table.heat { width: auto; } table.heat thead th { font-size: 8pt; font-weight: normal; } figure.chart { margin: .4rem 0; }
        .indicator-charts { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 2mm 6mm; } figure.indicator { margin: 0; }
        figure.indicator svg { width: 100%; height: auto; max-height: 34mm; } figure.indicator figcaption { font-size: 9pt; } figure.indicator p.meta { font-size: 8pt; margin: .2rem 0; } figcaption { font-weight: bold; font-size: 10pt; }
        .definitions { padding-left: 1.2rem; } .definitions li { margin: .15rem 0; } #definitions { break-inside: avoid; page-break-inside: avoid; }
        .vh { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        svg { max-width: 100%; height: auto; }
        @media screen { body { padding: 0 .8rem; } .scroll { overflow-x: auto; position: relative; } .scroll:focus { outline: 3px solid #000; outline-offset: 2px; }
            table.actions, table.changes, table.moves, table.compare { table-layout: auto; } table.actions { min-width: 44rem; } table.changes, table.moves { min-width: 36rem; }
            table.chart-data { width: auto; } }
        @media screen and (max-width: 40rem) { .indicator-charts { grid-template-columns: minmax(0, 1fr); } }
        @page { size: A4\(wide ? " landscape" : ""); margin: 12mm 12mm 14mm;
            @bottom-left { content: \(footer); font: 8pt Arial, sans-serif; width: 70%; }
            @bottom-right { content: \(pageNumber); font: 8pt Arial, sans-serif; white-space: pre; }
            \(mark) }
        @media print { body { margin: 0; max-width: none; font-size: 10pt; } .screen-only { display: none; } a { color: inherit; } .marking { display: none; }
            table:not(.facts):not(.heat) { width: calc(100% - 1px); }
            table.heat td, table.heat th { padding: 0 .3rem; line-height: 1.15; vertical-align: middle; font-size: 8.5pt; } table.heat .s { line-height: 1.1; }
            h2 { margin-top: 1rem; } #history table { margin-bottom: .1rem; } #history .note { font-size: 8.5pt; } .definitions { margin: .2rem 0; font-size: 9pt; columns: 2; column-gap: 1.5rem; } .definitions li { margin: 0; break-inside: avoid; } }
        """
    }
}

/// Text as a CSS string literal: quotes and backslashes escaped, control characters dropped.
func css(_ text: String) -> String {
    var out = "\""
    for scalar in clean(text).unicodeScalars {
        switch scalar {
        case "\"", "\\": out += "\\\(scalar)"
        case "<": out += "\\3c "  // never "</style>" inside the style element
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}
