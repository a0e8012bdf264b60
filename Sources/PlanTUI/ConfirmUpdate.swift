import PlanModel

extension AppState {
    /// A key answering the question on the message row (keys from `Keymap.confirmKeys`).
    mutating func handleConfirm(_ purpose: ConfirmPurpose, _ key: Key) -> [Effect] {
        modal = nil
        let command = Keymap.confirmCommand(for: key, in: purpose)
        switch purpose {
        case .resolveConflicts(let conflicts, var decided):
            switch command {
            case .keepOurs?, .takeTheirs?:
                decided[conflicts[decided.count].path] = command == .keepOurs ? .ours : .theirs
                if decided.count == conflicts.count { return [.save(resolving: decided, thenQuit: false)] }
                modal = .confirm(.resolveConflicts(conflicts, decided: decided))
            case .cancel?:
                message = Message(text: "Not saved; your edits are still here (s tries again)", isError: true)
            default:
                modal = .confirm(purpose)
            }
        case .recoverSwap(let offer, _):
            switch command {
            case .recover?:
                commit("Recovered \(offer.labels.count) unsaved changes; s saves them") { plan, _ in plan = offer.plan }
                return [.dropSwap]
            case .discard?:
                message = Message(text: "Discarded the unsaved edits of the earlier session", isError: false)
                return [.dropSwap]
            case .compare?:
                modal = .confirm(.recoverSwap(offer, showingList: true))
            default:
                modal = .confirm(purpose)
            }
        case .delete(let id):
            guard command == .yes else {
                message = Message(text: "Kept \(id)", isError: false)
                return []
            }
            commit("Deleted \(id)") { plan, context in try plan.deleteAction(id: id, context: context) }
            if case .detail = screen { screen = .list }
            clampScroll()
        case .overwrite(let request, let path):
            guard command == .yes else {
                message = Message(text: "Kept \(path); nothing exported", isError: false)
                return []
            }
            return startExport(request, to: path, overwrite: true)
        case .quitUnsaved:
            switch command {
            case .saveAndQuit?: return [.save(resolving: [:], thenQuit: true)]
            case .discardAndQuit?: return [.quit]
            default: message = Message(text: "Still here; s saves", isError: false)
            }
        }
        return []
    }
}
