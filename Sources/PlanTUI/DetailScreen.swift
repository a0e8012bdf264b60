import PlanModel
import PlanReports
import TerminalText

/// Every field of one action, its due-date changes and its review history as a timeline.
func renderDetail(_ state: AppState, id: String, scroll: Int, into frame: inout Frame) {
    guard let index = state.plan.actionIndex(id: id) else { return }
    let lines = detailLines(state.plan.actions[index], state: state, width: frame.width - 2)
    renderScrolled(lines, scroll: scroll, layout: state.layout, into: &frame)
}

/// Lines that scroll under the title bar (the detail screens), with "N-M of K lines" when they
/// do not all fit.
func renderScrolled(_ lines: [[Span]], scroll: Int, layout: Layout, into frame: inout Frame) {
    let height = layout.detailHeight
    let first = min(scroll, max(0, lines.count - height))
    for (offset, line) in lines[first..<min(lines.count, first + height)].enumerated() {
        frame.put(line, x: 1, y: layout.detailTop + offset, maxWidth: frame.width - 2)
    }
    if lines.count > height {
        frame.put(" \(first + 1)-\(min(lines.count, first + height)) of \(lines.count) lines ", x: frame.width - 24,
                  y: layout.detailTop + height, tone: .dim)
    }
}

func detailLines(_ action: Action, state: AppState, width: Int) -> [[Span]] {
    let plan = state.plan
    let quarter = state.quarter
    let labelWidth = 17
    let valueWidth = max(10, width - labelWidth)
    var lines: [[Span]] = []
    func field(_ label: String, _ value: String, tone: Tone = .normal) {
        let wrappedValue = wrappedText(value.isEmpty ? "-" : value, toWidth: valueWidth)
        for (i, part) in wrappedValue.enumerated() {
            lines.append([Span(fitted(i == 0 ? label : "", toWidth: labelWidth), .dim), Span(part, tone)])
        }
    }
    for part in wrapped(sanitizedForTerminal("\(action.id)  \(action.title)"), toWidth: width) {
        lines.append([Span(part, .header)])
    }
    let trend = action.trend(in: quarter)
    var statusLine = [Span(fitted("Status", toWidth: labelWidth), .dim), statusBadge(action.status), Span(" " + sanitizedForTerminal(plan.statusLabel(action.status))),
                      Span("   \(trend.symbol) \(trend.rawValue) since \(quarter.previous)", trend == .worsened ? .warning : .normal)]
    if action.isOverdue(on: state.today) { statusLine.append(Span("   overdue", .warning)) }
    if action.hasOverdueMilestone(on: state.today) { statusLine.append(Span("   milestone overdue", .warning)) }
    if action.isStale(in: quarter) { statusLine.append(Span("   no update in \(quarter)", .warning)) }
    lines.append(statusLine)
    for item in plan.fields(of: action) {
        let overdue = item.label == "Due" && action.isOverdue(on: state.today)
        field(item.label, item.value, tone: overdue ? .warning : .normal)
    }
    if !action.dueDateChanges.isEmpty {
        lines.append([])
        lines.append([Span("Due-date changes", .header)])
        for change in action.dueDateChanges.reversed() {
            let head = "\(change.on.day)  \(change.from?.description ?? "none") → \(change.to)  "
            let text = wrapped(sanitizedForTerminal("\(change.reason) — \(change.by)"), toWidth: max(10, width - displayWidth(head) - 2))
            for (i, part) in text.enumerated() {
                lines.append([Span("  " + (i == 0 ? head : String(repeating: " ", count: displayWidth(head))), .dim), Span(part)])
            }
        }
    }
    lines.append([])
    lines.append([Span("Review history", .header), Span("  (newest first)", .dim)])
    if action.reviews.isEmpty { lines.append([Span("  no reviews yet", .dim)]) }
    for review in action.reviews.reversed() {
        let head = "  \(review.quarter)  "
        let commentary = review.commentary.isEmpty ? review.historyText : review.commentary
        var text = wrappedText((review.board == nil ? "" : "Lead's update: ") + "\(commentary) — \(review.by)\(review.enteredBy.map { ", entered by " + $0 } ?? ""), \(review.on.day)",
                           toWidth: max(10, width - displayWidth(head) - 5))
        if let board = review.board {
            text += wrapped(sanitizedForTerminal(boardViewLine(board, plan: plan)), toWidth: max(10, width - displayWidth(head) - 5))
        }
        for (i, part) in text.enumerated() {
            if i == 0 {
                lines.append([Span(head, .dim), statusBadge(review.status), Span("  " + part)])
            } else {
                lines.append([Span(String(repeating: " ", count: displayWidth(head) + 5)), Span(part)])
            }
        }
    }
    if let log = action.changeLog, !log.isEmpty {
        lines.append([])
        lines.append([Span("Change log", .header), Span("  (newest first)", .dim)])
        for change in log.reversed() {
            let head = "  \(change.on.day) \(change.field): "
            let text = change.field == "created" ? "created — \(change.by)"
                : "\(change.from.isEmpty ? "(empty)" : change.from) → \(change.to.isEmpty ? "(empty)" : change.to) — \(change.by)"
            let parts = wrapped(sanitizedForTerminal(text), toWidth: max(10, width - displayWidth(head)))
            for (i, part) in parts.enumerated() {
                lines.append([Span(i == 0 ? head : String(repeating: " ", count: displayWidth(head)), .dim), Span(part)])
            }
        }
    }
    return lines
}
