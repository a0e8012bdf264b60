import Foundation
import PlanModel
import PlanStore
@testable import PlanTUI
import TerminalText
import TestSupport
import Testing

/// Text as people type and paste it: grapheme clusters, wide characters, pastes, and every
/// terminal's way of sending keys.
@Suite struct TextEditorGraphemeTests {
    /// Characters made of several code points, typed one code point at a time as ncurses
    /// delivers them. Each crashed the old editor on the next key.
    static let clusters = ["👍🏽", "🇬🇧", "❤️", "e\u{301}", "ਪੰਜਾਬੀ", "क्ष", "東京", "👩‍👩‍👧"]

    @Test(arguments: clusters)
    func typedCodePointByCodePointThenEdited(_ text: String) {
        var editor = TextEditor("ab")
        for scalar in text.unicodeScalars { _ = editor.handle(.character(Character(scalar))) }
        #expect(editor.text == "ab" + text)
        #expect(editor.cursor == editor.text.count)
        for key: Key in [.left, .right, .left, .left, .home, .end, .backspace, .left, .delete, .right, .right] {
            _ = editor.handle(key)
            #expect((0...editor.text.count).contains(editor.cursor))
            let shown = editor.visible(width: 6)
            #expect(shown.cursorX >= 0 && shown.cursorX < 6)
            #expect(displayWidth(shown.text) <= 6)
        }
    }

    @Test func backspaceRemovesAWholeCluster() {
        var editor = TextEditor()
        for scalar in "x👍🏽".unicodeScalars { _ = editor.handle(.character(Character(scalar))) }
        _ = editor.handle(.backspace)
        #expect(editor.text == "x")
        for scalar in "e\u{301}".unicodeScalars { _ = editor.handle(.character(Character(scalar))) }
        #expect(editor.text == "xé" && editor.text.count == 2)
        _ = editor.handle(.left)
        _ = editor.handle(.delete)
        #expect(editor.text == "x")
    }

    @Test func wideCharactersTakeTwoCells() {
        let editor = TextEditor("東京abc")
        #expect(editor.visible(width: 20).cursorX == 7)
        var narrow = TextEditor("東京東京東京")
        _ = narrow.handle(.end)
        let shown = narrow.visible(width: 5)
        #expect(displayWidth(shown.text) <= 5 && shown.cursorX <= 4)
    }

    @Test func pasteIsTextWithItsLineBreaksOnlyWhereLinesAreAllowed() {
        var commentary = TextEditor("", multiline: true)
        _ = commentary.handle(.paste("Update from the police lead:\r\nThe next review\u{1B}[31m is in January.\n"))
        #expect(commentary.text == "Update from the police lead:\nThe next review is in January.\n")
        var title = TextEditor("")
        _ = title.handle(.paste("Line one\nline two"))
        #expect(title.text == "Line one line two")
    }

    @Test func multiLineMovesByLineAndWraps() {
        var editor = TextEditor("first line\nsecond", multiline: true)
        #expect(editor.wrappedLines(width: 40).count == 2)
        _ = editor.handle(.up, width: 40)
        #expect(editor.cursorPosition(width: 40).line == 0)
        _ = editor.handle(.end, width: 40)
        #expect(editor.cursor == "first line".count)
        _ = editor.handle(.control("n"), width: 40)
        _ = editor.handle(.alt(.enter), width: 40)
        #expect(editor.text == "first line\n\n\nsecond")
        let long = TextEditor(String(repeating: "word ", count: 20), multiline: true)
        let lines = long.wrappedLines(width: 12)
        #expect(lines.count > 5 && lines.allSatisfy { $0.count <= 12 })
        #expect(TextEditor("x", multiline: false).handle_(.control("n")) == "x")
    }

    @Test func ctrlGAsksForTheExternalEditorOnlyForProse() {
        var commentary = TextEditor("draft", multiline: true)
        #expect(commentary.handle(.control("g")) == .external)
        var search = TextEditor("knife")
        #expect(search.handle(.control("g")) == .editing)
    }
}

private extension TextEditor {
    /// The text after one key (for one-line checks).
    func handle_(_ key: Key) -> String {
        var copy = self
        _ = copy.handle(key)
        return copy.text
    }
}

