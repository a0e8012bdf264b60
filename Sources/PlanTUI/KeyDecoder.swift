/// Turns what the terminal sends into keys, whole: escape sequences ncurses did not recognise,
/// Alt-combinations and bracketed pastes. Pure, so every terminal's quirks are unit-tested.
///
/// ncurses decodes the sequences its terminfo entry lists into function keys; anything else
/// arrives as Esc followed by ordinary characters (inside tmux with `TERM=xterm-256color`, End is
/// `ESC[4~`). After an Esc the decoder reads a CSI (`ESC [ params intermediates final`) or SS3
/// (`ESC O x`) sequence to its end, maps the known ones and drops the rest, so a stray `[`, `4` or
/// `~` never runs as a command. A paste (`ESC[200~` … `ESC[201~`) becomes one `.paste` of text.
struct KeyDecoder: Sendable {
    /// One unit of terminal input.
    enum Input: Equatable, Sendable {
        /// A character code (a Unicode scalar value, or a control code below 32).
        case code(UInt32)
        /// A function key ncurses already decoded.
        case key(Key)
        /// Nothing more arrived within the escape delay.
        case timeout
    }

    private enum State: Equatable, Sendable {
        case ground
        /// An Esc was read; what follows decides what it was.
        case escape
        /// Inside `ESC [`: the parameter and intermediate bytes so far.
        case csi(String)
        /// After `ESC O`.
        case ss3
        /// Inside a bracketed paste: the text so far and how much of a closing `ESC[201~` was seen.
        case paste(String, closing: String)
    }

    private var state = State.ground
    /// The longest paste kept (characters); the rest of a larger paste is dropped, not typed.
    static let maximumPaste = 100_000

    /// True when the decoder is in the middle of a sequence and should hear about a timeout soon.
    var isPending: Bool { state != .ground }

    /// Feeds one unit; returns the keys it completes (often none, sometimes one).
    mutating func feed(_ input: Input) -> [Key] {
        switch state {
        case .ground:
            switch input {
            case .code(27): state = .escape; return []
            case .code(let code): return Key.fromCode(code).map { [$0] } ?? []
            case .key(let key): return [key]
            case .timeout: return []
            }
        case .escape:
            switch input {
            case .code(91): state = .csi(""); return []           // [
            case .code(79): state = .ss3; return []                // O
            case .code(27): return [.escape]                       // Esc Esc: the first was Esc
            case .code(let code):
                state = .ground
                return Key.fromCode(code).map { [.alt($0)] } ?? [.escape]
            case .key(let key):
                state = .ground
                return [.alt(key)]
            case .timeout:
                state = .ground
                return [.escape]
            }
        case .csi(let sequence):
            guard case .code(let code) = input, let scalar = Unicode.Scalar(code), code < 0x7F else {
                // Esc [ and then nothing is Alt-[; a sequence broken off by something that cannot
                // be part of it is dropped, and what broke it is kept.
                state = .ground
                if input == .timeout { return sequence.isEmpty ? [.alt(.character("["))] : [] }
                return feed(input)
            }
            if (0x20...0x3F).contains(code) {
                state = .csi(sequence + String(Character(scalar)))
                return []
            }
            state = .ground
            guard (0x40...0x7E).contains(code) else { return [] }
            if sequence == "200" && scalar == "~" {
                state = .paste("", closing: "")
                return []
            }
            return Self.csiKey(parameters: sequence, final: Character(scalar)).map { [$0] } ?? []
        case .ss3:
            state = .ground
            if input == .timeout { return [.alt(.character("O"))] }
            guard case .code(let code) = input, let scalar = Unicode.Scalar(code) else { return [] }
            return Self.ss3Key(Character(scalar)).map { [$0] } ?? []
        case .paste(var text, var closing):
            switch input {
            case .code(let code):
                guard let scalar = Unicode.Scalar(code) else { return [] }
                let character = Character(scalar)
                let terminator: [Character] = ["\u{1B}", "[", "2", "0", "1", "~"]
                if character == terminator[closing.count] {
                    closing.append(character)
                    if closing.count == terminator.count {
                        state = .ground
                        return [.paste(Self.normalisedNewlines(text))]
                    }
                } else {
                    if text.count < Self.maximumPaste { text += closing }
                    closing = character == "\u{1B}" ? "\u{1B}" : ""
                    if closing.isEmpty, text.count < Self.maximumPaste { text.append(character) }
                }
                state = .paste(text, closing: closing)
            case .key(let key):
                // A function key inside a paste (a terminal that decoded part of it): keep its text.
                if case .enter = key { text.append("\n") }
                if case .tab = key { text.append("\t") }
                state = .paste(text, closing: "")
            case .timeout:
                break  // pastes can be slow; wait for the end marker
            }
            return []
        }
    }

    /// Pasted CR and CRLF line ends become "\n".
    private static func normalisedNewlines(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// The keys of the xterm, screen/tmux, rxvt and Linux-console CSI sequences.
    static func csiKey(parameters: String, final: Character) -> Key? {
        // xterm sends modifiers as a second parameter (`1;5C` is Ctrl-Right): the key is the same.
        let first = parameters.split(separator: ";", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        switch final {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        case "Z": return .backTab
        case "~":
            switch first {
            case "1", "7": return .home
            case "4", "8": return .end
            case "2": return nil  // Insert: nothing to do
            case "3": return .delete
            case "5": return .pageUp
            case "6": return .pageDown
            default: return nil
            }
        default: return nil
        }
    }

    /// The keys of SS3 sequences (application cursor mode, some Home/End).
    static func ss3Key(_ final: Character) -> Key? {
        switch final {
        case "A": .up
        case "B": .down
        case "C": .right
        case "D": .left
        case "H": .home
        case "F": .end
        case "M": .enter
        default: nil
        }
    }
}
