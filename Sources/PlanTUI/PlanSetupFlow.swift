import PlanModel

/// The plan's set-up from the front end (`U`): the same operations as `dplan plan set`,
/// `group set`, `workstream` and `owner`, each one undoable, journalled step.
public enum SetupOperation: String, CaseIterable, Sendable {
    case title, partnership, description, paperAuthor, paperContact
    case groupName, groupAim, groupUp
    case addWorkstream, renameWorkstream, removeWorkstream
    case addOwner, renameOwner, ownerRole, ownerContact, mergeOwner

    var label: String {
        switch self {
        case .title: "Plan title"
        case .partnership: "Partnership (the board that owns the plan)"
        case .description: "Plan description"
        case .paperAuthor: "The board paper's author (on its cover)"
        case .paperContact: "How to reach the paper's author (on its cover)"
        case .groupName: "Rename a prevention group"
        case .groupAim: "A prevention group's aim"
        case .groupUp: "Move a prevention group up the order"
        case .addWorkstream: "Add a workstream (theme)"
        case .renameWorkstream: "Rename a workstream"
        case .removeWorkstream: "Remove a workstream (refused while actions use it)"
        case .addOwner: "Add an owner (lead agency or officer)"
        case .renameOwner: "Rename an owner"
        case .ownerRole: "An owner's role"
        case .ownerContact: "An owner's contact"
        case .mergeOwner: "Merge a duplicate owner into another"
        }
    }

    /// What the operation is done to, chosen from a list first (nil: the plan itself, or a new item).
    enum Target { case group, workstream, owner }

    var target: Target? {
        switch self {
        case .title, .partnership, .description, .paperAuthor, .paperContact, .addWorkstream, .addOwner: nil
        case .groupName, .groupAim, .groupUp: .group
        case .renameWorkstream, .removeWorkstream: .workstream
        case .renameOwner, .ownerRole, .ownerContact, .mergeOwner: .owner
        }
    }
}

extension AppState {
    /// The set-up menu.
    mutating func openSetup() {
        guard !session.isReadOnly else { return refuseReadOnly() }
        modal = .picker(.setup, Picker(title: "Plan set-up", options: SetupOperation.allCases.map {
            Picker.Option(id: $0.rawValue, label: $0.label)
        }))
    }

    /// After the operation is chosen: pick what it applies to, or go straight to the text.
    mutating func chooseSetup(_ operation: SetupOperation) {
        switch operation.target {
        case .group?:
            modal = .picker(.setupTarget(operation), groupPicker(title: operation.label, selected: nil))
        case .workstream?:
            guard !plan.workstreams.isEmpty else {
                message = Message(text: "This plan defines no workstreams yet", isError: true)
                return
            }
            modal = .picker(.setupTarget(operation), Picker(title: operation.label, options: plan.workstreams.map {
                Picker.Option(id: $0.id, label: $0.name)
            }))
        case .owner?:
            modal = .picker(.setupTarget(operation), Picker(title: operation == .mergeOwner ? "Merge which duplicate owner?" : operation.label,
                                                            options: ownerOptions()))
        case nil:
            let initial: String = switch operation {
            case .title: plan.title
            case .partnership: plan.partnership
            case .description: plan.description
            case .paperAuthor: plan.author
            case .paperContact: plan.contact
            default: ""
            }
            modal = .prompt(.setup(operation, target: nil), initial)
        }
    }

    /// After the item is chosen: the text to change, or (moving a group, merging owners) the step itself.
    mutating func chooseSetupTarget(_ operation: SetupOperation, _ target: String) {
        switch operation {
        case .groupUp:
            guard let group = PreventionGroup(rawValue: target) else { return }
            let index = plan.position(of: group)  // 0 first; setGroup counts from 1
            guard index > 0 else {
                message = Message(text: "\(plan.name(of: group)) is already first", isError: false)
                return
            }
            commit("\(plan.name(of: group)) moved up the order") { plan, context in
                try plan.setGroup(group, name: nil, aim: nil, position: index, context: context)
            }
        case .removeWorkstream:
            commit("Removed workstream \(plan.workstreamName(target))") { plan, context in
                try plan.removeWorkstream(target, fromActions: false, context: context)
            }
        case .mergeOwner:
            modal = .picker(.mergeOwnerInto(from: target), Picker(title: "Merge \(plan.ownerName(target)) into which owner?",
                                                                 options: ownerOptions().filter { $0.id != target }))
        default:
            let initial: String = switch operation {
            case .groupName: PreventionGroup(rawValue: target).map { plan.name(of: $0) } ?? ""
            case .groupAim: PreventionGroup(rawValue: target).map { plan.aim(of: $0) } ?? ""
            case .renameWorkstream: plan.workstreamName(target)
            case .renameOwner: plan.ownerName(target)
            case .ownerRole: plan.owner(id: target)?.role ?? ""
            case .ownerContact: plan.owner(id: target)?.contact ?? ""
            default: ""
            }
            modal = .prompt(.setup(operation, target: target), initial)
        }
    }

    /// The text is in: one undoable step.
    mutating func confirmSetup(_ operation: SetupOperation, target: String?, _ text: String) {
        let group = target.flatMap(PreventionGroup.init(rawValue:))
        commit("\(operation.label): \(text.isEmpty ? "cleared" : text)") { plan, context in
            switch operation {
            case .title: try plan.setDetails(title: text, partnership: nil, description: nil, fyStartMonth: nil, context: context)
            case .partnership: try plan.setDetails(title: nil, partnership: text, description: nil, fyStartMonth: nil, context: context)
            case .description: try plan.setDetails(title: nil, partnership: nil, description: text, fyStartMonth: nil, context: context)
            case .paperAuthor: plan.setPaperAuthor(author: text, contact: nil, context: context)
            case .paperContact: plan.setPaperAuthor(author: nil, contact: text, context: context)
            case .groupName: if let group { try plan.setGroup(group, name: text, aim: nil, position: nil, context: context) }
            case .groupAim: if let group { try plan.setGroup(group, name: nil, aim: text, position: nil, context: context) }
            case .addWorkstream: try plan.addWorkstream(name: text, context: context)
            case .renameWorkstream: if let target { try plan.setWorkstream(target, name: text, description: nil, context: context) }
            case .addOwner: try plan.addOwner(name: text, context: context)
            case .renameOwner: if let target { try plan.setOwner(target, name: text, role: nil, contact: nil, context: context) }
            case .ownerRole: if let target { try plan.setOwner(target, name: nil, role: text, contact: nil, context: context) }
            case .ownerContact: if let target { try plan.setOwner(target, name: nil, role: nil, contact: text, context: context) }
            case .groupUp, .removeWorkstream, .mergeOwner: break  // no text: done when chosen
            }
        }
    }
}
