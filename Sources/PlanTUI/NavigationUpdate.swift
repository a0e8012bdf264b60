import PlanModel

/// Moving around: the cursor, scrolling, opening and going back.
extension AppState {
    /// Cursor and scrolling keys, opening what is selected and going back.
    mutating func performNavigation(_ command: Command) {
        switch command {
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
            default: screen = .overview
            }
        case .switchView: screen = screen == .overview ? .list : .overview
        case .toggleGroup: toggleGroup()
        case .cycleGrouping:
            list.regroup(list.grouping.next, listContext, height: layout.listHeight)
            message = Message(text: "Grouped by \(list.grouping.label); b changes it", isError: false)
        default: break
        }
    }

    /// A screenful of the current screen, for page up and down.
    var page: Int {
        switch screen {
        case .detail: layout.detailHeight
        case .entries: layout.changesHeight
        case .meeting: max(1, layout.height / 3)
        default: layout.listHeight
        }
    }

    /// Up and down: the cursor in the list, the text on scrolled screens.
    mutating func move(by delta: Int) {
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

    mutating func open() {
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

    mutating func toggleGroup() {
        guard let group = list.selectedGroup else { return }
        list.toggle(group, listContext, height: layout.listHeight)
    }

    /// In the detail screen, `[` and `]` step through the list's actions.
    mutating func stepDetail(by delta: Int) {
        guard case .detail(let id, _, let returnTo) = screen else { return }
        let ids = list.filteredActionIDs(in: plan)
        guard let at = ids.firstIndex(of: id) else { return }
        let next = min(max(0, at + delta), ids.count - 1)
        screen = .detail(id: ids[next], scroll: 0, returnTo: returnTo)
        if let row = list.row(of: ids[next], in: plan) { list.select(row: row, height: layout.listHeight) }
    }

    mutating func handleClick(x: Int, y: Int) {
        guard screen == .list, let row = layout.listRow(atScreenRow: y, scroll: list.scroll), list.rows.indices.contains(row) else { return }
        if row == list.selection { open() } else { list.select(row: row, height: layout.listHeight) }
    }
}
