import Foundation
import PlanApp
import PlanModel
@testable import PlanTUI
import PlanStore
import TestSupport
import Testing

@Suite struct KeymapTests {
    @Test func noKeyIsBoundTwiceOnOneScreen() {
        for mode in Mode.allCases {
            var seen: [Key: String] = [:]
            for binding in Keymap.bindings(for: mode) {
                for key in binding.keys {
                    #expect(seen[key] == nil, "\(key) is bound to both \(seen[key] ?? "") and \(binding.help) in \(mode)")
                    seen[key] = binding.help
                }
            }
        }
    }

    @Test func helpListsEveryBinding() {
        let help = helpLines().map { $0.map(\.text).joined() }.joined(separator: "\n")
        for mode in Mode.allCases {
            #expect(help.contains(mode.title))
            for binding in Keymap.bindings(for: mode) { #expect(help.contains(binding.help), "\(binding.help)") }
        }
        for binding in Keymap.editor { #expect(help.contains(binding.help)) }
        for binding in Keymap.picker { #expect(help.contains(binding.help)) }
    }

    @Test func decodesTerminalCodes() {
        #expect(Key.fromCode(13) == .enter)
        #expect(Key.fromCode(10) == .enter)
        #expect(Key.fromCode(127) == .backspace)
        #expect(Key.fromCode(8) == .backspace)
        #expect(Key.fromCode(27) == .escape)
        #expect(Key.fromCode(19) == .control("s"))
        #expect(Key.fromCode(18) == .control("r"))
        #expect(Key.fromCode(0xE9) == .character("é"))
        #expect(Key.fromCode(0) == nil)
    }
}

@Suite struct NavigationTests {
    /// `/` on the detail screen searches (issue #27): typed words go to the search, never become
    /// edits of the action on screen (`n` once set it to Not started).
    @Test func slashSearchesFromTheDetailAndIndicatorScreens() throws {
        var state = try makeState()
        state.press(.enter, .character("j"), .enter)
        #expect(state.screen == .detail(id: "WSA-01", scroll: 0))
        let before = state.plan
        state.press(.character("/"))
        #expect(state.screen == .list)
        guard case .editor(.search, _)? = state.modal else { Issue.record("no search prompt: \(String(describing: state.modal))"); return }
        state.type("needs")
        state.press(.enter)
        #expect(state.plan == before)
        #expect(state.list.filter.search == "needs")
        state.press(.character("I"), .character("/"))
        #expect(state.screen == .list)
        guard case .editor(.search, _)? = state.modal else { Issue.record("no search prompt from the indicators"); return }
    }

    /// `/` opens a search on every screen (issue #27): the list's search everywhere but meeting
    /// mode, which finds one of the meeting's actions and stays in the meeting.
    @Test func slashSearchesFromEveryScreen() throws {
        let screens: [(String, (inout AppState) -> Void)] = [
            ("overview", { _ in }),
            ("list", { $0.press(.enter) }),
            ("detail", { $0.press(.enter, .character("j"), .enter) }),
            ("changes", { $0.press(.character("C")) }),
            ("chase", { $0.press(.character("W")) }),
            ("indicators", { $0.press(.character("I")) }),
            ("indicator", { $0.press(.character("I"), .enter) }),
            ("meeting summary", { $0.press(.enter, .character("M"), .escape) }),
        ]
        for (name, open) in screens {
            var state = try makeState()
            open(&state)
            #expect(state.modal == nil, "\(name): a prompt is already open")
            state.press(.character("/"))
            guard case .editor(.search, _)? = state.modal else { Issue.record("\(name): no search prompt"); continue }
            #expect(state.screen == .list, "\(name)")
        }
        var conflicted = try makeState()
        conflicted.screen = .mergeConflicts(selection: 0)
        conflicted.press(.character("/"))
        guard case .editor(.search, _)? = conflicted.modal else { Issue.record("merge conflicts: no search prompt"); return }
        #expect(Mode.allCases.allSatisfy { Keymap.command(for: .character("/"), in: $0) == .search })
    }

    /// In meeting mode `/` finds one of the meeting's actions and steps to it; what was typed
    /// never becomes an edit, and an action outside the meeting is not found.
    @Test func slashInAMeetingFindsAnActionOfTheMeeting() throws {
        var state = try makeState()
        state.press(.enter, .character("M"))
        #expect(state.meeting?.currentID == "WSA-01")
        let before = state.plan
        state.press(.character("/"))
        guard case .editor(.findInMeeting, _)? = state.modal else { Issue.record("no find prompt: \(String(describing: state.modal))"); return }
        state.type("idva")
        state.press(.enter)
        #expect(state.isInMeeting && state.meeting?.currentID == "SEC-06")
        #expect(state.message?.text == "SEC-06 matches “idva” (action 20 of 27); / finds the next")
        #expect(state.plan == before)
        // Found again from the next action on, round to the first.
        state.press(.character("/"))
        state.type("wsa-0")
        state.press(.enter)
        #expect(state.meeting?.currentID == "WSA-01")
        // A meeting of red actions only does not find a green one.
        var reds = try makeState()
        var filter = Filter()
        filter.statuses = [.red]
        reds.press(.enter)
        reds.list.setFilter(filter, reds.listContext)
        reds.press(.character("M"))
        reds.press(.character("/"))
        reds.type("SEC-06")
        reds.press(.enter)
        #expect(reds.isInMeeting && reds.meeting?.currentID == "WSA-01")
        #expect(reds.message?.text == "No action in this meeting matches “SEC-06”; Esc ends the meeting, then / searches every action")
    }

    @Test func overviewListDetailAndBack() throws {
        var state = try makeState()
        #expect(state.screen == .overview)
        state.press(.enter)
        #expect(state.screen == .list)
        #expect(state.list.rows.first == .group(.prevention(.wholeSystem), counts: [.red: 2, .amber: 1, .green: 2, .complete: 3]))
        state.press(.character("j"))
        #expect(state.list.selectedActionID(in: state.plan) == "WSA-01")
        state.press(.enter)
        #expect(state.screen == .detail(id: "WSA-01", scroll: 0))
        state.press(.character("]"))
        #expect(state.screen == .detail(id: "WSA-02", scroll: 0))
        state.press(.escape)
        #expect(state.screen == .list)
        #expect(state.list.selectedActionID(in: state.plan) == "WSA-02")
        state.press(.escape)
        #expect(state.screen == .overview)
    }

    @Test func scrollingKeepsTheCursorVisible() throws {
        var state = try makeState()
        state.press(.enter, .end)
        #expect(state.list.selection == state.list.rows.count - 1)
        #expect(state.list.scroll == state.list.rows.count - state.layout.listHeight)
        state.press(.home)
        #expect(state.list.selection == 0 && state.list.scroll == 0)
        state.press(.pageDown)
        #expect(state.list.selection == state.layout.listHeight)
        state.press(.character("k"), .up)
        #expect(state.list.selection == state.layout.listHeight - 2)
    }

    @Test func groupsFoldAndUnfold() throws {
        var state = try makeState()
        state.press(.enter)
        let before = state.list.rows.count
        state.press(.character(" "))
        #expect(state.list.collapsed == [.prevention(.wholeSystem)])
        #expect(state.list.rows.count == before - 8)
        #expect(state.list.rows[1] == .group(.prevention(.primary), counts: [.red: 2, .green: 3, .complete: 1]))
        state.press(.enter)  // Enter on a header unfolds too
        #expect(state.list.rows.count == before)
    }

    @Test func clickSelectsAndWheelScrolls() throws {
        var state = try makeState()
        state.press(.enter)
        state.press(.click(x: 10, y: 5))
        #expect(state.list.selection == 2)
        state.press(.click(x: 10, y: 5))
        #expect(state.screen == .detail(id: state.list.selectedActionID(in: state.plan)!, scroll: 0))
        state.press(.escape, .wheelDown)
        #expect(state.list.selection == 5)
    }

    @Test func unknownKeySaysHowToGetHelp() throws {
        var state = try makeState()
        state.press(.character("z"))
        #expect(state.message == Message(text: "z does nothing here; ? lists the keys", isError: true))
        state.press(.character("?"))
        #expect(state.help != nil)
        state.press(.character("x"))
        #expect(state.help == nil)
    }
}

@Suite struct EditingFlowTests {
    @Test func improvingStatusRecordsAtOnceAndUndoRedo() throws {
        var state = try makeState()
        let original = state.plan
        state.press(.enter)
        state.select("SEC-03")
        state.press(.character("g"))
        #expect(state.action("SEC-03").status == .green)
        #expect(state.action("SEC-03").reviews.last?.by == "Test Chair")
        #expect(state.action("SEC-03").reviews.last?.on == fixedNow)
        #expect(state.isDirty)
        state.press(.character("u"))
        #expect(state.plan == original)
        #expect(!state.isDirty)
        state.press(.control("r"))
        #expect(state.action("SEC-03").status == .green)
        #expect(state.message?.text == "Redone: SEC-03 set to Green for 2026/27 Q3")
    }

    @Test func worseStatusNeedsACommentary() throws {
        var state = try makeState()
        let original = state.plan
        state.press(.enter)
        state.select("SEC-06")
        state.press(.character("a"))
        guard case .editor(.commentary("SEC-06", .amber, true), _) = state.modal else {
            Issue.record("expected a required commentary editor, got \(String(describing: state.modal))")
            return
        }
        state.press(.enter)  // empty: refused, editor stays
        #expect(state.message?.isError == true)
        #expect(state.modal != nil)
        #expect(state.plan == original)
        state.type("IDVA post at risk")
        state.press(.enter)
        #expect(state.modal == nil)
        #expect(state.action("SEC-06").status == .amber)
        #expect(state.action("SEC-06").commentary == "IDVA post at risk")
        // Esc cancels without a change.
        state.press(.character("r"), .escape)
        #expect(state.action("SEC-06").status == .amber)
    }

    @Test func dueDateNeedsAValidDateAndAReason() throws {
        var state = try makeState()
        state.press(.enter)
        state.select("SEC-05")
        state.press(.character("d"), .control("u"))
        state.type("31/01/2027")
        state.press(.enter)
        #expect(state.message?.text.contains("is not a date") == true)
        #expect(state.action("SEC-05").due == Day(iso: "2026-06-30"))
        state.press(.character("d"), .control("u"))
        state.type("2027-01-31")
        state.press(.enter)
        state.press(.enter)  // no reason: refused
        #expect(state.message?.text == "A reason is required to move a due date (Esc cancels)")
        state.type("Recruitment took two rounds")
        state.press(.enter)
        let action = state.action("SEC-05")
        #expect(action.due == Day(iso: "2027-01-31"))
        #expect(action.dueDateChanges.last == DueDateChange(from: Day(iso: "2026-06-30"), to: Day(iso: "2027-01-31")!,
                                                             reason: "Recruitment took two rounds", by: "Test Chair", on: fixedNow))
    }

    @Test func fieldEditorsAndPickers() throws {
        var state = try makeState()
        state.press(.enter)
        state.select("TER-04")
        state.press(.character("t"), .control("u"))
        state.type("Disrupt county lines and cuckooing")
        state.press(.enter)
        #expect(state.action("TER-04").title == "Disrupt county lines and cuckooing")
        state.press(.character("o"), .down, .enter)  // owner after mps in the owners list
        #expect(state.action("TER-04").owner == "yjs")
        state.press(.character("p"), .home, .character(" "), .enter)  // tick the first owner: added after the others
        #expect(state.action("TER-04").partners == ["housing", "community-safety", "shp"])
        state.press(.character("P"), .up, .enter)
        #expect(state.action("TER-04").group == "secondary")
        state.press(.character("w"), .character(" "), .enter)
        #expect(state.action("TER-04").workstreams == [])
    }

    @Test func addAndDeleteActions() throws {
        var state = try makeState()
        state.press(.enter, .character("+"), .down, .enter)  // primary
        state.type("Bystander campaign for the night-time economy")
        state.press(.enter, .down, .enter)  // second owner
        let added = state.action("PRI-07")
        #expect(added.title == "Bystander campaign for the night-time economy")
        #expect(added.owner == "community-safety")
        #expect(added.created == fixedNow)
        #expect(state.list.selectedActionID(in: state.plan) == "PRI-07")
        state.press(.character("x"), .character("n"))
        #expect(state.plan.actionIndex(id: "PRI-07") != nil)
        state.press(.character("x"), .character("y"))
        #expect(state.plan.actionIndex(id: "PRI-07") == nil)
        state.press(.character("u"))
        #expect(state.plan.actionIndex(id: "PRI-07") != nil)
    }

    @Test func quitAsksWhenThereAreUnsavedChanges() throws {
        var state = try makeState()
        #expect(state.press(.character("q")) == [.quit])
        state.press(.enter, .down, .character("c"))
        #expect(state.press(.character("q")).isEmpty)
        #expect(state.modal == .confirm(.quitUnsaved))
        #expect(state.press(.escape).isEmpty)
        #expect(state.modal == nil)
        #expect(state.press(.control("c"), .character("d")) == [.quit])
        #expect(state.press(.character("q"), .character("s")) == [.save(resolving: [:], thenQuit: true)])
        #expect(state.press(.control("s")) == [.save])
        _ = state.update(.saved(SaveReport(), thenQuit: false))
        #expect(state.press(.character("q")) == [.quit])
    }
}

@Suite struct FilterAndSearchTests {
    @Test func incrementalSearchAndCancel() throws {
        var state = try makeState()
        state.press(.character("/"))
        #expect(state.screen == .list)
        state.type("kni")
        let ids = state.list.filteredActionIDs(in: state.plan)
        #expect(ids == ["PRI-02", "SEC-03", "SEC-04"])
        #expect(state.list.selectedActionID(in: state.plan) == "PRI-02")
        state.type("fe crime")
        #expect(state.list.filteredActionIDs(in: state.plan) == ["SEC-03"])
        state.press(.escape)
        #expect(state.list.filter.search == "")
        #expect(state.list.filteredActionIDs(in: state.plan).count == 27)
        state.press(.character("/"))
        state.type("SEC-04")
        state.press(.enter)
        #expect(state.list.filter.search == "SEC-04")
        #expect(state.list.selectedActionID(in: state.plan) == "SEC-04")
        state.press(.character("F"))
        #expect(!state.list.filter.isActive)
    }

