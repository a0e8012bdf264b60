import PlanModel
import TerminalText

/// What each status means in this plan: its letter, name, the plan's own word and definition.
func statusLines(_ plan: Plan) -> [[Span]] {
    var lines: [[Span]] = [[], [Span("Statuses in this plan", .header)]]
    for status in Status.boardOrder {
        let meaning = plan.ragDefinitions[status.rawValue].map { "  " + $0 } ?? ""
        lines.append([Span("  "), statusBadge(status), Span(" " + fitted(sanitizedForTerminal(plan.statusLabel(status)), toWidth: 30)),
                      Span(sanitizedForTerminal(meaning), .dim)])
    }
    return lines
}

/// The help overlay, generated from the keymap tables so it always matches the keys.
func renderHelp(_ help: Help, plan: Plan, layout: Layout, into frame: inout Frame) {
    let lines = helpLines() + statusLines(plan)
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
    for section in Keymap.sections {
        lines.append([])
        lines.append([Span(section.title, .header)])
        for (keys, help) in section.rows { lines.append([Span("  " + fitted(keys.joined(separator: " "), toWidth: 18), .key), Span(help)]) }
    }
    return lines
}

extension Keymap {
    /// Every key table with its title, as the help screen and the README list them.
    static var sections: [(title: String, rows: [(keys: [String], help: String)])] {
        func rows<C>(_ bindings: [Binding<C>]) -> [(keys: [String], help: String)] {
            bindings.map { ($0.keys.map(\.description), $0.help) }
        }
        return Mode.allCases.map { mode in
            (mode.title, rows(bindings(for: mode).filter { binding in !global.contains { $0.command == binding.command } }))
        } + [("Everywhere", rows(global)),
             ("Text editor (commentary, titles, dates, search)", rows(editor)),
             ("Lists (owners, groups, filters)", rows(picker)),
             ("Export dialog", rows(exportForm)),
             ("Portfolio (a folder or several plans)", rows(portfolio)),
             ("This help (any other key closes it)", rows(help))]
            + confirmSections.map { ($0.title, rows($0.bindings)) }
    }

    /// The key table as Markdown, for the README (`dplan keys` prints it; a test checks the README holds it).
    public static var markdownTable: String {
        var lines = ["| key | what it does |", "|---|---|"]
        for section in sections {
            lines.append("| **\(section.title)** | |")
            for (keys, help) in section.rows {
                lines.append("| \(keys.map { "`\($0)`" }.joined(separator: " ")) | \(help) |")
            }
        }
        return lines.joined(separator: "\n")
    }
}
