import Foundation
import PlanModel
import PlanReports

extension AppState {
    /// Keys while a prompt is open.
    mutating func handleModal(_ modal: Modal, _ key: Key) -> [Effect] {
        switch modal {
        case .confirm(let purpose):
            return handleConfirm(purpose, key)
        case .exportForm(let form):
            return handleExportForm(form, key)
        case .editor(let purpose, var editor):
            switch editor.handle(key, width: layout.textArea.innerWidth) {
            case .external:
                return [.editExternally(editor.text)]
            case .editing:
                self.modal = .editor(purpose, editor)
                if case .search = purpose {
                    var filter = list.filter
                    filter.search = editor.text
                    list.setFilter(filter, listContext)
                    list.selectFirstAction()
                    clampScroll()
                }
                return []
            case .cancelled:
                self.modal = nil
                if case .exportField(let form, _) = purpose {
                    self.modal = .exportForm(form)  // back to the dialog, the field unchanged
                    return []
                }
                if case .search(let previous) = purpose {
                    var filter = list.filter
                    filter.search = previous
                    list.setFilter(filter, listContext)
                    clampScroll()
                }
                message = Message(text: purpose.cancelledMessage, isError: false)
                return []
            case .confirmed:
                self.modal = nil
                return confirmEditor(purpose, editor.text)
            }
        case .picker(let purpose, var picker):
            switch picker.handle(key) {
            case .picking: self.modal = .picker(purpose, picker)
            case .cancelled:
                self.modal = nil
                message = Message(text: "Cancelled: nothing changed", isError: false)
            case .chosen:
                self.modal = nil
                confirmPicker(purpose, picker)
            }
            return []
        }
    }

    /// Enter in a text prompt: the typed text does what the prompt is for. A text the field
    /// cannot take keeps the prompt open with what was typed and why.
    private mutating func confirmEditor(_ purpose: EditorPurpose, _ text: String) -> [Effect] {
        let trimmed = text.trimmingSpaces()
        switch purpose {
        case .commentary(let id, let status, let required):
            confirmCommentary(purpose, id: id, status: status, required: required, text)
        case .boardView(let id, let status):
            guard !trimmed.isEmpty else {
                modal = .prompt(purpose, text)
                message = Message(text: "The board's view needs its reason (Esc cancels)", isError: true)
                return []
            }
            commitAction(id, "\(id): board's view \(status.label) for \(quarter); the lead's update is kept") { plan, context in
                try plan.recordBoardView(actionID: id, status: status, reason: trimmed, context: context)
            }
        case .title, .description, .outcome, .decision:
            confirmActionText(purpose, trimmed)
        case .dueDate, .dueReason:
            confirmDue(purpose, text)
        case .milestoneTitle, .milestoneDue:
            confirmMilestone(purpose, text)
        case .setup(let operation, let target):
            confirmSetup(operation, target: target, trimmed)
        case .summary(let q):
            commit(trimmed.isEmpty ? "Removed the \(q) summary" : "Executive summary for \(q) written") { plan, context in
                try plan.setSummary(trimmed, for: q, context: context)
            }
        case .findInMeeting:
            findInMeeting(trimmed)
        case .search:
            message = Message(text: list.shownCount > 0 ? "Search kept; F clears" : "No action matches “\(list.filter.search)”; F clears",
                              isError: false)
        case .closeQuarter(let q):
            commit("Closed \(q)" + (trimmed.isEmpty ? "" : " for \(trimmed)") + "; edits now go to \(q.next)") { plan, context in
                try plan.closeQuarter(q, board: trimmed.isEmpty ? nil : trimmed, context: context)
            }
        case .exportField(let form, let field):
            confirmExportField(form, field, text)
        case .indicatorQuarter, .indicatorValue, .indicatorNote:
            confirmIndicatorPrompt(purpose, text)
        case .newActionTitle(let group):
            guard !trimmed.isEmpty else {
                message = Message(text: "A new action needs a title; nothing added", isError: true)
                return []
            }
            modal = .picker(.newActionOwner(group: group, title: trimmed), Picker(title: "New action: lead owner", options: ownerOptions()))
        }
        return []
    }

    private mutating func confirmCommentary(_ purpose: EditorPurpose, id: String, status: Status?, required: Bool, _ text: String) {
        let trimmed = text.trimmingSpaces()
        if trimmed.isEmpty, required || plan.actionIndex(id: id).flatMap({
            plan.commentaryRule(for: plan.actions[$0], status: status ?? plan.actions[$0].status, in: quarter)
        }) != nil {
            modal = .prompt(purpose, text)
            message = Message(text: "A commentary is required when the status gets worse or stays red (Esc cancels)", isError: true)
            return
        }
        let label = status.map { "\(id) set to \($0.label) with commentary for \(quarter)" } ?? "\(id) commentary for \(quarter)"
        commitAction(id, label) { plan, context in
            try plan.recordUpdate(actionID: id, status: status, commentary: trimmed, context: context)
        }
    }

