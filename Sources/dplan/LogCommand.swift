import ArgumentParser
import PlanApp
import PlanModel

/// `dplan log FILE [ACTION-ID]`: the audit trail, oldest first.
struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show who changed what and when (the audit trail).")

    @OptionGroup var plan: PlanFileArgument
    @Argument(help: "Only this action.") var actionID: String?

    func run() throws {
        let plan = try loadPlan(self.plan.file)
        if let actionID, plan.actionIndex(id: actionID) == nil { throw DplanError.refused("\(self.plan.file): no action with id \"\(actionID)\"") }
        var entries: [(Timestamp, String, FieldChange)] = []
        for action in plan.actions where actionID == nil || action.id == actionID {
            for change in action.changeLog ?? [] { entries.append((change.on, action.id, change)) }
        }
        if actionID == nil {
            for change in plan.changeLog ?? [] { entries.append((change.on, "(plan)", change)) }
        }
        for removed in plan.removedActions where actionID == nil || removed.id == actionID {
            entries.append((removed.on, removed.id, FieldChange(field: "deleted", from: removed.title, to: "", by: removed.by, on: removed.on)))
        }
        guard !entries.isEmpty else { print("No changes recorded by dplan yet."); return }
        var rows = [["WHEN (UTC)", "ACTION", "FIELD", "FROM", "TO", "BY"]]
        for (on, id, change) in entries.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
            rows.append([on.minuteLabel, clean(id), change.field,
                         clean(change.from), clean(change.to), clean(change.by)])
        }
        print(table(rows, maxWidths: [3: 40, 4: 40]))
    }
}
