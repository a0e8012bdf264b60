import TerminalText

/// A text editor for prompts: one line (titles, dates, search, paths) or several (commentary,
/// descriptions), in grapheme clusters and terminal cells.
///
/// The cursor counts `Character`s (grapheme clusters), so 👍🏽, 🇬🇧, é written as e + U+0301 and
/// क्ष each move and delete as one. Text typed a code point at a time (as ncurses delivers it) is
/// re-segmented after every insertion, so a combining mark joins the character before it and the
/// cursor can never point inside or past a cluster. Widths are terminal cells (wide CJK and emoji
/// take two). Pasted text is inserted as text, control and escape characters removed; a one-line
/// editor turns pasted line breaks into spaces.
public struct TextEditor: Equatable, Sendable {
    public private(set) var text: String
    /// Cursor position in characters (grapheme clusters) from the start; always `0...text.count`.
    public private(set) var cursor: Int
    /// Whether Enter-with-Alt (or Ctrl-N) and pastes may add line breaks.
    public let isMultiline: Bool

    public init(_ text: String = "", multiline: Bool = false) {
        self.isMultiline = multiline
        self.text = ""
        self.cursor = 0
        insert(text)
    }

    /// What happened to the edit after a key.
    public enum Outcome: Equatable, Sendable {
        case editing, confirmed, cancelled
        /// Ctrl-G: hand the text to `$VISUAL`/`$EDITOR`.
        case external
    }

    /// Applies a key. `width` is the number of cells a line of the editor has on screen, for
    /// moving up and down through wrapped lines.
    public mutating func handle(_ key: Key, width: Int = 80) -> Outcome {
        if case .paste(let pasted) = key {
            insert(pasted)
            return .editing
        }
        if let command = Keymap.editorCommand(for: key) {
            switch command {
            case .left: cursor = max(0, cursor - 1)
            case .right: cursor = min(text.count, cursor + 1)
            case .wordLeft: cursor = wordStart(before: cursor)
            case .wordRight: cursor = wordEnd(after: cursor)
            case .home: cursor = isMultiline ? lineRange(containing: cursor).lowerBound : 0
            case .end: cursor = isMultiline ? lineRange(containing: cursor).upperBound : text.count
            case .up: moveVertically(by: -1, width: width)
            case .down: moveVertically(by: 1, width: width)
            case .backspace:
                if cursor > 0 { remove(cursor - 1..<cursor) }
            case .delete:
                if cursor < text.count { remove(cursor..<cursor + 1) }
            case .deleteWord:
                remove(wordStart(before: cursor)..<cursor)
            case .clear:
                text = ""
                cursor = 0
            case .newline:
                if isMultiline { insert("\n") }
            case .external: if isMultiline { return .external }
            case .confirm: return .confirmed
            case .cancel: return .cancelled
            }
            return .editing
        }
        if case .character(let c) = key { insert(String(c)) }
        return .editing
    }

    /// Replaces the whole text (from an external editor), cursor at the end.
    public mutating func replace(with newText: String) {
        text = ""
        cursor = 0
        insert(newText)
    }

    // MARK: Editing

    /// Inserts text at the cursor, made safe: no control or escape characters; line breaks kept
    /// only in a multi-line editor.
    mutating func insert(_ raw: String) {
        let lines = raw.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map { sanitizedForTerminal(String($0)) }
        let clean = lines.joined(separator: isMultiline ? "\n" : " ")
        guard !clean.isEmpty else { return }
        let suffix = text.dropFirst(cursor)
        let combined = String(text.prefix(cursor)) + clean + suffix
        // Counted after joining: a combining mark typed alone becomes part of the character before it.
        cursor = max(0, min(combined.count, combined.count - suffix.count))
        text = combined
    }

    private mutating func remove(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        let start = text.index(text.startIndex, offsetBy: range.lowerBound)
        let end = text.index(start, offsetBy: range.count)
        text.removeSubrange(start..<end)
        cursor = min(range.lowerBound, text.count)
    }

    private func wordStart(before position: Int) -> Int {
        let characters = Array(text.prefix(position))
        var index = characters.count
        while index > 0, characters[index - 1].isWhitespace { index -= 1 }
        while index > 0, !characters[index - 1].isWhitespace { index -= 1 }
        return index
    }

    private func wordEnd(after position: Int) -> Int {
        let characters = Array(text)
        var index = position
        while index < characters.count, characters[index].isWhitespace { index += 1 }
        while index < characters.count, !characters[index].isWhitespace { index += 1 }
        return index
    }

    /// The characters of the logical line (between line breaks) holding `position`.
    private func lineRange(containing position: Int) -> Range<Int> {
        let characters = Array(text)
        var start = min(position, characters.count)
        while start > 0, characters[start - 1] != "\n" { start -= 1 }
        var end = min(position, characters.count)
        while end < characters.count, characters[end] != "\n" { end += 1 }
        return start..<end
    }

    private mutating func moveVertically(by delta: Int, width: Int) {
        let lines = wrappedLines(width: width)
        guard let current = lines.lastIndex(where: { $0.lowerBound <= cursor }) else { return }
        let target = current + delta
        guard lines.indices.contains(target) else {
            cursor = delta < 0 ? 0 : text.count
            return
        }
        let characters = Array(text)
        let column = displayWidth(String(characters[lines[current].lowerBound..<cursor]))
        var position = lines[target].lowerBound
        var used = 0
        while position < lines[target].upperBound, used + displayWidth(characters[position]) <= column {
            used += displayWidth(characters[position])
            position += 1
        }
        cursor = position
    }

    // MARK: Layout

    /// The text cut into lines of at most `width` cells: at line breaks, and between words where
    /// a line is too long (anywhere inside a word longer than a line). Each range holds the
    /// characters of one line, without its line break.
    func wrappedLines(width: Int) -> [Range<Int>] {
        let width = max(1, width)
        let characters = Array(text)
        var lines: [Range<Int>] = []
        var start = 0
        var used = 0
        var lastSpace: Int?
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\n" {
                lines.append(start..<index)
                start = index + 1
                used = 0
                lastSpace = nil
                index += 1
                continue
            }
            let cells = displayWidth(character)
            if used + cells > width, index > start {
                let breakAt = lastSpace.map { $0 + 1 } ?? index
                lines.append(start..<breakAt)
                start = breakAt
                used = displayWidth(String(characters[start..<index]))
                lastSpace = nil
                continue
            }
            if character == " " { lastSpace = index }
            used += cells
            index += 1
        }
        lines.append(start..<characters.count)
        return lines
    }

    /// Where the cursor is in `wrappedLines(width:)`: the line and the cell within it.
    func cursorPosition(width: Int) -> (line: Int, x: Int) {
        let lines = wrappedLines(width: width)
        let line = lines.lastIndex { $0.lowerBound <= cursor } ?? 0
        let characters = Array(text)
        let x = displayWidth(String(characters[lines[line].lowerBound..<min(cursor, lines[line].upperBound)]))
        return (line, min(x, max(0, width - 1)))
    }

    /// The part of a one-line text to show in `width` cells so that the cursor stays visible,
    /// and the cursor's cell offset within it.
    public func visible(width: Int) -> (text: String, cursorX: Int) {
        let width = max(1, width)
        let characters = Array(text)
        var start = 0
        while start < cursor, displayWidth(String(characters[start..<cursor])) > width - 1 { start += 1 }
        let shown = truncated(String(characters[start...]), toWidth: width, ellipsis: "")
        return (shown, displayWidth(String(characters[start..<cursor])))
    }
}