    @Test func filterByOwnerStatusAndStale() throws {
        var state = try makeState()
        state.press(.character("f"), .down, .enter)  // Owner
        for _ in 0..<8 { state.press(.down) }        // da-steering
        state.press(.enter)
        #expect(state.list.filter.owner == "da-steering")
        #expect(state.list.filteredActionIDs(in: state.plan) == ["PRI-05", "PRI-06", "TER-05"])
        state.press(.character("f"), .down, .down, .enter, .down, .enter)  // Status: red
        #expect(state.list.filteredActionIDs(in: state.plan) == ["PRI-06", "TER-05"])
        state.press(.character("f"), .end, .enter)  // "no update this quarter" toggle (last option)
        #expect(state.list.filter.stale)
        #expect(state.list.filteredActionIDs(in: state.plan) == ["PRI-06", "TER-05"])
        _ = state.update(.resized(width: 120, height: 40))
        let frame = render(state)
        #expect(frame.text(row: 1).contains("Filter: owner Domestic Abuse Steering Executive · R red · no update this quarter  (F clears)"))
    }
}

@Suite struct MeetingTests {
    @Test func stepThroughRedActionsOfOneOwner() throws {
        var state = try makeState()
        state.press(.character("f"), .down, .enter)
        for _ in 0..<8 { state.press(.down) }
        state.press(.enter, .character("M"))
        #expect(state.isInMeeting)
        #expect(state.meeting?.ids == ["PRI-05", "PRI-06", "TER-05"])
        #expect(state.updatedCount(of: state.meeting!) == 1)  // PRI-05 already has a Q3 update
        state.press(.enter)                      // PRI-05 already updated: just moves on
        #expect(state.focusedActionID == "PRI-06")
        state.press(.enter)                      // red kept: commentary required
        guard case .editor(.commentary("PRI-06", .red, true), _) = state.modal else {
            Issue.record("expected a required commentary")
            return
        }
        state.type("New lead officer appointed; plan to board in January")
        state.press(.enter)
        #expect(state.action("PRI-06").review(for: state.quarter)?.status == .red)
        state.press(.enter)                      // PRI-06 now updated: next
        #expect(state.focusedActionID == "TER-05")
        state.press(.character("a"))             // the board's view: its reason is asked for
        guard case .editor(.boardView("TER-05", .amber), let editor) = state.modal, editor.text.isEmpty else {
            Issue.record("expected an empty prompt for the board's reason")
            return
        }
        state.type("Bid looks strong")
        state.press(.enter)
        #expect(state.action("TER-05").status == .amber)
        #expect(state.action("TER-05").review(for: state.quarter)?.board?.reason == "Bid looks strong")
        #expect(state.action("TER-05").review(for: state.quarter)?.noUpdateProvided == true)
        state.press(.character("m"))
        state.type("Bid resubmitted")
        state.press(.enter)
        #expect(state.action("TER-05").commentary == "Bid resubmitted")
        #expect(state.updatedCount(of: state.meeting!) == 3)
        state.press(.character("u"))             // undo the commentary only
        #expect(state.action("TER-05").status == .amber)
        #expect(state.action("TER-05").review(for: state.quarter)?.commentary == "")
        state.press(.right)
        #expect(state.isOnMeetingSummary)
        let summary = render(state).plainText
        // It lists the two changed here; the third action had its update before the meeting.
        #expect(summary.contains("2 of 3 changed in this meeting · 3 with a 2026/27 Q3 update"), "\(summary)")
        #expect(summary.contains("TER-05   R  →  A   Board's view: Bid looks strong"))
        #expect(summary.contains("PRI-06   R  kept      New lead officer appointed"))
        state.press(.enter)
        #expect(state.screen == .list)
    }

