import PlanModel
import TerminalText

/// Draws the start screen: headed sections of lines, the chosen one highlighted, and whatever
/// question or list is open over them. Pure.
public func renderStart(_ state: StartState) -> Frame {
    var frame = Frame(width: state.layout.width, height: state.layout.height)
    guard !state.layout.isTooSmall else {
        frame.put("Terminal too small: need \(Layout.minimum.width)×\(Layout.minimum.height)", x: 0, y: 0, tone: .warning)
        return frame
    }
    frame.fill(row: 0, tone: .title)
    frame.put(" dplan │ start", x: 0, y: 0, tone: .title)
    frame.put(" Serious Violence Duty delivery plans · this folder: " + sanitizedForTerminal(state.listing.folder), x: 0, y: 1, tone: .dim,
              maxWidth: frame.width - 1)
    let lines = startLines(state)
    let room = state.layout.messageRow - 3
    let selectedLine = lines.firstIndex { $0.row == state.selection } ?? 0
    let first = max(0, min(selectedLine - room + 2, lines.count - room))
    for (offset, line) in lines.dropFirst(first).prefix(room).enumerated() {
        let y = 3 + offset
        let selected = line.row == state.selection && line.row != nil
        if selected {
            frame.fill(row: y, tone: .selected)
            frame.cursor = Position(x: 1, y: y)
        }
        frame.put(line.text, x: 0, y: y, tone: selected ? .selected : line.row == nil ? .header : .normal, maxWidth: frame.width)
    }
    if let help = state.help {
        renderStartHelp(help, layout: state.layout, into: &frame)
        frame.put([Span("any key", .key), Span(" closes help")], x: 1, y: state.layout.hintRow)
        return frame
    }
    renderStartFlow(state, into: &frame)
    return frame
}

/// The screen's lines: section headings (no row) and choosable lines (their index in `rows`).
private func startLines(_ state: StartState) -> [(text: String, row: Int?)] {
    var lines: [(text: String, row: Int?)] = []
    for (index, row) in state.rows.enumerated() {
        let heading: String? = switch row {
        case .plan where index == 0: "Plans in this folder"
        case .recent where index == 0 || !isRecent(state.rows[index - 1]): "Recently opened"
        case .newPlan: "Begin"
        default: nil
        }
        if let heading {
            if !lines.isEmpty { lines.append(("", nil)) }
            lines.append((" " + heading, nil))
        }
        let text: String = switch row {
        case .plan(let entry): fileName(entry.path) + "  " + entry.label
        case .portfolio: "All \(state.listing.plans.count) plans as a portfolio (p)"
        case .recent(let entry): entry.label + "  " + entry.path
        case .newPlan: "New plan: a short guided set-up (n)"
        case .importTracker: "Import a tracker: an Excel or CSV delivery plan becomes a new plan (i)"
        case .sample: "Open a sample plan (o)"
        }
        lines.append(("   " + sanitizedForTerminal(text), index))
    }
    if state.listing.plans.isEmpty {
        let none: [(text: String, row: Int?)] = [(" Plans in this folder", nil), ("   (none)", nil), ("", nil)]
        lines.insert(contentsOf: none, at: 0)
    }
    return lines
}

private func isRecent(_ row: StartRow) -> Bool { if case .recent = row { true } else { false } }

private func fileName(_ path: String) -> String { String(path.split(separator: "/").last ?? Substring(path)) }

/// The help overlay: the start screen's keys, then the editor's and lists'.
private func renderStartHelp(_ help: Help, layout: Layout, into frame: inout Frame) {
    var lines: [[Span]] = [[Span("Start screen keys", .header)]]
    for binding in Keymap.start {
        lines.append([Span("  " + fitted(binding.keys.map(\.description).joined(separator: " "), toWidth: 18), .key), Span(binding.help)])
    }
    lines += [[], [Span("In a question: Enter confirms, Esc cancels; in a list: ↑/↓ and Enter", .dim)]]
    for y in layout.helpTop..<(layout.helpTop + layout.helpHeight) { frame.fill(row: y, tone: .normal) }
    for (offset, line) in lines.prefix(layout.helpHeight).enumerated() {
        frame.put(line, x: 1, y: layout.helpTop + offset, maxWidth: frame.width - 2)
    }
}

/// The open question, list or mapping, the message and the hint row.
private func renderStartFlow(_ state: StartState, into frame: inout Frame) {
    let messageRow = state.layout.messageRow
    let hintRow = state.layout.hintRow
    func prompt(_ text: String, _ editor: TextEditor) {
        frame.fill(row: messageRow, tone: .input)
        let promptWidth = frame.put(" " + text + ": ", x: 0, y: messageRow, tone: .input, maxWidth: frame.width * 3 / 5)
        let visible = editor.visible(width: frame.width - promptWidth - 1)
        frame.put(visible.text, x: promptWidth, y: messageRow, tone: .input)
        frame.cursor = Position(x: promptWidth + visible.cursorX, y: messageRow)
        frame.put(hintSpans(Keymap.editorHints(multiline: false)), x: 1, y: hintRow)
    }
    switch state.flow {
    case .newPlan(let step, _, let editor)?: prompt(step.prompt, editor)
    case .trackerPath(let editor)?: prompt("Tracker file (.xlsx or .csv)", editor)
    case .importPlan(let step, _, let editor)?: prompt(step.prompt, editor)
    case .pickTracker(let picker)?, .pickSample(let picker)?:
        renderPicker(picker, layout: state.layout, into: &frame)
        frame.put(hintSpans(Keymap.picker.filter { $0.command != .toggle }), x: 1, y: hintRow)
    case .preview(let answers)?:
        renderMapping(answers, layout: state.layout, into: &frame)
        frame.put([Span("Enter", .key), Span(" go on  "), Span("Esc", .key), Span(" cancel")], x: 1, y: hintRow)
    case nil:
        frame.put(hintSpans(Keymap.start), x: 1, y: hintRow)
    }
    if let message = state.message {
        let y = state.flow == nil ? messageRow : messageRow - 1
        frame.fill(row: y, tone: message.isError ? .warning : .normal)
        frame.put(" " + message.text, x: 0, y: y, tone: message.isError ? .warning : .normal)
    }
}

/// The tracker's column mapping in a box, as `dplan import` prints it.
private func renderMapping(_ answers: ImportAnswers, layout: Layout, into frame: inout Frame) {
    let width = max(20, min(layout.width - 2, 90))
    let room = max(1, layout.messageRow - 4)
    var lines = answers.mapping.map { sanitizedForTerminal($0) }
    if lines.count > room { lines = Array(lines.prefix(room - 1)) + ["… (dplan import --dry-run lists it all)"] }
    let box = Box(x: (layout.width - width) / 2, y: 1, width: width, height: lines.count + 2)
    frame.drawBox(box, title: "Columns of " + fileName(answers.tracker))
    for (offset, line) in lines.enumerated() {
        frame.put(" " + line, x: box.x + 1, y: box.y + 1 + offset, tone: .input, maxWidth: box.innerWidth)
    }
}
