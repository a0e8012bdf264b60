import PlanModel

/// Changing the plan: every edit is one undoable step that stamps who and when, and the list
/// and swap journal catch up with it.
extension AppState {
    var listContext: ActionList.Context {
        ActionList.Context(plan: session.plan, revision: session.revision, today: today, quarter: quarter)
    }

    /// Rebuilds the list rows after the plan, the filter or the day changed.
    mutating func refreshRows() {
        list.refresh(listContext)
    }

    /// Keeps the list cursor in range and on screen.
    mutating func clampScroll() {
        list.clampScroll(height: layout.listHeight)
    }

    /// Applies a plan change as one undoable step, stamping who and when; refusals become messages.
    mutating func commit(_ label: String, _ change: (inout Plan, EditContext) throws -> Void) {
        guard !session.isReadOnly else { return refuseReadOnly() }
        var updated = session.plan
        do {
            try change(&updated, EditContext(by: session.user, now: now))
        } catch {
            message = Message(text: "\(error)", isError: true)
            return
        }
        guard updated != session.plan else {
            message = Message(text: "Nothing changed", isError: false)
            return
        }
        session.noteJournalChange(before: session.plan)
        session.undoStack.append(Snapshot(plan: session.plan, revision: session.revision, label: label))
        session.redoStack.removeAll()
        session.plan = updated
        finishCommit(label)
    }

    /// Like `commit`, for a change that touches only the action `id` (the `Plan` editing methods
    /// for one action). The undo step keeps just that action's old value, and the plan's action
    /// list is changed in place rather than copied, so an edit costs the same in a 10,000-action
    /// plan as in a small one. An edit that changes nothing records nothing.
    mutating func commitAction(_ id: String, _ label: String, _ change: (inout Plan, EditContext) throws -> Void) {
        guard !session.isReadOnly else { return refuseReadOnly() }
        guard let index = session.plan.actionIndex(id: id) else { return commit(label, change) }
        let before = session.plan.actions[index]
        var shell = session.plan
        shell.actions = []  // so the plan holds its action list alone and changes it in place
        #if DEBUG
        let others = session.plan.actions  // debug builds (the tests) check that no other action changed
        #endif
        do {
            // The Plan editing methods check everything before they change anything.
            try change(&session.plan, EditContext(by: session.user, now: now))
        } catch {
            message = Message(text: "\(error)", isError: true)
            return
        }
        #if DEBUG
        assert({ var rest = session.plan; rest.actions = []; return rest == shell }(), "commitAction changed more than action \(id)")
        assert(others.count == session.plan.actions.count
               && others.indices.allSatisfy { $0 == index || others[$0] == session.plan.actions[$0] },
               "commitAction changed more than action \(id)")
        #endif
        guard session.plan.actions[index] != before else {
            message = Message(text: "Nothing changed", isError: false)
            return
        }
        session.undoStack.append(Snapshot(plan: shell, revision: session.revision, label: label, action: (index, before)))
        session.redoStack.removeAll()
        finishCommit(label, changed: (index, before))
    }

    private mutating func finishCommit(_ label: String, changed: (index: Int, before: Action)? = nil) {
        let old = session.revision
        session.revision = session.nextRevision()
        if let (index, before) = changed {
            actionChanged(at: index, was: before, from: old)
        } else {
            refreshRows()
        }
        message = Message(text: label, isError: false)
    }

    /// After one action changed by an edit, undo or redo: the journal and the list catch up.
    private mutating func actionChanged(at index: Int, was old: Action, from oldRevision: Int) {
        session.journalPending.actionIDs.insert(old.id)
        list.actionChanged(at: index, was: old, from: oldRevision, listContext)
    }

    mutating func refuseReadOnly() {
        message = Message(text: "Read-only: the plan cannot be changed here (see the message when it opened)", isError: true)
    }

    mutating func undo() {
        historyJump(from: \.undoStack, to: \.redoStack, nothing: "Nothing to undo", done: "Undone")
    }

    mutating func redo() {
        historyJump(from: \.redoStack, to: \.undoStack, nothing: "Nothing to redo", done: "Redone")
    }

    /// Moves to the newest snapshot of one history stack, pushing the current plan onto the other.
    private mutating func historyJump(from source: WritableKeyPath<EditingSession, [Snapshot]>,
                                      to target: WritableKeyPath<EditingSession, [Snapshot]>, nothing: String, done: String) {
        guard let snapshot = session[keyPath: source].popLast() else {
            message = Message(text: nothing, isError: true)
            return
        }
        if let (index, action) = snapshot.action {
            // The stacks are one line of history, so the action list is as this step left it.
            var restored = snapshot.plan
            restored.actions = session.plan.actions
            session.plan.actions = []
            let current = restored.actions[index]
            restored.actions[index] = action
            session[keyPath: target].append(Snapshot(plan: session.plan, revision: session.revision, label: snapshot.label,
                                                     action: (index, current)))
            session.plan = restored
            let old = session.revision
            session.revision = snapshot.revision
            actionChanged(at: index, was: current, from: old)
        } else {
            session.noteJournalChange(before: session.plan)
            session[keyPath: target].append(Snapshot(plan: session.plan, revision: session.revision, label: snapshot.label))
            session.plan = snapshot.plan
            session.revision = snapshot.revision
            dropScreensOfRemovedActions()
            refreshRows()
        }
        clampScroll()
        message = Message(text: "\(done): \(snapshot.label)", isError: false)
    }

    /// After the plan changed as a whole: a screen about an action that is gone goes back to the
    /// list, and a meeting forgets actions that are gone.
    mutating func dropScreensOfRemovedActions() {
        switch screen {
        case .detail(let id, _, let returnTo) where session.plan.actionIndex(id: id) == nil:
            screen = returnTo
        case .meeting(var meeting), .meetingSummary(var meeting):
            let current = meeting.currentID
            let indicatorStep = meeting.currentIndicatorID.map { _ in meeting.position - meeting.ids.count }
            meeting.ids = meeting.ids.filter { session.plan.actionIndex(id: $0) != nil }
            meeting.position = current.flatMap { meeting.ids.firstIndex(of: $0) }
                ?? indicatorStep.map { meeting.ids.count + $0 } ?? min(meeting.position, max(0, meeting.ids.count - 1))
            if case .meeting = screen {
                screen = meeting.ids.isEmpty ? .meetingSummary(meeting) : .meeting(meeting)
            } else {
                screen = .meetingSummary(meeting)
            }
        default:
            break
        }
    }
}