    /// Issue 23, item 1: the board overriding a lead's update in meeting mode never replaces the
    /// lead's words; the reason prompt opens empty, and both voices show on the screen.
    @Test func theBoardsViewInAMeetingKeepsTheLeadsWords() throws {
        var state = try makeState()
        state.press(.character("f"), .down, .enter)
        for _ in 0..<8 { state.press(.down) }
        state.press(.enter, .character("M"))
        #expect(state.focusedActionID == "PRI-05")   // already has the lead's Q3 update
        let before = try #require(state.action("PRI-05").review(for: state.quarter))
        #expect(!before.commentary.isEmpty)
        state.press(.character("a"))
        guard case .editor(.boardView("PRI-05", .amber), let editor) = state.modal else {
            Issue.record("expected the board's reason prompt")
            return
        }
        #expect(editor.text.isEmpty)
        state.press(.enter)                          // a reason is required: the prompt stays
        #expect(state.modal != nil)
        state.type("Partners report the funding is at risk")
        state.press(.enter)
        let after = try #require(state.action("PRI-05").review(for: state.quarter))
        #expect((after.status, after.commentary, after.by, after.on) == (before.status, before.commentary, before.by, before.on))
        #expect(after.board?.status == .amber)
        #expect(state.action("PRI-05").status == .amber)
        #expect(state.action("PRI-05").commentary == before.commentary)
        let screen = render(state).plainText
        #expect(screen.contains("Lead's update 2026/27 Q3"))
        #expect(screen.contains("Board's view: A"))
        #expect(screen.contains(String(before.commentary.prefix(20))))
    }

