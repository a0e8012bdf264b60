import PlanModel

/// Everything a key can ask the application to do.
public enum Command: Hashable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case open, back, toggleGroup, switchView
    case setStatus(Status)
    /// Meeting mode: the board's view of the action's status, with its reason.
    case boardView(Status)
    case editCommentary, editTitle, editDescription, editOutcome, editDecision, editSummary
    case pickOwner, pickPartners, pickGroup, pickWorkstreams
    case changeDue, addAction, deleteAction, toggleRestricted
    case addMilestone, tickMilestones
    case search, filter, clearFilter, cycleGrouping
    case startMeeting, keepStatus, nextAction, previousAction, endMeeting
    case showChanges, showChase, showConflicts, closeQuarter, export, cancelExport, setup
    case showIndicators, recordValue
    case keepOurs(all: Bool), takeTheirs(all: Bool)
    case undo, redo, save, quit, help, reload
}

/// A key binding: the keys, what they do, the help text, and an optional short hint for the
/// status bar. Help and hints are generated from these tables, so they cannot drift.
public struct Binding<C: Hashable & Sendable>: Sendable {
    public var keys: [Key]
    public var command: C
    public var help: String
    public var hint: String?
    /// How the status bar writes the keys when it is not simply the first key ("r/a/g").
    public var hintKeys: String?

    init(_ keys: [Key], _ command: C, _ help: String, hint: String? = nil, hintKeys: String? = nil) {
        self.keys = keys
        self.command = command
        self.help = help
        self.hint = hint
        self.hintKeys = hintKeys
    }
}

/// The screens that have their own keymap.
public enum Mode: CaseIterable, Sendable {
    case overview, list, detail, meeting, changes, conflicts, indicators, indicator

    public var title: String {
        switch self {
        case .overview: "Overview"
        case .list: "Action list"
        case .detail: "Action detail"
        case .meeting: "Meeting mode"
        case .changes: "What changed and who owes an update"
        case .conflicts: "Merge conflicts"
        case .indicators: "Outcome indicators"
        case .indicator: "Indicator detail"
        }
    }
}

/// The key tables. `Keymap.command(for:in:)` is the only place keys become commands.
public enum Keymap {
    private static func ch(_ c: Character) -> Key { .character(c) }

    /// Keys that work on every screen (after the screen's own table).
    static let global: [Binding<Command>] = [
        Binding([ch("?")], .help, "show or hide this help", hint: "help"),
        Binding([ch("s"), .control("s")], .save, "save the plan", hint: "save"),
        Binding([ch("u")], .undo, "undo the last change"),
        Binding([.control("r")], .redo, "redo"),
        Binding([ch("R")], .reload, "bring in changes someone else saved (keeps yours)"),
        Binding([ch("q"), .control("c")], .quit, "quit (asks when there are unsaved changes)", hint: "quit"),
        Binding([.control("x")], .cancelExport, "cancel the export that is running"),
    ]

    static let navigation: [Binding<Command>] = [
        Binding([ch("k"), .up], .moveUp, "move up"),
        Binding([ch("j"), .down], .moveDown, "move down"),
        Binding([.pageUp, .control("b")], .pageUp, "page up"),
        Binding([.pageDown, .control("f")], .pageDown, "page down"),
        Binding([.home], .top, "first row"),
        Binding([.end], .bottom, "last row"),
    ]

    /// The quarterly update keys, the same in the list, the detail screen and meeting mode.
    static let statusUpdate: [Binding<Command>] = [
        Binding([ch("n")], .setStatus(.notStarted), "status: N not started"),
        Binding([ch("r")], .setStatus(.red), "status: R red (asks for commentary when worse)", hint: "status", hintKeys: "n/r/a/g/c"),
        Binding([ch("a")], .setStatus(.amber), "status: A amber"),
        Binding([ch("g")], .setStatus(.green), "status: G green"),
        Binding([ch("c")], .setStatus(.complete), "status: C complete"),
        Binding([ch("m")], .editCommentary, "write this quarter's commentary", hint: "comment"),
    ]

