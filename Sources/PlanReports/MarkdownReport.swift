extension Report {
    /// A board paper in Markdown: reads well as plain text and converts cleanly with pandoc.
    public func markdown() -> String {
        var out: [String] = []
        out.append("# \(md(plan.title)): progress report \(quarter)\(soFar ? " (so far)" : "")")
        out.append("")
        var subtitle = "\(md(plan.partnership)) · generated \(generatedOn.prefix(10))"
        if !scope.isEmpty { subtitle += " · scope: \(md(scope))" }
        if isPublic { subtitle += " · public version (restricted commentary removed)" }
        out.append(subtitle)
        out.append("")
        out.append("## Headline")
        out.append("")
        out.append("| Prevention group | Actions | R Red | A Amber | G Green | C Complete | N Not started |")
        out.append("|---|--:|--:|--:|--:|--:|--:|")
        for headline in groupHeadlines + [overall] {
            let cells = headline.statuses.map { "\($0.count) (\($0.percent)%)" }
            out.append("| \(md(headline.name)) | \(headline.total) | " + cells.joined(separator: " | ") + " |")
        }
        out.append("")
        out.append("Overdue: **\(overdue)** · No update this quarter: **\(stale)**")
        out.append("")
        out += indicatorsMarkdown()
        out.append("## Changes since \(previousQuarter)")
        out.append("")
        if changes.isEmpty {
            out.append("No changes.")
        } else {
            out.append("| Action | Change | Status | Owner | Detail |")
            out.append("|---|---|---|---|---|")
            for change in changes {
                let status = change.from.isEmpty && change.to.isEmpty ? "" : "\(change.from.isEmpty ? "–" : change.from) → \(change.to.isEmpty ? "–" : change.to)"
                out.append("| \(md(change.id)) \(md(change.title)) | \(change.labels) | \(status) | \(md(change.owner)) | \(md(change.detail)) |")
            }
        }
        out.append("")
        out.append("## Exception report: red and amber actions")
        out.append("")
        if exceptions.isEmpty { out.append("No red or amber actions.") }
        for row in exceptions {
            out.append("### \(row.letter) \(row.statusLabel): \(md(row.id)) \(md(row.title))")
            out.append("")
            out.append("- **Owner:** \(md(row.owner))")
            var due = row.due.isEmpty ? "none" : row.due
            if row.overdue { due += " (overdue)" }
            out.append("- **Due:** \(due)")
            for change in row.dueDateChanges {
                out.append("- **Due date moved** \(change.on): \(change.from.isEmpty ? "none" : change.from) → \(change.to), \(md(change.reason))\(change.by.isEmpty ? "" : " (\(md(change.by)))")")
            }
            out.append("- **Commentary:** \(commentaryCell(row, empty: "_none_"))")
            out.append("")
        }
        out.append("## All actions")
        for group in groups {
            out.append("")
            out.append("### \(md(group.name)) (\(group.actions.count))")
            out.append("")
            out.append("_\(md(group.aim))_")
            out.append("")
            guard !group.actions.isEmpty else { out.append("No actions."); continue }
            out.append("| ID | Action | Owner | Due | Status | Trend | Commentary |")
            out.append("|---|---|---|---|---|---|---|")
            for row in group.actions {
                out.append("| \(md(row.id)) | \(md(row.title)) | \(md(row.owner)) | \(row.due)\(row.overdue ? " (overdue)" : "") | \(row.letter) \(row.statusLabel) | \(row.trend) | \(commentaryCell(row, empty: "")) |")
            }
        }
        out.append("")
        out.append("## Status over the quarters")
        out.append("")
        out.append("| Action | " + heatQuarters.joined(separator: " | ") + " |")
        out.append("|---|" + heatQuarters.map { _ in ":-:" }.joined(separator: "|") + "|")
        for row in heat {
            out.append("| \(md(row.id)) | " + row.letters.map { $0.isEmpty ? "·" : $0 }.joined(separator: " | ") + " |")
        }
        out.append("")
        out.append("## What the statuses mean")
        out.append("")
        for definition in ragDefinitions {
            out.append("- **\(definition.letter) \(definition.label):** \(md(definition.meaning))")
        }
        return out.joined(separator: "\n") + "\n"
    }
}

/// A row's commentary in Markdown: where carried text comes from, and "withheld" where a public
/// report removed it.
private func commentaryCell(_ row: Report.ActionRow, empty: String) -> String {
    let note = row.commentaryNote.isEmpty ? "" : "_(\(md(row.commentaryNote)))_ "
    if row.withheld { return note + "_withheld_" }
    return row.commentary.isEmpty ? empty : note + md(row.commentary)
}

/// Plan text as literal Markdown, one line: control characters removed, and each character that
/// Markdown or pandoc would read as markup (emphasis, code, links and images, raw HTML and
/// entities, table pipes, strikeout, super- and subscript, maths) escaped with a backslash, so
/// viewers show the text itself.
func md(_ text: String) -> String {
    let cleaned = clean(text)
    let markup: Set<UInt8> = Set("\\`*_[]<>|&~^$".utf8)
    guard cleaned.utf8.contains(where: markup.contains) else { return cleaned }
    var out: [UInt8] = []
    out.reserveCapacity(cleaned.utf8.count + 16)
    for byte in cleaned.utf8 {
        if markup.contains(byte) { out.append(UInt8(ascii: "\\")) }
        out.append(byte)
    }
    return String(decoding: out, as: UTF8.self)
}
