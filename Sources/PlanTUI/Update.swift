import PlanModel
import PlanReports

extension AppState {
    /// Minimum terminal size for the layout; smaller shows a message instead.
    public static let minimumSize = (width: 60, height: 16)

    var isTooSmall: Bool { size.width < Self.minimumSize.width || size.height < Self.minimumSize.height }

    /// Rows available to the action list (title, filter line, column header, message, hints).
    var listHeight: Int { max(1, size.height - 5) }

    /// Applies one key. Returns work for the run loop (save, quit), if any.
    public mutating func handle(_ key: Key) -> Effect? {
        if case .resize = key { clampScroll(); return nil }
        if isTooSmall {
            return key == .character("q") || key == .control("c") ? requestQuit() : nil
        }
        if showHelp {
            switch key {
            case .character("j"), .down: helpScroll += 1
            case .character("k"), .up: helpScroll = max(0, helpScroll - 1)
            case .pageDown: helpScroll += max(1, size.height - 4)
            case .pageUp: helpScroll = max(0, helpScroll - max(1, size.height - 4))
            default: showHelp = false
            }
            return nil
        }
        if let modal { return handleModal(modal, key) }
        if view == .meetingSummary {
            // Save, undo, redo, help and quit work here; any other key returns to the list.
            if let global = Keymap.global.first(where: { $0.keys.contains(key) }) {
                message = nil
                return perform(global.command)
            }
            meeting = nil
            view = .list
            return nil
        }
        switch key {
        case .click(let x, let y): handleClick(x: x, y: y); return nil
        case .wheelUp: moveSelection(by: -3); return nil
        case .wheelDown: moveSelection(by: 3); return nil
        default: break
        }
        message = nil
        guard let command = Keymap.command(for: key, in: view.mode) else {
            if case .character(let c) = key { message = Message(text: "\(c) does nothing here; ? lists the keys", isError: true) }
            return nil
        }
        return perform(command)
    }

    private mutating func perform(_ command: Command) -> Effect? {
        switch command {
        case .help:
            showHelp = true
            helpScroll = 0
        case .save: return .save
        case .reload: return .reload
        case .quit: return requestQuit()
        case .undo: undo()
        case .redo: redo()
        case .moveUp: view == .list ? moveSelection(by: -1) : scrollDetail(by: -1)
        case .moveDown: view == .list ? moveSelection(by: 1) : scrollDetail(by: 1)
        case .pageUp: view == .list ? moveSelection(by: -listHeight) : scrollDetail(by: -listHeight)
        case .pageDown: view == .list ? moveSelection(by: listHeight) : scrollDetail(by: listHeight)
        case .top: moveSelection(by: -rows.count)
        case .bottom: moveSelection(by: rows.count)
        case .open: open()
        case .back:
            switch view {
            case .detail: view = .list
            case .changes: view = viewBeforeChanges
            default: view = .overview
            }
        case .switchView: view = view == .overview ? .list : .overview
        case .toggleGroup: toggleGroup()
        case .setStatus(let status): setStatus(status)
        case .editCommentary:
            guard let id = focusedActionID else { return nothingSelected() }
            let existing = plan.actions[plan.actionIndex(id: id)!].review(for: quarter)?.commentary ?? ""
            modal = .editor(.commentary(id: id, status: nil, required: false), LineEditor(existing))
        case .editTitle: openEditor { .title(id: $0) } initial: { $0.title }
        case .editDescription: openEditor { .description(id: $0) } initial: { $0.description }
        case .editOutcome: openEditor { .outcome(id: $0) } initial: { $0.outcomeMeasure }
        case .changeDue: openEditor { .dueDate(id: $0) } initial: { $0.due?.description ?? "" }
        case .pickOwner, .pickPartners, .pickGroup, .pickWorkstreams: openFieldPicker(command)
        case .addAction:
            modal = .picker(.newActionGroup, groupPicker(title: "New action: which prevention group?", selected: nil))
        case .toggleRestricted:
            guard let id = focusedActionID, let index = plan.actionIndex(id: id) else { return nothingSelected() }
            let restrict = plan.actions[index].commentaryRestricted != true
            commitAction(id, restrict ? "\(id) commentary restricted: left out of public reports" : "\(id) commentary public again") { plan, context in
                try plan.setCommentaryRestricted(actionID: id, restrict, context: context)
            }
        case .deleteAction:
            guard let id = focusedActionID else { return nothingSelected() }
            modal = .confirm(.delete(id: id))
        case .search:
            if view != .list { view = .list }
            modal = .editor(.search(previous: filter.search), LineEditor(filter.search))
        case .filter:
            modal = .picker(.filterKind, Picker(title: "Filter by", options: FilterKind.allCases.map {
                Picker.Option(id: $0.rawValue, label: $0.label)
            }))
        case .clearFilter:
            filter = Filter()
            refreshRows()
            message = Message(text: "Filter cleared: showing all \(plan.actions.count) actions", isError: false)
        case .startMeeting: startMeeting()
        case .keepStatus: keepStatusAndAdvance()
        case .nextAction: stepAction(by: 1)
        case .previousAction: stepAction(by: -1)
        case .endMeeting: view = .meetingSummary
        case .showChanges:
            viewBeforeChanges = view
            view = .changes
            detailScroll = 0
        case .closeQuarter:
            modal = .editor(.closeQuarter(quarter), LineEditor(plan.quarters.last?.board ?? plan.partnership))
        case .export:
            modal = .picker(.exportFormat, Picker(title: "Export a report of \(quarter)", options: ReportFormat.allCases.map {
                Picker.Option(id: $0.rawValue, label: $0.rawValue)
            }))
        }
        return nil
    }