@Suite struct KeyDecoderTests {
    private func decode(_ bytes: [UInt32], timeoutAtEnd: Bool = true) -> [Key] {
        var decoder = KeyDecoder()
        var keys = bytes.flatMap { decoder.feed(.code($0)) }
        if timeoutAtEnd { keys += decoder.feed(.timeout) }
        return keys
    }

    private func codes(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    @Test func homeEndDeleteAndPagesOfEveryTerminal() {
        let cases: [(String, Key)] = [
            ("\u{1B}[1~", .home), ("\u{1B}[4~", .end),            // tmux, screen, linux console
            ("\u{1B}[7~", .home), ("\u{1B}[8~", .end),            // rxvt
            ("\u{1B}[H", .home), ("\u{1B}[F", .end),              // xterm
            ("\u{1B}OH", .home), ("\u{1B}OF", .end),              // xterm application mode
            ("\u{1B}[3~", .delete), ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown),
            ("\u{1B}[A", .up), ("\u{1B}OB", .down), ("\u{1B}[1;5C", .right), ("\u{1B}[Z", .backTab),
        ]
        for (sequence, key) in cases { #expect(decode(codes(sequence)) == [key], "\(sequence.debugDescription)") }
    }

    @Test func unknownSequencesAreDroppedWhole() {
        #expect(decode(codes("\u{1B}[99z")).isEmpty)
        #expect(decode(codes("\u{1B}[2~")).isEmpty)       // Insert
        #expect(decode(codes("\u{1B}[15~q")) == [.character("q")])  // F5 then q
        #expect(decode(codes("\u{1B}[?1;2c")).isEmpty)    // a terminal's answer to a query
    }

    @Test func escapeAloneAltAndDoubleEscape() {
        #expect(decode([27]) == [.escape])
        #expect(decode(codes("\u{1B}x")) == [.alt(.character("x"))])
        #expect(decode([27, 13]) == [.alt(.enter)])
        #expect(decode([27, 27]) == [.escape, .escape])
        var decoder = KeyDecoder()
        #expect(decoder.feed(.code(27)).isEmpty)
        #expect(decoder.feed(.key(.left)) == [.alt(.left)])
    }

    @Test func bracketedPasteIsOneTextEvent() {
        let pasted = "\u{1B}[200~Update from the police lead:\rThe next review…\r\nq s x\u{1B}[201~j"
        #expect(decode(codes(pasted)) == [.paste("Update from the police lead:\nThe next review…\nq s x"), .character("j")])
        // An escape inside the pasted text that is not the end marker stays text.
        #expect(decode(codes("\u{1B}[200~a\u{1B}[20b\u{1B}[201~")) == [.paste("a\u{1B}[20b")])
        // A paste that waits between chunks is not cut short by the escape delay.
        var decoder = KeyDecoder()
        var keys = codes("\u{1B}[200~abc").flatMap { decoder.feed(.code($0)) }
        keys += decoder.feed(.timeout)
        keys += codes("def\u{1B}[201~").flatMap { decoder.feed(.code($0)) }
        #expect(keys == [.paste("abcdef")])
    }

    @Test func controlKeysAndText() {
        #expect(decode([19, 0xE9, 9]) == [.control("s"), .character("é"), .tab])
    }
}

@Suite struct PasteAndEditingFlowTests {
    @Test func pastedMultiLineCommentaryIsSavedExactlyAndRunsNoCommand() throws {
        var state = try makeState()
        state.press(.enter)
        state.select("SEC-06")
        let before = state.plan
        state.press(.character("m"), .control("u"))
        let pasted = "Update from the police lead:\nThe next review is in January.\nq x s r"
        state.press(.paste(pasted))
        #expect(state.plan == before)  // nothing ran: the text is still in the editor
        state.press(.enter)
        #expect(state.action("SEC-06").commentary == pasted)
        #expect(state.action("SEC-06").review(for: state.quarter)?.commentary == pasted)
        #expect(state.plan.validate().isEmpty)
    }

    @Test func pasteOutsideAnEditorDoesNothing() throws {
        var state = try makeState()
        state.press(.enter)
        let before = state.plan
        #expect(state.press(.paste("qxxxy")).isEmpty)
        #expect(state.plan == before)
        #expect(!state.isDirty)
    }

