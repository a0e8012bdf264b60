import PlanApp
import PlanModel
import PlanStore
import PlanReports
import TerminalText

/// The portfolio screen: a community safety team's or a Violence Reduction Unit's plans, one
/// line each (status counts, overdue, no update this quarter, who owes updates, conflicts).
/// Enter opens a plan; quitting it comes back here.
public struct PortfolioState: Sendable {
    public internal(set) var entries: [PortfolioEntry]
    /// The file of each entry.
    public internal(set) var paths: [String]
    public internal(set) var selection = 0
    public internal(set) var layout: Layout
    public internal(set) var message: Message?

    public init(entries: [PortfolioEntry], paths: [String], size: (width: Int, height: Int)) {
        self.entries = entries
        self.paths = paths
        layout = Layout(width: size.width, height: size.height)
    }

    /// What the portfolio asks the run loop to do.
    public enum Effect: Equatable, Sendable {
        case open(path: String)
        case quit
    }

    /// What the world tells the portfolio.
    public enum Event: Sendable {
        case key(Key)
        case resized(width: Int, height: Int)
        /// The plans were read again (after one was edited).
        case reloaded([PortfolioEntry], paths: [String])
        /// A plan could not be opened, and why.
        case openFailed(DplanError)
    }

    public mutating func update(_ event: Event) -> Effect? {
        switch event {
        case .resized(let width, let height):
            layout = Layout(width: width, height: height)
        case .reloaded(let entries, let paths):
            let keep = self.paths.indices.contains(selection) ? self.paths[selection] : nil
            self.entries = entries
            self.paths = paths
            selection = keep.flatMap { paths.firstIndex(of: $0) } ?? min(selection, max(0, entries.count - 1))
        case .openFailed(let error):
            // The first two lines say what is wrong; the rest (every problem) is for the command line.
            message = Message(text: sanitizedForTerminal(error.message.split(separator: "\n").prefix(2).joined(separator: " ")), isError: true)
        case .key(let key):
            message = nil
            switch Keymap.portfolio.first(where: { $0.keys.contains(key) })?.command {
            case .moveUp?: selection = max(0, selection - 1)
            case .moveDown?: selection = min(max(0, entries.count - 1), selection + 1)
            case .open?: if paths.indices.contains(selection) { return .open(path: paths[selection]) }
            case .quit?: return .quit
            default:
                if case .character(let c) = key { message = Message(text: "\(c) does nothing here; Enter opens a plan, q quits", isError: true) }
            }
        }
        return nil
    }
}

extension Keymap {
    /// The portfolio screen's keys.
    static let portfolio: [Binding<Command>] = [
        Binding([.enter, .character("l"), .right], .open, "open the plan (quitting it comes back here)", hint: "open"),
        Binding([.character("k"), .up], .moveUp, "previous plan"),
        Binding([.character("j"), .down], .moveDown, "next plan"),
        Binding([.character("q"), .control("c")], .quit, "quit", hint: "quit"),
    ]
}

/// Draws the portfolio: one line per plan, the cursor's highlighted.
public func renderPortfolio(_ state: PortfolioState) -> Frame {
    var frame = Frame(width: state.layout.width, height: state.layout.height)
    guard !state.layout.isTooSmall else {
        frame.put("Terminal too small: need \(Layout.minimum.width)×\(Layout.minimum.height)", x: 0, y: 0, tone: .warning)
        return frame
    }
    frame.fill(row: 0, tone: .title)
    frame.put(" dplan │ portfolio of \(state.entries.count) plans", x: 0, y: 0, tone: .title)
    let counts = Status.boardOrder.count * 3 + 2
    let numbers = 9 + 10 + 10
    let widest = state.entries.map { displayWidth(sanitizedForTerminal($0.label)) }.max() ?? 4
    let planWidth = max(12, min(widest, 48, frame.width - counts - numbers - 14 - 20))
    let owesWidth = max(10, frame.width - 2 - planWidth - 1 - 12 - counts - numbers)
    var header = " " + fitted("Plan", toWidth: planWidth) + " " + fitted("Quarter", toWidth: 12)
    header += Status.boardOrder.map { fitted(String($0.letter), toWidth: 2, alignRight: true) + " " }.joined() + "  "
    header += fitted("Overdue", toWidth: 9) + fitted("No update", toWidth: 10) + fitted("Conflicts", toWidth: 10) + "Owes updates"
    frame.fill(row: 2, tone: .header)
    frame.put(header, x: 0, y: 2, tone: .header)
    for (offset, entry) in state.entries.enumerated() where 3 + offset * 2 < state.layout.messageRow - 1 {
        let y = 3 + offset * 2
        let selected = offset == state.selection
        let tone: Tone = selected ? .selected : .normal
        if selected { frame.fill(row: y, tone: .selected); frame.fill(row: y + 1, tone: .selected) }
        var x = frame.put(" " + fitted(sanitizedForTerminal(entry.label), toWidth: planWidth) + " ", x: 0, y: y, tone: tone)
        x += frame.put(fitted(entry.quarter.description, toWidth: 12), x: x, y: y, tone: tone)
        for status in Status.boardOrder {
            x += frame.put([Span(fitted(String(entry.byStatus[status, default: 0]), toWidth: 2, alignRight: true), status.tone), Span(" ", tone)],
                           x: x, y: y)
        }
        x += frame.put("  ", x: x, y: y, tone: tone)
        x += frame.put(fitted(String(entry.overdue), toWidth: 9), x: x, y: y, tone: entry.overdue > 0 && !selected ? .warning : tone)
        x += frame.put(fitted(String(entry.stale), toWidth: 10), x: x, y: y, tone: entry.stale > 0 && !selected ? .warning : tone)
        x += frame.put(fitted(entry.conflicts == 0 ? "-" : String(entry.conflicts), toWidth: 10), x: x, y: y,
                       tone: entry.conflicts > 0 && !selected ? .warning : tone)
        let owes = entry.owesUpdates.map { "\($0.owner) (\($0.actions))" }.joined(separator: ", ")
        frame.put(owes.isEmpty ? "nobody" : owes, x: x, y: y, tone: tone, maxWidth: owesWidth)
        frame.put("   " + sanitizedForTerminal(entry.title) + " · " + sanitizedForTerminal(entry.partnership), x: 0, y: y + 1,
                  tone: selected ? .selected : .dim)
    }
    if let message = state.message {
        frame.put(" " + message.text, x: 0, y: state.layout.messageRow, tone: message.isError ? .warning : .normal)
    }
    frame.put(hintSpans(Keymap.portfolio), x: 1, y: state.layout.hintRow)
    return frame
}