    private mutating func nothingSelected() -> Effect? {
        message = Message(text: "Select an action first (j/k to move)", isError: true)
        return nil
    }

    // MARK: Navigation

    mutating func moveSelection(by delta: Int) {
        guard !rows.isEmpty else { return }
        selection = min(max(0, selection + delta), rows.count - 1)
        clampScroll()
    }

    mutating func clampScroll() {
        selection = min(max(0, selection), max(0, rows.count - 1))
        if selection < scroll { scroll = selection }
        if selection >= scroll + listHeight { scroll = selection - listHeight + 1 }
        scroll = max(0, min(scroll, max(0, rows.count - listHeight)))
    }

    private mutating func scrollDetail(by delta: Int) {
        detailScroll = max(0, detailScroll + delta)
    }

    private mutating func open() {
        switch view {
        case .overview:
            view = .list
        case .list:
            guard rows.indices.contains(selection) else { return }
            switch rows[selection] {
            case .group: toggleGroup()
            case .action(let index):
                view = .detail(plan.actions[index].id)
                detailScroll = 0
            }
        default: break
        }
    }

    private mutating func toggleGroup() {
        guard rows.indices.contains(selection) else { return }
        let group: PreventionGroup
        switch rows[selection] {
        case .group(let g, _): group = g
        case .action(let index): group = plan.actions[index].preventionGroup!
        }
        if collapsed.contains(group) { collapsed.remove(group) } else { collapsed.insert(group) }
        refreshRows()
        if let header = rows.firstIndex(where: { if case .group(group, _) = $0 { true } else { false } }) { selection = header }
        clampScroll()
    }

    /// In the detail screen, `[` and `]` step through the list's actions.
    private mutating func stepDetail(by delta: Int) {
        guard case .detail(let id) = view else { return }
        let ids = filteredActionIDs
        guard let at = ids.firstIndex(of: id) else { return }
        let next = min(max(0, at + delta), ids.count - 1)
        view = .detail(ids[next])
        detailScroll = 0
        if let row = rows.firstIndex(where: { if case .action(let i) = $0 { plan.actions[i].id == ids[next] } else { false } }) {
            selection = row
            clampScroll()
        }
    }

    private mutating func handleClick(x: Int, y: Int) {
        guard view == .list else { return }
        let row = scroll + (y - 3)
        guard y >= 3, rows.indices.contains(row) else { return }
        if row == selection { open() } else { selection = row; clampScroll() }
    }

    // MARK: Editing

    /// Applies a plan change as one undoable step, stamping who and when; refusals become messages.
    mutating func commit(_ label: String, _ change: (inout Plan, EditContext) throws -> Void) {
        guard !readOnly else { return refuseReadOnly() }
        var updated = plan
        do {
            try change(&updated, EditContext(by: user, now: now))
        } catch {
            message = Message(text: "\(error)", isError: true)
            return
        }
        noteJournalChange(before: plan)
        undoStack.append(Snapshot(plan: plan, revision: revision, label: label))
        redoStack.removeAll()
        plan = updated
        finishCommit(label)
    }

