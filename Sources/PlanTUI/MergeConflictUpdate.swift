import PlanModel
import PlanStore

/// The merge conflicts screen: deciding each field.
extension AppState {
    /// Settles the conflict under the cursor (or all of them) with our value or theirs, as one
    /// undoable step; back to the overview when none is left.
    mutating func decideConflicts(_ side: MergeConflict.Side, all: Bool) {
        guard case .mergeConflicts(let selection) = screen, plan.conflicts.indices.contains(selection) else { return }
        let chosen = plan.conflicts[selection]
        let label = all ? "all \(plan.conflicts.count) conflicts" : chosen.label
        commit((side == .ours ? "Kept ours: " : "Took theirs: ") + label) { plan, context in
            _ = try plan.resolveConflicts(take: side, context: context, where: { all || $0 == chosen })
        }
        if plan.conflicts.isEmpty {
            screen = .overview
            if message?.isError == false { message?.text += "; every conflict is decided, s saves" }
        } else {
            screen = .mergeConflicts(selection: min(selection, plan.conflicts.count - 1))
        }
    }
}
