import Foundation
import PlanModel
import PlanReports

extension AppState {
    /// Keys while a prompt is open.
    mutating func handleModal(_ modal: Modal, _ key: Key) -> Effect? {
        if case .editor(.exportPath(let format), var editor) = modal {
            switch editor.handle(key) {
            case .editing: self.modal = .editor(.exportPath(format), editor)
            case .cancelled:
                self.modal = nil
                message = Message(text: "Cancelled: nothing exported", isError: false)
            case .confirmed:
                self.modal = nil
                let path = editor.text.trimmingSpaces()
                guard !path.isEmpty else {
                    message = Message(text: "An export needs a file name; nothing exported", isError: true)
                    return nil
                }
                return .export(format, path: path)
            }
            return nil
        }
        switch modal {
        case .confirm(let purpose):
            return handleConfirm(purpose, key)
        case .editor(let purpose, var editor):
            let outcome = editor.handle(key)
            switch outcome {
            case .editing:
                self.modal = .editor(purpose, editor)
                if case .search = purpose {
                    filter.search = editor.text
                    refreshRows()
                    selectFirstAction()
                    clampScroll()
                }
            case .cancelled:
                self.modal = nil
                if case .search(let previous) = purpose {
                    filter.search = previous
                    refreshRows()
                    clampScroll()
                }
                message = Message(text: "Cancelled: nothing changed", isError: false)
            case .confirmed:
                self.modal = nil
                confirmEditor(purpose, editor.text)
            }
            return nil
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
            return nil
        }
    }

    private mutating func handleConfirm(_ purpose: ConfirmPurpose, _ key: Key) -> Effect? {
        modal = nil
        switch purpose {
        case .resolveConflicts(let conflicts, var decided):
            switch key {
            case .character("m"), .character("t"):
                decided[conflicts[decided.count].path] = key == .character("m") ? .mine : .theirs
                if decided.count == conflicts.count { return .saveResolving(decided) }
                modal = .confirm(.resolveConflicts(conflicts, decided: decided))
            case .escape:
                message = Message(text: "Not saved; your edits are still here (s tries again)", isError: true)
            default:
                modal = .confirm(purpose)
            }
            return nil
        case .recoverSwap(let offer):
            switch key {
            case .character("r"):
                showRecoveryList = false
                commit("Recovered \(offer.labels.count) unsaved changes; s saves them") { plan, _ in plan = offer.plan }
                return .dropSwap
            case .character("d"):
                showRecoveryList = false
                message = Message(text: "Discarded the unsaved edits of the earlier session", isError: false)
                return .dropSwap
            case .character("c"):
                showRecoveryList = true
                modal = .confirm(purpose)
            default:
                modal = .confirm(purpose)
            }
            return nil
        case .delete(let id):
            guard key == .character("y") else {
                message = Message(text: "Kept \(id)", isError: false)
                return nil
            }
            commit("Deleted \(id)") { plan, context in try plan.deleteAction(id: id, context: context) }
            if case .detail = view { view = .list }
            clampScroll()
            return nil
        case .quitUnsaved:
            switch key {
            case .character("s"): return .saveAndQuit
            case .character("d"): return .quit
            default:
                message = Message(text: "Still here; s saves", isError: false)
                return nil
            }
        }
    }

    private mutating func confirmEditor(_ purpose: EditorPurpose, _ text: String) {
        let trimmed = text.trimmingSpaces()
        switch purpose {
        case .commentary(let id, let status, let required):
            if trimmed.isEmpty, required || plan.actionIndex(id: id).flatMap({
                plan.commentaryRule(for: plan.actions[$0], status: status ?? plan.actions[$0].status, in: quarter)
            }) != nil {
                modal = .editor(purpose, LineEditor(text))
                message = Message(text: "A commentary is required when the status gets worse or stays red (Esc cancels)", isError: true)
                return
            }
            let label = status.map { "\(id) set to \($0.label) with commentary for \(quarter)" } ?? "\(id) commentary for \(quarter)"
            commitAction(id, label) { plan, context in
                try plan.recordUpdate(actionID: id, status: status, commentary: trimmed, context: context)
            }
        case .title(let id):
            commitAction(id, "\(id) title changed") { plan, context in try plan.editAction(id: id, context: context) { $0.title = trimmed } }
        case .description(let id):
            commitAction(id, "\(id) description changed") { plan, context in try plan.editAction(id: id, context: context) { $0.description = trimmed } }
        case .outcome(let id):
            commitAction(id, "\(id) outcome measure changed") { plan, context in try plan.editAction(id: id, context: context) { $0.outcomeMeasure = trimmed } }
        case .dueDate(let id):
            guard let day = Day(iso: trimmed) else {
                message = Message(text: "\"\(trimmed)\" is not a date: expected YYYY-MM-DD; nothing changed", isError: true)
                return
            }
            guard plan.actions[plan.actionIndex(id: id)!].due != day else {
                message = Message(text: "\(id) is already due \(day)", isError: false)
                return
            }
            modal = .editor(.dueReason(id: id, due: day), LineEditor())
        case .dueReason(let id, let due):
            guard !trimmed.isEmpty else {
                modal = .editor(purpose, LineEditor())
                message = Message(text: "A reason is required to move a due date (Esc cancels)", isError: true)
                return
            }
            commitAction(id, "\(id) due date moved to \(due)") { plan, context in
                try plan.moveDue(actionID: id, to: due, reason: trimmed, context: context)
            }
        case .search:
            message = Message(text: rows.contains(where: { if case .action = $0 { true } else { false } })
                ? "Search kept; F clears" : "No action matches “\(filter.search)”; F clears", isError: false)
        case .closeQuarter(let q):
            commit("Closed \(q)" + (trimmed.isEmpty ? "" : " for \(trimmed)") + "; edits now go to \(q.next)") { plan, context in
                try plan.closeQuarter(q, board: trimmed.isEmpty ? nil : trimmed, context: context)
            }
        case .exportPath:
            break  // handled in handleModal: it returns an effect
        case .newActionTitle(let group):
            guard !trimmed.isEmpty else {
                message = Message(text: "A new action needs a title; nothing added", isError: true)
                return
            }
            modal = .picker(.newActionOwner(group: group, title: trimmed),
                            Picker(title: "New action: lead owner", options: plan.owners.map { Picker.Option(id: $0.id, label: $0.name) }))
        }
    }

