import PlanModel
import TerminalText

/// Draws the state into a frame of the state's size. Pure: no terminal, no clock, no files.
public func render(_ state: AppState) -> Frame {
    var frame = Frame(width: state.layout.width, height: state.layout.height)
    guard !state.layout.isTooSmall else {
        renderTooSmall(state, into: &frame)
        return frame
    }
    renderTitleBar(state, into: &frame)
    switch state.screen {
    case .overview: renderOverview(state, into: &frame)
    case .list: renderList(state, into: &frame)
    case .detail(let id, let scroll, _): renderDetail(state, id: id, scroll: scroll, into: &frame)
    case .meeting(let meeting): renderMeeting(state, meeting, into: &frame)
    case .meetingSummary(let meeting): renderMeetingSummary(state, meeting, into: &frame)
    case .entries(let list, let selection, _): renderEntryList(list, selection: selection, state: state, into: &frame)
    case .mergeConflicts(let selection): renderMergeConflicts(state, selection: selection, into: &frame)
    case .indicators(let selection, _): renderIndicators(state, selection: selection, into: &frame)
    case .indicator(let id, let scroll, _): renderIndicator(state, id: id, scroll: scroll, into: &frame)
    }
    if let help = state.help { renderHelp(help, plan: state.plan, layout: state.layout, into: &frame) }
    if case .confirm(.recoverSwap(let offer, showingList: true)) = state.modal {
        for y in 1..<(frame.height - 2) { frame.fill(row: y, tone: .normal) }
        frame.put(" Unsaved edits found in the swap file, oldest first:", x: 0, y: 1, tone: .header)
        for (offset, label) in offer.labels.suffix(frame.height - 5).enumerated() {
            frame.put("  " + label, x: 0, y: 3 + offset)
        }
    }
    renderBottom(state, into: &frame)
    return frame
}

private func renderTooSmall(_ state: AppState, into frame: inout Frame) {
    let lines = ["Terminal too small",
                 "need \(Layout.minimum.width)×\(Layout.minimum.height), have \(state.layout.width)×\(state.layout.height)",
                 "enlarge the window, or press q to quit"]
    let top = max(0, (frame.height - lines.count) / 2)
    for (i, line) in lines.enumerated() {
        let x = max(0, (frame.width - displayWidth(line)) / 2)
        frame.put(line, x: x, y: top + i, tone: i == 0 ? .warning : .normal)
    }
}

private func renderTitleBar(_ state: AppState, into frame: inout Frame) {
    frame.fill(row: 0, tone: .title)
    let quarter = state.plan.isInPeriod(state.quarter) ? "\(state.quarter)" : "plan period closed"
    let right = " \(quarter) · \(state.session.user) "
    let rightWidth = min(displayWidth(sanitizedForTerminal(right)), frame.width / 3)
    let marker = (state.isDirty ? " [+] unsaved" : "") + (state.session.isReadOnly ? " [read-only]" : "")
    let room = frame.width - rightWidth - 1 - displayWidth(" dplan │ ") - displayWidth(marker)
    frame.put(" dplan │ " + truncated(sanitizedForTerminal(state.plan.title), toWidth: room) + marker, x: 0, y: 0, tone: .title)
    frame.put(truncated(sanitizedForTerminal(right), toWidth: rightWidth), x: frame.width - rightWidth, y: 0, tone: .title)
}

private func renderBottom(_ state: AppState, into frame: inout Frame) {
    let messageRow = state.layout.messageRow
    let hintRow = state.layout.hintRow
    switch state.modal {
    case .editor(let purpose, let editor) where editor.isMultiline:
        renderTextArea(editor, prompt: purpose.prompt, box: state.layout.textArea, into: &frame)
        frame.put(hintSpans(Keymap.editorHints(multiline: true)), x: 1, y: hintRow)
        if let message = state.message {
            putMessage(message, row: messageRow, into: &frame)
        }
        return
    case .editor(let purpose, let editor):
        let prompt = "\(purpose.prompt): "
        frame.fill(row: messageRow, tone: .input)
        let promptWidth = frame.put(" " + prompt, x: 0, y: messageRow, tone: .input, maxWidth: frame.width * 3 / 5)
        let visible = editor.visible(width: frame.width - promptWidth - 1)
        frame.put(visible.text, x: promptWidth, y: messageRow, tone: .input)
        frame.cursor = Position(x: promptWidth + visible.cursorX, y: messageRow)
        frame.put(hintSpans(Keymap.editorHints(multiline: false)), x: 1, y: hintRow)
        if let message = state.message, message.isError, messageRow > 0 {
            frame.fill(row: messageRow - 1, tone: .warning)
            frame.put(" " + message.text, x: 0, y: messageRow - 1, tone: .warning)
        }
        return
    case .picker(_, let picker):
        renderPicker(picker, layout: state.layout, into: &frame)
        frame.put(hintSpans(Keymap.picker.filter { picker.ticked != nil || $0.command != .toggle }), x: 1, y: hintRow)
        return
    case .exportForm(let form):
        renderExportForm(form, layout: state.layout, into: &frame)
        frame.put(hintSpans(Keymap.exportForm), x: 1, y: hintRow)
        if let message = state.message {
            putMessage(message, row: messageRow, into: &frame)
        }
        return
    case .confirm(let purpose):
        if case .resolveConflicts(let conflicts, let decided) = purpose {
            renderConflict(conflicts[decided.count], number: decided.count + 1, of: conflicts.count, layout: state.layout, into: &frame)
        }
        frame.fill(row: messageRow, tone: .warning)
        frame.put(" " + purpose.question(in: state.plan), x: 0, y: messageRow, tone: .warning)
        return
    case nil:
        break
    }
    if let message = state.message {
        putMessage(message, row: messageRow, into: &frame)
    } else if let exporting = state.exporting {
        frame.put(" " + sanitizedForTerminal(exporting.label), x: 0, y: messageRow, tone: .dim)
    }
    if case .meetingSummary = state.screen {
        frame.put([Span("any key", .key), Span(" back to the list  ")] + hintSpans(Keymap.global), x: 1, y: hintRow)
        return
    }
    // "? help" first so it is always on screen, then save and quit, then the screen's own keys.
    let own = Keymap.bindings(for: state.screen.mode).filter { binding in !Keymap.global.contains { $0.command == binding.command } }
    let bindings = Keymap.global + own
    frame.put(state.help != nil ? [Span("any key", .key), Span(" closes help  ")] + hintSpans(Keymap.help)
              : hintSpans(bindings), x: 1, y: hintRow)
}

/// The line under the title: what is shown and any active filter (always visible).
func renderContextLine(_ state: AppState, into frame: inout Frame) {
    let filter = state.list.filter
    if filter.isActive {
        frame.put([Span(" Showing \(state.list.shownCount) of \(state.plan.actions.count) · ", .normal),
                   Span("Filter: \(filter.summary(in: state.plan))", .warning),
                   Span("  (F clears)", .dim)], x: 0, y: 1)
    } else {
        frame.put(" All \(state.plan.actions.count) actions · quarter \(state.quarter) · today \(state.today)", x: 0, y: 1, tone: .dim)
    }
}

/// The message row: cleared first, so a message never sits over the end of what a screen drew
/// there (the meeting summary's "… u undoes the last change" once showed after "Saved …").
private func putMessage(_ message: Message, row: Int, into frame: inout Frame) {
    frame.fill(row: row, tone: .normal)
    frame.put(" " + message.text, x: 0, y: row, tone: message.isError ? .warning : .normal)
}
