import Foundation
import PlanModel

extension Report {
    /// One self-contained HTML file: inline CSS and SVG, no scripts or external assets. On screen
    /// it reads as a web page; printed (or made into a PDF by `--format pdf`) it is an A4 board
    /// paper: a footer with the plan, quarter and "Page N of M" on every page (and the protective
    /// marking at top and foot), table headers repeated on each page, rows never split, exception
    /// blocks kept whole unless they carry a due-date history (then their heading and lead line
    /// still stay together), headings kept with what follows, and sections flowing on without forced
    /// breaks. Statuses carry letters so the paper reads in black and white. The layout is in
    /// `PrintStyle.swift`.
    public func html() -> String {
        var out = htmlDocumentStart(title: "\(plan.title): \(title)\(soFar ? " (so far)" : "")", style: printStyle())
        out += cover() + "<main>\n"
        if let annual {
            out += annualSummaries(annual)
        } else if hasSummary {
            out += "<section id=\"summary\">\n<h2>Executive summary</h2>\n\(paragraphs(summary))</section>\n"
        }
        out += decisionsHTML()
        out += headlineSection()
        out += indicatorsHTML()
        if let annual {
            out += annualSections(annual)  // completed and carried forward hold every action still in play
        } else {
            out += changesSection()
            out += exceptionsSection()
            out += fullTable()
        }
        out += milestonesAndFundingHTML()
        out += historySection()
        out += "<section id=\"definitions\">\n<h2>What the statuses mean</h2>\n<ul class=\"definitions\">\n"
        for definition in ragDefinitions {
            out += "<li>\(badge(definition.letter)) <strong>\(h(definition.label))</strong>: \(h(definition.meaning))</li>\n"
        }
        out += "<li><span aria-hidden=\"true\">▲</span> <strong>improved</strong>, <span aria-hidden=\"true\">▼</span> <strong>worsened</strong>: the status moved since the quarter before.</li>\n"
        out += "</ul>\n</section>\n</main>\n</body>\n</html>\n"
        return out
    }

    /// The cover block: marking, title, the board and meeting, who it is from, and "draft" while
    /// the quarter is open.
    private func cover() -> String {
        var out = "<header class=\"cover\">\n"
        if !marking.isEmpty { out += "<p class=\"marking\">\(h(marking))</p>\n" }
        out += "<h1>\(h(plan.title))</h1>\n<p class=\"subtitle\">\(h(title))\(soFar ? " (so far)" : "")</p>\n<table class=\"facts\">\n"
        var facts: [(String, String)] = [("Report to", board)]
        if !meeting.isEmpty { facts.append(("Meeting", meeting)) }
        if board != plan.partnership { facts.append(("Partnership", plan.partnership)) }
        if !author.isEmpty { facts.append(("Author", author)) }
        if !contact.isEmpty { facts.append(("Contact", contact)) }
        facts.append(("Prepared", generatedOnLabel))
        if !scope.isEmpty { facts.append(("Scope", scope)) }
        if isPublic { facts.append(("Version", "Public (restricted commentary withheld)")) }
        for (label, value) in facts { out += "<tr><th>\(label)</th><td>\(h(value))</td></tr>\n" }
        out += "</table>\n"
        if soFar {
            let what = annual.map { "year \($0.year) still in progress" } ?? "quarter still open"
            out += "<p class=\"draft\">Draft — \(what): figures are so far and may change before the quarter is closed.</p>\n"
        }
        return out + "</header>\n"
    }

