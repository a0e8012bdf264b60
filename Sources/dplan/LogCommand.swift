import ArgumentParser
import PlanApp
import PlanModel

/// `dplan log FILE [ID]`: the audit trail, oldest first: actions, the plan itself and the
/// indicators (values recorded and revised included).
struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show who changed what and when (the audit trail).")

    @OptionGroup var plan: PlanFileArgument
    @Argument(help: "Only this action or indicator.") var actionID: String?

    func run() throws {
        let plan = try loadPlan(self.plan.file)
        if let actionID, plan.actionIndex(id: actionID) == nil, plan.indicatorIndex(id: actionID) == nil,
           !plan.removedActions.contains(where: { $0.id == actionID }) {
            throw DplanError.refused("\(self.plan.file): no action or indicator with id \"\(actionID)\"")
        }
        var entries: [(Timestamp, String, FieldChange)] = []
        for action in plan.actions where actionID == nil || action.id == actionID {
            for change in action.changeLog ?? [] { entries.append((change.on, action.id, change)) }
        }
        for indicator in plan.indicators where actionID == nil || indicator.id == actionID {
            for change in indicator.changeLog ?? [] { entries.append((change.on, indicator.id, change)) }
        }
        if actionID == nil {
            for change in plan.changeLog ?? [] { entries.append((change.on, "(plan)", change)) }
        }
        for removed in plan.removedActions where actionID == nil || removed.id == actionID {
            entries.append((removed.on, removed.id, FieldChange(field: "deleted", from: removed.title, to: "", by: removed.by, on: removed.on)))
        }
        guard !entries.isEmpty else { print("No changes recorded by dplan yet."); return }
        var rows = [["WHEN (UTC)", "ID", "FIELD", "FROM", "TO", "BY"]]
        for (on, id, change) in entries.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
            rows.append([on.minuteLabel, clean(id), change.field,
                         clean(change.from), clean(change.to), clean(change.by)])
        }
        print(table(rows, maxWidths: [3: 40, 4: 40]))
    }
}