    /// A new title, description, outcome measure or decision for an action.
    private mutating func confirmActionText(_ purpose: EditorPurpose, _ trimmed: String) {
        switch purpose {
        case .title(let id):
            commitAction(id, "\(id) title changed") { plan, context in try plan.editAction(id: id, context: context) { $0.title = trimmed } }
        case .description(let id):
            commitAction(id, "\(id) description changed") { plan, context in try plan.editAction(id: id, context: context) { $0.description = trimmed } }
        case .outcome(let id):
            commitAction(id, "\(id) outcome measure changed") { plan, context in try plan.editAction(id: id, context: context) { $0.outcomeMeasure = trimmed } }
        case .decision(let id):
            commitAction(id, trimmed.isEmpty ? "\(id): no decision needed from the board" : "\(id) decision needed from the board recorded") { plan, context in
                try plan.setDecisionNeeded(actionID: id, trimmed, context: context)
            }
        default: break
        }
    }

    /// A due date, then (for a move) the reason; a first due date needs none.
    private mutating func confirmDue(_ purpose: EditorPurpose, _ text: String) {
        let trimmed = text.trimmingSpaces()
        switch purpose {
        case .dueDate(let id):
            guard let day = Day(iso: trimmed) else {
                modal = .prompt(purpose, text)  // keep what was typed, to correct it
                message = Message(text: "\"\(trimmed)\" is not a date: expected YYYY-MM-DD, e.g. 2027-03-31 (Esc cancels)", isError: true)
                return
            }
            guard let current = plan.actions[plan.actionIndex(id: id)!].due else {
                // A first due date is not a move: no reason is asked for, none is recorded.
                commitAction(id, "\(id) due \(day)") { plan, context in
                    try plan.moveDue(actionID: id, to: day, reason: "", context: context)
                }
                return
            }
            guard current != day else {
                message = Message(text: "\(id) is already due \(day)", isError: false)
                return
            }
            modal = .prompt(.dueReason(id: id, due: day))
        case .dueReason(let id, let due):
            guard !trimmed.isEmpty else {
                modal = .prompt(purpose)
                message = Message(text: "A reason is required to move a due date (Esc cancels)", isError: true)
                return
            }
            commitAction(id, "\(id) due date moved to \(due)" + (plan.dueNote(due).map { ", \($0)" } ?? "")) { plan, context in
                try plan.moveDue(actionID: id, to: due, reason: trimmed, context: context)
            }
        default: break
        }
    }

    /// A milestone's title, then its due date.
    private mutating func confirmMilestone(_ purpose: EditorPurpose, _ text: String) {
        let trimmed = text.trimmingSpaces()
        switch purpose {
        case .milestoneTitle(let id):
            guard !trimmed.isEmpty else {
                message = Message(text: "A milestone needs a title; nothing added", isError: true)
                return
            }
            modal = .prompt(.milestoneDue(id: id, title: trimmed))
        case .milestoneDue(let id, let title):
            guard let day = Day(iso: trimmed) else {
                modal = .prompt(purpose, text)
                message = Message(text: "\"\(trimmed)\" is not a date: expected YYYY-MM-DD, e.g. 2027-03-31 (Esc cancels)", isError: true)
                return
            }
            commitAction(id, "\(id) milestone “\(title)” due \(day)") { plan, context in
                try plan.addMilestone(actionID: id, title: title, due: day, context: context)
            }
        default: break
        }
    }