    private func headlineSection() -> String {
        var out = "<section id=\"headline\">\n<h2>Headline\(annual == nil ? "" : " at \(h(quarter))")</h2>\n"
        var table = "<table class=\"headline\">\(caption("Actions by status in each prevention group"))<thead><tr><th scope=\"col\">Prevention group</th><th class=\"n\" scope=\"col\">Actions</th><th scope=\"col\">Status</th>"
        table += ["R", "A", "G", "C", "N"].map { "<th class=\"n\" scope=\"col\">\(badgeNamed($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for headline in groupHeadlines + [overall] {
            table += "<tr\(headline == overall ? " class=\"total\"" : "")><th scope=\"row\">\(h(headline.name))</th><td class=\"n\">\(headline.total)</td><td>\(bar(headline))</td>"
            table += headline.statuses.map { "<td class=\"n\">\($0.count) <span class=\"pc\">(\($0.percent)%)</span></td>" }.joined() + "</tr>\n"
        }
        out += scrolling("Headline table", table + "</tbody></table>\n")
        out += "<p>Overdue: <strong>\(overdue)</strong> · No update this quarter: <strong>\(stale)</strong></p>\n"
        let charted = statusHistory.drop { $0.total == 0 }
        if charted.count > 1 {
            let name = "Actions by status at the end of each quarter\(soFar ? " (\(h(quarter)) so far)" : "")"
            // The figure's own name becomes the printed PDF's alternative text for it.
            out += "<figure class=\"chart\" aria-label=\"\(name)\">\n<figcaption>\(name)</figcaption>\n"
            out += statusChart(Array(charted)) + "\n</figure>\n" + statusHistoryTable(Array(charted))
        }
        return out + "</section>\n"
    }

    private func changesSection() -> String {
        let out = "<section id=\"changes\">\n<h2>Changes since \(h(previousQuarter))</h2>\n"
        guard !changes.isEmpty else { return out + "<p>No changes.</p>\n</section>\n" }
        var table = "<table class=\"changes\">\(caption("Changes since \(previousQuarter)"))\n<colgroup><col class=\"c-action\"/><col class=\"c-change\"/><col class=\"c-status\"/><col class=\"c-owner\"/><col/></colgroup>\n"
        table += "<thead><tr><th scope=\"col\">Action</th><th scope=\"col\">Change</th><th scope=\"col\">Status</th><th scope=\"col\">Lead</th><th scope=\"col\">Detail</th></tr></thead>\n<tbody>\n"
        for change in changes {
            table += "<tr><th scope=\"row\"><span class=\"id\">\(h(change.id))</span> \(h(change.title))</th><td>\(h(change.labels))</td>"
            table += "<td class=\"nowrap\">\(change.from.isEmpty ? "–" : badgeNamed(change.from)) → \(change.to.isEmpty ? "–" : badgeNamed(change.to))</td>"
            table += "<td>\(h(change.owner))</td><td>\(keepingDatesWhole(h(change.detail)))</td></tr>\n"
        }
        return out + scrolling("Changes table", table + "</tbody></table>\n") + "</section>\n"
    }

    private func exceptionsSection() -> String {
        var out = "<section id=\"exceptions\">\n<h2>Exception report: red and amber actions</h2>\n"
        if exceptions.isEmpty { out += "<p>No red or amber actions.</p>\n" }
        for row in exceptions {
            out += "<div class=\"exception\(row.dueDateChanges.isEmpty ? "" : " long")\">\n<h3>\(badge(row.letter)) <span class=\"id\">\(h(row.id))</span> \(h(row.title))</h3>\n"
            out += "<p><strong>Lead:</strong> \(h(row.owner)) · <strong>Due:</strong> \(row.dueLabel.isEmpty ? "none" : h(row.dueLabel))\(row.overdue ? " <strong>(overdue)</strong>" : "")\(row.isEscalation ? " · <strong>Red for two or more quarters</strong>" : "")</p>\n"
            for change in row.dueDateChanges {
                out += "<p><strong>Due date moved</strong> \(h(change.onLabel)): \(h(change.fromLabel)) → \(h(change.toLabel)), \(h(change.reason))\(change.by.isEmpty ? "" : " (\(h(change.by)))")</p>\n"
            }
            out += "<table class=\"compare\">\(caption("Commentary on \(row.id)"))<colgroup><col/><col/></colgroup><thead><tr><th>Last quarter (\(h(previousQuarter)))</th><th>This quarter (\(h(quarter))\(soFar ? ", so far" : ""))</th></tr></thead>\n"
            let previous = row.previousWithheld ? "<em>withheld</em>" : row.previousCommentary.isEmpty ? "<em>none</em>" : htmlText(row.previousCommentary)
            out += "<tbody><tr><td>\(previous)</td><td>\(commentaryCell(row, empty: "<em>none</em>"))</td></tr></tbody></table>\n"
            if row.hasDecision { out += "<p class=\"ask\"><strong>Decision or help needed from the board:</strong> \(h(row.decisionNeeded))</p>\n" }
            out += "</div>\n"
        }
        return out + "</section>\n"
    }

    /// The full table, one sub-table per section (prevention group, lead owner or workstream).
    private func fullTable() -> String {
        var out = "<section id=\"actions\">\n<h2>All actions\(sectionsBy == ReportSections.group.rawValue ? "" : " by \(h(sectionsByLabel.lowercased()))")</h2>\n"
        for group in groups {
            out += "<h3>\(h(group.name)) (\(group.actions.count))</h3>\n"
            if !group.aim.isEmpty { out += "<p class=\"aim\">\(h(group.aim))</p>\n" }
            guard !group.actions.isEmpty else { out += "<p class=\"note\">No actions.</p>\n"; continue }
            out += actionTable(group.actions, "Actions: \(group.name)")
        }
        return out + "</section>\n"
    }

    /// Actions as a table: id and dates on one line, commentary given the widest column, and
    /// the outcome measure, partners, funding and workstreams on a full-width line beneath each
    /// action (one `tbody` per action, kept whole on a page).
    private func actionTable(_ rows: [ActionRow], _ name: String) -> String {
        var out = "<table class=\"actions\">\(caption(name))\n<colgroup><col class=\"c-id\"/><col class=\"c-title\"/><col class=\"c-owner\"/><col class=\"c-due\"/><col class=\"c-status\"/><col/></colgroup>\n"
        out += "<thead><tr><th scope=\"col\">ID</th><th scope=\"col\">Action</th><th scope=\"col\">Lead</th><th scope=\"col\">Due</th><th scope=\"col\">Status</th><th scope=\"col\">Commentary</th></tr></thead>\n"
        for row in rows {
            var details: [String] = []
            for (label, value) in [("Outcome", row.outcomeMeasure), ("Partners", row.partners), ("Funding", row.funding),
                                   ("Themes", row.workstreams), ("Decision or help needed from the board", row.decisionNeeded)]
            where !value.isEmpty {
                details.append("<span class=\"label\">\(label):</span> \(h(value))")
            }
            out += "<tbody class=\"action\"><tr><th scope=\"row\" class=\"id\">\(h(row.id))</th><td class=\"title\">\(h(row.title))</td>"
            out += "<td>\(h(row.owner))</td><td class=\"nowrap\">\(dueCell(row))</td>"
            out += "<td class=\"nowrap\"><span aria-hidden=\"true\">\(badge(row.letter))</span> \(h(row.statusLabel))\(trendMark(row.trend))</td>"
            out += "<td>\(commentaryCell(row, empty: ""))</td></tr>\n"
            if !details.isEmpty { out += "<tr class=\"details\"><td></td><td colspan=\"5\">\(details.joined(separator: " · "))</td></tr>\n" }
            out += "</tbody>\n"
        }
        return scrolling("Table: \(name)", out + "</table>\n")
    }

    private func historySection() -> String {
        var out = "<section id=\"history\">\n<h2>Status at each quarter end</h2>\n"
        if noStatusHistory {
            return out + "<p>No action has a review recorded at the end of \(h(heatQuarters.last ?? quarter)) or any quarter before it.</p>\n</section>\n"
        }
        var table = "<table class=\"heat\">\(caption("Status of each action at each quarter end"))\n"
        table += "<thead><tr><th scope=\"col\">Action</th>" + heatQuarters.map { "<th class=\"n\" scope=\"col\">\(h($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        let noReview = "<span aria-hidden=\"true\">·</span>" + hidden("no review")
        for row in heat {
            table += "<tr><th scope=\"row\" class=\"id\" title=\"\(h(row.title))\">\(h(row.id))</th>"
            table += row.letters.map { "<td class=\"n\">\($0.isEmpty ? noReview : badgeNamed($0))</td>" }.joined() + "</tr>\n"
        }
        out += scrolling("Status history table", table + "</tbody></table>\n")
        return out + "<p class=\"note\">· no review recorded for that quarter.</p>\n</section>\n"
    }

    private func annualSummaries(_ annual: AnnualSection) -> String {
        guard !annual.summaries.isEmpty else { return "" }
        var out = "<section id=\"summary\">\n<h2>The year's executive summaries</h2>\n"
        for summary in annual.summaries { out += "<h3>\(h(summary.quarter))</h3>\n" + paragraphs(summary.text) }
        return out + "</section>\n"
    }

    private func annualSections(_ annual: AnnualSection) -> String {
        var out = "<section id=\"completed\">\n<h2>Completed in \(h(annual.year)) (\(annual.completed.count))</h2>\n"
        out += annual.completed.isEmpty ? "<p>No action was completed in the year.</p>\n" : actionTable(annual.completed, "Completed in \(annual.year)")
        out += "</section>\n<section id=\"carried\">\n<h2>Carried forward (\(annual.carriedForward.count))</h2>\n"
        out += "<p class=\"aim\">Actions not complete at the end of \(h(quarter))\(soFar ? " (so far)" : ""), with their latest commentary.</p>\n"
        out += annual.carriedForward.isEmpty ? "<p>Nothing is carried forward.</p>\n" : actionTable(annual.carriedForward, "Carried forward")
        out += "</section>\n<section id=\"moves\">\n<h2>Due dates moved in \(h(annual.year)) (\(annual.dueDateMoves.count))</h2>\n"
        if annual.dueDateMoves.isEmpty { return out + "<p>No due date was moved in the year.</p>\n</section>\n" }
        var table = "<table class=\"moves\">\(caption("Due dates moved in \(annual.year)"))\n<colgroup><col class=\"c-action\"/><col class=\"c-due\"/><col class=\"c-due\"/><col class=\"c-due\"/><col/></colgroup>\n"
        table += "<thead><tr><th scope=\"col\">Action</th><th scope=\"col\">Moved on</th><th scope=\"col\">From</th><th scope=\"col\">To</th><th scope=\"col\">Reason</th></tr></thead>\n<tbody>\n"
        for move in annual.dueDateMoves {
            table += "<tr><th scope=\"row\"><span class=\"id\">\(h(move.actionID))</span> \(h(move.actionTitle))</th><td class=\"nowrap\">\(h(move.onLabel))</td>"
            table += "<td class=\"nowrap\">\(h(move.fromLabel))</td><td class=\"nowrap\">\(h(move.toLabel))</td>"
            table += "<td>\(h(move.reason))\(move.by.isEmpty ? "" : " (\(h(move.by)))")</td></tr>\n"
        }
        return out + scrolling("Due dates moved table", table + "</tbody></table>\n") + "</section>\n"
    }

    /// A stacked bar of status counts as inline SVG, each segment labelled with its letter.
    private func bar(_ headline: Headline) -> String {
        let width = 200.0
        var x = 0.0
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bar\" viewBox=\"0 0 \(Int(width)) 16\" width=\"\(Int(width))\" height=\"16\" role=\"img\" aria-label=\"\(headline.statuses.map { "\($0.letter) \($0.count)" }.joined(separator: ", "))\">"
        for status in headline.statuses where status.count > 0 && headline.total > 0 {
            let w = width * Double(status.count) / Double(headline.total)
            svg += "<rect x=\"\(fmt(x))\" y=\"0\" width=\"\(fmt(w))\" height=\"16\" fill=\"\(StatusColour.fill(status.letter))\" stroke=\"#000\" stroke-width=\".6\"/>"
            if w >= 12 {
                svg += "<text x=\"\(fmt(x + w / 2))\" y=\"12\" font-size=\"10\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"\(StatusColour.ink(status.letter))\">\(status.letter)</text>"
            }
            x += w
        }
        return svg + "</svg>"
    }

    /// Stacked bars of status counts, one per quarter in `statusHistory`, each segment labelled
    /// with its letter and count so the chart reads in black and white (a segment too small for
    /// its label is named under the bar); its text alternative gives every count.
    private func statusChart(_ statusHistory: [QuarterStatus]) -> String {
        let barWidth = 64.0, gap = 22.0, plotHeight = 150.0, top = 14.0, left = 28.0
        let most = Double(max(1, statusHistory.map(\.total).max() ?? 1))
        let width = left + Double(statusHistory.count) * (barWidth + gap)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(fmt(width)) \(fmt(top + plotHeight + 46))\" width=\"\(fmt(min(width, 660)))\" role=\"img\" aria-label=\"\(h(chartDescription(statusHistory)))\">"
        svg += "<line x1=\"\(fmt(left - 4))\" y1=\"\(fmt(top + plotHeight))\" x2=\"\(fmt(width))\" y2=\"\(fmt(top + plotHeight))\" stroke=\"#000\"/>"
        for (index, column) in statusHistory.enumerated() {
            let x = left + Double(index) * (barWidth + gap)
            var y = top + plotHeight
            var unlabelled: [String] = []  // segments too small for their label, named under the bar
            for status in column.statuses where status.count > 0 {
                let height = plotHeight * Double(status.count) / most
                y -= height
                svg += "<rect x=\"\(fmt(x))\" y=\"\(fmt(y))\" width=\"\(fmt(barWidth))\" height=\"\(fmt(height))\" fill=\"\(StatusColour.fill(status.letter))\" stroke=\"#000\" stroke-width=\".6\"/>"
                if height >= 11 {
                    svg += "<text x=\"\(fmt(x + barWidth / 2))\" y=\"\(fmt(y + height / 2 + 4))\" font-size=\"10\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"\(StatusColour.ink(status.letter))\">\(status.letter) \(status.count)</text>"
                } else {
                    unlabelled.append("\(status.letter) \(status.count)")
                }
            }
            svg += "<text x=\"\(fmt(x + barWidth / 2))\" y=\"\(fmt(y - 4))\" font-size=\"10\" text-anchor=\"middle\">\(column.total)</text>"
            svg += "<text x=\"\(fmt(x + barWidth / 2))\" y=\"\(fmt(top + plotHeight + 16))\" font-size=\"10\" text-anchor=\"middle\">\(h(column.quarter))</text>"
            if !unlabelled.isEmpty {
                svg += "<text x=\"\(fmt(x + barWidth / 2))\" y=\"\(fmt(top + plotHeight + 29))\" font-size=\"9\" text-anchor=\"middle\">\(unlabelled.joined(separator: " · "))</text>"
            }
        }
        return svg + "</svg>"
    }
}

