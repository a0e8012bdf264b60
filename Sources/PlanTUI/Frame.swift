import TerminalText

/// What a cell means, not how it looks: the backend maps tones to colours and attributes (or to
/// attributes only when colour is off), and snapshot tests record tones as letters.
public enum Tone: Character, Sendable, CaseIterable {
    case normal = "."
    case title = "T"
    case header = "H"
    case selected = "S"
    case dim = "d"
    case key = "K"
    case warning = "W"
    case notStarted = "N"
    case red = "R"
    case amber = "A"
    case green = "G"
    case complete = "C"
    case input = "I"
}

/// One terminal cell. A wide character fills its cell and marks the next one as a continuation.
public struct Cell: Equatable, Sendable {
    public var character: Character
    public var tone: Tone
    /// The right half of a two-cell character: drawn by the cell to its left.
    public var isContinuation: Bool

    public static let blank = Cell(character: " ", tone: .normal, isContinuation: false)
}

/// A rendered screen: a grid of cells produced by a pure render function.
public struct Frame: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var rows: [[Cell]]
    /// Where the text cursor should be shown (line editors), if anywhere.
    public var cursor: Position?
    /// Where the selection drawn last begins (the start of the last row written in the selected
    /// tone): the terminal's cursor goes there when no editor holds it, so screen readers and
    /// braille displays, which follow the cursor, follow the selection.
    public private(set) var selection: Position?

    /// Where the terminal's cursor belongs: the editor's cursor, else the selection.
    public var cursorOrSelection: Position? { cursor ?? selection }

    private mutating func markSelection(x: Int, y: Int) {
        if selection?.y != y { selection = Position(x: max(0, min(x, width - 1)), y: y) }
    }

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        rows = Array(repeating: Array(repeating: .blank, count: self.width), count: self.height)
    }

    /// Writes text at (x, y), clipped to `maxWidth` cells (and the frame), returning the number
    /// of cells used. The text is sanitised; wide characters never straddle the clip edge; text
    /// that is cut ends in "…" so a reader knows there is more.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, tone: Tone = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(maxWidth ?? width, width - max(0, x))
        guard limit > 0 else { return 0 }
        if tone == .selected { markSelection(x: x, y: y) }
        let clean = sanitizedForTerminal(text)
        var column = x
        var lastStart = x  // where the last character written starts, to make room for the ellipsis
        for index in clean.indices {
            let character = clean[index]
            let w = displayWidth(character)
            guard w > 0 else { continue }
            if column + w > x + limit {
                // Cut: unless only spaces are left, end with an ellipsis in the last cell.
                if clean[index...].contains(where: { $0 != " " }) {
                    if column > x + limit - 1 { column = lastStart }
                    for (offset, cell) in rows[y][max(0, column)..<min(width, x + limit)].enumerated() where cell.isContinuation {
                        rows[y][max(0, column) + offset] = Cell(character: " ", tone: tone, isContinuation: false)
                    }
                    if column >= 0 { rows[y][column] = Cell(character: "…", tone: tone, isContinuation: false) }
                    column += 1
                }
                break
            }
            if column >= 0 {
                rows[y][column] = Cell(character: character, tone: tone, isContinuation: false)
                if w == 2 { rows[y][column + 1] = Cell(character: " ", tone: tone, isContinuation: true) }
            }
            lastStart = column
            column += w
        }
        return column - x
    }

    /// Fills a row with spaces of one tone.
    public mutating func fill(row y: Int, tone: Tone) {
        guard y >= 0, y < height else { return }
        if tone == .selected { markSelection(x: 0, y: y) }
        rows[y] = Array(repeating: Cell(character: " ", tone: tone, isContinuation: false), count: width)
    }

    /// The text of one row, wide characters once each.
    public func text(row y: Int) -> String {
        String(rows[y].filter { !$0.isContinuation }.map(\.character))
    }

    /// The screen as plain text, trailing spaces trimmed: what a snapshot test compares.
    public var plainText: String {
        (0..<height).map { y in
            var line = text(row: y)
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// The tone of every cell as a letter (see `Tone`), one line per row, trailing normals trimmed.
    public var toneText: String {
        rows.map { row in
            var line = String(row.map(\.tone.rawValue))
            while line.last == "." { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}

/// A cell position on the screen.
public struct Position: Equatable, Sendable {
    public var x: Int
    public var y: Int
}
