import PlanModel

/// The version two copies of a plan both grew from, found from their content: the candidate
/// whose audit history both copies contain and that has the longest such history. Audit entries
/// are only ever added, so a version that is an ancestor of both has every one of its entries in
/// both (an action one copy deleted takes its entries with it). Never by modification time.
public enum CommonVersion {
    /// What the search found.
    public enum Finding: Equatable {
        /// The candidate to merge from (its name) and how many audit entries it shares.
        case found(String, entries: Int)
        /// No candidate's history is contained in both copies.
        case none
        /// Several different candidates share the longest history: dplan will not guess.
        case ambiguous([String])
    }

    /// Picks the common version of `ours` and `theirs` among named candidates (kept versions,
    /// and the two copies themselves: one may simply be older than the other).
    public static func find(ours: Plan, theirs: Plan, among candidates: [(name: String, plan: Plan)]) -> Finding {
        let ourHistory = History(ours), theirHistory = History(theirs)
        var best: [(name: String, plan: Plan)] = []
        var bestCount = -1
        for candidate in candidates {
            let history = History(candidate.plan)
            guard history.isContained(in: ourHistory), history.isContained(in: theirHistory) else { continue }
            if history.entries.count > bestCount {
                best = [candidate]
                bestCount = history.entries.count
            } else if history.entries.count == bestCount, !best.contains(where: { $0.plan == candidate.plan }) {
                best.append(candidate)
            }
        }
        guard let first = best.first else { return .none }
        return best.count == 1 ? .found(first.name, entries: bestCount) : .ambiguous(best.map(\.name))
    }

    /// Every audit entry of a plan, each tagged with what it belongs to (an action by its
    /// creation stamp, so a renumbered action keeps its history), and the actions it deleted.
    struct History {
        var entries: Set<String> = []
        /// Entries of each action, by its tag, so an action deleted later can be let off.
        var byAction: [String: Set<String>] = [:]
        var actionIDs: [String: String] = [:]
        var deleted: Set<String> = []

        init(_ plan: Plan) {
            for action in plan.actions {
                let tag = MergeVersions.origin(of: action) ?? action.id
                actionIDs[tag] = action.id
                let own = Set((action.changeLog ?? []).map { "\(tag)|\(Self.text($0))" }
                              + action.dueDateChanges.map { "\(tag)|due \($0.to) \($0.by) \($0.on) \($0.reason)" })
                byAction[tag] = own
                entries.formUnion(own)
            }
            entries.formUnion((plan.changeLog ?? []).map { "plan|\(Self.text($0))" })
            for indicator in plan.indicators {
                entries.formUnion((indicator.changeLog ?? []).map { "indicator \(indicator.id)|\(Self.text($0))" })
            }
            for record in plan.quarters {
                entries.formUnion((record.reopenings ?? []).map { "reopened \(record.quarter) \($0.by) \($0.on) \($0.reason)" })
            }
            for removed in plan.removedActions {
                entries.insert("deleted \(removed.id) \(removed.by) \(removed.on)")
                deleted.insert(removed.id)
            }
        }

        private static func text(_ change: FieldChange) -> String {
            "\(change.field)|\(change.from)|\(change.to)|\(change.by)|\(change.on)"
        }

        /// Whether `other` holds every entry of this history, an action it deleted excepted.
        func isContained(in other: History) -> Bool {
            var missing = entries.subtracting(other.entries)
            guard !missing.isEmpty else { return true }
            for (tag, own) in byAction where other.byAction[tag] == nil && other.deleted.contains(actionIDs[tag] ?? "") {
                missing.subtract(own)
            }
            return missing.isEmpty
        }
    }
}
