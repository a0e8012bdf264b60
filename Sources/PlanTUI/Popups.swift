import Foundation
import PlanApp
import PlanModel
import PlanStore
import TerminalText

extension Frame {
    /// Clears a box and draws its border, with a title in the top edge.
    mutating func drawBox(_ box: Box, title: String, tone: Tone = .input) {
        guard box.width >= 2, box.height >= 2 else { return }
        let inner = String(repeating: " ", count: box.innerWidth)
        put("┌" + String(repeating: "─", count: box.innerWidth) + "┐", x: box.x, y: box.y, tone: .header)
        for row in 1..<(box.height - 1) {
            put("│", x: box.x, y: box.y + row, tone: .header)
            put(inner, x: box.x + 1, y: box.y + row, tone: tone)
            put("│", x: box.x + box.width - 1, y: box.y + row, tone: .header)
        }
        put("└" + String(repeating: "─", count: box.innerWidth) + "┘", x: box.x, y: box.y + box.height - 1, tone: .header)
        put(" " + truncated(sanitizedForTerminal(title), toWidth: max(0, box.innerWidth - 2)) + " ", x: box.x + 1, y: box.y, tone: .header)
    }
}

/// The multi-line editor: the wrapped text in a box, scrolled to keep the cursor in view.
func renderTextArea(_ editor: TextEditor, prompt: String, box: Box, into frame: inout Frame) {
    frame.drawBox(box, title: prompt)
    let lines = editor.wrappedLines(width: box.innerWidth)
    let (cursorLine, cursorX) = editor.cursorPosition(width: box.innerWidth)
    let first = max(0, min(cursorLine - box.innerHeight + 1, lines.count - box.innerHeight))
    let characters = Array(editor.text)
    for (offset, range) in lines.enumerated().dropFirst(first).prefix(box.innerHeight) {
        frame.put(String(characters[range]), x: box.x + 1, y: box.y + 1 + offset - first, tone: .input,
                  maxWidth: box.innerWidth)
    }
    if first > 0 { frame.put("↑ more", x: box.x + box.width - 8, y: box.y, tone: .dim) }
    if first + box.innerHeight < lines.count { frame.put("↓ more", x: box.x + box.width - 8, y: box.y + box.height - 1, tone: .dim) }
    frame.cursor = Position(x: box.x + 1 + cursorX, y: box.y + 1 + cursorLine - first)
}

/// A picker: its options in a box in the middle of the screen.
func renderPicker(_ picker: Picker, layout: Layout, into frame: inout Frame) {
    let widest = picker.options.map { displayWidth(sanitizedForTerminal($0.label)) }.max() ?? 0
    let width = min(layout.width - 2, max(40, max(widest + 10, displayWidth(picker.title) + 4)))
    let visibleCount = max(1, min(picker.options.count, layout.height - 8))
    let box = Box(x: (layout.width - width) / 2, y: max(1, (layout.messageRow - visibleCount - 2) / 2), width: width, height: visibleCount + 3)
    frame.drawBox(box, title: picker.title)
    let first = min(max(0, picker.highlighted - visibleCount + 1), max(0, picker.options.count - visibleCount))
    for row in 0..<min(visibleCount, picker.options.count) {
        let index = first + row
        let option = picker.options[index]
        let tick = picker.ticked.map { $0.contains(option.id) ? "[x] " : "[ ] " } ?? ""
        let tone: Tone = index == picker.highlighted ? .selected : .input
        frame.put(String(repeating: " ", count: box.innerWidth), x: box.x + 1, y: box.y + 1 + row, tone: tone)
        frame.put(" " + tick + truncated(sanitizedForTerminal(option.label), toWidth: box.innerWidth - 1 - displayWidth(tick)),
                  x: box.x + 1, y: box.y + 1 + row, tone: tone, maxWidth: box.innerWidth)
    }
    let more = picker.options.count > visibleCount ? " \(picker.highlighted + 1) of \(picker.options.count)" : ""
    if picker.options.isEmpty { frame.put(" (nothing to choose)", x: box.x + 1, y: box.y + 1, tone: .dim) }
    frame.put(more, x: box.x + 1, y: box.y + box.height - 2, tone: .dim, maxWidth: box.innerWidth)
}

/// A question about a conflict: the field in words and both values whole, wrapped.
func renderConflict(_ conflict: MergeConflict, number: Int, of total: Int, layout: Layout, into frame: inout Frame) {
    let width = max(20, min(layout.width - 2, 100))
    let inner = width - 2
    func said(_ value: String?, by: String?) -> String { conflictValueText(value) + (by.map { "  — \($0)" } ?? "") }
    let mine = wrapped(sanitizedForTerminal(said(conflict.ours, by: conflict.oursBy)), toWidth: inner - 9)
    let theirs = wrapped(sanitizedForTerminal(said(conflict.theirs, by: conflict.theirsBy)), toWidth: inner - 9)
    var lines: [[Span]] = []
    for (i, part) in mine.enumerated() { lines.append([Span(i == 0 ? " Yours:  " : "         ", .key), Span(part)]) }
    lines.append([])
    for (i, part) in theirs.enumerated() { lines.append([Span(i == 0 ? " Theirs: " : "         ", .key), Span(part)]) }
    let room = max(1, layout.messageRow - 3)
    if lines.count > room { lines = Array(lines.prefix(room - 1)) + [[Span(" … (shortened to fit the screen)", .dim)]] }
    let box = Box(x: (layout.width - width) / 2, y: max(1, (layout.messageRow - lines.count - 2) / 2), width: width, height: lines.count + 2)
    frame.drawBox(box, title: "\(number)/\(total) changed here and on disk: \(conflictFieldWords(conflict.path))")
    for (offset, line) in lines.enumerated() { frame.put(line, x: box.x + 1, y: box.y + 1 + offset, maxWidth: box.innerWidth) }
}

/// A save conflict's field in words, as the merge describes recorded conflicts ("action SEC-07:
/// review for 2026/27 Q3, commentary").
func conflictFieldWords(_ path: String) -> String {
    MergeConflict(path: path, base: nil, ours: nil, theirs: nil).label
}

/// A conflict value as people read it: JSON text unquoted, a whole review as its status and
/// words, "(none)" when absent.
func conflictValueText(_ json: String?) -> String {
    guard let json, !json.isEmpty else { return "(none)" }
    guard let value = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]) else { return json }
    switch value {
    case let text as String: return text.isEmpty ? "(empty)" : text
    case is NSNull: return "(none)"
    case let review as [String: Any] where review["quarter"] is String && review["status"] is String: return reviewInWords(json)
    default: return json
    }
}
