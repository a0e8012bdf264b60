import PlanModel

extension Screen {
    /// The same screen after a save's merge gave some of our new actions other ids (old id → new
    /// id): a detail screen, a meeting's actions and its starting point follow the actions, so a
    /// meeting keeps stepping through the actions it began with and never edits the other side's
    /// action that now holds an old id. Lists worked out from the plan are rebuilt anyway.
    func following(_ moves: [String: String]) -> Screen {
        guard !moves.isEmpty else { return self }
        switch self {
        case .detail(let id, let scroll, let returnTo):
            return .detail(id: moves[id] ?? id, scroll: scroll, returnTo: returnTo.following(moves))
        case .meeting(let meeting):
            return .meeting(meeting.following(moves))
        case .meetingSummary(let meeting):
            return .meetingSummary(meeting.following(moves))
        case .entries(let list, let selection, let returnTo):
            return .entries(list, selection: selection, returnTo: returnTo.following(moves))
        case .indicators(let selection, let returnTo):
            return .indicators(selection: selection, returnTo: returnTo.following(moves))
        case .indicator(let id, let scroll, let returnTo):
            return .indicator(id: id, scroll: scroll, returnTo: returnTo.following(moves))
        case .overview, .list, .mergeConflicts:
            return self
        }
    }
}

extension Meeting {
    /// The meeting with its actions, and the plan it is compared with, under their new ids.
    func following(_ moves: [String: String]) -> Meeting {
        var meeting = self
        meeting.ids = ids.map { moves[$0] ?? $0 }
        for index in meeting.startPlan.actions.indices {
            if let new = moves[meeting.startPlan.actions[index].id] { meeting.startPlan.actions[index].id = new }
        }
        return meeting
    }
}
