import Foundation
import PlanModel

extension Report {
    /// One key milestone of an included action.
    public struct MilestoneRow: Codable, Equatable, Sendable {
        public var actionID, title, due: String
        /// "" while open; otherwise the day it was marked done.
        public var doneOn: String
        public var done, overdue: Bool
    }

    /// Money from one source in one financial year ("" for the single funding object of older
    /// files), in pounds as text; the split is "" when none was given.
    public struct FundingRow: Codable, Equatable, Sendable {
        public var source, year, amount, labour, nonLabour: String
    }

    /// The milestones of `actions`, action by action, with "overdue" judged on `day`.
    static func milestoneRows(_ actions: [Action], on day: Day) -> [MilestoneRow] {
        actions.flatMap { action in
            action.milestones.map {
                MilestoneRow(actionID: action.id, title: $0.title, due: $0.due.description, doneOn: $0.doneOn?.day.description ?? "",
                             done: $0.isDone, overdue: $0.isOverdue(on: day))
            }
        }
    }

    /// Funding totals by source and year over the plan's lines and those of `actions`.
    static func fundingRows(_ plan: Plan, actions: [Action]) -> [FundingRow] {
        plan.fundingTotals(actions: actions).map {
            FundingRow(source: $0.source, year: $0.year?.description ?? "", amount: pounds($0.amount),
                       labour: $0.labour == 0 ? "" : pounds($0.labour), nonLabour: $0.nonLabour == 0 ? "" : pounds($0.nonLabour))
        }
    }

    /// The Markdown sections for milestones and the finance summary; none when the plan has neither.
    func milestonesAndFundingMarkdown() -> [String] {
        var out: [String] = []
        if !milestones.isEmpty {
            out += ["## Key milestones", "", "| Action | Milestone | Due | Done |", "|---|---|---|---|"]
            for row in milestones {
                out.append("| \(md(row.actionID)) | \(md(row.title)) | \(row.due)\(row.overdue ? " (overdue)" : "") | \(row.done ? row.doneOn : "") |")
            }
            out.append("")
        }
        return out + financeMarkdown()
    }

    /// The same sections for the HTML paper: tables with repeated headers, like the others.
    func milestonesAndFundingHTML() -> String {
        var out = ""
        if !milestones.isEmpty {
            var table = "<table>\(caption("Key milestones"))\n<thead><tr><th scope=\"col\">Action</th><th scope=\"col\">Milestone</th><th scope=\"col\">Due</th><th scope=\"col\">Done</th></tr></thead>\n<tbody>\n"
            for row in milestones {
                table += "<tr><th scope=\"row\" class=\"id\">\(h(row.actionID))</th><td>\(h(row.title))</td><td class=\"date\">\(h(row.due))"
                    + (row.overdue ? " <strong>(overdue)</strong>" : "") + "</td><td class=\"date\">\(row.done ? h(row.doneOn) : "")</td></tr>\n"
            }
            out += "<section id=\"milestones\">\n<h2>Key milestones</h2>\n" + scrolling("Milestones table", table + "</tbody>\n</table>\n") + "</section>\n"
        }
        return out + financeHTML()
    }
}
