import PlanModel
import TerminalText

/// One action per screen: last quarter beside this quarter, with progress.
func renderMeeting(_ state: AppState, _ meeting: Meeting, into frame: inout Frame) {
    if let id = meeting.currentIndicatorID { return renderMeetingIndicator(state, meeting, id: id, into: &frame) }
    guard let id = meeting.currentID, let index = state.plan.actionIndex(id: id) else { return }
    let plan = state.plan
    let action = plan.actions[index]
    let quarter = state.quarter
    frame.put([Span(" Meeting ", .header), Span("  \(state.updatedCount(of: meeting)) of \(meeting.ids.count) updated in \(quarter)", .normal),
               Span("  ·  action \(meeting.position + 1) of \(meeting.ids.count)", .dim)], x: 0, y: 1)
    var y = 3
    for part in wrapped(sanitizedForTerminal("\(action.id)  \(action.title)"), toWidth: frame.width - 2).prefix(2) {
        frame.put(part, x: 1, y: y, tone: .header)
        y += 1
    }
    let owner = plan.ownerName(action.owner)
    var facts = [Span(" \(owner) · due \(action.due?.description ?? "-")", .dim)]
    if action.isOverdue(on: state.today) { facts.append(Span("  overdue", .warning)) }
    if action.hasOverdueMilestone(on: state.today) { facts.append(Span("  milestone overdue", .warning)) }
    frame.put(facts, x: 0, y: y)
    y += 1
    if !action.milestones.isEmpty {
        let done = action.milestones.filter(\.isDone).count
        let next = action.milestones.filter { !$0.isDone }.min { $0.due < $1.due }
        let text = " Milestones \(done) of \(action.milestones.count) done" + (next.map { " · next: \($0.title), due \($0.due)" } ?? "") + " (v ticks)"
        frame.put(sanitizedForTerminal(text), x: 0, y: y, tone: next?.isOverdue(on: state.today) == true ? .warning : .dim, maxWidth: frame.width - 1)
    }
    y += 1
    let columnWidth = (frame.width - 3) / 2
    let previous = action.review(for: quarter.previous)
    let current = action.review(for: quarter)
    func column(x: Int, title: String, status: Status?, commentary: String, note: String?, board: BoardView? = nil) {
        frame.put(fitted(" " + title, toWidth: columnWidth), x: x, y: y, tone: .header)
        if let status {
            frame.put([Span(" "), statusBadge(status), Span(" " + sanitizedForTerminal(plan.statusLabel(status)))], x: x, y: y + 1)
        } else {
            frame.put(" " + (note ?? "no update"), x: x, y: y + 1, tone: .warning)
        }
        let text = commentary.isEmpty ? (status == nil ? "" : "(no commentary)") : commentary
        var lines = wrappedText(text, toWidth: columnWidth - 2)
        if let board { lines += [""] + wrapped(sanitizedForTerminal(boardViewLine(board, plan: plan)), toWidth: columnWidth - 2) }
        let room = max(1, frame.height - y - 6)
        let first = min(meeting.scroll, max(0, lines.count - room))
        for (i, part) in lines.dropFirst(first).prefix(room).enumerated() {
            frame.put(part, x: x + 1, y: y + 3 + i)
        }
        if first > 0 { frame.put("↑ more (PgUp)", x: x + 1, y: y + 2, tone: .dim) }
        if first + room < lines.count { frame.put("↓ more (PgDn)", x: x + 1, y: y + 3 + room, tone: .dim) }
    }
    column(x: 1, title: "Last quarter \(quarter.previous)", status: previous?.settledStatus, commentary: previous?.commentary ?? "",
           note: "no review recorded", board: previous?.board)
    let lead = current?.noUpdateProvided == true ? nil : current
    column(x: 2 + columnWidth, title: "Lead's update \(quarter)", status: lead?.status, commentary: lead?.commentary ?? "",
           note: "not updated yet (now \(action.status.letter) \(action.status.label))", board: current?.board)
}

/// What changed during the meeting, action by action. The heading counts what it lists (the
/// actions changed in the meeting) apart from those with an update for the quarter, which
/// includes updates made before the meeting.
func renderMeetingSummary(_ state: AppState, _ meeting: Meeting, into frame: inout Frame) {
    let changedIDs = meeting.ids.filter { id in
        state.plan.actionIndex(id: id).map { state.plan.actions[$0] != meeting.startPlan.actions.first { $0.id == id } } ?? false
    }
    let changed = changedIDs.count
    frame.put([Span(" Meeting summary ", .header),
               Span("  \(changed) of \(meeting.ids.count) changed in this meeting · \(state.updatedCount(of: meeting)) with a \(state.quarter) update")],
              x: 0, y: 1)
    var y = 3
    for id in changedIDs {
        guard let index = state.plan.actionIndex(id: id) else { continue }
        let now = state.plan.actions[index]
        let before = meeting.startPlan.actions.first { $0.id == id }
        guard y < frame.height - 3 else { break }
        var spans = [Span(" " + fitted(id, toWidth: 8))]
        if let before, before.status != now.status {
            spans += [statusBadge(before.status), Span(" → "), statusBadge(now.status)]
        } else {
            spans += [statusBadge(now.status), Span(" kept    ")]
        }
        let review = now.review(for: state.quarter)
        let note = review?.board.map { "Board's view: " + $0.reason } ?? review?.commentary ?? ""
        spans.append(Span("  " + (note.isEmpty ? "(no commentary)" : note), note.isEmpty ? .dim : .normal))
        frame.put(spans, x: 0, y: y, maxWidth: frame.width - 1)
        y += 1
    }
    if changed == 0 { frame.put(" Nothing changed in this meeting.", x: 0, y: y, tone: .dim) }
    if y >= frame.height - 3, changed > frame.height - 6 {
        frame.put(" … and more; see the list", x: 0, y: frame.height - 3, tone: .dim)
    }
    frame.put(" Any key returns to the list · s saves · u undoes the last change", x: 0, y: frame.height - 2, tone: .dim)
}

/// "Board's view: A Amber — why (Jo, 2027-01-20)", as the meeting, detail and show print it.
func boardViewLine(_ board: BoardView, plan: Plan) -> String {
    "Board's view: \(board.status.letter) \(plan.statusLabel(board.status)) — \(board.reason) (\(board.by), \(board.on.day))"
}
