extension Report {
    /// One self-contained HTML file: inline CSS and SVG, no scripts or external assets; prints to
    /// A4 with a page break between sections, and statuses carry letters for black-and-white print.
    public func html() -> String {
        var out = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8"/>
        <title>\(h(plan.title)): progress report \(h(quarter))\(soFar ? " (so far)" : "")</title>
        <style>
        body { font-family: system-ui, "Segoe UI", Arial, sans-serif; margin: 2rem auto; max-width: 60rem; color: #111; line-height: 1.4; }
        h1 { font-size: 1.6rem; } h2 { border-bottom: 2px solid #333; padding-bottom: .2rem; margin-top: 2rem; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
        th, td { border: 1px solid #999; padding: .25rem .4rem; text-align: left; vertical-align: top; }
        th { background: #eee; }
        .s { display: inline-block; min-width: 1.4em; text-align: center; font-weight: bold; border: 1px solid #333; border-radius: 3px; }
        .s-R { background: #c0392b; color: #fff; } .s-A { background: #f5b041; color: #000; } .s-G { background: #27ae60; color: #fff; }
        .s-C { background: #2e86c1; color: #fff; } .s-N { background: #ddd; color: #000; }
        .meta { color: #444; } .overdue { font-weight: bold; color: #900; } .exception { border-left: 4px solid #333; padding-left: .8rem; margin: 1rem 0; }
        .heat td { text-align: center; width: 2.2em; }
        section { page-break-before: always; } section:first-of-type { page-break-before: avoid; }
        @media print { body { margin: 0; max-width: none; font-size: 10pt; } @page { size: A4; margin: 15mm; } a { color: inherit; }
          tr, .exception { page-break-inside: avoid; } }
        </style>
        </head>
        <body>
        <h1>\(h(plan.title)): progress report \(h(quarter))\(soFar ? " (so far)" : "")</h1>
        <p class="meta">\(h(plan.partnership)) · generated \(h(String(generatedOn.prefix(10))))\(scope.isEmpty ? "" : " · scope: " + h(scope))\(isPublic ? " · public version (restricted commentary removed)" : "")</p>

        """
        out += "<section id=\"headline\">\n<h2>Headline</h2>\n"
        out += "<table><tr><th>Prevention group</th><th>Actions</th><th>Status</th>"
        out += ["R", "A", "G", "C", "N"].map { "<th>\(badge($0))</th>" }.joined() + "</tr>\n"
        for headline in groupHeadlines + [overall] {
            out += "<tr><td>\(h(headline.name))</td><td>\(headline.total)</td><td>\(bar(headline))</td>"
            out += headline.statuses.map { "<td>\($0.count) (\($0.percent)%)</td>" }.joined() + "</tr>\n"
        }
        out += "</table>\n<p>Overdue: <strong>\(overdue)</strong> · No update this quarter: <strong>\(stale)</strong></p>\n</section>\n"
        out += indicatorsHTML()

        out += "<section id=\"changes\">\n<h2>Changes since \(h(previousQuarter))</h2>\n"
        if changes.isEmpty {
            out += "<p>No changes.</p>\n"
        } else {
            out += "<table><tr><th>Action</th><th>Change</th><th>Status</th><th>Owner</th><th>Detail</th></tr>\n"
            for change in changes {
                out += "<tr><td>\(h(change.id)) \(h(change.title))</td><td>\(h(change.labels))</td>"
                out += "<td>\(change.from.isEmpty ? "–" : badge(change.from)) → \(change.to.isEmpty ? "–" : badge(change.to))</td>"
                out += "<td>\(h(change.owner))</td><td>\(h(change.detail))</td></tr>\n"
            }
            out += "</table>\n"
        }
        out += "</section>\n<section id=\"exceptions\">\n<h2>Exception report: red and amber actions</h2>\n"
        if exceptions.isEmpty { out += "<p>No red or amber actions.</p>\n" }
        for row in exceptions {
            out += "<div class=\"exception\"><h3>\(badge(row.letter)) \(h(row.id)) \(h(row.title))</h3>\n"
            out += "<p><strong>Owner:</strong> \(h(row.owner)) · <strong>Due:</strong> <span\(row.overdue ? " class=\"overdue\"" : "")>\(h(row.due.isEmpty ? "none" : row.due))\(row.overdue ? " (overdue)" : "")</span></p>\n"
            for change in row.dueDateChanges {
                out += "<p><strong>Due date moved</strong> \(h(change.on)): \(h(change.from.isEmpty ? "none" : change.from)) → \(h(change.to)), \(h(change.reason))\(change.by.isEmpty ? "" : " (\(h(change.by)))")</p>\n"
            }
            out += "<p><strong>Commentary:</strong> \(commentaryCell(row, empty: "<em>none</em>"))</p></div>\n"
        }
        out += "</section>\n<section id=\"actions\">\n<h2>All actions</h2>\n"
        for group in groups {
            out += "<h3>\(h(group.name)) (\(group.actions.count))</h3>\n<p class=\"meta\"><em>\(h(group.aim))</em></p>\n"
            guard !group.actions.isEmpty else { continue }
            out += "<table><tr><th>ID</th><th>Action</th><th>Owner</th><th>Due</th><th>Status</th><th>Trend</th><th>Commentary</th></tr>\n"
            for row in group.actions {
                out += "<tr><td>\(h(row.id))</td><td>\(h(row.title))</td><td>\(h(row.owner))</td>"
                out += "<td\(row.overdue ? " class=\"overdue\"" : "")>\(h(row.due))\(row.overdue ? " (overdue)" : "")</td>"
                out += "<td>\(badge(row.letter)) \(h(row.statusLabel))</td><td>\(h(row.trend))</td><td>\(commentaryCell(row, empty: ""))</td></tr>\n"
            }
            out += "</table>\n"
        }
        out += "</section>\n<section id=\"history\">\n<h2>Status over the quarters</h2>\n<table class=\"heat\"><tr><th>Action</th>"
        out += heatQuarters.map { "<th>\(h($0))</th>" }.joined() + "</tr>\n"
        for row in heat {
            out += "<tr><td title=\"\(h(row.title))\">\(h(row.id))</td>" + row.letters.map { "<td>\($0.isEmpty ? "·" : badge($0))</td>" }.joined() + "</tr>\n"
        }
        out += "</table>\n<h2>What the statuses mean</h2>\n<ul>\n"
        for definition in ragDefinitions {
            out += "<li>\(badge(definition.letter)) <strong>\(h(definition.label))</strong>: \(h(definition.meaning))</li>\n"
        }
        out += "</ul>\n</section>\n</body>\n</html>\n"
        return out
    }

    /// A stacked bar of status counts as inline SVG, each segment labelled with its letter.
    private func bar(_ headline: Headline) -> String {
        let width = 240.0
        let colours = ["red": "#c0392b", "amber": "#f5b041", "green": "#27ae60", "complete": "#2e86c1", "not-started": "#ddd"]
        var x = 0.0
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"18\" role=\"img\" aria-label=\"\(headline.statuses.map { "\($0.letter) \($0.count)" }.joined(separator: ", "))\">"
        for status in headline.statuses where status.count > 0 && headline.total > 0 {
            let w = width * Double(status.count) / Double(headline.total)
            svg += "<rect x=\"\(fmt(x))\" y=\"0\" width=\"\(fmt(w))\" height=\"18\" fill=\"\(colours[status.status] ?? "#999")\" stroke=\"#333\"/>"
            if w >= 12 { svg += "<text x=\"\(fmt(x + w / 2))\" y=\"13\" font-size=\"11\" text-anchor=\"middle\">\(status.letter)</text>" }
            x += w
        }
        return svg + "</svg>"
    }
}

/// A row's commentary in HTML: where carried text comes from, and "withheld" where a public report
/// removed it.
private func commentaryCell(_ row: Report.ActionRow, empty: String) -> String {
    let note = row.commentaryNote.isEmpty ? "" : "<em>(\(h(row.commentaryNote)))</em> "
    if row.withheld { return note + "<em>withheld</em>" }
    return row.commentary.isEmpty ? empty : note + h(row.commentary)
}

private func fmt(_ value: Double) -> String { String(format: "%.1f", value) }

/// A status letter in its coloured box.
private func badge(_ letter: String) -> String { "<span class=\"s s-\(h(letter))\">\(h(letter))</span>" }

/// HTML-escaped plan text (control characters removed first).
func h(_ text: String) -> String {
    let cleaned = clean(text)
    func special(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
    guard cleaned.utf8.contains(where: special) else { return cleaned }
    var out: [UInt8] = []
    out.reserveCapacity(cleaned.utf8.count + 16)
    for byte in cleaned.utf8 {
        switch byte {
        case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
        case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
        case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
        case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
        case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
        default: out.append(byte)
        }
    }
    return String(decoding: out, as: UTF8.self)
}
