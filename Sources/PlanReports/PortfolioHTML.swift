import Foundation
import PlanModel

extension PortfolioPaper {
    /// The portfolio paper as one accessible HTML page (WCAG 2.2 AA: headings in order, table
    /// headers with scope, charts with a text alternative and the same figures in a table).
    public func html() -> String {
        var out = htmlDocumentStart(title: "\(name): portfolio report", style: portfolioStyle()) + """
        <header>
        \(marking.isEmpty ? "" : "<p class=\"marking\">\(h(marking))</p>\n")<h1>\(h(name))</h1>
        <p class="subtitle">Portfolio report: \(plans.count) plan\(plans.count == 1 ? "" : "s")</p>
        <table class="facts"><tbody>
        \(board.isEmpty ? "" : "<tr><th scope=\"row\">Board</th><td>\(h(board))</td></tr>\n")\(meeting.isEmpty ? "" : "<tr><th scope=\"row\">Meeting</th><td>\(h(meeting))</td></tr>\n")<tr><th scope="row">Quarters reported</th><td>\(h(quartersText))</td></tr>
        <tr><th scope="row">Prepared</th><td>\(h(generatedOn))</td></tr>
        </tbody></table>
        \(isPublic ? "<p class=\"note\">Public version: restricted commentary and indicators are withheld, small numbers are shown as \"fewer than N\", and who made each update is left out.</p>\n" : "")</header>
        <main>

        """
        out += plansSection() + escalationsSection() + leadSection() + measuresSection()
        out += "</main>\n</body>\n</html>\n"
        return keepingDatesWhole(out)
    }

    /// "2026/27 Q2 (3 plans), 2019/20 Q3 (1 plan)": which quarter the plans report, most common first.
    var quartersText: String {
        var counts: [String: Int] = [:]
        for row in plans { counts[row.quarter, default: 0] += 1 }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            .map { "\($0.key) (\($0.value) plan\($0.value == 1 ? "" : "s"))" }.joined(separator: ", ")
    }

    private func plansSection() -> String {
        var out = "<section id=\"plans\">\n<h2>Plans</h2>\n"
        out += "<p class=\"note\">Each plan reports on its own quarter. Red 2+: red for two quarters or more in a row. "
            + "Returns outstanding: lead owners who still owe their update for the quarter.</p>\n"
        out += "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Plans\"><table class=\"plans\">\n<thead><tr><th scope=\"col\">Plan</th><th scope=\"col\">Quarter</th>"
        for status in totals.byStatus {
            out += "<th scope=\"col\" class=\"n\"><abbr title=\"\(h(status.label))\">\(h(status.letter))</abbr><span class=\"vh\"> \(h(status.label))</span></th>"
        }
        out += "<th scope=\"col\" class=\"n\">Actions</th><th scope=\"col\" class=\"n\">Overdue</th><th scope=\"col\" class=\"n\">Red 2+</th>"
        out += "<th scope=\"col\" class=\"n\">No update</th><th scope=\"col\" class=\"n\">Returns outstanding</th><th scope=\"col\">Executive summary</th></tr></thead>\n<tbody>\n"
        for row in plans + [totals] {
            let isTotal = row.label == totals.label && row.title == totals.title
            out += isTotal ? "<tr class=\"total\"><th scope=\"row\">Total</th><td></td>"
                : "<tr><th scope=\"row\"><span class=\"label\">\(h(row.title))</span><br/>\(h(row.partnership))</th><td class=\"nowrap\">\(h(row.quarter))\(row.soFar ? " (so far)" : "")</td>"
            for status in row.byStatus { out += "<td class=\"n\">\(status.count)</td>" }
            for number in [row.total, row.overdue, row.redTwoQuarters, row.noUpdate, row.returnsOutstanding] { out += "<td class=\"n\">\(number)</td>" }
            out += "<td>\(h(isTotal ? "" : row.summaryLine.isEmpty ? "No summary for the quarter" : row.summaryLine))</td></tr>\n"
        }
        return out + "</tbody></table></div>\n</section>\n"
    }

    private func actionTable(_ actions: [PlanAction], label: String, showLead: Bool) -> String {
        var out = "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(h(label))\"><table class=\"actions\">\n<thead><tr>"
        out += "<th scope=\"col\">Plan</th><th scope=\"col\">Action</th>\(showLead ? "<th scope=\"col\">Lead</th>" : "")<th scope=\"col\">Status</th>"
        out += "<th scope=\"col\">Due</th><th scope=\"col\">Commentary</th></tr></thead>\n<tbody>\n"
        for line in actions {
            let action = line.action
            let ask = action.hasDecision ? "<p class=\"ask\"><strong>Decision needed:</strong> \(h(action.decisionNeeded))</p>" : ""
            out += "<tr><td>\(h(line.plan))<br/><span class=\"pc\">\(h(line.quarter))</span></td>"
            out += "<th scope=\"row\"><span class=\"id\">\(h(action.id))</span> \(h(action.title))</th>"
            out += showLead ? "<td>\(h(action.owner))</td>" : ""
            out += "<td>\(badge(action.letter)) \(h(action.statusLabel))</td><td class=\"nowrap\">\(h(action.dueLabel))</td>"
            out += "<td>\(h(action.withheld ? "Commentary withheld" : action.commentary))\(ask)</td></tr>\n"
        }
        return out + "</tbody></table></div>\n"
    }

    private func escalationsSection() -> String {
        var out = "<section id=\"escalations\">\n<h2>Escalations across plans</h2>\n"
        guard !escalations.isEmpty else { return out + "<p>No action has been red for two quarters or more.</p>\n</section>\n" }
        out += "<p>\(escalations.count) action\(escalations.count == 1 ? " has" : "s have") been red for two quarters or more.</p>\n"
        return out + actionTable(escalations, label: "Escalations", showLead: true) + "</section>\n"
    }

    private func leadSection() -> String {
        guard let lead else { return "" }
        var out = "<section id=\"lead\">\n<h2>Actions led by \(h(lead))</h2>\n"
        guard !leadActions.isEmpty else { return out + "<p>No action in these plans is led by an owner whose name contains \"\(h(lead))\".</p>\n</section>\n" }
        out += "<p>\(leadActions.count) action\(leadActions.count == 1 ? "" : "s") across \(Set(leadActions.map(\.plan)).count) plan(s), "
            + "matched by the lead owner's name.</p>\n"
        return out + actionTable(leadActions, label: "Actions led by \(lead)", showLead: true) + "</section>\n"
    }
}