/// A row's due date in the UK style, kept on one line, marked when overdue.
private func dueCell(_ row: Report.ActionRow) -> String {
    guard !row.dueLabel.isEmpty else { return "none" }
    return row.overdue ? "<span class=\"overdue\">\(h(row.dueLabel))<br/>(overdue)</span>" : h(row.dueLabel)
}

/// ▲ or ▼ after a status that improved or worsened since the quarter before.
private func trendMark(_ trend: String) -> String {
    switch trend {
    case Trend.improved.rawValue: " <span title=\"improved\" aria-hidden=\"true\">▲</span>\(hidden(", improved"))"
    case Trend.worsened.rawValue: " <span title=\"worsened\" aria-hidden=\"true\">▼</span>\(hidden(", worsened"))"
    default: ""
    }
}

/// A row's commentary in HTML: where carried text comes from, and "withheld" where a public report
/// removed it.
private func commentaryCell(_ row: Report.ActionRow, empty: String) -> String {
    let note = row.commentaryNote.isEmpty ? "" : "<em>(\(h(row.commentaryNote)))</em> "
    let words = row.withheld ? note + "<em>withheld</em>" : row.commentary.isEmpty ? empty : note + htmlText(row.commentary)
    guard row.hasBoardView else { return words }
    let lead = words.isEmpty || words == empty ? "<em>no update provided</em>" : words
    return "<p class=\"voice\"><strong>Lead's update</strong> (\(h(row.leadCredit))): \(lead)</p>"
        + "<p class=\"voice\"><strong>Board's view</strong> (\(h(row.boardCredit))): \(h(row.boardReason))</p>"
}

