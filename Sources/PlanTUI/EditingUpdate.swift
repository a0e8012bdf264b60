import PlanModel

/// The keys that change an action: status, text prompts and pickers, each checked before it asks.
extension AppState {
    /// The keys that change the plan: each checks what it needs (an action selected, not
    /// read-only, an open quarter) before it asks for anything.
    mutating func performEdit(_ command: Command) {
        switch command {
        case .setStatus(let status): setStatus(status)
        case .boardView(let status): askForBoardView(status)
        case .editCommentary:
            guard let id = focusedActionID, let index = plan.actionIndex(id: id) else { return nothingSelected() }
            guard !session.isReadOnly else { return refuseReadOnly() }
            guard !refusedForNoOpenQuarter() else { return }
            modal = .prompt(.commentary(id: id, status: nil, required: false), plan.actions[index].review(for: quarter)?.commentary ?? "")
        case .editTitle: openEditor { .title(id: $0) } initial: { $0.title }
        case .editDescription: openEditor { .description(id: $0) } initial: { $0.description }
        case .editOutcome: openEditor { .outcome(id: $0) } initial: { $0.outcomeMeasure }
        case .editDecision: openEditor { .decision(id: $0) } initial: { $0.decisionNeeded ?? "" }
        case .editSummary:
            guard !session.isReadOnly else { return refuseReadOnly() }
            modal = .prompt(.summary(boardQuarter), plan.summary(for: boardQuarter))
        case .changeDue: openEditor { .dueDate(id: $0) } initial: { $0.due?.description ?? "" }
        case .addMilestone: openEditor { .milestoneTitle(id: $0) } initial: { _ in "" }
        case .tickMilestones: openMilestonePicker()
        case .pickOwner, .pickPartners, .pickGroup, .pickWorkstreams: openFieldPicker(command)
        case .addAction:
            guard !session.isReadOnly else { return refuseReadOnly() }
            modal = .picker(.newActionGroup, groupPicker(title: "New action: which prevention group?", selected: nil))
        case .toggleRestricted: toggleRestricted()
        case .deleteAction:
            guard let id = focusedActionID else { return nothingSelected() }
            guard !session.isReadOnly else { return refuseReadOnly() }
            modal = .confirm(.delete(id: id))
        case .setup: openSetup()
        case .closeQuarter:
            guard !session.isReadOnly else { return refuseReadOnly() }
            modal = .prompt(.closeQuarter(boardQuarter), plan.quarters.last?.board ?? plan.partnership)
        case .recordValue: askForIndicatorValue()
        default: break
        }
    }

    private mutating func toggleRestricted() {
        guard let id = focusedActionID, let index = plan.actionIndex(id: id) else { return nothingSelected() }
        let restrict = plan.actions[index].commentaryRestricted != true
        commitAction(id, restrict ? "\(id) commentary restricted: left out of public reports" : "\(id) commentary public again") { plan, context in
            try plan.setCommentaryRestricted(actionID: id, restrict, context: context)
        }
    }

    mutating func nothingSelected() {
        message = Message(text: "Select an action first (j/k to move)", isError: true)
    }

    /// Refuses a quarterly update before asking for anything when the plan period has no open
    /// quarter left (the model would refuse it anyway); true when refused.
    mutating func refusedForNoOpenQuarter() -> Bool {
        do {
            _ = try plan.quarterForUpdates(on: today)
            return false
        } catch {
            message = Message(text: "\(error)", isError: true)
            return true
        }
    }

    mutating func setStatus(_ status: Status) {
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

    /// A status key in meeting mode is the board's view: it never replaces the lead's update,
    /// so the prompt opens empty and asks for the board's reason. The status the action already
    /// has is kept without asking (Enter records it).
    mutating func askForBoardView(_ status: Status) {
        guard let id = focusedActionID, let index = plan.actionIndex(id: id) else { return nothingSelected() }
        guard !session.isReadOnly else { return refuseReadOnly() }
        guard !refusedForNoOpenQuarter() else { return }
        guard status != plan.actions[index].status else {
            message = Message(text: "\(id) is already \(status.label); Enter keeps it", isError: false)
            return
        }
        modal = .prompt(.boardView(id: id, status: status))
        message = Message(text: "Board's view \(status.label): say why; the lead's update stays (Esc cancels)", isError: false)
    }

    /// Opens the commentary editor for an update the model says needs one.
    mutating func askForCommentary(id: String, status: Status, because rule: PlanEditError) {
        modal = .prompt(.commentary(id: id, status: status, required: true))
        let why = if case .commentaryRequired(let from, let to) = rule { "\(from.label) to \(to.label) is worse: say why" }
                  else { "Still red: say what is being done" }
        message = Message(text: why + " (Esc cancels)", isError: false)
    }

    mutating func openEditor(_ purpose: (String) -> EditorPurpose, initial: (Action) -> String) {
        guard let id = focusedActionID, let index = plan.actionIndex(id: id) else { return nothingSelected() }
        guard !session.isReadOnly else { return refuseReadOnly() }
        modal = .prompt(purpose(id), initial(plan.actions[index]))
    }

    func groupPicker(title: String, selected: PreventionGroup?) -> Picker {
        Picker(title: title, options: plan.orderedGroups.map { Picker.Option(id: $0.rawValue, label: plan.name(of: $0)) },
               selected: selected?.rawValue)
    }

    /// The focused action's milestones to tick done or untick.
    mutating func openMilestonePicker() {
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

    mutating func openFieldPicker(_ command: Command) {
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
}
