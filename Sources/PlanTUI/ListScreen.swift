import Foundation
import PlanModel
import TerminalText

/// Column widths of the action list, from the screen width and what the columns hold: the id
/// column fits the longest id shown (ids are never cut), the owner column the longest owner name
/// up to a share of a wide screen, and the title takes the rest.
struct ListColumns {
    let id: Int, status = 3, trend = 1, owner: Int, due = 11, updated: Int, title: Int

    init(width: Int, idWidth: Int, ownerWidth: Int) {
        id = max(2, idWidth)
        updated = width >= 100 ? 10 : 7
        // indent 2, then id, status, trend, title, owner, due, updated with single spaces.
        let fixed = 2 + id + 1 + status + 1 + trend + 1 + 1 + 1 + due + 1 + updated
        let ownerShare = width >= 110 ? max(16, (width - fixed) * 2 / 5) : 16
        owner = max(6, min(max(5, ownerWidth), ownerShare, max(6, width - fixed - 20)))
        title = max(8, width - fixed - owner)
    }
}

/// The action list, grouped under the four prevention groups.
func renderList(_ state: AppState, into frame: inout Frame) {
    renderContextLine(state, into: &frame)
    let columns = ListColumns(width: frame.width, idWidth: state.list.idWidth, ownerWidth: state.list.ownerWidth)
    let layout = state.layout
    let list = state.list
    let headerY = layout.listHeaderRow
    frame.fill(row: headerY, tone: .header)
    frame.put("  " + fitted("ID", toWidth: columns.id) + " St  " + "  " + fitted("Action", toWidth: columns.title) + " "
              + fitted("Owner", toWidth: columns.owner) + " " + fitted("Due", toWidth: columns.due) + " " + "Updated",
              x: 0, y: headerY, tone: .header)
    let quarter = state.quarter
    let top = layout.listTop
    let height = layout.listHeight
    let first = min(list.scroll, max(0, list.rows.count - 1))
    for (offset, row) in list.rows[first..<min(list.rows.count, first + height)].enumerated() {
        let y = top + offset
        let selected = first + offset == list.selection
        switch row {
        case .group(let group, let counts):
            let folded = list.collapsed.contains(group)
            let shown = counts.values.reduce(0, +)
            let tone: Tone = selected ? .selected : .header
            frame.fill(row: y, tone: tone)
            let used = frame.put("\(folded ? "▸" : "▾") \(group.name(in: state.plan)) (\(shown))", x: 0, y: y, tone: tone,
                                 maxWidth: frame.width * 2 / 3)
            frame.put(countSpans(counts), x: used + 2, y: y)
        case .action(let index):
            let action = state.plan.actions[index]
            let base: Tone = selected ? .selected : .normal
            if selected { frame.fill(row: y, tone: .selected) }
            var x = 2
            x += frame.put(fitted(action.id, toWidth: columns.id) + " ", x: x, y: y, tone: base)
            x += frame.put([statusBadge(action.status)], x: x, y: y)
            let trend = action.trend(in: quarter)
            x += frame.put(" " + trend.symbol + " ", x: x, y: y, tone: trend == .worsened ? .warning : base)
            let search = list.filter.search
            if !search.isEmpty, let spans = searchMatchSpans(action, search: search, width: columns.title, tone: base) {
                frame.put(spans, x: x, y: y, maxWidth: columns.title)
                x += columns.title + 1
            } else {
                x += frame.put(fitted(action.title, toWidth: columns.title) + " ", x: x, y: y, tone: base)
            }
            let owner = state.plan.ownerName(action.owner)
            x += frame.put(fitted(owner, toWidth: columns.owner) + " ", x: x, y: y, tone: base)
            let overdue = action.isOverdue(on: state.today)
            let due = (action.due?.description ?? "-") + (overdue ? "!" : "")
            x += frame.put(fitted(due, toWidth: columns.due) + " ", x: x, y: y, tone: overdue ? .warning : base)
            if action.isStale(in: quarter) {
                frame.put("stale", x: x, y: y, tone: selected ? .selected : .dim)
            } else if let updated = action.review(for: quarter)?.on.day ?? action.updated?.day {
                frame.put(columns.updated >= 10 ? updated.description : updated.shortLabel, x: x, y: y, tone: base)
            }
        }
    }
    if list.rows.count > height {
        let pct = list.rows.count <= 1 ? 100 : list.selection * 100 / (list.rows.count - 1)
        let position = " row \(list.selection + 1) of \(list.rows.count) (\(pct)%) "
        frame.put(position, x: frame.width - displayWidth(position), y: 1, tone: .dim)
    }
}

/// Where the search matched an action, for its title cell: the title with the match highlighted,
/// or, when the match is in another field, that field's name and the words around the match.
func searchMatchSpans(_ action: Action, search: String, width: Int, tone: Tone) -> [Span]? {
    let fields: [(name: String?, text: String)] = [(nil, action.title), ("id", action.id), ("description", action.description),
                                                   ("commentary", action.commentary)]
    for (name, raw) in fields {
        let text = sanitizedForTerminal(raw)
        guard let range = text.range(of: search, options: [.caseInsensitive, .diacriticInsensitive]) else { continue }
        if name == "id" { return nil }  // the id column shows it already
        let label = name.map { "\($0): " } ?? ""
        var before = String(text[..<range.lowerBound])
        let room = width - displayWidth(label) - displayWidth(String(text[range]))
        if displayWidth(before) > room / 2 {  // keep the match in view: start a little before it
            before = "…" + String(before.suffix(max(0, room / 2 - 1)))
        }
        return [Span(label, .dim), Span(before, tone), Span(String(text[range]), .key), Span(String(text[range.upperBound...]), tone)]
    }
    return nil
}
