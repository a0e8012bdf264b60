/// Why a recorded conflict could not be settled.
public struct ConflictResolutionError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "conflicts: \(path): \(message)" }
}

/// Reads the values a recorded conflict holds (JSON text, as the plan file writes them) and
/// writes one into a plan. The plan file's code supplies it (`PlanStore`'s `PlanFileConflictValues`):
/// the format is its business; what resolving means is the model's.
public protocol ConflictValues {
    /// An action as the conflict recorded it, or nil when the text is not one.
    func action(from json: String) -> Action?
    /// Writes `json` (nil removes) at `path` inside one action (the part of the path after the
    /// action) or, with `actionIndex` nil, inside the plan without its actions.
    func write(_ json: String?, at path: String, actionIndex: Int?, in plan: inout Plan) throws(ConflictResolutionError)
}

extension Plan {
    /// Settles the recorded conflicts that `selects` picks, keeping `side`'s value: ours is
    /// already in place, so taking ours only drops the record (and, for a whole action we kept,
    /// their deletion record); taking theirs writes their value at the conflict's path through
    /// `values` (a whole action comes back in its group, or goes with a deletion record).
    /// `context` stands in for who deleted an action when the record does not say, and decides a
    /// whole review (`settleDecidedReview`: on the audit trail, reopening a closed quarter when the
    /// update made while it was being closed is kept). Returns the
    /// conflicts settled; the plan is unchanged when one cannot be applied.
    public mutating func resolveConflicts(take side: MergeConflict.Side, context: EditContext, values: some ConflictValues,
                                          where selects: (MergeConflict) -> Bool) throws(ConflictResolutionError) -> [MergeConflict] {
        var plan = self
        let chosen = conflicts.filter(selects)
        for conflict in chosen {
            if side == .theirs {
                try plan.takeTheirs(conflict, context: context, values: values)
            } else if conflict.field.isEmpty, let id = conflict.actionID, plan.actionIndex(id: id) != nil {
                // Our action stays: their deletion record goes.
                plan.removedActions.removeAll { $0.id == id }
            }
        }
        plan.conflicts.removeAll(where: selects)
        for case let (id, quarter)? in chosen.map(\.wholeReview) {
            plan.settleDecidedReview(actionID: id, quarter: quarter, context: context)
        }
        self = plan
        return chosen
    }

    private mutating func takeTheirs(_ conflict: MergeConflict, context: EditContext, values: some ConflictValues) throws(ConflictResolutionError) {
        guard let id = conflict.actionID else {
            try values.write(conflict.theirs, at: conflict.path, actionIndex: nil, in: &self)
            return
        }
        let index = actionIndex(id: id)
        if conflict.field.isEmpty {
            try replaceAction(id: id, at: index, with: conflict.theirs, conflict: conflict, context: context, values: values)
            return
        }
        guard let index else { throw ConflictResolutionError(path: conflict.path, message: "no action \(id) here to change") }
        try values.write(conflict.theirs, at: conflict.path, actionIndex: index, in: &self)
    }

    /// A whole action deleted on one side and changed on the other: theirs is the action (it
    /// comes back, in its group) or nothing (it goes, with a deletion record).
    private mutating func replaceAction(id: String, at index: Int?, with json: String?, conflict: MergeConflict,
                                        context: EditContext, values: some ConflictValues) throws(ConflictResolutionError) {
        guard let json else {
            guard let index else { return }
            if !removedActions.contains(where: { $0.id == id }) {
                removedActions.append(RemovedAction(of: actions[index], by: conflict.theirsBy ?? context.by, on: conflict.theirsOn ?? context.now))
            }
            actions.remove(at: index)
            return
        }
        guard let action = values.action(from: json) else {
            throw ConflictResolutionError(path: conflict.path, message: "their value is not an action")
        }
        if let index {
            actions[index] = action
        } else {
            insertInGroupOrder(action)  // as the save merge places an action taken back
        }
        removedActions.removeAll { $0.id == id }
    }
}
