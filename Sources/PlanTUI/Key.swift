/// A key press (or terminal event), decoded once by the backend so that everything else is
/// testable without a terminal.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case character(Character)
    /// Ctrl plus a letter, e.g. `.control("s")` for Ctrl-S.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case resize
    /// Alt (Meta) plus a key, sent by terminals as Esc then the key.
    indirect case alt(Key)
    /// Text pasted into the terminal (bracketed paste): text only, never commands; newlines kept.
    case paste(String)
    /// A click at a screen position.
    case click(x: Int, y: Int)
    case wheelUp, wheelDown

    /// How the help screen writes the key.
    public var description: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .control(let c): "Ctrl-" + c.uppercased()
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .alt(let key): "Alt-" + key.description
        case .paste: "paste"
        case .resize: "resize"
        case .click: "click"
        case .wheelUp: "wheel up"
        case .wheelDown: "wheel down"
        }
    }

    /// Decodes a character code from the terminal (not a function key).
    public static func fromCode(_ code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(code + 96)!))
        default:
            guard let scalar = Unicode.Scalar(code), code >= 32 else { return nil }
            return .character(Character(scalar))
        }
    }
}
