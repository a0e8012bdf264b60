import PlanModel
import PlanReports
import PlanStore

extension AppState {
    /// Applies one event: a key, or the outcome of work the run loop did. Returns the work to do
    /// next (save, export, journal, quit…); its outcomes come back as events. This is the only
    /// place the front end's state changes.
    public mutating func update(_ event: Event) -> [Effect] {
        var effects = apply(event)
        // The screens that show the plan's facts need them now: worked out here they are kept,
        // not worked out again after painting.
        switch screen {
        case .overview, .entries: prepareFacts()
        default: break
        }
        // A report screen whose plan changed under it (undo, a reload) works its lists out again.
        if case .entries(let list, let selection, let returnTo) = screen, !list.isCurrent(for: self) {
            let fresh = EntryList(list.kind, for: self)
            screen = .entries(fresh, selection: min(selection, max(0, fresh.entryCount - 1)), returnTo: returnTo)
        }
        // Every change not yet on disk is journalled, so a crash loses nothing; undone back to
        // what is on disk, there is nothing to recover.
        if let changes = session.takeJournalChanges() {
            effects.append(session.isDirty ? .journal(changes, label: message?.text ?? "change") : .dropSwap)
        }
        return effects
    }

    private mutating func apply(_ event: Event) -> [Effect] {
        switch event {
        case .key(let key):
            return handle(key)
        case .resized(let width, let height):
            layout = Layout(width: width, height: height)
            clampScroll()
        case .tick(let time):
            now = time
        case .painted:
            list.prepareSearch(listContext)
            prepareFacts()
        case .swapFound(let offer):
            modal = .confirm(.recoverSwap(offer, showingList: false))
        case .changedOnDisk:
            session.outsideChangeNoticed = true
            message = Message(text: "The plan changed on disk: R brings their changes in, s merges them when saving", isError: true)
        case .saved(let merged, let thenQuit):
            if let merged {
                session.replaceAfterMerge(merged)
                afterPlanReplaced()
                message = Message(text: "Saved \(session.path), merged with changes made on disk by someone else", isError: false)
            } else {
                session.markSaved()
                message = Message(text: "Saved \(session.path)", isError: false)
            }
            return thenQuit ? [.dropSwap, .quit] : [.dropSwap]
        case .conflicts(let conflicts):
            modal = .confirm(.resolveConflicts(conflicts, decided: [:]))
            message = Message(text: "Someone else saved changes to the same fields: choose mine or theirs for each", isError: true)
        case .saveFailed(let reason):
            message = Message(text: "\(reason) — your changes are still here", isError: true)
        case .reloaded(let merged, let base):
            session.replaceAfterReload(merged, base: base)
            afterPlanReplaced()
            message = Message(text: "Brought in the changes saved on disk; yours are kept" + (isDirty ? " (not saved yet)" : ""), isError: false)
        case .reloadFailed(let reason):
            message = Message(text: "\(reason); save (s) to decide each clash", isError: true)
        case .exported(let path, let quarter):
            message = Message(text: "Exported \(quarter) to \(path)", isError: false)
        case .exportWouldOverwrite(let request, let path):
            modal = .confirm(.overwrite(request, path: path))
        case .exportFailed(let reason):
            message = Message(text: reason, isError: true)
        case .journalFailed(let reason):
            message = Message(text: "\(reason) — edits are not protected against a crash until saved", isError: true)
        case .externallyEdited(let text):
            if case .editor(let purpose, var editor) = modal {
                editor.replace(with: text.hasSuffix("\n") ? String(text.dropLast()) : text)
                modal = .editor(purpose, editor)
                message = Message(text: "Text from the editor: Enter saves it, Esc cancels", isError: false)
            }
        case .externalEditFailed(let reason):
            message = Message(text: reason, isError: true)
        }
        return []
    }

    /// After the plan was replaced by a merge: the rows and screens catch up.
    private mutating func afterPlanReplaced() {
        dropScreensOfRemovedActions()
        refreshRows()
        clampScroll()
    }