    private mutating func confirmPicker(_ purpose: PickerPurpose, _ picker: Picker) {
        guard let chosen = picker.chosenID else { return }
        let ticked = picker.ticked ?? []
        switch purpose {
        case .owner(let id):
            commitAction(id, "\(id) lead owner changed") { plan, context in try plan.editAction(id: id, context: context) { $0.owner = chosen } }
        case .partners(let id):
            let partners = keepingOrder(plan.actions[plan.actionIndex(id: id)!].partners, ticked: ticked, all: plan.owners.map(\.id))
            commitAction(id, "\(id) partners changed") { plan, context in try plan.editAction(id: id, context: context) { $0.partners = partners } }
        case .group(let id):
            commitAction(id, "\(id) moved to \(plan.name(of: PreventionGroup(rawValue: chosen)!))") { plan, context in
                try plan.editAction(id: id, context: context) { $0.group = chosen }
            }
        case .workstreams(let id):
            let workstreams = keepingOrder(plan.actions[plan.actionIndex(id: id)!].workstreams, ticked: ticked,
                                           all: plan.workstreams.map(\.id))
            commitAction(id, "\(id) workstreams changed") { plan, context in
                try plan.editAction(id: id, context: context) { $0.workstreams = workstreams }
            }
        case .milestones(let id):
            let milestones = plan.actions[plan.actionIndex(id: id)!].milestones
            guard milestones.contains(where: { $0.isDone != ticked.contains($0.id) }) else {
                message = Message(text: "\(id) milestones unchanged", isError: false)
                return
            }
            let done = milestones.filter { ticked.contains($0.id) }.count
            commitAction(id, "\(id) milestones: \(done) of \(milestones.count) done") { plan, context in
                for milestone in milestones {
                    try plan.setMilestoneDone(actionID: id, milestone: milestone.id, done: ticked.contains(milestone.id), context: context)
                }
            }
        case .filterKind:
            chooseFilterKind(FilterKind(rawValue: chosen)!)
        case .filterGroup:
            applyFilter { $0.group = PreventionGroup(rawValue: chosen) }
        case .filterOwner:
            applyFilter { $0.owner = chosen }
        case .filterStatus:
            // Several ticked (Space), or just the one highlighted.
            let statuses = ticked.isEmpty ? [Status(rawValue: chosen)!] : Set(ticked.compactMap(Status.init(rawValue:)))
            applyFilter { $0.statuses = statuses }
        case .filterWorkstream:
            applyFilter { $0.workstream = chosen }
        case .setup:
            if let operation = SetupOperation(rawValue: chosen) { chooseSetup(operation) }
        case .setupTarget(let operation):
            chooseSetupTarget(operation, chosen)
        case .mergeOwnerInto(let from):
            commit("Merged \(plan.ownerName(from)) into \(plan.ownerName(chosen))") { plan, context in
                try plan.mergeOwner(from, into: chosen, context: context)
            }
        case .newActionGroup:
            modal = .prompt(.newActionTitle(group: PreventionGroup(rawValue: chosen)!))
        case .newActionOwner(let group, let title):
            let id = plan.nextActionID(in: group)
            commit("Added \(id)") { plan, context in
                try plan.addAction(Action(id: id, group: group, title: title, owner: chosen), context: context)
            }
            screen = .list
            if let row = list.row(of: id, in: plan) { list.select(row: row, height: layout.listHeight) }
        }
    }

    /// The ticked ids: those already chosen in their order, then new ones in the list's order, so
    /// confirming without a change changes nothing (not even the order).
    private func keepingOrder(_ current: [String], ticked: Set<String>, all: [String]) -> [String] {
        let kept = current.filter { ticked.contains($0) }
        return kept + all.filter { ticked.contains($0) && !kept.contains($0) }
    }

    private mutating func chooseFilterKind(_ kind: FilterKind) {
        let filter = list.filter
        switch kind {
        case .group:
            modal = .picker(.filterGroup, groupPicker(title: "Show prevention group", selected: filter.group))
        case .owner:
            modal = .picker(.filterOwner, Picker(title: "Show owner", options: ownerOptions(), selected: filter.owner))
        case .status:
            modal = .picker(.filterStatus, Picker(title: "Show statuses (Space ticks several)", options: Status.allCases.map {
                Picker.Option(id: $0.rawValue, label: "\($0.letter) \($0.label)")
            }, ticked: filter.statuses.isEmpty ? [] : Set(filter.statuses.map(\.rawValue))))
        case .workstream:
            modal = .picker(.filterWorkstream, Picker(title: "Show workstream", options: plan.workstreams.map {
                Picker.Option(id: $0.id, label: $0.name)
            }, selected: filter.workstream))
        case .overdue:
            applyFilter { $0.overdue.toggle() }
        case .stale:
            applyFilter { $0.stale.toggle() }
        }
    }

    private mutating func applyFilter(_ change: (inout Filter) -> Void) {
        var filter = list.filter
        change(&filter)
        if screen == .overview { screen = .list }
        list.setFilter(filter, listContext)
        list.selectFirstAction()
        clampScroll()
        message = Message(text: "\(list.shownCount) of \(plan.actions.count) actions match; F clears the filter", isError: false)
    }
}

extension EditorPurpose {
    /// What Esc in this editor says.
    var cancelledMessage: String {
        if case .exportField = self { "Cancelled: nothing exported" } else { "Cancelled: nothing changed" }
    }
}