    @Test func confirmingAPickerWithoutAChangeRecordsNothing() throws {
        var state = try makeState()
        state.press(.enter)
        state.select("TER-04")
        let before = state.plan
        state.press(.character("o"), .enter)  // the same owner
        state.press(.character("p"), .enter)  // the same partners
        state.press(.character("w"), .enter)  // the same workstreams
        #expect(state.plan == before)
        #expect(!state.isDirty)
        #expect(state.session.undoStack.isEmpty)
        #expect(state.message?.text == "Nothing changed")
    }

    @Test func badDueDateKeepsTheTextAndAFirstDueDateIsNotAMove() throws {
        var state = try makeState()
        state.press(.enter)
        state.select("SEC-05")
        state.press(.character("d"), .control("u"))
        state.type("31/01/2027")
        state.press(.enter)
        guard case .editor(.dueDate("SEC-05"), let editor) = state.modal else { Issue.record("the editor closed"); return }
        #expect(editor.text == "31/01/2027")
        #expect(state.message?.text.contains("is not a date: expected YYYY-MM-DD") == true)
        // An action with no due date gets one without being asked why.
        state.press(.escape)
        state.session.plan.actions[state.plan.actionIndex(id: "SEC-05")!].due = nil
        state.press(.character("d"))
        state.type("2027-01-31")
        state.press(.enter)
        #expect(state.modal == nil)
        #expect(state.action("SEC-05").due == Day(iso: "2027-01-31"))
        #expect(state.action("SEC-05").dueDateChanges.count == state.plan.actions[state.plan.actionIndex(id: "SEC-05")!].dueDateChanges.count)
        #expect(!state.action("SEC-05").dueDateChanges.contains { $0.to == Day(iso: "2027-01-31") })
    }

    @Test func externalEditorTextComesBackIntoTheEditor() throws {
        var state = try makeState()
        state.press(.enter)
        state.select("SEC-06")
        state.press(.character("m"), .control("u"))
        state.type("draft")
        #expect(state.press(.control("g")) == [.editExternally("draft")])
        #expect(state.update(.externallyEdited("Written in vim:\nsecond line\n")).isEmpty)
        guard case .editor(_, let editor) = state.modal else { Issue.record("the editor closed"); return }
        #expect(editor.text == "Written in vim:\nsecond line")
        state.press(.enter)
        #expect(state.action("SEC-06").commentary == "Written in vim:\nsecond line")
    }

    @Test func theExternalEditorIsARealProgram() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-editor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("fake-editor").path
        try writeExecutable("#!/bin/sh\nsed -i 's/draft/final text/' \"$1\"\n", to: script)
        #expect(try editExternally("a draft", environment: ["EDITOR": script]).get() == "a final text\n")
        #expect(throws: ExternalEditorError.self) { try editExternally("x", environment: ["VISUAL": "false"]).get() }
    }
}