/// Text written by the officer as paragraphs (a blank line starts a new one).
private func paragraphs(_ text: String) -> String {
    text.components(separatedBy: "\n\n").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        .map { "<p>\(h($0))</p>\n" }.joined()
}

private func fmt(_ value: Double) -> String { String(format: "%.1f", value) }

/// A status letter in its box (see `StatusColour` and the `.s-` classes of the print style).
func badge(_ letter: String) -> String { "<span class=\"s s-\(h(letter))\">\(h(letter))</span>" }

/// HTML with the spaces inside dates ("31 Jan 2027") and quarters ("2026/27 Q4") made
/// non-breaking, so a narrow printed column never splits one over two lines.
func keepingDatesWhole(_ html: String) -> String {
    html.replacing(#/\b(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})\b/#) { "\($0.output.1)&#160;\($0.output.2)&#160;\($0.output.3)" }
        .replacing(#/\b(\d{4}/\d{2}) (Q[1-4])\b/#) { "\($0.output.1)&#160;\($0.output.2)" }
}

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

/// The start of a paper's HTML page up to and including `<body>` (and its line break): British
/// English, UTF-8, a viewport for reflow on phones, the title (escaped) and the inline style.
func htmlDocumentStart(title: String, style: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en-GB">
    <head>
    <meta charset="utf-8"/>
    <meta name="viewport" content="width=device-width, initial-scale=1"/>
    <title>\(h(title))</title>
    <style>
    \(style)
    </style>
    </head>
    <body>

    """
}
