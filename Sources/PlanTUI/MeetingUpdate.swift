import PlanModel

/// Meeting mode: stepping through the filtered actions, keeping or changing each status.
extension AppState {
    /// Starting, stepping through and ending a meeting.
    mutating func performMeeting(_ command: Command) {
        switch command {
        case .startMeeting: startMeeting()
        case .keepStatus: keepStatusAndAdvance()
        case .nextAction: stepAction(by: 1)
        case .previousAction: stepAction(by: -1)
        case .endMeeting:
            if case .meeting(let meeting) = screen { screen = .meetingSummary(meeting) }
        default: break
        }
    }

    mutating func startMeeting() {
        let ids = list.filteredActionIDs(in: plan)
        guard !ids.isEmpty else {
            message = Message(text: "No actions match the filter: nothing to review", isError: true)
            return
        }
        var meeting = Meeting(ids: ids, position: 0, startPlan: plan)
        meeting.indicatorIDs = indicatorsAfter(actions: ids)
        screen = .meeting(meeting)
    }

    mutating func stepAction(by delta: Int) {
        guard case .meeting(var meeting) = screen else { return stepDetail(by: delta) }
        let next = meeting.position + delta
        if next >= meeting.stepCount {
            screen = .meetingSummary(meeting)
            return
        }
        meeting.position = max(0, next)
        meeting.scroll = 0
        screen = .meeting(meeting)
    }

    /// `/` in a meeting: steps to the next of the meeting's actions (after the one on screen,
    /// round to the first) whose id, title, description or commentary holds `text`, ignoring case.
    mutating func findInMeeting(_ text: String) {
        guard case .meeting(var meeting) = screen, !text.isEmpty else { return }
        let needle = text.lowercased()
        let count = meeting.ids.count
        let start = meeting.currentID == nil ? 0 : meeting.position + 1
        let found = (0..<count).lazy.map { (start + $0) % count }.first { position in
            plan.actionIndex(id: meeting.ids[position]).map { index in
                let action = plan.actions[index]
                return [action.id, action.title, action.description, action.commentary].contains { $0.lowercased().contains(needle) }
            } ?? false
        }
        guard let found else {
            message = Message(text: "No action in this meeting matches “\(text)”; Esc ends the meeting, then / searches every action",
                              isError: true)
            return
        }
        meeting.position = found
        meeting.scroll = 0
        screen = .meeting(meeting)
        message = Message(text: "\(meeting.ids[found]) matches “\(text)” (action \(found + 1) of \(count)); / finds the next", isError: false)
    }

    /// Enter in a meeting: record "no change in status" for this quarter, then move on. The
    /// model's commentary rule decides when words are needed (a red status kept needs them); an
    /// action already updated this quarter just moves on.
    /// `Enter` in a meeting: records the status kept for the quarter, unless the action already
    /// has an entry for it or is complete (a complete action owes no update, and an empty entry
    /// would print its old commentary as "none this quarter").
    mutating func keepStatusAndAdvance() {
        guard let id = focusedActionID, let index = plan.actionIndex(id: id) else { return stepAction(by: 1) }
        let action = plan.actions[index]
        if action.review(for: quarter) == nil, action.status != .complete {
            guard !session.isReadOnly else { return refuseReadOnly() }
            guard !refusedForNoOpenQuarter() else { return }
            if let rule = plan.commentaryRule(for: action, status: action.status, in: quarter) {
                askForCommentary(id: id, status: action.status, because: rule)
                return
            }
            commitAction(id, "\(id) kept at \(action.status.label) for \(quarter)") { plan, context in
                try plan.recordUpdate(actionID: id, status: action.status, commentary: nil, context: context)
            }
        }
        stepAction(by: 1)
    }
}
