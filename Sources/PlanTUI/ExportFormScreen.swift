import TerminalText

/// The export dialog: a box of fields and values, the highlighted one in reverse, with the file
/// it will write and the Export line last.
func renderExportForm(_ form: ExportForm, layout: Layout, into frame: inout Frame) {
    let fields = form.fields
    let labelWidth = (fields.map { displayWidth($0.label) }.max() ?? 0) + 2
    let width = min(layout.width - 2, max(60, labelWidth + displayWidth(form.path) + 6))
    let box = Box(x: (layout.width - width) / 2, y: max(1, (layout.messageRow - fields.count - 2) / 2),
                  width: width, height: fields.count + 2)
    frame.drawBox(box, title: "Export a report of \(form.planID)")
    for (row, field) in fields.enumerated() {
        let tone: Tone = field == form.selection ? .selected : .input
        let y = box.y + 1 + row
        frame.put(String(repeating: " ", count: box.innerWidth), x: box.x + 1, y: y, tone: tone)
        let label = field == .export ? "" : fitted(field.label, toWidth: labelWidth)
        let mark = field.isText ? "✎ " : field == .export ? "" : "◂▸ "
        frame.put(" " + label + mark + truncated(sanitizedForTerminal(form.value(of: field)), toWidth: max(0, box.innerWidth - labelWidth - 5)),
                  x: box.x + 1, y: y, tone: tone, maxWidth: box.innerWidth)
    }
}
