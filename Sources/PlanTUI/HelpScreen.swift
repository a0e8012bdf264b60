import TerminalText

/// The help overlay, generated from the keymap tables so it always matches the keys.
func renderHelp(_ help: Help, layout: Layout, into frame: inout Frame) {
    let lines = helpLines()
    let top = layout.helpTop
    let height = layout.helpHeight
    let first = min(help.scroll, max(0, lines.count - height))
    for y in top..<(top + height) { frame.fill(row: y, tone: .normal) }
    for (offset, line) in lines[first..<min(lines.count, first + height)].enumerated() {
        frame.put(line, x: 1, y: top + offset, maxWidth: frame.width - 2)
    }
}

/// Every key of every screen, editor and list, as lines of spans.
func helpLines() -> [[Span]] {
    var lines: [[Span]] = [[Span("dplan keys", .header), Span("  (statuses also show as letters: N not started, R red, A amber, G green, C complete)", .dim)]]
    func section<C>(_ title: String, _ bindings: [Binding<C>]) {
        lines.append([])
        lines.append([Span(title, .header)])
        for binding in bindings {
            let keys = binding.keys.map(\.description).joined(separator: " ")
            lines.append([Span("  " + fitted(keys, toWidth: 18), .key), Span(binding.help)])
        }
    }
    for mode in Mode.allCases {
        section(mode.title, Keymap.bindings(for: mode).filter { binding in !Keymap.global.contains { $0.command == binding.command } })
    }
    section("Everywhere", Keymap.global)
    section("Line editor (commentary, titles, dates, search)", Keymap.editor)
    section("Lists (owners, groups, filters)", Keymap.picker)
    return lines
}