    /// Meeting mode's status keys: the board's view, beside the lead's update, never replacing it.
    static let boardView: [Binding<Command>] = [
        Binding([ch("n")], .boardView(.notStarted), "board's view: N not started (asks why; the lead's update stays)"),
        Binding([ch("r")], .boardView(.red), "board's view: R red (asks why; the lead's update stays)", hint: "board",
                hintKeys: "n/r/a/g/c"),
        Binding([ch("a")], .boardView(.amber), "board's view: A amber"),
        Binding([ch("g")], .boardView(.green), "board's view: G green"),
        Binding([ch("c")], .boardView(.complete), "board's view: C complete"),
        Binding([ch("m")], .editCommentary, "write the lead's commentary for this quarter", hint: "comment"),
    ]

    static let editing: [Binding<Command>] = statusUpdate + [
        Binding([ch("t")], .editTitle, "edit the title"),
        Binding([ch("e")], .editDescription, "edit the description"),
        Binding([ch("O")], .editOutcome, "edit the outcome measure"),
        Binding([ch("D")], .editDecision, "write the decision or help needed from the board (empty removes it)"),
        Binding([ch("o")], .pickOwner, "choose the lead owner"),
        Binding([ch("p")], .pickPartners, "choose supporting partners"),
        Binding([ch("P")], .pickGroup, "move to another prevention group"),
        Binding([ch("w")], .pickWorkstreams, "choose workstreams"),
        Binding([ch("d")], .changeDue, "change the due date (a reason is required)"),
        Binding([ch("i")], .addMilestone, "add a key milestone (its title, then its due date)"),
        Binding([ch("v")], .tickMilestones, "tick milestones done (or untick to open one again)"),
        Binding([ch("!")], .toggleRestricted, "mark the commentary restricted (left out of public reports) or not"),
        Binding([ch("x"), .delete], .deleteAction, "delete the action (asks first)"),
    ]

    /// `/` on a screen without the list's keys: back to the list, with the search prompt open.
    static let searchFromHere = Binding<Command>([ch("/")], .search, "search the actions (opens the list)")

    static let filtering: [Binding<Command>] = [
        Binding([ch("/")], .search, "search id, title, description and commentary", hint: "search"),
        Binding([ch("f")], .filter, "filter by group, owner, status, workstream, overdue, stale", hint: "filter"),
        Binding([ch("F")], .clearFilter, "clear the filter and search"),
        Binding([ch("M")], .startMeeting, "meeting mode: step through the filtered actions", hint: "meeting"),
        Binding([ch("+")], .addAction, "add an action"),
        Binding([ch("C")], .showChanges, "what changed since last quarter", hint: "changes"),
        Binding([ch("W")], .showChase, "who owes an update this quarter (the chase list)"),
        Binding([ch("I")], .showIndicators, "outcome indicators: sparklines, direction, target and status"),
        Binding([ch("K")], .showConflicts, "merge conflicts to decide (after git or a sync copy merged two people's edits)"),
        Binding([ch("U")], .setup, "plan set-up: title, partnership, group names, aims and order, workstreams, owners"),
        Binding([ch("S")], .editSummary, "write this quarter's executive summary for the board paper"),
        Binding([ch("Q")], .closeQuarter, "close the quarter after the board review"),
        Binding([ch("E")], .export, "export a board paper or data: every option of dplan export (Ctrl-X cancels)"),
    ]