    /// Like `commit`, for a change that touches only the action `id` (the `Plan` editing methods
    /// for one action). The undo step keeps just that action's old value, and the plan's action
    /// list is changed in place rather than copied, so an edit costs the same in a 10,000-action
    /// plan as in a small one.
    mutating func commitAction(_ id: String, _ label: String, _ change: (inout Plan, EditContext) throws -> Void) {
        guard !readOnly else { return refuseReadOnly() }
        guard let index = plan.actionIndex(id: id) else { return commit(label, change) }
        let before = plan.actions[index]
        var shell = plan
        shell.actions = []  // so the plan holds its action list alone and changes it in place
        #if DEBUG
        let others = plan.actions  // debug builds (the tests) check that no other action changed
        #endif
        do {
            // The Plan editing methods check everything before they change anything.
            try change(&plan, EditContext(by: user, now: now))
        } catch {
            message = Message(text: "\(error)", isError: true)
            return
        }
        #if DEBUG
        assert({ var rest = plan; rest.actions = []; return rest == shell }(), "commitAction changed more than action \(id)")
        assert(others.count == plan.actions.count && others.indices.allSatisfy { $0 == index || others[$0] == plan.actions[$0] },
               "commitAction changed more than action \(id)")
        #endif
        undoStack.append(Snapshot(plan: shell, revision: revision, label: label, action: (index, before)))
        redoStack.removeAll()
        finishCommit(label, changed: (index, before))
    }

    private mutating func finishCommit(_ label: String, changed: (index: Int, before: Action)? = nil) {
        let old = revision
        revision = nextRevision()
        if let (index, before) = changed {
            actionChanged(at: index, was: before, from: old)
        } else {
            refreshRows()
        }
        message = Message(text: label, isError: false)
    }

    private mutating func refuseReadOnly() {
        message = Message(text: "Read-only: the plan cannot be changed here (see the message when it opened)", isError: true)
    }

    private mutating func undo() {
        historyJump(from: \.undoStack, to: \.redoStack, nothing: "Nothing to undo", done: "Undone")
    }

    private mutating func redo() {
        historyJump(from: \.redoStack, to: \.undoStack, nothing: "Nothing to redo", done: "Redone")
    }

    /// Moves to the newest snapshot of one history stack, pushing the current plan onto the other.
    private mutating func historyJump(from source: WritableKeyPath<AppState, [Snapshot]>,
                                      to target: WritableKeyPath<AppState, [Snapshot]>, nothing: String, done: String) {
        guard let snapshot = self[keyPath: source].popLast() else {
            message = Message(text: nothing, isError: true)
            return
        }
        if let (index, action) = snapshot.action {
            // The stacks are one line of history, so the action list is as this step left it.
            var restored = snapshot.plan
            restored.actions = plan.actions
            plan.actions = []
            let current = restored.actions[index]
            restored.actions[index] = action
            self[keyPath: target].append(Snapshot(plan: plan, revision: revision, label: snapshot.label, action: (index, current)))
            plan = restored
            let old = revision
            revision = snapshot.revision
            actionChanged(at: index, was: current, from: old)
        } else {
            noteJournalChange(before: plan)
            self[keyPath: target].append(Snapshot(plan: plan, revision: revision, label: snapshot.label))
            plan = snapshot.plan
            revision = snapshot.revision
            if case .detail(let id) = view, plan.actionIndex(id: id) == nil { view = .list }
            if let meeting { self.meeting?.ids = meeting.ids.filter { plan.actionIndex(id: $0) != nil } }
            refreshRows()
        }
        clampScroll()
        message = Message(text: "\(done): \(snapshot.label)", isError: false)
    }

    private mutating func setStatus(_ status: Status) {
        guard let id = focusedActionID, let index = plan.actionIndex(id: id) else { _ = nothingSelected(); return }
        if status == plan.actions[index].status, plan.actions[index].review(for: quarter) != nil {
            message = Message(text: "\(id) is already \(status.label) for \(quarter)", isError: false)
            return
        }
        if let rule = plan.commentaryRule(for: plan.actions[index], status: status, in: quarter) {
            askForCommentary(id: id, status: status, because: rule)
            return
        }
        commitAction(id, "\(id) set to \(status.label) for \(quarter)") { plan, context in
            try plan.recordUpdate(actionID: id, status: status, commentary: nil, context: context)
        }
    }

