extension Report {
    /// A board paper in Markdown: reads well as plain text and converts cleanly with pandoc.
    public func markdown() -> String {
        var out: [String] = []
        out.append("# \(md(plan.title)): progress report \(quarter)")
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
                out.append("- **Due date moved** \(change.on): \(change.from.isEmpty ? "none" : change.from) → \(change.to), \(md(change.reason)) (\(md(change.by)))")
            }
            out.append("- **Commentary:** \(row.commentary.isEmpty ? "_none_" : md(row.commentary))")
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
                out.append("| \(md(row.id)) | \(md(row.title)) | \(md(row.owner)) | \(row.due)\(row.overdue ? " (overdue)" : "") | \(row.letter) \(row.statusLabel) | \(row.trend) | \(md(row.commentary)) |")
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

/// Text safe inside a Markdown table cell or line: no control characters, pipes escaped.
private func md(_ text: String) -> String {
    clean(text).replacingOccurrences(of: "|", with: "\\|")
}
