import ArgumentParser
import Foundation
import PlanModel

/// `dplan list FILE [filters]`: the actions as a table, in plan order.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List actions as a table, optionally filtered.")

    @OptionGroup var plan: PlanFileArgument

    @Option(help: "Prevention group: whole-system, primary, secondary or tertiary (or WSA/PRI/SEC/TER, or the plan's name for it).")
    var group: GroupArgument?

    @Option(help: "Owner id or name.")
    var owner: String?

    @Option(help: "Status (not-started, red, amber, green, complete or N/R/A/G/C); comma-separate several.")
    var status: StatusList?

    @Option(help: "Workstream id or name.")
    var workstream: String?

    @Flag(help: "Only actions past their due date and not complete.")
    var overdue = false

    @Flag(help: "Only actions with no update in the current quarter.")
    var stale = false

    func run() throws {
        let plan = try loadPlan(self.plan.file)
        let today = try currentTime().day
        let filter = try actionCriteria(plan: plan, group: group, owner: owner, status: status,
                                        workstream: workstream, overdue: overdue, stale: stale)
        let quarter = plan.editingQuarter(on: today)
        var rows = [["ID", "STATUS", "TREND", "DUE", "FLAGS", "OWNER", "TITLE"]]
        for action in plan.actions where filter.matches(action, today: today, quarter: quarter) {
            var flags: [String] = []
            if action.isOverdue(on: today) { flags.append("overdue") }
            if action.isStale(in: quarter) { flags.append("stale") }
            rows.append([clean(action.id), statusCell(action.status), action.trend(in: quarter).symbol,
                         action.due?.description ?? "-", flags.joined(separator: ","),
                         ownerName(action.owner, in: plan), clean(action.title)])
        }
        let interactive = isatty(STDOUT_FILENO) != 0
        print(table(rows, maxWidths: interactive ? [5: 28, 6: 60] : [5: 28]))
        print("\(rows.count - 1) of \(plan.actions.count) actions · \(quarter) · today \(today)")
    }
}

/// Reads the filter options of `list` and `export` into `ActionCriteria`, with a clear message
/// for a group, owner, status or workstream the plan does not have.
func actionCriteria(plan: Plan, group: GroupArgument?, owner: String?, status: StatusList?, workstream: String?,
                    overdue: Bool, stale: Bool) throws -> ActionCriteria {
    var criteria = ActionCriteria(overdue: overdue, stale: stale)
    criteria.group = try group?.resolve(in: plan)
    if let owner {
        guard let match = plan.findOwner(owner) else {
            throw Failure("--owner: no owner with id or name \"\(owner)\"; owners are: \(plan.owners.map(\.id).joined(separator: ", "))")
        }
        criteria.owner = match.id
    }
    if let status { criteria.statuses = status.statuses }
    if let workstream {
        let key = workstream.lowercased()
        guard let match = plan.workstreams.first(where: { $0.id.lowercased() == key || $0.name.lowercased() == key }) else {
            throw Failure("--workstream: no workstream \"\(workstream)\"; workstreams are: \(plan.workstreams.map(\.id).joined(separator: ", "))")
        }
        criteria.workstream = match.id
    }
    return criteria
}
