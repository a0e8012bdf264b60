import Foundation
import PlanModel
import PlanStore
import Testing
import TestSupport

/// Drives the real binary in tmux. Serialized: each test owns a terminal and a plan copy.
@Suite(.serialized, .requires(.tmux)) struct TmuxEndToEndTests {
    @Test(arguments: [false, true])
    func setAmberWithCommentarySaveAndQuit(noColor: Bool) throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let before = try String(contentsOfFile: path, encoding: .utf8)
        let session = try TmuxSession(dplan: path, noColor: noColor, width: 80, height: 24)
        try session.waitFor("Prevention group")
        let styled = try session.screenWithEscapes()
        let colourCode = #"\x1B\[[34][0-7]m"#  // a foreground or background colour
        if noColor {
            #expect(styled.range(of: colourCode, options: .regularExpression) == nil, "NO_COLOR must mean no colour")
            #expect(styled.contains("\u{1B}[7mR"))  // statuses still stand out, in reverse video
        } else {
            #expect(styled.contains("\u{1B}[41mR"))  // red status cells on a red background
        }
        try session.press("/", until: "Search:")
        try session.type("SEC-06")
        try session.press("Enter", until: "Search kept")
        try session.press("a", until: "SEC-06 → A why? (required)")
        try session.type("IDVA funding ends in March")
        let edited = try session.press("Enter", until: "SEC-06 set to Amber")
        #expect(edited.contains("[+] unsaved"))
        try session.press("s", until: "Saved")
        try session.quitCleanly()

        let after = try String(contentsOfFile: path, encoding: .utf8)
        let old = try PlanFile.load(hillingdonPlan)
        let new = try PlanFile.load(path)
        let action = try #require(new.actions.first { $0.id == "SEC-06" })
        #expect(action.status == .amber)
        #expect(action.commentary == "IDVA funding ends in March")
        #expect(action.reviews.last == Review(quarter: Quarter("2026/27 Q3")!, status: .amber,
                                              commentary: "IDVA funding ends in March", by: "Test Officer",
                                              on: Timestamp(iso: "2026-11-22T10:00:00Z")!, owner: "thh"))
        // Nothing else changed: put the old SEC-06 back and the files are identical.
        var reverted = new
        reverted.actions[new.actionIndex(id: "SEC-06")!] = old.actions[old.actionIndex(id: "SEC-06")!]
        #expect(PlanCoding.encode(reverted) == Data(before.utf8))
        #expect(after != before)
    }

    @Test func resizeRedrawsAtOnce() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let session = try TmuxSession(dplan: path, width: 80, height: 24)
        try session.waitFor("Prevention group")
        try session.press("Enter", until: "▾ Whole system approach")
        try session.resize(width: 120, height: 40)
        // Waits for the whole redraw: a capture can land while the terminal is still painting.
        let wide = try session.waitFor("a 120-column redraw") { screen in
            screen.split(separator: "\n").contains { $0.hasSuffix("2026/27 Q3 · Test Officer") && $0.count > 100 }
                && screen.contains("Updated") && screen.contains("▾ Tertiary prevention")
        }
        #expect(wide.contains("Updated"), "\(wide)")
        #expect(wide.contains("▾ Tertiary prevention"))
        try session.resize(width: 50, height: 12)
        try session.waitFor("Terminal too small")
        try session.resize(width: 90, height: 30)
        let back = try session.waitFor("▾ Whole system approach")
        #expect(!back.contains("too small"))
        try session.quitCleanly()
    }

    /// The issue's "done when": find every red action of one owner, update three in meeting mode,
    /// undo one, save and quit — the file holds exactly those changes.
    @Test func meetingOnOneOwnersRedActions() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let session = try TmuxSession(dplan: path)
        try session.waitFor("Prevention group")
        try session.press("?", until: "meeting mode: step through the filtered actions")
        // Escape then f, sent together, were once read as Alt-f under load: f waits for the help to close.
        try session.press("Escape", untilGone: "meeting mode: step through the filtered actions")
        try session.press("f", until: "Filter by")
        try session.press("Down", "Enter", until: "Show owner")
        try session.press("Down", "Enter", until: "owner Hillingdon Council Community Safety Team")
        try session.press("f", until: "Filter by")
        try session.press("Down", "Down", "Enter", until: "Show statuses")
        try session.press("Down", "Enter", until: "Showing 3 of 27")  // red
        try session.press("M", until: "action 1 of 3")
        try session.press("a", until: "WSA-01 board's view → A: why?")  // the board's view asks why, whatever the way
        try session.type("Data sharing agreed")
        try session.press("Enter", until: "WSA-01: board's view Amber")
        try session.press("m", until: "┌ WSA-01 commentary")
        try session.keys("C-u")
        try session.type("Police extract agreed at the October board")
        try session.press("Enter", until: "WSA-01 commentary for")
        try session.press("Enter", until: "action 2 of 3")  // next
        try session.press("g", until: "WSA-04 board's view → G: why?")
        try session.type("Assessment commissioned")
        try session.press("Enter", until: "WSA-04: board's view Green")
        try session.press("Enter", until: "action 3 of 3")
        try session.press("Enter", until: "PRI-03 → R why? (required)")  // kept red: commentary required
        try session.type("Capital bid resubmitted")
        try session.press("Enter", until: "3 of 3 updated")
        try session.press("Enter", until: "Meeting summary")
        try session.press("u", until: "Undone: PRI-03")
        try session.press("s", until: "Saved")
        // Back to the list, then export the board paper from the front end too.
        try session.press("Escape", until: "Showing 1 of 27")  // WSA-01 improved to amber and WSA-04 to green: one red left
        try session.press("E", until: "Export a report of")
        try session.press("Right", "Right", "Right", until: "◂▸ html")  // pdf → docx → markdown → html; this quarter, the board, the file offered
        let exported = path.replacingOccurrences(of: "hillingdon-serious-violence-2024-27.json",
                                                 with: "hillingdon-serious-violence-2024-27-2026-27-Q3.html")
        try session.press("x", until: "Exported 2026/27 Q3, 27 actions to /")  // the long temporary path is cut at the screen edge
        #expect(try String(contentsOfFile: exported, encoding: .utf8).contains("Police extract agreed at the October board"))
        try session.quitCleanly()

        let old = try PlanFile.load(hillingdonPlan)
        let new = try PlanFile.load(path)
        let changed = Set(zip(old.actions, new.actions).filter { $0 != $1 }.map(\.0.id))
        #expect(changed == ["WSA-01", "WSA-04"])
        let wsa01 = try #require(new.actions.first { $0.id == "WSA-01" })
        #expect(wsa01.status == .amber)
        #expect(wsa01.commentary == "Police extract agreed at the October board")
        #expect(wsa01.review(for: Quarter("2026/27 Q3")!)?.board?.reason == "Data sharing agreed")
        #expect(new.actions.first { $0.id == "WSA-04" }?.status == .green)
        var rest = new
        rest.actions = old.actions
        #expect(rest == old)
    }

    /// SIGTERM and Ctrl-C both leave the terminal as it was: off the alternate screen, cursor shown.
    @Test(arguments: ["SIGTERM", "Ctrl-C"])
    func terminalIsRestored(how: String) throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let session = try TmuxSession(dplan: path, width: 80, height: 24)
        try session.waitFor("Prevention group")
        #expect(try session.tmux(["display", "-p", "-t", session.name, "#{alternate_on}"]).hasPrefix("1"))
        if how == "SIGTERM" {
            let pid = try session.tmux(["display", "-p", "-t", session.name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
            kill(try #require(childProcess(of: pid_t(pid)!)), SIGTERM)
            try session.waitFor("DPLAN-EXIT-143")
        } else {
            try session.press("C-c", until: "DPLAN-EXIT-0")
        }
        #expect(try session.tmux(["display", "-p", "-t", session.name, "#{alternate_on}"]).hasPrefix("0"))
        #expect(try session.tmux(["display", "-p", "-t", session.name, "#{cursor_flag}"]).hasPrefix("1"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(contentsOf: URL(fileURLWithPath: hillingdonPlan)))
    }
}

/// A second person opening a plan that is already open gets it read-only, saying who has it.
@Suite(.serialized, .requires(.tmux)) struct TmuxLockTests {
    @Test func secondOpenIsReadOnly() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let first = try TmuxSession(dplan: path)
        try first.waitFor("Prevention group")
        let second = try TmuxSession(dplan: path)
        let screen = try second.waitFor("read-only: open by Test Officer")
        #expect(screen.contains("[read-only]"))
        try second.press("Enter", until: "All 27 actions")
        try second.press("j", "g", until: "Read-only: the plan cannot be changed here")
        try second.quitCleanly()
        try first.quitCleanly()
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(contentsOf: URL(fileURLWithPath: hillingdonPlan)))
    }
}

