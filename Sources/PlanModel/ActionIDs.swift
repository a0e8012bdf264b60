/// Action ids: issued once. An action's id names it in "what changed", the log, papers and
/// other agencies' copies, so a deleted action's id is never given to another.
extension Plan {
    /// The next free id for a group: its prefix and one more than the highest number ever used
    /// (`usedActionIDs`), two digits at least (`PRI-07`). An id is never issued twice: after
    /// PRI-07 is deleted the next is PRI-08, not PRI-07 again.
    public func nextActionID(in group: PreventionGroup) -> String {
        nextActionID(like: group.idPrefix + "-")
    }

    /// The next free id after the prefix of `id` (up to and including its last `-`): `PRI-03` →
    /// `PRI-12` when PRI-11 was the highest ever used.
    public func nextActionID(like id: String) -> String {
        Self.nextActionID(like: id, used: usedActionIDs)
    }

    /// Every action id this plan has used: its actions' and its deleted actions'.
    public var usedActionIDs: Set<String> {
        Set(actions.map(\.id) + removedActions.map(\.id))
    }

    /// The prefix of `id` (up to and including its last `-`, else its leading non-digits) with
    /// one more than the highest number among `used` ids of that prefix, two digits at least.
    public static func nextActionID(like id: String, used: some Sequence<String>) -> String {
        let prefix = id.lastIndex(of: "-").map { String(id[...$0]) } ?? String(id.prefix { !$0.isNumber })
        let highest = used.compactMap { $0.hasPrefix(prefix) ? Int($0.dropFirst(prefix.count)) : nil }.max() ?? 0
        return prefix + pad(highest + 1, 2)
    }

    /// Actions holding the id of a deleted action (a deletion record with that id), each as a
    /// warning located at the action's id. dplan before ids were never reused could do this; the
    /// plan is still valid, but the two actions' histories mix. An action taken back while a
    /// merge conflict about it (deleted on one side, changed on the other) is unsettled is not one.
    public func reusedActionIDs() -> [Problem] {
        let unsettled = Set(conflicts.filter { $0.field.isEmpty }.compactMap(\.actionID))
        return actions.enumerated().compactMap { i, action in
            guard !unsettled.contains(action.id), let removed = removedActions.last(where: { $0.id == action.id }) else { return nil }
            return Problem(path: "actions[\(i)].id",
                           message: "\(action.id) is also the id of an action deleted on \(removed.on.day) by \(removed.by) (\"\(removed.title)\"); "
                               + "\"what changed\" and the log will mix the two (an older dplan reused the id)")
        }
    }
}
