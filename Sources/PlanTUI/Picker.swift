import TerminalText

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
