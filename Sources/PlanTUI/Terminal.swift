import CNcurses
import PlanApp
import Foundation

/// The only code that talks to ncurses: start and restore the terminal, decode keys, paint
/// frames (only the rows that changed since the last frame).
@MainActor
final class Terminal {
    private var previous: Frame?
    private let colours: Bool
    /// High contrast (`--mono`): no colours, and no dim text (hints at full strength).
    private let mono: Bool
    private let unicode: Bool
    private var decoder = KeyDecoder()
    private var decoded: [Key] = []

    init(mono: Bool = false) {
        self.mono = mono
        setlocale(LC_ALL, "")
        // ncurses only handles resizes when SIGWINCH is at its default and not blocked; a parent
        // (a test runner, a job control wrapper) may have changed either.
        signal(SIGWINCH, SIG_DFL)
        var winch = sigset_t()
        sigemptyset(&winch)
        sigaddset(&winch, SIGWINCH)
        pthread_sigmask(SIG_UNBLOCK, &winch, nil)
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        unicode = codeset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
        // Under LANG=C, ncurses waits for the rest of a multibyte character that the C locale
        // cannot decode, and typing é stalls every key after it. Terminals send UTF-8 whatever
        // the locale says, so keys are decoded as UTF-8 (drawing stays ASCII, see asciiFallback).
        if !unicode { _ = setlocale(LC_CTYPE, "C.UTF-8") }
        initscr()
        raw()  // Ctrl-C and Ctrl-S reach dplan as keys (quit, save) instead of signals / flow control
        noecho()
        nonl()
        keypad(dplan_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        mousemask(dplan_button1_any() | dplan_wheel_up() | dplan_wheel_down(), nil)
        mouseinterval(0)
        colours = !mono && ProcessInfo.processInfo.environment["NO_COLOR"].map { $0.isEmpty } ?? true && has_colors()
        if colours {
            start_color()
            use_default_colors()
            for tone in Tone.allCases {
                let (fg, bg) = Terminal.colourPair(tone)
                init_pair(Int16(Terminal.pairNumber(tone)), fg, bg)
            }
        }
        Terminal.installSignalHandlers()
        Terminal.setBracketedPaste(true)
        atexit { Terminal.setBracketedPaste(false); if !isendwin() { endwin() } }
    }

    /// Restores the terminal. Safe to call more than once.
    func restore() {
        Terminal.setBracketedPaste(false)
        if isendwin() == false { endwin() }
    }

    /// Hands the terminal to another program (an editor) until `resume()`.
    func suspend() {
        Terminal.setBracketedPaste(false)
        def_prog_mode()
        endwin()
    }

    /// Takes the terminal back after `suspend()` and redraws everything.
    func resume() {
        reset_prog_mode()
        Terminal.setBracketedPaste(true)
        invalidate()
        wrefresh(dplan_stdscr())
    }

    /// Asks the terminal to mark pastes (`ESC[?2004h`) so they arrive as text, never as keys;
    /// `false` turns it back off. Written straight to the terminal: ncurses has no call for it.
    nonisolated static func setBracketedPaste(_ on: Bool) {
        let sequence = on ? "\u{1B}[?2004h" : "\u{1B}[?2004l"
        _ = sequence.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
    }

    var size: (width: Int, height: Int) {
        var rows: Int32 = 0, cols: Int32 = 0
        getmaxyx_wrapper(&rows, &cols)
        return (Int(cols), Int(rows))
    }

    private func getmaxyx_wrapper(_ rows: inout Int32, _ cols: inout Int32) {
        rows = getmaxy(dplan_stdscr())
        cols = getmaxx(dplan_stdscr())
    }

    /// Waits for a key (or returns nil after `idleMilliseconds`). Escape sequences, Alt-keys and
    /// pastes are assembled by `KeyDecoder`; within a sequence the wait is the escape delay.
    func readKey(idleMilliseconds: Int32) -> Key? {
        while decoded.isEmpty {
            wtimeout(dplan_stdscr(), decoder.isPending ? 25 : idleMilliseconds)
            var code: wint_t = 0
            let result = wget_wch(dplan_stdscr(), &code)
            let input: KeyDecoder.Input
            if result == ERR {
                guard decoder.isPending else { return nil }
                input = .timeout
            } else if result == dplan_key_code_yes() {
                guard let key = functionKey(Int32(code)) else { continue }
                input = .key(key)
            } else {
                input = .code(UInt32(code))
            }
            decoded += decoder.feed(input)
        }
        return decoded.removeFirst()
    }

    private func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            if event.bstate & dplan_wheel_up() != 0 { return .wheelUp }
            if dplan_wheel_down() != 0, event.bstate & dplan_wheel_down() != 0 { return .wheelDown }
            if event.bstate & dplan_button1_any() != 0 { return .click(x: Int(event.x), y: Int(event.y)) }
            return nil
        default: return nil
        }
    }

    /// Paints a frame, redrawing only rows that differ from the last painted frame.
    func paint(_ frame: Frame) {
        let full = previous.map { $0.width != frame.width || $0.height != frame.height } ?? true
        if full { werase(dplan_stdscr()) }
        for y in 0..<frame.height where full || previous?.rows[y] != frame.rows[y] {
            paintRow(frame.rows[y], y: y, width: frame.width)
        }
        if let cursor = frame.cursorOrSelection {  // on the selected row when no editor has it, for screen readers
            wmove(dplan_stdscr(), Int32(cursor.y), Int32(cursor.x))
            curs_set(1)
        } else {
            curs_set(0)
        }
        wrefresh(dplan_stdscr())
        previous = frame
    }

    /// Forces the next paint to redraw everything (after a resize).
    func invalidate() {
        previous = nil
        clearok(dplan_stdscr(), true)
    }

    private func paintRow(_ row: [Cell], y: Int, width: Int) {
        var x = 0
        while x < row.count {
            let tone = row[x].tone
            var text = ""
            let start = x
            while x < row.count, row[x].tone == tone {
                if !row[x].isContinuation { text.append(unicode ? row[x].character : asciiFallback(row[x].character)) }
                x += 1
            }
            // Never write the bottom-right cell: that scrolls some terminals.
            if y == frame_lastRow && x == width { text = String(text.dropLast()) }
            wattrset(dplan_stdscr(), Int32(bitPattern: UInt32(truncatingIfNeeded: attributes(tone))))
            mvwaddstr(dplan_stdscr(), Int32(y), Int32(start), text)
        }
        wattrset(dplan_stdscr(), 0)
    }

    private var frame_lastRow: Int { Int(getmaxy(dplan_stdscr())) - 1 }

    private func asciiFallback(_ character: Character) -> Character {
        switch character {
        case "▲": "^"
        case "▼": "v"
        case "·", "•": "."
        case "…": "~"
        case "▾": "-"
        case "▸": "+"
        case "│": "|"
        case "→": ">"
        case "←": "<"
        case "×": "x"
        case "┌", "┐", "└", "┘": "+"
        case "─": "-"
        case "↑": "^"
        case "↓": "v"
        default: character.isASCII ? character : "?"
        }
    }

    private func attributes(_ tone: Tone) -> attr_t {
        let bold = dplan_a_bold(), reverse = dplan_a_reverse(), dim = dplan_a_dim()
        let style: attr_t
        switch tone {
        case .normal, .notStarted: style = 0
        case .title: style = reverse | bold
        case .header: style = bold
        case .selected: style = reverse
        case .dim: style = mono ? 0 : dim
        case .key: style = bold
        case .warning: style = bold
        case .red, .amber, .green, .complete: style = colours ? bold : reverse
        case .input: style = dplan_a_underline()
        }
        return colours ? style | dplan_color_pair(Terminal.pairNumber(tone)) : style
    }

    private static func pairNumber(_ tone: Tone) -> Int32 {
        Int32(Tone.allCases.firstIndex(of: tone)! + 1)
    }

    /// Foreground and background for each tone; -1 is the terminal's default.
    private static func colourPair(_ tone: Tone) -> (Int16, Int16) {
        switch tone {
        case .red: (Int16(COLOR_WHITE), Int16(COLOR_RED))
        case .amber: (Int16(COLOR_BLACK), Int16(COLOR_YELLOW))
        case .green: (Int16(COLOR_BLACK), Int16(COLOR_GREEN))
        case .complete: (Int16(COLOR_WHITE), Int16(COLOR_BLUE))
        case .notStarted: (Int16(COLOR_BLACK), Int16(COLOR_WHITE))
        case .title: (Int16(COLOR_CYAN), -1)
        case .warning: (Int16(COLOR_RED), -1)
        case .key: (Int16(COLOR_CYAN), -1)
        case .header, .normal, .selected, .dim, .input: (-1, -1)
        }
    }

    /// SIGTERM, SIGHUP (the terminal closed), SIGINT and SIGQUIT restore the terminal and run
    /// `ExitCleanup.beforeExit` (the plan's lock released) before the process ends.
    private static func installSignalHandlers() {
        for sig in [SIGTERM, SIGHUP, SIGINT, SIGQUIT] {
            signal(sig) { received in
                Terminal.setBracketedPaste(false)
                endwin()
                ExitCleanup.beforeExit()
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }
}