    private mutating func openEditor(_ purpose: (String) -> EditorPurpose, initial: (Action) -> String) {
        guard let id = focusedActionID, let index = plan.actionIndex(id: id) else { _ = nothingSelected(); return }
        modal = .editor(purpose(id), LineEditor(initial(plan.actions[index])))
    }

    private func groupPicker(title: String, selected: PreventionGroup?) -> Picker {
        Picker(title: title, options: PreventionGroup.allCases.map { Picker.Option(id: $0.rawValue, label: plan.name(of: $0)) },
               selected: selected?.rawValue)
    }

    private func ownerOptions() -> [Picker.Option] {
        plan.owners.map { Picker.Option(id: $0.id, label: $0.name) }
    }

    private mutating func openFieldPicker(_ command: Command) {
        guard let id = focusedActionID, let index = plan.actionIndex(id: id) else { _ = nothingSelected(); return }
        let action = plan.actions[index]
        switch command {
        case .pickOwner:
            modal = .picker(.owner(id: id), Picker(title: "\(id) lead owner", options: ownerOptions(), selected: action.owner))
        case .pickPartners:
            modal = .picker(.partners(id: id), Picker(title: "\(id) partners (Space ticks)", options: ownerOptions(),
                                                       ticked: Set(action.partners)))
        case .pickGroup:
            modal = .picker(.group(id: id), groupPicker(title: "\(id) prevention group", selected: action.preventionGroup))
        default:
            guard !plan.workstreams.isEmpty else {
                message = Message(text: "This plan defines no workstreams", isError: true)
                return
            }
            modal = .picker(.workstreams(id: id), Picker(title: "\(id) workstreams (Space ticks)",
                                                          options: plan.workstreams.map { Picker.Option(id: $0.id, label: $0.name) },
                                                          ticked: Set(action.workstreams)))
        }
    }

    // MARK: Meeting mode

    private mutating func startMeeting() {
        let ids = filteredActionIDs
        guard !ids.isEmpty else {
            message = Message(text: "No actions match the filter: nothing to review", isError: true)
            return
        }
        meeting = Meeting(ids: ids, position: 0, startPlan: plan)
        view = .meeting
    }

    private mutating func stepAction(by delta: Int) {
        guard view == .meeting, var meeting else { stepDetail(by: delta); return }
        let next = meeting.position + delta
        if next >= meeting.ids.count { view = .meetingSummary; return }
        meeting.position = max(0, next)
        self.meeting = meeting
    }

    /// Enter in a meeting: record "no change in status" for this quarter, then move on. A red
    /// status kept needs a commentary (the domain's "watermelon" rule); an action already
    /// updated this quarter just moves on.
    private mutating func keepStatusAndAdvance() {
        guard let id = focusedActionID, let index = plan.actionIndex(id: id) else { return }
        let action = plan.actions[index]
        if action.review(for: quarter) == nil {
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

    /// Opens the commentary editor for an update the model says needs one.
    private mutating func askForCommentary(id: String, status: Status, because rule: PlanEditError) {
        modal = .editor(.commentary(id: id, status: status, required: true), LineEditor())
        let why = if case .commentaryRequired(let from, let to) = rule { "\(from.label) to \(to.label) is worse: say why" }
                  else { "Still red: say what is being done" }
        message = Message(text: why + " (Esc cancels)", isError: false)
    }

    /// Ids (in meeting order) with a review entry for the current quarter.
    public var meetingUpdatedCount: Int {
        guard let meeting else { return 0 }
        let quarter = self.quarter
        return meeting.ids.filter { id in plan.actionIndex(id: id).map { plan.actions[$0].review(for: quarter) != nil } ?? false }.count
    }

    // MARK: Quit

    private mutating func requestQuit() -> Effect? {
        if isDirty {
            modal = .confirm(.quitUnsaved)
            return nil
        }
        return .quit
    }
}

/// The kinds of filter offered by `f`.
enum FilterKind: String, CaseIterable {
    case group, owner, status, workstream, overdue, stale

    var label: String {
        switch self {
        case .group: "Prevention group"
        case .owner: "Owner"
        case .status: "Status"
        case .workstream: "Workstream"
        case .overdue: "Overdue only (toggle)"
        case .stale: "No update this quarter only (toggle)"
        }
    }
}