    private mutating func confirmPicker(_ purpose: PickerPurpose, _ picker: Picker) {
        guard let chosen = picker.chosenID else { return }
        let ticked = picker.ticked ?? []
        switch purpose {
        case .owner(let id):
            commitAction(id, "\(id) lead owner changed") { plan, context in try plan.editAction(id: id, context: context) { $0.owner = chosen } }
        case .partners(let id):
            let partners = plan.owners.map(\.id).filter { ticked.contains($0) }
            commitAction(id, "\(id) partners changed") { plan, context in try plan.editAction(id: id, context: context) { $0.partners = partners } }
        case .group(let id):
            commitAction(id, "\(id) moved to \(plan.name(of: PreventionGroup(rawValue: chosen)!))") { plan, context in
                try plan.editAction(id: id, context: context) { $0.group = chosen }
            }
        case .workstreams(let id):
            let workstreams = plan.workstreams.map(\.id).filter { ticked.contains($0) }
            commitAction(id, "\(id) workstreams changed") { plan, context in
                try plan.editAction(id: id, context: context) { $0.workstreams = workstreams }
            }
        case .filterKind:
            chooseFilterKind(FilterKind(rawValue: chosen)!)
        case .filterGroup:
            filter.group = PreventionGroup(rawValue: chosen)
            applyFilter()
        case .filterOwner:
            filter.owner = chosen
            applyFilter()
        case .filterStatus:
            filter.status = Status(rawValue: chosen)
            applyFilter()
        case .filterWorkstream:
            filter.workstream = chosen
            applyFilter()
        case .newActionGroup:
            modal = .editor(.newActionTitle(group: PreventionGroup(rawValue: chosen)!), LineEditor())
        case .exportFormat:
            let format = ReportFormat(rawValue: chosen)!
            let folder = (path as NSString).deletingLastPathComponent
            let name = "\(plan.id)-\(quarter.description.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: " ", with: "-")).\(format.fileExtension)"
            modal = .editor(.exportPath(format), LineEditor(folder.isEmpty ? name : folder + "/" + name))
        case .newActionOwner(let group, let title):
            let id = plan.nextActionID(in: group)
            commit("Added \(id)") { plan, context in
                try plan.addAction(Action(id: id, group: group, title: title, owner: chosen), context: context)
            }
            view = .list
            if let row = rows.firstIndex(where: { if case .action(let i) = $0 { plan.actions[i].id == id } else { false } }) {
                selection = row
            }
            clampScroll()
        }
    }

    private mutating func chooseFilterKind(_ kind: FilterKind) {
        switch kind {
        case .group:
            modal = .picker(.filterGroup, Picker(title: "Show prevention group", options: PreventionGroup.allCases.map {
                Picker.Option(id: $0.rawValue, label: plan.name(of: $0))
            }, selected: filter.group?.rawValue))
        case .owner:
            modal = .picker(.filterOwner, Picker(title: "Show owner", options: plan.owners.map {
                Picker.Option(id: $0.id, label: $0.name)
            }, selected: filter.owner))
        case .status:
            modal = .picker(.filterStatus, Picker(title: "Show status", options: Status.allCases.map {
                Picker.Option(id: $0.rawValue, label: "\($0.letter) \($0.label)")
            }, selected: filter.status?.rawValue))
        case .workstream:
            modal = .picker(.filterWorkstream, Picker(title: "Show workstream", options: plan.workstreams.map {
                Picker.Option(id: $0.id, label: $0.name)
            }, selected: filter.workstream))
        case .overdue:
            filter.overdue.toggle()
            applyFilter()
        case .stale:
            filter.stale.toggle()
            applyFilter()
        }
    }

    private mutating func applyFilter() {
        if view == .overview { view = .list }
        refreshRows()
        selectFirstAction()
        clampScroll()
        let shown = filteredActionIDs.count
        message = Message(text: "\(shown) of \(plan.actions.count) actions match; F clears the filter", isError: false)
    }
}