    /// Applies one key.
    private mutating func handle(_ key: Key) -> [Effect] {
        if case .resize = key { return [] }  // the run loop sends `.resized` with the new size
        if layout.isTooSmall {
            return key == .character("q") || key == .control("c") ? requestQuit() : []
        }
        if var help {
            switch key {
            case .character("j"), .down: help.scroll += 1
            case .character("k"), .up: help.scroll = max(0, help.scroll - 1)
            case .pageDown: help.scroll += layout.helpHeight
            case .pageUp: help.scroll = max(0, help.scroll - layout.helpHeight)
            default:
                self.help = nil
                return []
            }
            self.help = help
            return []
        }
        if let modal { return handleModal(modal, key) }
        if case .meetingSummary = screen {
            // Save, undo, redo, help and quit work here; any other key returns to the list.
            if let global = Keymap.global.first(where: { $0.keys.contains(key) }) {
                message = nil
                return perform(global.command)
            }
            screen = .list
            return []
        }
        switch key {
        case .click(let x, let y): handleClick(x: x, y: y); return []
        case .wheelUp: moveSelection(by: -3); return []
        case .wheelDown: moveSelection(by: 3); return []
        default: break
        }
        message = nil
        guard let command = Keymap.command(for: key, in: screen.mode) else {
            if case .character(let c) = key { message = Message(text: "\(c) does nothing here; ? lists the keys", isError: true) }
            return []
        }
        return perform(command)
    }

    private mutating func perform(_ command: Command) -> [Effect] {
        switch command {
        case .help: help = Help()
        case .save:
            guard !session.isReadOnly else {
                message = Message(text: "Read-only: nothing saved", isError: true)
                return []
            }
            return [.save]
        case .reload: return [.reload]
        case .quit: return requestQuit()
        case .undo: undo()
        case .redo: redo()
        case .moveUp: move(by: -1)
        case .moveDown: move(by: 1)
        case .pageUp: move(by: -page)
        case .pageDown: move(by: page)
        case .top: moveSelection(by: -list.rows.count)
        case .bottom: moveSelection(by: list.rows.count)
        case .open: open()
        case .back:
            switch screen {
            case .detail(_, _, let returnTo), .entries(_, _, let returnTo), .indicators(_, let returnTo), .indicator(_, _, let returnTo):
                screen = returnTo
            case .mergeConflicts: screen = .overview
            default: screen = .overview
            }
        case .switchView: screen = screen == .overview ? .list : .overview
        case .toggleGroup: toggleGroup()
        case .cycleGrouping:
            list.regroup(list.grouping.next, listContext, height: layout.listHeight)
            message = Message(text: "Grouped by \(list.grouping.label); b changes it", isError: false)
        case .setStatus(let status): setStatus(status)
        case .editCommentary:
            guard let id = focusedActionID, let index = plan.actionIndex(id: id) else { nothingSelected(); break }
            guard !session.isReadOnly else { refuseReadOnly(); break }
            guard !refusedForNoOpenQuarter() else { break }
            let existing = plan.actions[index].review(for: quarter)?.commentary ?? ""
            modal = .prompt(.commentary(id: id, status: nil, required: false), existing)
        case .editTitle: openEditor { .title(id: $0) } initial: { $0.title }
        case .editDescription: openEditor { .description(id: $0) } initial: { $0.description }
        case .editOutcome: openEditor { .outcome(id: $0) } initial: { $0.outcomeMeasure }
        case .editDecision: openEditor { .decision(id: $0) } initial: { $0.decisionNeeded ?? "" }
        case .editSummary:
            guard !session.isReadOnly else { refuseReadOnly(); break }
            modal = .prompt(.summary(quarter), plan.summary(for: quarter))
        case .changeDue: openEditor { .dueDate(id: $0) } initial: { $0.due?.description ?? "" }
        case .addMilestone: openEditor { .milestoneTitle(id: $0) } initial: { _ in "" }
        case .tickMilestones: openMilestonePicker()
        case .pickOwner, .pickPartners, .pickGroup, .pickWorkstreams: openFieldPicker(command)
        case .addAction:
            guard !session.isReadOnly else { refuseReadOnly(); break }
            modal = .picker(.newActionGroup, groupPicker(title: "New action: which prevention group?", selected: nil))
        case .toggleRestricted:
            guard let id = focusedActionID, let index = plan.actionIndex(id: id) else { nothingSelected(); break }
            let restrict = plan.actions[index].commentaryRestricted != true
            commitAction(id, restrict ? "\(id) commentary restricted: left out of public reports" : "\(id) commentary public again") { plan, context in
                try plan.setCommentaryRestricted(actionID: id, restrict, context: context)
            }
        case .deleteAction:
            guard let id = focusedActionID else { nothingSelected(); break }
            guard !session.isReadOnly else { refuseReadOnly(); break }
            modal = .confirm(.delete(id: id))
        case .search:
            if screen != .list { screen = .list }
            modal = .prompt(.search(previous: list.filter.search), list.filter.search)
        case .filter:
            modal = .picker(.filterKind, Picker(title: "Filter by", options: FilterKind.allCases.map {
                Picker.Option(id: $0.rawValue, label: $0.label)
            }))
        case .clearFilter:
            list.setFilter(Filter(), listContext)
            message = Message(text: "Filter cleared: showing all \(plan.actions.count) actions", isError: false)
        case .startMeeting: startMeeting()
        case .keepStatus: keepStatusAndAdvance()
        case .nextAction: stepAction(by: 1)
        case .previousAction: stepAction(by: -1)
        case .endMeeting:
            if case .meeting(let meeting) = screen { screen = .meetingSummary(meeting) }
        case .showChanges:
            prepareFacts()
            screen = .entries(EntryList(.changes, for: self), selection: 0, returnTo: screen)
        case .showChase:
            prepareFacts()
            screen = .entries(EntryList(.chase, for: self), selection: 0, returnTo: screen)
        case .showConflicts:
            guard !plan.conflicts.isEmpty else {
                message = Message(text: "No merge conflicts: nothing to decide", isError: false)
                break
            }
            screen = .mergeConflicts(selection: 0)
        case .keepOurs(let all): decideConflicts(.ours, all: all)
        case .takeTheirs(let all): decideConflicts(.theirs, all: all)
        case .setup: openSetup()
        case .closeQuarter:
            guard !session.isReadOnly else { refuseReadOnly(); break }
            modal = .prompt(.closeQuarter(quarter), plan.quarters.last?.board ?? plan.partnership)
        case .showIndicators: showIndicators()
        case .recordValue: askForIndicatorValue()
        case .export:
            modal = .picker(.exportFormat, Picker(title: "Export a report of \(quarter)", options: ReportFormat.allCases.map {
                Picker.Option(id: $0.rawValue, label: $0.rawValue)
            }))
        }
        return []
    }

