import TerminalText

/// The export dialog: a box of fields and values, the highlighted one in reverse, with the file
/// it will write and the Export line last.
func renderExportForm(_ form: ExportForm, layout: Layout, into frame: inout Frame) {
    let fields = form.fields
    let labelWidth = (fields.map { displayWidth($0.label) }.max() ?? 0) + 2
    // Wide enough for the longest value (the file's path, or an option's words), as the screen allows.
    let widest = fields.map { displayWidth(sanitizedForTerminal(form.value(of: $0))) }.max() ?? 0
    let width = min(layout.width - 2, max(60, labelWidth + widest + 7))
    let box = Box(x: (layout.width - width) / 2, y: max(1, (layout.messageRow - fields.count - 2) / 2),
                  width: width, height: fields.count + 2)
    frame.drawBox(box, title: "Export a report of \(form.planID)")
    for (row, field) in fields.enumerated() {
        let tone: Tone = field == form.selection ? .selected : .input
        let y = box.y + 1 + row
        frame.put(String(repeating: " ", count: box.innerWidth), x: box.x + 1, y: y, tone: tone)
        let label = field == .export ? "" : fitted(field.label, toWidth: labelWidth)
        let mark = field.isText ? "✎ " : field == .export ? "" : "◂▸ "
        let room = max(0, box.innerWidth - 1 - labelWidth - displayWidth(mark))
        let value = sanitizedForTerminal(form.value(of: field))
        // A long file path keeps its end (the file's name) in view.
        let shown = field == .file ? keepingEnd(value, toWidth: room) : truncated(value, toWidth: room)
        frame.put(" " + label + mark + shown, x: box.x + 1, y: y, tone: tone, maxWidth: box.innerWidth)
    }
}

/// `text` cut to `width` cells from the left ("…-2026-27-Q2.pdf").
private func keepingEnd(_ text: String, toWidth width: Int) -> String {
    guard displayWidth(text) > width, width > 0 else { return text }
    var kept = ""
    for character in text.reversed() {
        if displayWidth(kept) + displayWidth(character) + 1 > width { break }
        kept.insert(character, at: kept.startIndex)
    }
    return "…" + kept
}
