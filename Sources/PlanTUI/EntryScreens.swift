import PlanModel
import TerminalText

/// The what-changed and chase screens: lists of actions under headings, with a cursor on one
/// action; Enter opens it and Esc there comes back. What they list is worked out once, when the
/// screen opens (and again if the plan changes under it), not on every key: at 10,000 actions
/// comparing two quarters takes a tenth of a second.
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
    private let changes: [ActionChange]
    private let chase: [ChaseOwner]

    /// One owner and the actions they owe an update on.
    struct ChaseOwner: Equatable, Sendable {
        var owner: Owner
        var actions: [Action]
    }

    init(_ kind: Kind, for state: AppState) {
        self.kind = kind
        revision = state.session.revision
        quarter = state.quarter
        let plan = state.plan
        changes = kind == .changes ? plan.changes(from: quarter.previous, to: quarter, live: quarter) : []
        chase = kind == .chase ? plan.chaseList(for: quarter).map { ChaseOwner(owner: $0.owner, actions: $0.actions) } : []
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
            return [Span(" What changed ", .header), Span(" \(quarter.previous) → \(quarter) (so far) · \(changes.count) actions", .dim)]
        case .chase:
            let owed = chase.reduce(0) { $0 + $1.actions.count }
            return [Span(" Who owes an update ", .header), Span(" \(quarter) · \(owed) actions with no update yet", .dim)]
        }
    }

    /// The lines for a screen `width` cells wide.
    func lines(_ state: AppState, width: Int) -> [Line] {
        switch kind {
        case .changes: changesLines(state, width: width)
        case .chase: chaseLines(state, width: width)
        }
    }

    /// Ids of the actions the cursor can rest on, in screen order (the order `lines` gives them).
    var entryIDs: [String] {
        switch kind {
        case .changes:
            ChangeKind.allCases.filter { $0 != .removed }.flatMap { kind in changes.filter { $0.kinds.contains(kind) }.map(\.id) }
        case .chase:
            chase.flatMap { $0.actions.map(\.id) }
        }
    }

    private func changesLines(_ state: AppState, width: Int) -> [Line] {
        var lines: [Line] = []
        for kind in ChangeKind.allCases {
            let matching = changes.filter { $0.kinds.contains(kind) }
            guard !matching.isEmpty else { continue }
            lines.append(Line(spans: [Span("\(kind.label) (\(matching.count))", .header)]))
            for change in matching {
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
                let id = kind == .removed ? nil : change.id
                lines += wrappedEntry(spans, text: text, id: id, width: width)
            }
            lines.append(Line(spans: []))
        }
        lines += indicatorChangeLines(state, from: quarter.previous, to: quarter, width: width)
        if lines.isEmpty { lines = [Line(spans: [Span("  Nothing has changed since \(quarter.previous).", .dim)])] }
        return lines
    }

    private func chaseLines(_ state: AppState, width: Int) -> [Line] {
        var lines: [Line] = []
        for (owner, actions) in chase.map({ ($0.owner, $0.actions) }) {
            lines.append(Line(spans: [Span("\(owner.name) (\(actions.count))", .header)]
                              + (owner.contact.map { [Span("  " + $0, .dim)] } ?? [])))
            for action in actions {
                let overdue = action.isOverdue(on: state.today)
                let due = action.due.map { "due \($0)" + (overdue ? " (overdue)" : "") } ?? "no due date"
                let spans = [Span("  " + fitted(action.id, toWidth: max(8, displayWidth(action.id) + 1))), statusBadge(action.status), Span("  ")]
                lines += wrappedEntry(spans, text: "\(action.title) — \(due)", id: action.id, width: width)
            }
            lines.append(Line(spans: []))
        }
        if lines.isEmpty { lines = [Line(spans: [Span("  Every action has an update for \(quarter).", .dim)])] }
        return lines
    }

    /// An entry's first line (its spans, then the text) and the text's continuation lines.
    private func wrappedEntry(_ spans: [Span], text: String, id: String?, width: Int) -> [Line] {
        let indent = spans.reduce(0) { $0 + displayWidth($1.text) }
        let parts = wrapped(sanitizedForTerminal(text), toWidth: max(10, width - 2 - indent))
        return [Line(spans: spans + [Span(parts.first ?? "")], actionID: id)]
            + parts.dropFirst().map { Line(spans: [Span(String(repeating: " ", count: indent) + $0)]) }
    }
}

/// Draws an entry list with the cursor's entry highlighted and kept in view.
func renderEntryList(_ list: EntryList, selection: Int, state: AppState, into frame: inout Frame) {
    frame.put(list.heading(state), x: 0, y: 1)
    let lines = list.lines(state, width: frame.width)
    let entryLines = lines.indices.filter { lines[$0].actionID != nil }
    let selectedLine = entryLines.isEmpty ? nil : entryLines[min(max(0, selection), entryLines.count - 1)]
    let height = state.layout.changesHeight
    let first = max(0, min((selectedLine ?? 0) - height / 2, lines.count - height))
    for (offset, line) in lines.enumerated().dropFirst(first).prefix(height) {
        let y = state.layout.changesTop + offset - first
        if offset == selectedLine {
            frame.fill(row: y, tone: .selected)
            frame.put(line.spans.map { Span($0.text, $0.tone == .normal || $0.tone == .dim ? .selected : $0.tone) }, x: 1, y: y,
                      maxWidth: frame.width - 2)
        } else {
            frame.put(line.spans, x: 1, y: y, maxWidth: frame.width - 2)
        }
    }
}