/// A front end killed with unsaved edits: the next open offers them back from the swap file.
@Suite(.serialized, .requires(.tmux)) struct TmuxRecoveryTests {
    @Test func killedSessionIsRecovered() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let first = try TmuxSession(dplan: path)
        try first.waitFor("Prevention group")
        try first.press("/", until: "Search:")
        try first.type("SEC-06")
        try first.press("Enter", until: "Search kept")
        try first.press("c", until: "SEC-06 set to Complete")
        let pid = try first.tmux(["display", "-p", "-t", first.name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        kill(try #require(childProcess(of: pid_t(pid)!)), SIGKILL)
        try first.waitFor("DPLAN-EXIT-137")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(contentsOf: URL(fileURLWithPath: hillingdonPlan)))
        // The killed process left its lock: the next open asks before taking it over; declining
        // opens read-only and says how to break it later.
        let blocked = try TmuxSession(dplan: path)
        try blocked.waitFor("Take the lock over and edit? [y/N]")
        try blocked.press("n", "Enter", until: "(gone); reopen with --break-lock")
        try blocked.quitCleanly()
        let second = try TmuxSession(dplan: path)
        try second.waitFor("Take the lock over and edit? [y/N]")
        try second.press("y", "Enter", until: "Unsaved edits from an earlier session (1 changes")
        try second.press("c", until: "SEC-06 set to Complete for 2026/27 Q3 (Test Officer)")
        try second.press("r", until: "Recovered 1 unsaved changes")
        try second.press("s", until: "Saved")
        try second.quitCleanly()
        #expect(try PlanFile.load(path).actions.first { $0.id == "SEC-06" }?.status == .complete)
        let swap = (path as NSString).deletingLastPathComponent + "/.hillingdon-serious-violence-2024-27.json.dplan-swap"
        #expect(!FileManager.default.fileExists(atPath: swap))
    }

    /// Issue 11 item 10: closing the terminal (SIGHUP) restores it and releases the lock, and
    /// keeps the swap journal, so the next open offers the edit back without asking about a lock.
    @Test func closingTheTerminalReleasesTheLockAndKeepsTheJournal() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let first = try TmuxSession(dplan: path)
        try first.waitFor("Prevention group")
        try first.press("/", until: "Search:")
        try first.type("SEC-06")
        try first.press("Enter", until: "Search kept")
        try first.press("c", until: "SEC-06 set to Complete")
        #expect(FileManager.default.fileExists(atPath: PlanLock.path(for: path)))
        let pid = try first.tmux(["display", "-p", "-t", first.name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        kill(try #require(childProcess(of: pid_t(pid)!)), SIGHUP)
        try first.waitFor("DPLAN-EXIT-129")
        #expect(try first.tmux(["display", "-p", "-t", first.name, "#{alternate_on}"]).hasPrefix("0"))
        #expect(!FileManager.default.fileExists(atPath: PlanLock.path(for: path)))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(contentsOf: URL(fileURLWithPath: hillingdonPlan)))
        let second = try TmuxSession(dplan: path)
        let screen = try second.waitFor("Unsaved edits from an earlier session (1 changes")
        #expect(!screen.contains("Take the lock over"))
        try second.press("d", until: "Discarded the unsaved edits of the earlier session")
        try second.quitCleanly()
    }

    @Test func breakLockOpensWithoutAsking() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let gone = PlanLock.Holder(user: "Old", host: ProcessInfo.processInfo.hostName, pid: 999_999,
                                   since: Timestamp(iso: "2026-11-22T09:00:00Z")!)
        try JSONEncoder().encode(gone).write(to: URL(fileURLWithPath: PlanLock.path(for: path)))
        let session = try TmuxSession(dplan: path, options: "--break-lock")
        let screen = try session.waitFor("Prevention group")
        #expect(!screen.contains("Take the lock over") && !screen.contains("read-only"))
        try session.quitCleanly()
        #expect(!FileManager.default.fileExists(atPath: PlanLock.path(for: path)))
    }
}

/// Someone saves while the front end is open: R brings their change in, and a clash on the same
/// field is decided field by field when saving.
@Suite(.serialized, .requires(.tmux)) struct TmuxSharedEditingTests {
    @Test func reloadAndResolveConflicts() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let session = try TmuxSession(dplan: path, width: 120, height: 30)
        try session.waitFor("Prevention group")
        try session.press("/", until: "Search:")
        try session.type("SEC-06")
        try session.press("Enter", until: "Search kept")
        try session.press("m", until: "┌ SEC-06 commentary")
        try session.keys("C-u")
        try session.type("Mine: IDVA post at risk")
        try session.press("Enter", until: "SEC-06 commentary for")
        // A colleague saves a change to another action: noticed while idle, R brings it in.
        #expect(try runDplan(["set", path, "TER-03", "--status", "green", "--by", "Colleague"]).status == 0)
        try session.waitFor("The plan changed on disk: R brings their changes in")
        try session.press("R", until: "Brought in the changes saved on disk; yours are kept (not saved yet)")
        // Now they change the same commentary: saving asks, field by field.
        #expect(try runDplan(["set", path, "SEC-06", "--comment", "Theirs: funded to 2028", "--by", "Colleague"]).status == 0)
        let prompt = try session.press("s", until: "changed here and on disk: action SEC-06")
        // The prompt counts the clashes ("1/5 changed here and on disk: …"): keep mine for each.
        let count = try #require(prompt.range(of: #"1/(\d+) changed here"#, options: .regularExpression)
            .flatMap { Int(prompt[$0].dropFirst(2).prefix { $0.isNumber }) })
        for index in 1...count {
            try session.waitFor("\(index)/\(count) changed here and on disk")
            try session.press("m", until: index == count ? "Saved " : "\(index + 1)/\(count) changed here and on disk")
        }
        try session.quitCleanly()
        let plan = try PlanFile.load(path)
        #expect(plan.actions.first { $0.id == "SEC-06" }?.commentary == "Mine: IDVA post at risk")
        #expect(plan.actions.first { $0.id == "TER-03" }?.status == .green)
        #expect(plan.validate().isEmpty)
    }
}

/// Closing the quarter in the front end and saving keeps the dated copy too.
@Suite(.serialized, .requires(.tmux)) struct TmuxCloseQuarterTests {
    @Test func closeSaveKeepsADatedCopy() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let session = try TmuxSession(dplan: path)
        try session.waitFor("Prevention group")
        try session.press("Q", until: "Close 2026/27 Q3: which board reviewed it?")
        try session.press("Enter", until: "Closed 2026/27 Q3 for Safer Hillingdon Partnership")
        try session.press("s", until: "Saved")
        try session.quitCleanly()
        let copy = (path as NSString).deletingLastPathComponent + "/.dplan/hillingdon-serious-violence-2024-27.2026-27-Q3-closed.json"
        #expect(try PlanFile.load(copy) == PlanFile.load(path))
        #expect(try PlanFile.load(path).quarters.last?.state == .closed)
    }
}

/// The first child process of `parent` (the dplan started by the pane's shell).
private func childProcess(of parent: pid_t) -> pid_t? {
    let children = (try? String(contentsOfFile: "/proc/\(parent)/task/\(parent)/children", encoding: .utf8)) ?? ""
    return children.split(separator: " ").first.flatMap { pid_t($0) }
}