    private mutating func nothingSelected() {
        message = Message(text: "Select an action first (j/k to move)", isError: true)
    }

    // MARK: Navigation

    /// A screenful of the current screen, for page up and down.
    private var page: Int {
        switch screen {
        case .detail: layout.detailHeight
        case .entries: layout.changesHeight
        case .meeting: max(1, layout.height / 3)
        default: layout.listHeight
        }
    }

    /// Up and down: the cursor in the list, the text on scrolled screens.
    private mutating func move(by delta: Int) {
        switch screen {
        case .detail(let id, let scroll, let returnTo): screen = .detail(id: id, scroll: max(0, scroll + delta), returnTo: returnTo)
        case .entries(let list, let selection, let returnTo):
            let count = list.entryCount
            screen = .entries(list, selection: min(max(0, selection + delta), max(0, count - 1)), returnTo: returnTo)
        case .mergeConflicts(let selection):
            screen = .mergeConflicts(selection: min(max(0, selection + delta), max(0, plan.conflicts.count - 1)))
        case .meeting(var meeting):
            meeting.scroll = max(0, meeting.scroll + delta)
            screen = .meeting(meeting)
        case .indicators, .indicator: moveInIndicators(by: delta)
        default: moveSelection(by: delta)
        }
    }

    mutating func moveSelection(by delta: Int) {
        list.moveSelection(by: delta, height: layout.listHeight)
    }

    private mutating func open() {
        switch screen {
        case .overview:
            screen = .list
        case .list:
            guard list.rows.indices.contains(list.selection) else { return }
            switch list.rows[list.selection] {
            case .group: toggleGroup()
            case .action(let index): screen = .detail(id: plan.actions[index].id, scroll: 0)
            }
        case .entries(let list, let selection, _):
            if let id = list.entryID(selection, in: plan) { screen = .detail(id: id, scroll: 0, returnTo: screen) }
        case .indicators(let selection, _):
            if plan.indicators.indices.contains(selection) { screen = .indicator(id: plan.indicators[selection].id, scroll: 0, returnTo: screen) }
        default: break
        }
    }

    private mutating func toggleGroup() {
        guard let group = list.selectedGroup else { return }
        list.toggle(group, listContext, height: layout.listHeight)
    }

    /// In the detail screen, `[` and `]` step through the list's actions.
    private mutating func stepDetail(by delta: Int) {
        guard case .detail(let id, _, let returnTo) = screen else { return }
        let ids = list.filteredActionIDs(in: plan)
        guard let at = ids.firstIndex(of: id) else { return }
        let next = min(max(0, at + delta), ids.count - 1)
        screen = .detail(id: ids[next], scroll: 0, returnTo: returnTo)
        if let row = list.row(of: ids[next], in: plan) { list.select(row: row, height: layout.listHeight) }
    }

