import PlanModel
import TerminalText

/// The what-changed and chase screens: lists of actions under headings, with a cursor on one
/// action; Enter opens it and Esc there comes back. What they list is worked out once, when the
/// screen opens (and again if the plan changes under it), not on every key: at 10,000 actions
/// comparing two quarters takes a tenth of a second. Only the entries in view are wrapped.
public struct EntryList: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// What changed since last quarter, most urgent first: the view boards lack today.
        case changes
        /// Who still owes an update this quarter, by owner: the list to chase before the meeting.
        case chase
    }

    public let kind: Kind
    /// The plan revision and quarter the lists were worked out for.
    let revision: Int
    let quarter: Quarter
    /// What the screen lists, before wrapping to the screen's width.
    private let items: [Item]
    /// The heading's count: actions changed, or actions owed.
    private let count: Int

    /// One thing on the screen before wrapping: a heading, an entry (its lead spans, then its
    /// text), or a gap. Only the entries in view are wrapped when the screen is drawn.
    struct Item: Equatable, Sendable {
        var spans: [Span]
        var text = ""
        /// Set on entries the cursor can rest on.
        var actionID: String?

        static let gap = Item(spans: [])
        static func heading(_ spans: [Span]) -> Item { Item(spans: spans) }
    }

    init(_ kind: Kind, for state: AppState) {
        self.kind = kind
        revision = state.session.revision
        quarter = state.quarter
        switch kind {
        case .changes:
            let changes = state.plan.changes(from: quarter.previous, to: quarter, live: quarter)
            count = changes.count
            items = Self.changeItems(changes, state: state, quarter: quarter)
        case .chase:
            let chase = state.plan.chaseList(for: quarter)
            count = chase.reduce(0) { $0 + $1.actions.count }
            items = Self.chaseItems(chase, state: state, quarter: quarter)
        }
    }

    /// Whether the lists still describe the state's plan.
    func isCurrent(for state: AppState) -> Bool { revision == state.session.revision && quarter == state.quarter }

    /// One line of the screen; `actionID` is set on lines the cursor can rest on.
    struct Line {
        var spans: [Span]
        var actionID: String?
    }

    /// The heading above the list.
    func heading(_ state: AppState) -> [Span] {
        switch kind {
        case .changes:
            [Span(" What changed ", .header), Span(" \(quarter.previous) → \(quarter) (so far) · \(count) actions", .dim)]
        case .chase:
            [Span(" Who owes an update ", .header), Span(" \(quarter) · \(count) actions with no update yet", .dim)]
        }
    }

    /// Ids of the actions the cursor can rest on, in screen order.
    var entryIDs: [String] { items.compactMap(\.actionID) }

    /// The lines of the items in view for a screen `width` cells wide and `height` lines tall,
    /// with the `selection`th entry among them, and which of them is that entry's first line.
    func window(selection: Int, width: Int, height: Int) -> (lines: [Line], selected: Int?) {
        let entries = items.indices.filter { items[$0].actionID != nil }
        guard let selected = entries.isEmpty ? nil : entries[min(max(0, selection), entries.count - 1)] else {
            return (Array(items.prefix(height).flatMap { lines(of: $0, width: width) }.prefix(height)), nil)
        }
        // Up to half a screen of what comes before the entry, then the entry and what follows.
        var above: [Line] = []
        var index = selected
        while index > 0, above.count < height / 2 {
            index -= 1
            above = lines(of: items[index], width: width) + above
        }
        above = Array(above.suffix(height / 2))
        var below = lines(of: items[selected], width: width)
        var next = selected + 1
        while above.count + below.count < height, next < items.count {
            below += lines(of: items[next], width: width)
            next += 1
        }
        // Near the end, more of what comes before fills the screen.
        while above.count + below.count < height, index > 0 {
            index -= 1
            above = lines(of: items[index], width: width) + above
        }
        above = Array(above.suffix(max(0, height - 1)))  // the entry's first line is always shown
        return (Array((above + below).prefix(height)), above.count)
    }

    /// An item's lines at `width`: an entry's first line holds its lead spans, then its text
    /// wrapped, indented under where the text begins.
    private func lines(of item: Item, width: Int) -> [Line] {
        guard item.actionID != nil || !item.text.isEmpty else { return [Line(spans: item.spans)] }
        let indent = item.spans.reduce(0) { $0 + displayWidth($1.text) }
        let parts = wrapped(sanitizedForTerminal(item.text), toWidth: max(10, width - 2 - indent))
        return [Line(spans: item.spans + [Span(parts.first ?? "")], actionID: item.actionID)]
            + parts.dropFirst().map { Line(spans: [Span(String(repeating: " ", count: indent) + $0)]) }
    }

    private static func changeItems(_ changes: [ActionChange], state: AppState, quarter: Quarter) -> [Item] {
        var items: [Item] = []
        for kind in ChangeKind.allCases {
            let matching = changes.indices.filter { changes[$0].kinds.contains(kind) }  // indices: no copy of the rest
            guard !matching.isEmpty else { continue }
            items.append(.heading([Span("\(kind.label) (\(matching.count))", .header)]))
            for change in matching.lazy.map({ changes[$0] }) {
                var spans = [Span("  " + fitted(change.id, toWidth: max(8, displayWidth(change.id) + 1)))]
                spans += [change.from.map(statusBadge) ?? Span(" - "), Span(" → "), change.to.map(statusBadge) ?? Span(" - "), Span("  ")]
                var text = change.title
                if kind == .escalate { text += " — red for \(change.redQuarters) quarters" }
                if kind == .dueDateMoved, let move = change.dueDateChanges.last {
                    text += " — due \(move.from?.description ?? "none") → \(move.to): \(move.reason)"
                }
                if kind == .ownerChanged, let previous = change.previousOwner {
                    text += " — was \(state.plan.ownerName(previous))"
                }
                // Removed actions cannot be opened.
                items.append(Item(spans: spans, text: text, actionID: kind == .removed ? nil : change.id))
            }
            items.append(.gap)
        }
        items += indicatorChangeItems(state, from: quarter.previous, to: quarter)
        return items.isEmpty ? [.heading([Span("  Nothing has changed since \(quarter.previous).", .dim)])] : items
    }

    private static func chaseItems(_ chase: [(owner: Owner, actions: [Action])], state: AppState, quarter: Quarter) -> [Item] {
        var items: [Item] = []
        for (owner, actions) in chase {
            items.append(.heading([Span("\(owner.name) (\(actions.count))", .header)] + (owner.contact.map { [Span("  " + $0, .dim)] } ?? [])))
            for index in actions.indices {
                let action = actions[index]
                let overdue = action.isOverdue(on: state.today)
                let due = action.due.map { "due \($0)" + (overdue ? " (overdue)" : "") } ?? "no due date"
                let spans = [Span("  " + fitted(action.id, toWidth: max(8, displayWidth(action.id) + 1))), statusBadge(action.status), Span("  ")]
                items.append(Item(spans: spans, text: "\(action.title) — \(due)", actionID: action.id))
            }
            items.append(.gap)
        }
        return items.isEmpty ? [.heading([Span("  Every action has an update for \(quarter).", .dim)])] : items
    }
}

/// Draws an entry list with the cursor's entry highlighted and kept in view; only the entries in
/// view are wrapped, so a key costs the same in a 10,000-action plan as in a small one.
func renderEntryList(_ list: EntryList, selection: Int, state: AppState, into frame: inout Frame) {
    frame.put(list.heading(state), x: 0, y: 1)
    let (lines, selectedLine) = list.window(selection: selection, width: frame.width, height: state.layout.changesHeight)
    for (offset, line) in lines.enumerated() {
        let y = state.layout.changesTop + offset
        if offset == selectedLine {
            frame.fill(row: y, tone: .selected)
            frame.put(line.spans.map { Span($0.text, $0.tone == .normal || $0.tone == .dim ? .selected : $0.tone) }, x: 1, y: y,
                      maxWidth: frame.width - 2)
        } else {
            frame.put(line.spans, x: 1, y: y, maxWidth: frame.width - 2)
        }
    }
}