    /// The table for one screen, most specific first.
    public static func bindings(for mode: Mode) -> [Binding<Command>] {
        switch mode {
        case .overview:
            [Binding([.enter, .tab, ch("l"), .right], .open, "open the action list", hint: "list")]
                + filtering + global
        case .list:
            [Binding([.enter, ch("l"), .right], .open, "open the action (or fold a group)", hint: "open"),
             Binding([ch(" ")], .toggleGroup, "fold or unfold the group"),
             Binding([ch("b")], .cycleGrouping, "group by prevention group, workstream (theme) or lead owner", hint: "group by"),
             Binding([.tab], .switchView, "overview"),
             Binding([.escape, ch("h"), .left], .back, "back to the overview")]
                + navigation + editing + filtering + global
        case .detail:
            [Binding([.escape, ch("h"), .left], .back, "back to the list", hint: "back"),
             Binding([ch("k"), .up], .moveUp, "scroll up"),
             Binding([ch("j"), .down], .moveDown, "scroll down"),
             Binding([.pageUp], .pageUp, "page up"),
             Binding([.pageDown], .pageDown, "page down"),
             Binding([ch("]")], .nextAction, "next action"),
             Binding([ch("[")], .previousAction, "previous action"),
             searchFromHere]
                + editing + global
        case .meeting:
            [Binding([.enter, ch(" ")], .keepStatus, "record the status as it is and go to the next action", hint: "keep")]
                + boardView
                + [Binding([.right, ch("l"), ch("j"), .down], .nextAction, "next action without recording", hint: "next"),
                   Binding([.left, ch("h"), ch("k"), .up], .previousAction, "previous action"),
                   Binding([.pageDown], .pageDown, "scroll a long commentary down"),
                   Binding([.pageUp], .pageUp, "scroll a long commentary up"),
                   Binding([ch("v")], .tickMilestones, "tick milestones done (or untick to open one again)"),
                   Binding([ch("V")], .recordValue, "record a value for the indicator on screen (after the owner's actions)"),
                   Binding([ch("/")], .search, "find an action in this meeting (id, title, description or commentary)"),
                   Binding([.escape], .endMeeting, "end the meeting and show what changed", hint: "end")]
                + global
        case .conflicts:
            conflicts + [searchFromHere] + global
        case .indicators:
            [Binding([.escape, ch("h"), .left], .back, "back", hint: "back"),
             Binding([.enter, ch("l"), .right], .open, "open the indicator: chart and history", hint: "open"),
             Binding([ch("k"), .up], .moveUp, "previous indicator"),
             Binding([ch("j"), .down], .moveDown, "next indicator"),
             Binding([ch("v")], .recordValue, "record a value for a quarter, with a note", hint: "record value"),
             searchFromHere]
                + global
        case .indicator:
            [Binding([.escape, ch("h"), .left], .back, "back to the indicators", hint: "back"),
             Binding([ch("k"), .up], .moveUp, "scroll up"),
             Binding([ch("j"), .down], .moveDown, "scroll down"),
             Binding([ch("v")], .recordValue, "record a value for a quarter, with a note", hint: "record value"),
             searchFromHere]
                + global
        case .changes:
            [Binding([.escape, ch("h"), .left], .back, "back", hint: "back"),
             Binding([.enter, ch("l"), .right], .open, "open the action (Esc comes back here)", hint: "open"),
             Binding([ch("k"), .up], .moveUp, "previous action"),
             Binding([ch("j"), .down], .moveDown, "next action"),
             Binding([.pageUp], .pageUp, "page up"),
             Binding([.pageDown], .pageDown, "page down"),
             searchFromHere]
                + global
        }
    }

    /// The merge conflicts screen.
    static let conflicts: [Binding<Command>] = [
        Binding([.escape, ch("h"), .left], .back, "back to the overview", hint: "back"),
        Binding([ch("k"), .up], .moveUp, "previous conflict"),
        Binding([ch("j"), .down], .moveDown, "next conflict"),
        Binding([ch("m")], .keepOurs(all: false), "keep our value for this field", hint: "keep ours"),
        Binding([ch("t")], .takeTheirs(all: false), "take their value for this field", hint: "take theirs"),
        Binding([ch("M")], .keepOurs(all: true), "keep our values for every conflict"),
        Binding([ch("T")], .takeTheirs(all: true), "take their values for every conflict"),
    ]

    /// The command a key means on a screen, if any.
    public static func command(for key: Key, in mode: Mode) -> Command? {
        bindings(for: mode).first { $0.keys.contains(key) }?.command
    }
}

/// What the line editor does with a key.
public enum EditorCommand: Hashable, Sendable {
    case left, right, wordLeft, wordRight, home, end, up, down
    case backspace, delete, deleteWord, clear, newline, external, confirm, cancel
}

/// What a key does while the help is shown: scroll it; any key not in the table closes it.
public enum HelpCommand: Hashable, Sendable {
    case lineDown, lineUp, pageDown, pageUp
}

