import PlanModel

extension Report {
    /// One ask of the board: an action's "decision or help needed from the board"
    /// (`dplan set --decision`), gathered into the "Decisions and recommendations for the board"
    /// section that follows the executive summary.
    public struct Decision: Codable, Equatable, Sendable {
        public var id, title, owner, letter, statusLabel: String
        /// The decision or help asked for, in the owner's words.
        public var ask: String
    }

    /// The asks of the board among `rows` (those a public version keeps; see `ActionRow.decisionNeeded`):
    /// red actions first, then amber, then the rest, each by id, as the exception report orders them.
    static func decisions(from rows: [ActionRow]) -> [Decision] {
        func rank(_ row: ActionRow) -> Int { row.isRed ? 0 : row.isAmber ? 1 : 2 }
        return rows.filter(\.hasDecision)
            .sorted { (rank($0), $0.id) < (rank($1), $1.id) }
            .map { Decision(id: $0.id, title: $0.title, owner: $0.owner, letter: $0.letter, statusLabel: $0.statusLabel, ask: $0.decisionNeeded) }
    }

    /// What the board is asked to do with the paper: note the progress it reports and, when any
    /// action asks for one, give each decision or help listed.
    static func recommendations(period: String, soFar: Bool, asks: Int) -> [String] {
        var out = ["Note progress on the plan in \(period)\(soFar ? " so far" : "")."]
        if asks > 0 {
            out.append(asks == 1 ? "Give the decision or help the action below asks for."
                       : "Give the decision or help each of the \(asks) actions below asks for.")
        }
        return out
    }

    /// The section's one sentence when no action asks anything: the recommendation to note progress.
    private var nothingAsked: String {
        let note = recommendations.first.map { $0.prefix(1).lowercased() + $0.dropFirst() } ?? ""
        return "The board is asked to \(note) No action asks it for a decision or help."
    }

    /// The Markdown section; none when the paper leaves the board's asks out (a public version).
    func decisionsMarkdown() -> [String] {
        guard showsDecisions else { return [] }
        var out = ["## Decisions and recommendations for the board", ""]
        guard !decisions.isEmpty else { return out + [md(nothingAsked), ""] }
        out += ["The board is asked to:", ""] + recommendations.enumerated().map { "\($0.offset + 1). \(md($0.element))" } + [""]
        out += ["| Action | Lead | Status | Decision or help needed |", "|---------------------|-------------|--------|------------------------------|"]
        for decision in decisions {
            out.append("| \(md(decision.id)) \(md(decision.title)) | \(md(decision.owner)) | \(decision.letter) \(md(decision.statusLabel)) | \(md(decision.ask)) |")
        }
        return out + [""]
    }

    /// The HTML section; none when the paper leaves the board's asks out (a public version).
    func decisionsHTML() -> String {
        guard showsDecisions else { return "" }
        var out = "<section id=\"decisions\">\n<h2>Decisions and recommendations for the board</h2>\n"
        guard !decisions.isEmpty else { return out + "<p>\(h(nothingAsked))</p>\n</section>\n" }
        out += "<p>The board is asked to:</p>\n<ol class=\"recommendations\">\n" + recommendations.map { "<li>\(h($0))</li>\n" }.joined() + "</ol>\n"
        var table = "<table class=\"decisions\">\(caption("Decisions and help asked of the board"))\n<colgroup><col class=\"c-action\"/><col class=\"c-owner\"/><col class=\"c-status\"/><col/></colgroup>\n"
        table += "<thead><tr><th scope=\"col\">Action</th><th scope=\"col\">Lead</th><th scope=\"col\">Status</th><th scope=\"col\">Decision or help needed</th></tr></thead>\n<tbody>\n"
        for decision in decisions {
            table += "<tr><th scope=\"row\"><span class=\"id\">\(h(decision.id))</span> \(h(decision.title))</th><td>\(h(decision.owner))</td>"
            table += "<td class=\"nowrap\"><span aria-hidden=\"true\">\(badge(decision.letter))</span> \(h(decision.statusLabel))</td><td>\(h(decision.ask))</td></tr>\n"
        }
        return out + scrolling("Decisions table", table + "</tbody></table>\n") + "</section>\n"
    }
}
