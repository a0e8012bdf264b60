import PlanApp
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
        case .saved(let report, let thenQuit):
            if let merged = report.merged {
                let selected = list.selectedActionID(in: session.plan)
                session.replaceAfterMerge(merged)
                follow(report.ourActionMoves, selected: selected)
                let moves = report.renumbered.map { "; \($0.description)" }.joined()
                message = Message(text: "Saved \(session.path), merged with changes made on disk by someone else" + moves, isError: false)
            } else {
                session.markSaved()
                message = Message(text: "Saved \(session.path)", isError: false)
            }
            if let problem = report.snapshotProblems.first {
                message = Message(text: "Saved, but the closed quarter's dated copy was not kept: \(problem.description)", isError: true)
            }
            return thenQuit ? [.dropSwap, .quit] : [.dropSwap]
        case .conflicts(let conflicts):
            modal = .confirm(.resolveConflicts(conflicts, decided: [:]))
            message = Message(text: "Someone else saved changes to the same fields: choose mine or theirs for each", isError: true)
        case .saveFailed(let error):
            message = Message(text: "\(error.message) — your changes are still here", isError: true)
        case .reloaded(let merged, let base, let renumbered):
            let selected = list.selectedActionID(in: session.plan)
            session.replaceAfterReload(merged, base: base)
            follow(renumbered.ourActionMoves, selected: selected)
            let moves = renumbered.map { "; \($0.description)" }.joined()
            message = Message(text: "Brought in the changes saved on disk; yours are kept" + (isDirty ? " (not saved yet)" : "") + moves,
                              isError: false)
        case .reloadFailed(let error):
            message = Message(text: "\(error.message); save (s) to decide each clash", isError: true)
        case .exported(let path, let summary, let warnings):
            exporting = nil
            // A warning stands out like an error (the export itself happened) and comes first, so a
            // narrow message row cuts the path rather than the warning.
            message = warnings.isEmpty ? Message(text: "Exported \(summary) to \(path)", isError: false)
                : Message(text: warnings.joined(separator: "; ") + " — exported \(summary) to \(path)", isError: true)
        case .exportFailed(let request, let path, let error):
            exporting = nil
            if case .wouldOverwrite = error {
                modal = .confirm(.overwrite(request, path: path))
            } else {
                message = Message(text: error.message, isError: true)
            }
        case .journalFailed(let error):
            message = Message(text: "\(error.message) — edits are not protected against a crash until saved", isError: true)
        case .externallyEdited(let text):
            if case .editor(let purpose, var editor) = modal {
                editor.replace(with: text.hasSuffix("\n") ? String(text.dropLast()) : text)
                modal = .editor(purpose, editor)
                message = Message(text: "Text from the editor: Enter saves it, Esc cancels", isError: false)
            }
        case .externalEditFailed(let error):
            message = Message(text: error.description, isError: true)
        }
        return []
    }

    /// After the plan was replaced by a merge: the rows and screens catch up.
    /// After a save whose merge gave actions of ours new ids: the screen showing one, and the
    /// list's cursor on one (`selected`, its id before), follow it to its new id.
    private mutating func follow(_ moves: [String: String], selected: String?) {
        screen = screen.following(moves)
        afterPlanReplaced()
        if let selected, let row = list.row(of: moves[selected] ?? selected, in: session.plan) {
            list.select(row: row, height: layout.listHeight)
        }
    }

    private mutating func afterPlanReplaced() {
        dropScreensOfRemovedActions()
        refreshRows()
        clampScroll()
    }

    /// Applies one key.
    private mutating func handle(_ key: Key) -> [Effect] {
        if case .resize = key { return [] }  // the run loop sends `.resized` with the new size
        if layout.isTooSmall {
            // Only quitting works on a screen too small to draw.
            return Keymap.global.first { $0.keys.contains(key) }?.command == .quit ? requestQuit() : []
        }
        if var help {
            switch Keymap.helpCommand(for: key) {
            case .lineDown?: help.scroll += 1
            case .lineUp?: help.scroll = max(0, help.scroll - 1)
            case .pageDown?: help.scroll += layout.helpHeight
            case .pageUp?: help.scroll = max(0, help.scroll - layout.helpHeight)
            case nil:
                self.help = nil
                return []
            }
            self.help = help
            return []
        }
        if let modal { return handleModal(modal, key) }
        if case .meetingSummary = screen {
            // Save, undo, redo, help and quit work here, and / searches the list; any other key
            // returns to the list.
            if let global = Keymap.global.first(where: { $0.keys.contains(key) }) {
                message = nil
                return perform(global.command)
            }
            screen = .list
            return key == Keymap.searchFromHere.keys[0] ? perform(.search) : []
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

    /// Does what a key's command asks, by kind of command.
    private mutating func perform(_ command: Command) -> [Effect] {
        switch command {
        case .help, .save, .reload, .quit, .undo, .redo, .export, .cancelExport:
            return performSessionCommand(command)
        case .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom, .open, .back, .switchView, .toggleGroup, .cycleGrouping:
            performNavigation(command)
        case .search, .filter, .clearFilter, .showChanges, .showChase, .showConflicts, .showIndicators:
            performShow(command)
        case .startMeeting, .keepStatus, .nextAction, .previousAction, .endMeeting:
            performMeeting(command)
        case .keepOurs(let all): decideConflicts(.ours, all: all)
        case .takeTheirs(let all): decideConflicts(.theirs, all: all)
        case .setStatus, .boardView, .editCommentary, .editTitle, .editDescription, .editOutcome, .editDecision, .editSummary, .changeDue,
             .addMilestone, .tickMilestones, .pickOwner, .pickPartners, .pickGroup, .pickWorkstreams, .addAction,
             .toggleRestricted, .deleteAction, .setup, .closeQuarter, .recordValue:
            performEdit(command)
        }
        return []
    }

    /// Help, saving, reloading, quitting, undo and export: work on the session as a whole.
    private mutating func performSessionCommand(_ command: Command) -> [Effect] {
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
        case .export: openExportForm()
        case .cancelExport: return cancelExport()
        default: break
        }
        return []
    }

    /// Search, filters, and the screens that show the plan another way.
    private mutating func performShow(_ command: Command) {
        switch command {
        case .search:
            if case .meeting = screen { modal = .prompt(.findInMeeting); return }
            if screen != .list { screen = .list }
            modal = .prompt(.search(previous: list.filter.search), list.filter.search)
        case .filter:
            modal = .picker(.filterKind, Picker(title: "Filter by", options: FilterKind.allCases.map {
                Picker.Option(id: $0.rawValue, label: $0.label)
            }))
        case .clearFilter:
            list.setFilter(Filter(), listContext)
            message = Message(text: "Filter cleared: showing all \(plan.actions.count) actions", isError: false)
        case .showChanges:
            prepareFacts()
            screen = .entries(EntryList(.changes, for: self), selection: 0, returnTo: screen)
        case .showChase:
            prepareFacts()
            screen = .entries(EntryList(.chase, for: self), selection: 0, returnTo: screen)
        case .showConflicts:
            guard !plan.conflicts.isEmpty else {
                message = Message(text: "No merge conflicts: nothing to decide", isError: false)
                return
            }
            screen = .mergeConflicts(selection: 0)
        case .showIndicators: showIndicators()
        default: break
        }
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