/// What the export dialog does with a key.
public enum ExportFormCommand: Hashable, Sendable {
    case up, down, previous, next, choose, export, cancel
}

/// What a list picker does with a key.
public enum PickerCommand: Hashable, Sendable {
    case up, down, top, bottom, toggle, confirm, cancel
}

extension Keymap {
    public static let editor: [Binding<EditorCommand>] = [
        Binding([.left], .left, "cursor left"),
        Binding([.right], .right, "cursor right"),
        Binding([.alt(.character("b")), .alt(.left)], .wordLeft, "word left"),
        Binding([.alt(.character("f")), .alt(.right)], .wordRight, "word right"),
        Binding([.up], .up, "line up (multi-line text)"),
        Binding([.down], .down, "line down (multi-line text)"),
        Binding([.home, .control("a")], .home, "start of line"),
        Binding([.end, .control("e")], .end, "end of line"),
        Binding([.backspace], .backspace, "delete before the cursor"),
        Binding([.delete, .control("d")], .delete, "delete under the cursor"),
        Binding([.control("w"), .alt(.backspace)], .deleteWord, "delete the word before the cursor"),
        Binding([.control("u")], .clear, "clear the text"),
        Binding([.alt(.enter), .control("n")], .newline, "new line (commentary and description)", hint: "new line", hintKeys: "Alt-Enter"),
        Binding([.control("g")], .external, "edit in $VISUAL or $EDITOR (commentary and description)", hint: "editor"),
        Binding([.enter], .confirm, "confirm", hint: "confirm"),
        Binding([.escape], .cancel, "cancel (nothing changes)", hint: "cancel"),
    ]

    public static let picker: [Binding<PickerCommand>] = [
        Binding([.up, .character("k")], .up, "move up"),
        Binding([.down, .character("j")], .down, "move down"),
        Binding([.home, .pageUp], .top, "first item"),
        Binding([.end, .pageDown], .bottom, "last item"),
        Binding([.character(" ")], .toggle, "tick or untick (lists that allow several)", hint: "tick"),
        Binding([.enter], .confirm, "choose", hint: "choose"),
        Binding([.escape], .cancel, "cancel (nothing changes)", hint: "cancel"),
    ]

    /// The text editor's keys for the hint row: line breaks and the external editor only where
    /// the text can have several lines.
    static func editorHints(multiline: Bool) -> [Binding<EditorCommand>] {
        editor.filter { multiline || ($0.command != .newline && $0.command != .external) }
    }

    /// The help overlay's keys; any other key closes it.
    public static let help: [Binding<HelpCommand>] = [
        Binding([.character("j"), .down], .lineDown, "scroll down a line", hint: "scroll", hintKeys: "j/k"),
        Binding([.character("k"), .up], .lineUp, "scroll up a line"),
        Binding([.pageDown], .pageDown, "scroll down a page"),
        Binding([.pageUp], .pageUp, "scroll up a page"),
    ]

    static func helpCommand(for key: Key) -> HelpCommand? {
        help.first { $0.keys.contains(key) }?.command
    }

    /// The export dialog's keys.
    public static let exportForm: [Binding<ExportFormCommand>] = [
        Binding([.up, .character("k")], .up, "previous field"),
        Binding([.down, .character("j"), .tab], .down, "next field"),
        Binding([.left, .character("h")], .previous, "previous choice", hint: "change", hintKeys: "←/→"),
        Binding([.right, .character("l"), .character(" ")], .next, "next choice"),
        Binding([.enter], .choose, "type a value, next choice, or export on the last line", hint: "edit"),
        Binding([.character("x")], .export, "export now", hint: "export"),
        Binding([.escape], .cancel, "cancel (nothing exported)", hint: "cancel"),
    ]

    static func exportFormCommand(for key: Key) -> ExportFormCommand? {
        exportForm.first { $0.keys.contains(key) }?.command
    }

    static func editorCommand(for key: Key) -> EditorCommand? {
        editor.first { $0.keys.contains(key) }?.command
    }

    static func pickerCommand(for key: Key) -> PickerCommand? {
        picker.first { $0.keys.contains(key) }?.command
    }
}
