import ArgumentParser
import Foundation
import PlanApp
import PlanModel

/// `dplan list FILE [filters]`: the actions as a table, in plan order.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List actions as a table, optionally filtered.")

    @OptionGroup var plans: PlanFilesArgument

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

    @OptionGroup var asAt: AsAtOption

    func run() throws {
        let now = try currentTime()
        let plans = try self.plans.load().map { entry throws(DplanError) in
            var entry = entry
            entry.plan = try asAt.apply(to: entry.plan, file: entry.file ?? entry.label, now: now).plan
            return entry
        }
        let today = asAt.asAt.map { min($0, now.day) } ?? now.day
        let several = self.plans.several
        var rows = [(several ? ["PLAN"] : []) + ["ID", "STATUS", "TREND", "DUE", "FLAGS", "OWNER", "TITLE"]]
        var total = 0, quarters = Set<Quarter>()
        var refusal: Error?, filtered = false
        for entry in plans {
            let plan = entry.plan
            total += plan.actions.count
            // Across plans a filter value one plan lacks (an owner it does not have) matches nothing there.
            let filter: ActionCriteria
            do {
                filter = try actionCriteria(plan: plan, group: group?.text, owner: owner, statuses: status?.statuses,
                                            workstream: workstream, overdue: overdue, stale: stale)
            } catch {
                guard several else { throw error }
                refusal = refusal ?? error
                continue
            }
            filtered = true
            let quarter = plan.editingQuarter(on: today)
            quarters.insert(quarter)
            for action in plan.actions where filter.matches(action, today: today, quarter: quarter) {
                var flags: [String] = []
                if action.isOverdue(on: today) { flags.append("overdue") }
                if action.isStale(in: quarter) { flags.append("stale") }
                rows.append((several ? [clean(entry.label)] : []) + [
                    clean(action.id), statusCell(action.status), action.trend(in: quarter).symbol,
                    action.due?.description ?? "-", flags.joined(separator: ","),
                    ownerName(action.owner, in: plan), clean(action.title)])
            }
        }
        if !filtered, let refusal { throw refusal }
        let interactive = isatty(STDOUT_FILENO) != 0
        let shift = several ? 1 : 0
        print(table(rows, maxWidths: interactive ? [5 + shift: 28, 6 + shift: 60] : [5 + shift: 28]))
        let quarter = quarters.count == 1 ? quarters.first!.description : "current quarters"
        print("\(rows.count - 1) of \(total) actions\(several ? " in \(plans.count) plans" : "") · \(quarter) · today \(today)")
    }
}
