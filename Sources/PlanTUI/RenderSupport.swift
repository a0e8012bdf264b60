import PlanModel
import TerminalText

/// A run of text in one tone, the unit screens are built from.
struct Span: Equatable, Sendable {
    var text: String
    var tone: Tone

    init(_ text: String, _ tone: Tone = .normal) {
        self.text = text
        self.tone = tone
    }
}

extension Frame {
    /// Writes spans left to right from x, clipped at `maxWidth`; returns the cells used.
    @discardableResult
    mutating func put(_ spans: [Span], x: Int, y: Int, maxWidth: Int? = nil) -> Int {
        var used = 0
        let limit = maxWidth ?? (width - x)
        for span in spans where used < limit {
            used += put(span.text, x: x + used, y: y, tone: span.tone, maxWidth: limit - used)
        }
        return used
    }
}

extension Status {
    var tone: Tone {
        switch self {
        case .notStarted: .notStarted
        case .red: .red
        case .amber: .amber
        case .green: .green
        case .complete: .complete
        }
    }
}

/// " A " — the status letter in its coloured cell.
func statusBadge(_ status: Status) -> Span { Span(" \(status.letter) ", status.tone) }

/// "R1 A2 G3 C0 N0" as spans, each count in its status tone.
func countSpans(_ counts: [Status: Int]) -> [Span] {
    Status.boardOrder.flatMap { status in [Span("\(status.letter)\(counts[status, default: 0])", status.tone), Span(" ")] }
}

/// A bar `width` cells wide split by status counts, each cell showing its status letter so the
/// bar reads without colour. Every non-zero status gets at least one cell.
func statusBar(_ counts: [Status: Int], width: Int) -> [Span] {
    let total = counts.values.reduce(0, +)
    guard total > 0, width > 0 else { return [Span(String(repeating: "·", count: max(0, width)), .dim)] }
    var cells = Status.boardOrder.map { status -> (Status, Int) in
        let n = counts[status, default: 0]
        return (status, n == 0 ? 0 : max(1, Int((Double(n) / Double(total) * Double(width)).rounded())))
    }
    // Trim or pad the largest segment so the bar is exactly `width`.
    while cells.map(\.1).reduce(0, +) != width {
        let over = cells.map(\.1).reduce(0, +) > width
        guard let largest = cells.indices.max(by: { cells[$0].1 < cells[$1].1 }) else { break }
        cells[largest].1 += over ? -1 : 1
    }
    return cells.filter { $0.1 > 0 }.map { Span(String(repeating: $0.0.letter, count: $0.1), $0.0.tone) }
}


/// Key hints for the status bar: "? help  s save  q quit".
func hintSpans<C>(_ bindings: [Binding<C>]) -> [Span] {
    bindings.compactMap { binding -> [Span]? in
        guard let hint = binding.hint, let key = binding.keys.first else { return nil }
        return [Span(binding.hintKeys ?? key.description, .key), Span(" \(hint)  ")]
    }.flatMap { $0 }
}
