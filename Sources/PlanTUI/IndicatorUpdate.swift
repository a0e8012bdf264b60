import PlanModel

/// The indicators screens and recording a value: the quarter, the value (with `p` for
/// provisional), then a note, committed as one undoable step.
extension AppState {
    /// The indicator the current screen is about: the indicator screen's, the cursor's in the
    /// list of indicators, or the meeting's once its actions are done.
    var focusedIndicatorID: String? {
        switch screen {
        case .indicator(let id, _, _): id
        case .indicators(let selection, _): plan.indicators.indices.contains(selection) ? plan.indicators[selection].id : nil
        case .meeting(let meeting): meeting.currentIndicatorID
        default: nil
        }
    }

    mutating func showIndicators() {
        guard !plan.indicators.isEmpty else {
            message = Message(text: "This plan has no indicators yet; add one with: dplan indicator add", isError: true)
            return
        }
        screen = .indicators(selection: 0, returnTo: screen)
    }

    /// The indicators led by the owners of `actions`, in plan order: what meeting mode offers
    /// after those actions.
    func indicatorsAfter(actions ids: [String]) -> [String] {
        guard !plan.indicators.isEmpty else { return [] }
        let owners = Set(ids.compactMap { plan.actionIndex(id: $0).map { plan.actions[$0].owner } })
        return plan.indicators.filter { $0.owner.map(owners.contains) ?? false }.map(\.id)
    }

    mutating func moveInIndicators(by delta: Int) {
        switch screen {
        case .indicators(let selection, let returnTo):
            screen = .indicators(selection: min(max(0, selection + delta), max(0, plan.indicators.count - 1)), returnTo: returnTo)
        case .indicator(let id, let scroll, let returnTo):
            screen = .indicator(id: id, scroll: max(0, scroll + delta), returnTo: returnTo)
        default: break
        }
    }

    /// `v`: asks which quarter the figure describes, offering the last quarter that has ended.
    mutating func askForIndicatorValue() {
        guard let id = focusedIndicatorID else {
            message = Message(text: "Open an indicator first (I lists them)", isError: true)
            return
        }
        guard !session.isReadOnly else { return refuseReadOnly() }
        let current = plan.quarter(containing: today)
        let offered = plan.isInPeriod(current.previous) ? current.previous : min(max(current, plan.firstQuarter), plan.lastQuarter)
        modal = .prompt(.indicatorQuarter(id: id), offered.description)
    }

    mutating func confirmIndicatorPrompt(_ purpose: EditorPurpose, _ text: String) {
        let trimmed = text.trimmingSpaces()
        switch purpose {
        case .indicatorQuarter(let id):
            guard let quarter = Quarter(trimmed) else {
                modal = .prompt(purpose, text)
                message = Message(text: "\"\(trimmed)\" is not a quarter: expected e.g. 2026/27 Q2 (Esc cancels)", isError: true)
                return
            }
            do { try plan.checkValueQuarter(quarter, today: today) } catch {
                modal = .prompt(purpose, text)
                message = Message(text: "\(error) (Esc cancels)", isError: true)
                return
            }
            let existing = plan.indicatorIndex(id: id).flatMap { plan.indicators[$0].value(for: quarter) }
            modal = .prompt(.indicatorValue(id: id, quarter: quarter),
                            existing.map { "\($0.value)\($0.isProvisional ? " p" : "")" } ?? "")
        case .indicatorValue(let id, let quarter):
            var number = trimmed
            let provisional = number.lowercased().hasSuffix("p")
            if provisional { number = String(number.dropLast()) }
            do {
                let value = try Indicator.number(from: number)
                if let index = plan.indicatorIndex(id: id) { try plan.indicators[index].check(value) }
                let note = plan.indicatorIndex(id: id).flatMap { plan.indicators[$0].value(for: quarter)?.note } ?? ""
                modal = .prompt(.indicatorNote(id: id, quarter: quarter, value: value, provisional: provisional), note)
            } catch {
                modal = .prompt(purpose, text)
                message = Message(text: "\(error) (Esc cancels)", isError: true)
            }
        case .indicatorNote(let id, let quarter, let value, let provisional):
            commit("\(id) \(quarter) recorded: \(value)\(provisional ? " (provisional)" : "")") { plan, context in
                try plan.recordIndicatorValue(id: id, quarter: quarter, value: value, note: trimmed, provisional: provisional,
                                              context: context)
            }
        default: break
        }
    }
}
