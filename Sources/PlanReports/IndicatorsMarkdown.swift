extension Report {
    /// The indicators section of the Markdown board paper: one table row per indicator with
    /// arrows and words (so it reads without colour). Nothing when the plan has no indicators.
    func indicatorsMarkdown() -> [String] {
        guard !indicators.isEmpty else { return [] }
        var out = ["## Outcome indicators", "",
                   "| Indicator | Latest | vs last quarter | vs same quarter last year | Target | Status | Last 8 quarters |",
                   "|---|--:|---|---|---|---|---|"]
        func movement(_ arrow: String, _ change: String, _ word: String) -> String {
            arrow.isEmpty ? "–" : "\(arrow) \(md(change)) (\(word == "worse" ? "**worse**" : word))"
        }
        for row in indicators {
            let latest = row.latest.isEmpty ? "–" : "\(md(row.latest)) (\(row.latestQuarter)\(row.latestProvisional ? ", provisional" : ""))"
            let target = row.target.isEmpty ? "–" : "\(md(row.target)) by \(row.targetBy)"
            out.append("| \(md(row.name)) | \(latest) | \(movement(row.vsPreviousArrow, row.vsPrevious, row.vsPreviousWord)) | "
                       + "\(movement(row.vsLastYearArrow, row.vsLastYear, row.vsLastYearWord)) | \(target) | "
                       + "\(row.statusLetter) \(row.statusLabel) | \(row.sparkline.isEmpty ? "–" : "`\(row.sparkline)`") |")
        }
        out.append("")
        if !revisionsNote.isEmpty { out += [md(revisionsNote), ""] }
        if indicators.contains(where: { $0.suppressBelow != nil }) {
            out += ["Small numbers are shown as “fewer than N” so that no one can be identified; changes that would reveal them are left out.", ""]
        }
        return out
    }
}
