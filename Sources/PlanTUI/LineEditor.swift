import TerminalText

/// A one-line text editor: cursor movement, home/end, backspace, delete, Ctrl-U, any UTF-8 text.
public struct LineEditor: Equatable, Sendable {
    public var text: String
    /// Cursor position in characters (grapheme clusters) from the start.
    public var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        self.cursor = text.count
    }

    /// What happened to the edit after a key.
    public enum Outcome: Equatable, Sendable {
        case editing, confirmed, cancelled
    }

    public mutating func handle(_ key: Key) -> Outcome {
        if let command = Keymap.editorCommand(for: key) {
            switch command {
            case .left: cursor = max(0, cursor - 1)
            case .right: cursor = min(text.count, cursor + 1)
            case .home: cursor = 0
            case .end: cursor = text.count
            case .backspace:
                if cursor > 0 {
                    text.remove(at: text.index(text.startIndex, offsetBy: cursor - 1))
                    cursor -= 1
                }
            case .delete:
                if cursor < text.count { text.remove(at: text.index(text.startIndex, offsetBy: cursor)) }
            case .clear:
                text = ""
                cursor = 0
            case .confirm: return .confirmed
            case .cancel: return .cancelled
            }
            return .editing
        }
        if case .character(let c) = key, !c.isNewline {
            text.insert(c, at: text.index(text.startIndex, offsetBy: cursor))
            cursor += 1
        }
        return .editing
    }

    /// The part of the text to show in `width` cells so that the cursor stays visible, and the
    /// cursor's cell offset within it.
    public func visible(width: Int) -> (text: String, cursorX: Int) {
        let clean = Array(text)
        let beforeCursor = String(clean[..<cursor])
        var start = 0
        while displayWidth(String(clean[start..<cursor])) > width - 1 { start += 1 }
        let shown = truncated(String(clean[start...]), toWidth: width, ellipsis: "")
        return (shown, displayWidth(beforeCursor) - displayWidth(String(clean[..<start])))
    }
}

/// A list to choose one or several items from (owners, groups, filter values).
public struct Picker: Equatable, Sendable {
    public struct Option: Equatable, Sendable {
        public var id: String
        public var label: String
    }

    public var title: String
    public var options: [Option]
    public var highlighted: Int
    /// Ticked ids when several may be chosen; nil for a single choice.
    public var ticked: Set<String>?

    public init(title: String, options: [Option], selected: String? = nil, ticked: Set<String>? = nil) {
        self.title = title
        self.options = options
        self.highlighted = selected.flatMap { id in options.firstIndex { $0.id == id } } ?? 0
        self.ticked = ticked
    }

    public enum Outcome: Equatable, Sendable {
        case picking, chosen, cancelled
    }

    public mutating func handle(_ key: Key) -> Outcome {
        guard let command = Keymap.pickerCommand(for: key) else { return .picking }
        switch command {
        case .up: highlighted = max(0, highlighted - 1)
        case .down: highlighted = min(options.count - 1, highlighted + 1)
        case .top: highlighted = 0
        case .bottom: highlighted = max(0, options.count - 1)
        case .toggle:
            if ticked != nil, options.indices.contains(highlighted) {
                let id = options[highlighted].id
                if ticked!.contains(id) { ticked!.remove(id) } else { ticked!.insert(id) }
            }
        case .confirm: return options.isEmpty ? .cancelled : .chosen
        case .cancel: return .cancelled
        }
        return .picking
    }

    /// The highlighted option's id.
    public var chosenID: String? { options.indices.contains(highlighted) ? options[highlighted].id : nil }
}
