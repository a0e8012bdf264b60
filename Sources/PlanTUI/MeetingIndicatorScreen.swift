import PlanModel
import TerminalText

/// Meeting mode after the owners' actions: one of their indicators per screen, with its facts
/// and chart; `V` records a value.
func renderMeetingIndicator(_ state: AppState, _ meeting: Meeting, id: String, into frame: inout Frame) {
    guard let index = state.plan.indicatorIndex(id: id) else { return }
    let step = meeting.position - meeting.ids.count
    frame.put([Span(" Meeting ", .header), Span("  the owners' indicators after their actions", .normal),
               Span("  ·  indicator \(step + 1) of \(meeting.indicatorIDs.count)  ·  V records a value", .dim)], x: 0, y: 1)
    let lines = indicatorLines(state.plan.indicators[index], plan: state.plan, width: frame.width - 2, chartHeight: 6)
    for (offset, line) in lines.prefix(max(0, frame.height - 6)).enumerated() {
        frame.put(line, x: 1, y: 3 + offset, maxWidth: frame.width - 2)
    }
}