    /// Keeping a complete action at a meeting records no empty entry (the paper printed its old
    /// commentary as "none this quarter"); an action still running gets its entry.
    @Test func keepingACompleteActionRecordsNoEmptyReview() throws {
        var state = try makeState()
        state.press(.enter, .character("/"))
        state.type("WSA-03")
        state.press(.enter, .character("M"))
        #expect(state.focusedActionID == "WSA-03" && state.action("WSA-03").status == .complete)
        let before = state.plan
        state.press(.enter)
        #expect(state.action("WSA-03").review(for: state.quarter) == nil)
        #expect(state.plan == before)
    }

    @Test func emptyFilterRefusesAMeeting() throws {
        var state = try makeState()
        state.press(.character("/"))
        state.type("no such thing")
        state.press(.enter, .character("M"))
        #expect(state.screen == .list)
        #expect(state.message?.text == "No actions match the filter: nothing to review")
    }
}

@Suite struct RenderSafetyTests {
    @Test func planTextNeverPutsEscapesOnScreen() throws {
        var state = try makeState(width: 120, height: 40)
        state.session.plan.actions[0].title = "Evil \u{1B}]0;owned\u{07}title\u{1B}[2J with 東京 text"
        state.session.plan.actions[0].commentary = "red\u{1B}[31m alert\u{9B}2J"
        state.refreshRows()
        state.press(.enter)
        for frame in [render(state), { var s = state; s.press(.down, .enter); return render(s) }()] {
            for row in frame.rows { for cell in row { #expect(cell.character.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) }) } }
        }
        #expect(render(state).plainText.contains("Evil title with 東京 text"))
    }

    @Test func tooSmallShowsAMessageAndQuitStillWorks() throws {
        var state = try makeState(width: 59, height: 20)
        let text = render(state).plainText
        #expect(text.contains("Terminal too small"))
        #expect(text.contains("need 60×16, have 59×20"))
        #expect(state.press(.character("j")).isEmpty)
        #expect(state.press(.character("q")) == [.quit])
        _ = state.update(.resized(width: 60, height: 16))
        #expect(!render(state).plainText.contains("too small"))
    }

    @Test func wideCharactersAreTruncatedByCells() throws {
        var state = try makeState()
        state.session.plan.actions[0].title = "東京東京東京東京東京東京東京東京東京東京東京東京"
        state.refreshRows()
        state.press(.enter)
        let frame = render(state)
        let row = frame.text(row: 4)
        #expect(row.hasPrefix("  WSA-01  R  ▼ 東京東京東京東京東京東京東… "))  // cut at a cell boundary, with …
        #expect(row.contains(" Hillingdon Coun… 2027-01-31"))
        #expect(frame.rows[4].count == 80)
        #expect(row.trimmingSpaces().hasSuffix("12 Nov"))
    }
}

@Suite struct TextEditorTests {
    @Test func editsUTF8Text() {
        var editor = TextEditor("café")
        #expect(editor.cursor == 4)
        _ = editor.handle(.left)
        _ = editor.handle(.backspace)
        #expect(editor.text == "caé")
        _ = editor.handle(.home)
        _ = editor.handle(.character("东"))
        _ = editor.handle(.delete)
        #expect(editor.text == "东aé")
        _ = editor.handle(.end)
        _ = editor.handle(.character("!"))
        #expect(editor.text == "东aé!")
        _ = editor.handle(.control("u"))
        #expect(editor.text == "" && editor.cursor == 0)
        _ = editor.handle(.backspace)
        #expect(editor.handle(.enter) == .confirmed)
        #expect(editor.handle(.escape) == .cancelled)
    }

    @Test func visibleWindowFollowsTheCursor() {
        var editor = TextEditor(String(repeating: "a", count: 30))
        let shown = editor.visible(width: 10)
        #expect(shown.text.count == 9 && shown.cursorX == 9)
        _ = editor.handle(.home)
        #expect(editor.visible(width: 10).cursorX == 0)
    }
}

@Suite struct DocumentationTests {
    /// The README's key table is the keymap's, exactly (regenerate it with `dplan keys`).
    @Test func readmeListsEveryKey() throws {
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("-->\n" + Keymap.markdownTable + "\n<!-- end of keys -->"),
                "the README's key table differs from the keymap; paste the output of `dplan keys` into it")
        for section in Keymap.sections { #expect(!section.rows.isEmpty, "\(section.title)") }
    }
}

@Suite struct QuarterlyReviewTests {
    @Test func closeQuarterFromTheFrontEnd() throws {
        var state = try makeState()
        state.press(.character("Q"))
        guard case .editor(.closeQuarter(let q), let editor) = state.modal else {
            Issue.record("expected the board prompt")
            return
        }
        #expect(q == Quarter("2026/27 Q3"))
        #expect(editor.text == "Safer Hillingdon Partnership")
        state.press(.enter)
        #expect(state.message?.text == "Closed 2026/27 Q3 for Safer Hillingdon Partnership; edits now go to 2026/27 Q4")
        #expect(state.quarter == Quarter("2026/27 Q4"))
        #expect(state.plan.actions.allSatisfy { $0.review(for: q) != nil })
        state.press(.character("u"))
        #expect(state.quarter == q)
    }

    @Test func changesScreenAndBack() throws {
        var state = try makeState()
        state.press(.enter, .character("C"))
        #expect(state.isOnChanges)
        let text = render(state).plainText
        #expect(text.contains("Red for two or more quarters (escalate) (5)"))
        #expect(text.contains("WSA-01   A  →  R   Revisit the serious violence"))
        state.press(.escape)
        #expect(state.screen == .list)
    }
}

@Suite struct RestrictedTests {
    @Test func bangTogglesRestrictedCommentary() throws {
        var state = try makeState()
        state.press(.enter)
        state.select("SEC-07")
        state.press(.character("!"))
        #expect(state.action("SEC-07").commentaryRestricted == true)
        #expect(state.action("SEC-07").review(for: state.quarter)?.restricted == true)
        state.press(.enter)
        #expect(render(state).plainText.contains("[restricted: not for"))
        state.press(.character("!"))
        #expect(state.action("SEC-07").commentaryRestricted == nil)
    }
}

@Suite struct ConflictResolutionTests {
    @Test func eachConflictIsDecidedThenSaved() throws {
        var state = try makeState()
        let conflicts = [MergeConflict(path: "actions[id=SEC-06].title", base: nil, ours: "\"A\"", theirs: "\"B\""),
                         MergeConflict(path: "actions[id=SEC-06].due", base: nil, ours: "\"2027-01-31\"", theirs: "\"2027-03-31\"")]
        state.modal = .confirm(.resolveConflicts(conflicts, decided: [:]))
        let first = render(state).plainText
        #expect(first.contains("1/2 changed here and on disk: action SEC-06: title"))
        #expect(first.contains("Yours:  A") && first.contains("Theirs: B"))
        #expect(first.contains("action SEC-06: title: m keeps yours · t takes theirs · Esc cancels the save"))
        #expect(state.press(.character("x")).isEmpty)  // other keys keep asking
        #expect(state.press(.character("m")).isEmpty)
        #expect(render(state).plainText.contains("2/2 changed here and on disk: action SEC-06: due"))
        #expect(render(state).plainText.contains("Theirs: 2027-03-31"))
        #expect(state.press(.character("t")) == [.save(resolving: ["actions[id=SEC-06].title": .ours, "actions[id=SEC-06].due": .theirs], thenQuit: false)])
        state.modal = .confirm(.resolveConflicts(conflicts, decided: [:]))
        #expect(state.press(.escape).isEmpty)
        #expect(state.modal == nil)
        #expect(state.message?.text == "Not saved; your edits are still here (s tries again)")
        #expect(state.press(.character("R")) == [.reload])
    }
}

@Suite struct DetailScreenTests {
    @Test func fundingIsShownInPoundsAsInReports() throws {
        var state = try makeState(width: 120, height: 40)
        let index = state.plan.actionIndex(id: "SEC-03")!
        state.session.plan.actions[index].funding = Funding(source: "Home Office SVD grant", amount: Decimal(15000))
        let text = detailLines(state.plan.actions[index], state: state, width: 118)
            .map { $0.map(\.text).joined() }.joined(separator: "\n")
        #expect(text.contains("Home Office SVD grant £15,000"), "\(text)")
    }
}