@Suite struct ListShapeTests {
    @Test func idsAreNeverCutAndOwnersGetTheRoomTheyNeed() throws {
        var plan = try PlanFile.load(hillingdonPath)
        plan.actions[plan.actionIndex(id: "WSA-01")!].id = "WSA-001-LONG-ID"
        for width in [200, 80] {
            var state = AppState(plan: plan, path: hillingdonPath, user: "Test Chair", now: fixedNow, size: (width, 40))
            state.press(.enter)
            let text = render(state).plainText
            #expect(text.contains("WSA-001-LONG-ID "), "at \(width) columns")
            if width == 200 { #expect(text.contains("Hillingdon Council Community Safety Team ")) }  // the whole owner name
        }
    }

    @Test func cutTextEndsInAnEllipsis() {
        var frame = Frame(width: 10, height: 1)
        frame.put("Hillingdon Council", x: 0, y: 0)
        #expect(frame.plainText == "Hillingdo…")
        var wide = Frame(width: 6, height: 1)
        wide.put("東京東京", x: 0, y: 0)
        #expect(wide.plainText.hasPrefix("東京…"))
        var spaces = Frame(width: 4, height: 1)
        spaces.put("ab        ", x: 0, y: 0)
        #expect(spaces.plainText == "ab")  // only spaces were cut: no ellipsis
    }

    @Test func severalStatusesAtOnceAndEmptyGroupsHidden() throws {
        var state = try makeState()
        state.press(.character("f"), .down, .down, .enter)    // Status
        state.press(.down, .character(" "), .down, .character(" "), .enter)  // tick red and amber
        #expect(state.list.filter.statuses == [.red, .amber])
        let ids = state.list.filteredActionIDs(in: state.plan)
        #expect(!ids.isEmpty && ids.allSatisfy { [.red, .amber].contains(state.action($0).status) })
        #expect(ids.count == state.plan.actions.filter { $0.status == .red || $0.status == .amber }.count)
        // Filtered to one owner: groups with none of their actions are not listed.
        state.press(.character("f"), .down, .enter)
        for _ in 0..<8 { state.press(.down) }  // da-steering
        state.press(.enter)
        let headers = state.list.rows.compactMap { if case .group(let group, _) = $0 { group } else { nil } }
        #expect(headers == [.prevention(.primary), .prevention(.tertiary)])
        _ = state.update(.resized(width: 160, height: 40))
        #expect(render(state).plainText.contains("Filter: owner Domestic Abuse Steering Executive · R red or A amber"))
    }

    @Test func groupedByWorkstreamOrOwner() throws {
        var state = try makeState()
        state.press(.enter)
        state.select("SEC-03")
        state.press(.character("b"))
        #expect(state.list.grouping == .workstream)
        #expect(state.list.selectedActionID(in: state.plan) == "SEC-03")  // the cursor stays on the action
        let workstreamHeaders = state.list.rows.compactMap { if case .group(let group, _) = $0 { group } else { nil } }
        #expect(workstreamHeaders.first == .workstream(state.plan.workstreams.first?.id))
        // An action in two workstreams is listed under both; the status counts follow an edit.
        state.press(.character("g"))
        var rebuilt = state
        rebuilt.list.rowsKey = nil
        rebuilt.refreshRows()
        #expect(rebuilt.list.rows == state.list.rows)
        state.press(.character("b"))
        #expect(state.list.grouping == .owner)
        let owners = state.list.rows.compactMap { if case .group(.owner(let id), _) = $0 { id } else { nil } }
        #expect(Set(owners) == Set(state.plan.actions.map(\.owner)))
        #expect(state.list.rows.contains(.group(.owner("da-steering"), counts: [.red: 2, .green: 1])))
        state.press(.character("b"))
        #expect(state.list.grouping == .prevention)
    }

    /// Ids the actions use that the plan does not list (a hand-edited file) still get groups:
    /// after the listed ones, in id order, before "No workstream".
    @Test func groupsForWorkstreamsAndOwnersThePlanDoesNotList() throws {
        var plan = try PlanFile.load(hillingdonPath)
        plan.actions[0].workstreams = ["zeta", plan.workstreams[0].id]
        plan.actions[1].workstreams = ["alpha"]
        plan.actions[2].workstreams = []
        plan.actions[3].owner = "unlisted-owner"
        var state = AppState(plan: plan, path: hillingdonPath, user: "t", now: fixedNow, size: (80, 24))
        func headers() -> [ListGroup] { state.list.rows.compactMap { if case .group(let group, _) = $0 { group } else { nil } } }
        state.press(.enter, .character("b"))
        let listed = plan.workstreams.map(\.id).filter { id in plan.actions.contains { $0.workstreams.contains(id) } }
        #expect(headers() == listed.map { .workstream($0) } + [.workstream("alpha"), .workstream("zeta"), .workstream(nil)])
        let zeta = state.list.rows.firstIndex(of: .group(.workstream("zeta"), counts: [plan.actions[0].status: 1]))
        #expect(zeta.map { state.list.rows[$0 + 1] } == .action(0))
        state.press(.character("b"))
        #expect(headers().last == .owner("unlisted-owner"))
        #expect(Set(headers()) == Set(plan.actions.map { ListGroup.owner($0.owner) }))
    }

    @Test func searchShowsWhereItMatched() throws {
        var state = try makeState(width: 120, height: 40)
        state.press(.enter, .character("/"))
        state.type("contextual safeguarding")
        let inTitle = try #require(state.list.filteredActionIDs(in: state.plan).first)
        let frame = render(state)
        let row = try #require((0..<frame.height).first { frame.text(row: $0).contains(inTitle) && frame.text(row: $0).contains("contextual") })
        // The matched words are highlighted (key tone) in the row.
        let tones = frame.toneText.split(separator: "\n")[row]
        #expect(tones.contains("KKKKKKKKKK"))
        state.press(.escape, .character("/"))
        state.type("demographic")  // only in commentary
        let match = render(state).plainText
        #expect(match.contains("commentary: "))
    }
}

@Suite struct EntryScreenTests {
    @Test func chaseListsWhoOwesAndEnterOpensTheAction() throws {
        var state = try makeState()
        state.press(.enter, .character("W"))
        let text = render(state).plainText
        #expect(text.contains("Who owes an update"))
        let owed = state.plan.chaseList(for: state.quarter).flatMap { $0.actions.map(\.id) }
        state.press(.down, .enter)
        guard case .detail(let id, _, let returnTo) = state.screen else { Issue.record("expected the detail screen"); return }
        #expect(id == owed[1])
        state.press(.escape)
        #expect(state.screen == returnTo)
        if case .entries(let list, let selection, _) = state.screen, list.kind == .chase { #expect(selection == 1) } else { Issue.record("back to the chase list") }
        state.press(.escape)
        #expect(state.screen == .list)
    }

    @Test func enterOnAWhatChangedEntryOpensIt() throws {
        var state = try makeState()
        state.press(.character("C"), .enter)
        guard case .detail(let id, _, _) = state.screen else { Issue.record("expected the detail screen"); return }
        #expect(state.plan.actionIndex(id: id) != nil)
        state.press(.escape)
        #expect(state.isOnChanges)
    }

    @Test func meetingCommentaryScrollsAndSaysThereIsMore() throws {
        var state = try makeState()
        let long = (1...60).map { "Sentence \($0) of a very long update pasted from an email." }.joined(separator: " ")
        state.session.plan.actions[0].commentary = long
        let quarter = state.quarter
        state.session.plan.actions[0].reviews.removeAll { $0.quarter == quarter.previous }
        state.session.plan.actions[0].reviews.insert(Review(quarter: quarter.previous, status: .red, commentary: long, by: "x",
                                                            on: fixedNow, owner: nil), at: 0)
        state.press(.character("M"))
        #expect(render(state).plainText.contains("↓ more (PgDn)"))
        state.press(.pageDown)
        guard case .meeting(let meeting) = state.screen else { Issue.record("left the meeting"); return }
        #expect(meeting.scroll > 0)
        #expect(render(state).plainText.contains("↑ more (PgUp)"))
        state.press(.right)
        guard case .meeting(let next) = state.screen else { Issue.record("left the meeting"); return }
        #expect(next.scroll == 0)
    }
}

@Suite struct PopupTests {
    @Test func deleteConfirmationNamesTheActionAndPickersHaveABorder() throws {
        var state = try makeState(width: 120, height: 40)
        state.press(.enter)
        state.select("SEC-06")
        state.press(.character("x"))
        let text = render(state).plainText
        #expect(text.contains("Delete SEC-06 “Run weekly Safety Net meetings"))
        state.press(.character("n"), .character("o"))
        let picker = render(state).plainText
        #expect(picker.contains("┌ SEC-06 lead owner") && picker.contains("└"))
    }
}

@Suite struct EntryWindowTests {
    /// Only the entries in view are wrapped: whichever entry the cursor is on, the window holds
    /// it on the highlighted line and fills the screen.
    @Test func theCursorsEntryIsAlwaysInViewAndTheScreenFull() throws {
        var plan = try PlanFile.load(hillingdonPath)
        let originals = plan.actions
        for round in 1...10 {
            plan.actions += originals.map { var copy = $0; copy.id += "-\(round)"; return copy }
        }
        let state = AppState(plan: plan, path: hillingdonPath, user: "t", now: fixedNow, size: (80, 24))
        for kind in [EntryList.Kind.changes, .chase] {
            let list = EntryList(kind, for: state)
            let ids = (0..<list.entryCount).compactMap { list.entryID($0, in: plan) }
            #expect(ids.count == list.entryCount && ids.count > 40, "\(kind)")
            for selection in stride(from: 0, to: ids.count, by: 7) + [ids.count - 1] {
                let (lines, selected) = list.window(selection: selection, width: 80, height: 19, state: state)
                #expect(lines.count == 19, "\(kind) \(selection)")
                #expect(selected.map { lines[$0].actionID } == ids[selection], "\(kind) \(selection)")
            }
        }
    }
}
