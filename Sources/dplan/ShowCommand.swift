import ArgumentParser
import Foundation
import PlanApp
import PlanModel
import PlanReports

/// `dplan show FILE ACTION-ID`: every field of one action with its due-date changes and reviews.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show every field of one action and its review history.")

    @OptionGroup var plan: PlanFileArgument

    @Argument(help: "The action id, e.g. PRI-03.")
    var actionID: String

    @OptionGroup var asAt: AsAtOption

    func run() throws {
        let (plan, now) = try asAt.apply(to: try loadPlan(self.plan.file), file: self.plan.file, now: try currentTime())
        guard let index = plan.actionIndex(id: actionID) else {
            throw DplanError.refused("\(self.plan.file): no action with id \"\(actionID)\"\(asAt.asAt.map { " on \($0)" } ?? "")")
        }
        print(actionDetail(plan.actions[index], in: plan, today: now.day))
    }
}

/// The full text description of an action, as `show` prints it.
func actionDetail(_ action: Action, in plan: Plan, today: Day) -> String {
    let quarter = plan.editingQuarter(on: today)
    var flags: [String] = []
    if action.isOverdue(on: today) { flags.append("overdue") }
    if action.hasOverdueMilestone(on: today) { flags.append("milestone overdue") }
    if action.isStale(in: quarter) { flags.append("no update in \(quarter)") }
    let status = ActionField(label: "Status", value: statusCell(action.status, in: plan) + (flags.isEmpty ? "" : "  (" + flags.joined(separator: ", ") + ")"))
    let trend = ActionField(label: "Trend", value: "\(action.trend(in: quarter).symbol) \(action.trend(in: quarter).rawValue) against \(quarter.previous)")
    let fields = [status, trend] + plan.fields(of: action)
    var lines = ["\(clean(action.id))  \(clean(action.title))"]
    lines += fields.map { $0.label.padding(toLength: 17, withPad: " ", startingAt: 0) + ($0.value.isEmpty ? "-" : cleanLines($0.value, indent: 17)) }
    if !action.dueDateChanges.isEmpty {
        lines.append("")
        lines.append("Due-date changes")
        for change in action.dueDateChanges {
            lines.append("  \(change.from?.description ?? "none") → \(change.to)  \(clean(change.reason))  (\(clean(change.by)), \(change.on.day))")
        }
    }
    lines.append("")
    lines.append("Review history")
    if action.reviews.isEmpty { lines.append("  no reviews yet") }
    for review in action.reviews.reversed() {
        let commentary = review.commentary.isEmpty ? clean(review.historyText) : cleanLines(review.commentary, indent: 4)
        let voice = review.board == nil ? "" : "Lead's update: "
        lines.append("  \(review.quarter)  \(statusCell(review.status, in: plan).padding(toLength: 13, withPad: " ", startingAt: 0))  \(voice)\(commentary)  (\(clean(review.by))\(review.enteredBy.map { ", entered by " + clean($0) } ?? ""), \(review.on.day))")
        if let board = review.board {
            lines.append("  \(review.quarter)  \(statusCell(board.status, in: plan).padding(toLength: 13, withPad: " ", startingAt: 0))  Board's view: \(clean(board.reason))  (\(clean(board.by)), \(board.on.day))")
        }
    }
    return lines.joined(separator: "\n")
}
