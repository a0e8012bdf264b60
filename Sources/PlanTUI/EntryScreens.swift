import PlanModel
import TerminalText

/// The what-changed and chase screens: lists of actions under headings, with a cursor on one
/// action; Enter opens it and Esc there comes back. What they list comes from the plan's facts
/// (`PlanFacts`, worked out after painting), is arranged when the screen opens (and again if
/// the plan changes under it), and only the entries in view are made into text and wrapped.
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
    /// What the screen lists. Entries point into `changes` or the plan's actions and are made
    /// into text only when they come into view: at 10,000 actions, making every entry's text
    /// when the screen opened cost more than working out what changed.
    private let items: [Item]
    /// Where the entries the cursor can rest on are in `items`, in screen order.
    private let entries: [Int]
    /// What changed, for the what-changed screen.
    private let changes: [ActionChange]
    /// The heading's count: actions changed, or actions owed.
    private let count: Int

    /// One thing on the screen before wrapping.
    enum Item: Equatable, Sendable {
        case heading([Span])
        case gap
        /// `changes[index]` under the heading for `kind`.
        case change(index: Int, kind: ChangeKind)
        /// The plan's action at `index`, which owes an update.
        case owed(index: Int)
        /// A line that cannot be opened: lead spans, then text wrapped under where it begins.
        case text([Span], String)
    }

    init(_ kind: Kind, for state: AppState) {
        self.kind = kind
        revision = state.session.revision
        quarter = state.reportingQuarter
        var items: [Item] = []
        switch kind {
        case .changes:
            changes = state.facts.changes
            count = changes.count
            var byKind: [ChangeKind: [Int]] = [:]
            for index in changes.indices {
                for kind in changes[index].kinds { byKind[kind, default: []].append(index) }
            }
            for kind in ChangeKind.allCases {
                guard let matching = byKind[kind] else { continue }
                items.append(.heading([Span("\(kind.label) (\(matching.count))", .header)]))
                items += matching.map { .change(index: $0, kind: kind) }
                items.append(.gap)
            }
            items += Self.indicatorChangeItems(state, from: quarter.previous, to: quarter)
            if items.isEmpty { items = [.heading([Span("  Nothing has changed since \(quarter.previous).", .dim)])] }
        case .chase:
            changes = []
            let owed = state.facts.owed
            count = owed.reduce(0) { $0 + $1.actions.count }
            let progress = state.plan.returnProgress(for: quarter)
            if !progress.isEmpty {
                items.append(.heading([Span("Returns sent, received and outstanding", .header)]))
                items += progress.map { .text([Span("  \($0.owner.name): ")], $0.summary) }
                items.append(.gap)
            }
            for (owner, actions) in owed {
                items.append(.heading([Span("\(owner.name) (\(actions.count))", .header)] + (owner.contact.map { [Span("  " + $0, .dim)] } ?? [])))
                items += actions.map { .owed(index: $0) }
                items.append(.gap)
            }
            if items.isEmpty {
                let notice = state.plan.closedQuarterNotice(on: state.today).map { "  \($0). No update is owed." }
                items = [.heading([Span(notice ?? "  Every action has an update for \(quarter).", .dim)])]
            }
        }
        self.items = items
        entries = items.indices.filter { Self.opensAnAction(items[$0]) }
    }

    /// Whether the cursor can rest on the item and Enter open its action: every change but a
    /// removal (a removed action cannot be opened), and every action owed.
    private static func opensAnAction(_ item: Item) -> Bool {
        switch item {
        case .change(_, let kind): kind != .removed
        case .owed: true
        default: false
        }
    }

    /// Whether the lists still describe the state's plan.
    func isCurrent(for state: AppState) -> Bool { revision == state.session.revision && quarter == state.reportingQuarter }

    /// One line of the screen; `actionID` is set on lines the cursor can rest on.
    struct Line {
        var spans: [Span]
        var actionID: String?
    }

    /// The heading above the list.
    func heading(_ state: AppState) -> [Span] {
        switch kind {
        case .changes:
            [Span(" What changed ", .header),
             Span(" \(quarter.previous) → \(quarter)\(state.plan.isRunning(quarter, on: state.today) ? " (so far)" : "") · \(count) actions", .dim)]
        case .chase:
            [Span(" Who owes an update ", .header), Span(" \(quarter) · \(count) actions with no update yet", .dim)]
        }
    }

    /// How many entries the cursor can rest on.
    var entryCount: Int { entries.count }

    /// The id of the action the `selection`th entry is about, in `plan` (the plan the list was
    /// worked out for).
    func entryID(_ selection: Int, in plan: Plan) -> String? {
        guard entries.indices.contains(selection) else { return nil }
        switch items[entries[selection]] {
        case .change(let index, _): return changes[index].id
        case .owed(let index): return plan.actions[index].id
        default: return nil
        }
    }

    /// The lines of the items in view for a screen `width` cells wide and `height` lines tall,
    /// with the `selection`th entry among them, and which of them is that entry's first line.
    func window(selection: Int, width: Int, height: Int, state: AppState) -> (lines: [Line], selected: Int?) {
        func lines(_ index: Int) -> [Line] { self.lines(of: items[index], width: width, state: state) }
        guard let selected = entries.isEmpty ? nil : entries[min(max(0, selection), entries.count - 1)] else {
            return (Array(items.indices.prefix(height).flatMap(lines).prefix(height)), nil)
        }
        // Up to half a screen of what comes before the entry, then the entry and what follows.
        var above: [Line] = []
        var index = selected
        while index > 0, above.count < height / 2 {
            index -= 1
            above = lines(index) + above
        }
        above = Array(above.suffix(height / 2))
        var below = lines(selected)
        var next = selected + 1
        while above.count + below.count < height, next < items.count {
            below += lines(next)
            next += 1
        }
        // Near the end, more of what comes before fills the screen.
        while above.count + below.count < height, index > 0 {
            index -= 1
            above = lines(index) + above
        }
        above = Array(above.suffix(max(0, height - 1)))  // the entry's first line is always shown
        return (Array((above + below).prefix(height)), above.count)
    }

    /// An item's lines at `width`: an entry's first line holds its lead spans (id and statuses),
    /// then its text wrapped, indented under where the text begins.
    private func lines(of item: Item, width: Int, state: AppState) -> [Line] {
        let spans: [Span], text: String, actionID: String?
        switch item {
        case .heading(let heading): return [Line(spans: heading)]
        case .gap: return [Line(spans: [])]
        case .text(let lead, let body): (spans, text, actionID) = (lead, body, nil)
        case .change(let index, let kind):
            let change = changes[index]
            spans = [Span("  " + fitted(change.id, toWidth: max(8, displayWidth(change.id) + 1))),
                     change.from.map(statusBadge) ?? Span(" - "), Span(" → "), change.to.map(statusBadge) ?? Span(" - "), Span("  ")]
            var words = change.title
            if kind == .escalate { words += " — red for \(change.redQuarters) quarters" }
            if kind == .dueDateMoved, let move = change.dueDateChanges.last {
                words += " — due \(move.from?.description ?? "none") → \(move.to): \(move.reason)"
            }
            if kind == .ownerChanged, let previous = change.previousOwner {
                words += " — was \(state.plan.ownerName(previous))"
            }
            (text, actionID) = (words, Self.opensAnAction(item) ? change.id : nil)
        case .owed(let index):
            let action = state.plan.actions[index]
            let overdue = action.isOverdue(on: state.today)
            let due = action.due.map { "due \($0)" + (overdue ? " (overdue)" : "") } ?? "no due date"
            spans = [Span("  " + fitted(action.id, toWidth: max(8, displayWidth(action.id) + 1))), statusBadge(action.status), Span("  ")]
            (text, actionID) = ("\(action.title) — \(due)", action.id)
        }
        let indent = spans.reduce(0) { $0 + displayWidth($1.text) }
        let parts = wrapped(sanitizedForTerminal(text), toWidth: max(10, width - 2 - indent))
        return [Line(spans: spans + [Span(parts.first ?? "")], actionID: actionID)]
            + parts.dropFirst().map { Line(spans: [Span(String(repeating: " ", count: indent) + $0)]) }
    }
}

/// Draws an entry list with the cursor's entry highlighted and kept in view; only the entries in
/// view are wrapped, so a key costs the same in a 10,000-action plan as in a small one.
func renderEntryList(_ list: EntryList, selection: Int, state: AppState, into frame: inout Frame) {
    frame.put(list.heading(state), x: 0, y: 1)
    let (lines, selectedLine) = list.window(selection: selection, width: frame.width, height: state.layout.changesHeight, state: state)
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