    private mutating func handleClick(x: Int, y: Int) {
        guard screen == .list, let row = layout.listRow(atScreenRow: y, scroll: list.scroll), list.rows.indices.contains(row) else { return }
        if row == list.selection { open() } else { list.select(row: row, height: layout.listHeight) }
    }

    // MARK: Editing

    /// Refuses a quarterly update before asking for anything when the plan period has no open
    /// quarter left (the model would refuse it anyway); true when refused.
    private mutating func refusedForNoOpenQuarter() -> Bool {
        do {
            _ = try plan.quarterForUpdates(on: today)
            return false
        } catch {
            message = Message(text: "\(error)", isError: true)
            return true
        }
    }

    private mutating func setStatus(_ status: Status) {
        guard let id = focusedActionID, let index = plan.actionIndex(id: id) else { return nothingSelected() }
        guard !session.isReadOnly else { return refuseReadOnly() }
        guard !refusedForNoOpenQuarter() else { return }
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

    /// Opens the commentary editor for an update the model says needs one.
    private mutating func askForCommentary(id: String, status: Status, because rule: PlanEditError) {
        modal = .prompt(.commentary(id: id, status: status, required: true))
        let why = if case .commentaryRequired(let from, let to) = rule { "\(from.label) to \(to.label) is worse: say why" }
                  else { "Still red: say what is being done" }
        message = Message(text: why + " (Esc cancels)", isError: false)
    }

    private mutating func openEditor(_ purpose: (String) -> EditorPurpose, initial: (Action) -> String) {
        guard let id = focusedActionID, let index = plan.actionIndex(id: id) else { return nothingSelected() }
        guard !session.isReadOnly else { return refuseReadOnly() }
        modal = .prompt(purpose(id), initial(plan.actions[index]))
    }

    func groupPicker(title: String, selected: PreventionGroup?) -> Picker {
        Picker(title: title, options: plan.orderedGroups.map { Picker.Option(id: $0.rawValue, label: plan.name(of: $0)) },
               selected: selected?.rawValue)
    }

    /// The focused action's milestones to tick done or untick.
    private mutating func openMilestonePicker() {
        guard let id = focusedActionID, let index = plan.actionIndex(id: id) else { return nothingSelected() }
        guard !session.isReadOnly else { return refuseReadOnly() }
        let milestones = plan.actions[index].milestones
        guard !milestones.isEmpty else {
            message = Message(text: "\(id) has no milestones; i adds one", isError: true)
            return
        }
        modal = .picker(.milestones(id: id), Picker(title: "\(id) milestones done (Space ticks)",
                                                     options: milestones.map { Picker.Option(id: $0.id, label: "\($0.title), due \($0.due)") },
                                                     ticked: Set(milestones.filter(\.isDone).map(\.id))))
    }

    func ownerOptions() -> [Picker.Option] {
        plan.owners.map { Picker.Option(id: $0.id, label: $0.name) }
    }

    private mutating func openFieldPicker(_ command: Command) {
        guard let id = focusedActionID, let index = plan.actionIndex(id: id) else { return nothingSelected() }
        guard !session.isReadOnly else { return refuseReadOnly() }
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

    // MARK: Merge conflicts

    /// Settles the conflict under the cursor (or all of them) with our value or theirs, as one
    /// undoable step; back to the overview when none is left.
    private mutating func decideConflicts(_ side: MergeConflict.Side, all: Bool) {
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

    // MARK: Meeting mode

    private mutating func startMeeting() {
        let ids = list.filteredActionIDs(in: plan)
        guard !ids.isEmpty else {
            message = Message(text: "No actions match the filter: nothing to review", isError: true)
            return
        }
        var meeting = Meeting(ids: ids, position: 0, startPlan: plan)
        meeting.indicatorIDs = indicatorsAfter(actions: ids)
        screen = .meeting(meeting)
    }

    private mutating func stepAction(by delta: Int) {
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

    /// Enter in a meeting: record "no change in status" for this quarter, then move on. The
    /// model's commentary rule decides when words are needed (a red status kept needs them); an
    /// action already updated this quarter just moves on.
    private mutating func keepStatusAndAdvance() {
        guard let id = focusedActionID, let index = plan.actionIndex(id: id) else { return stepAction(by: 1) }
        let action = plan.actions[index]
        if action.review(for: quarter) == nil {
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

    // MARK: Quit

    private mutating func requestQuit() -> [Effect] {
        if isDirty {
            modal = .confirm(.quitUnsaved)
            return []
        }
        return [.quit]
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
