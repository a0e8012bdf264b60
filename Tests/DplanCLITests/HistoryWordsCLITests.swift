import Foundation
import TestSupport
import Testing

/// History that says what happened (issue #27): a closed quarter's "no update provided" is its
/// own state in `dplan show`, not "(no commentary)" like a kept review.
@Suite struct HistoryWordsCLITests {
    @Test func showSaysNoUpdateProvidedForAQuarterClosedWithoutOne() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        #expect(try runDplan(["review", "close", path, "2026/27 Q3"]).status == 0)
        let shown = try runDplan(["show", path, "PRI-03"]).stdout
        let line = shown.split(separator: "\n").first { $0.hasPrefix("  2026/27 Q3") }
        #expect(line?.contains("(no update provided)") == true, "\(shown)")
    }
}

/// `/` from the detail screen in a real terminal: the list's search opens, and the letters typed
/// are the search, not status keys.
@Suite(.serialized) struct TmuxSearchEverywhereTests {
    @Test(.requires(.tmux))
    func slashOnTheDetailScreenSearches() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let session = try TmuxSession(dplan: path, width: 120, height: 36)
        try session.waitFor("Prevention group")
        try session.press("Enter", until: "▾ Whole system approach")
        try session.keys("j")
        try session.press("Enter", until: "Review history")
        try session.press("/", until: "Search:")
        try session.type("needs")
        let listed = try session.press("Enter", until: "Search kept")
        #expect(!listed.contains("[+] unsaved"), "\(listed)")
        try session.quitCleanly()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}

/// Closing a quarter again after reopening it counts the actions still recorded as "no update
/// provided" (it said 0 once the first close had given every action an entry).
@Suite struct ReopenCountCLITests {
    @Test func closingAgainAfterAReopeningCountsTheUpdatesStillMissing() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let first = try runDplan(["review", "close", path, "2026/27 Q3"])
        #expect(first.stdout.hasSuffix("27 actions recorded, 6 with no update provided\n"), "\(first.stdout)")
        #expect(try runDplan(["review", "reopen", path, "2026/27 Q3", "--reason", "Late police update"]).status == 0)
        #expect(try runDplan(["set", path, "PRI-03", "--status", "amber", "--comment", "Funding found"]).status == 0)
        let again = try runDplan(["review", "close", path, "2026/27 Q3"])
        #expect(again.stdout.hasSuffix("27 actions recorded, 5 with no update provided\n"), "\(again.stdout)")
    }
}

/// A due date after the plan period ends is allowed but never silent.
@Suite struct DueAfterThePlanCLITests {
    @Test func aDueDateAfterThePlanEndsIsSaid() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let moved = try runDplan(["set", path, "PRI-03", "--due", "2028-01-31", "--reason", "Funding next year"])
        #expect(moved.status == 0 && moved.stdout.contains("due date moved 2026-03-31 → 2028-01-31 (after the plan ends on 2027-03-31)"),
                "\(moved.stdout)")
        let within = try runDplan(["set", path, "PRI-03", "--due", "2027-01-31", "--reason", "Sooner"])
        #expect(within.status == 0 && !within.stdout.contains("after the plan ends"), "\(within.stdout)")
        let added = try runDplan(["add", path, "--group", "primary", "--title", "Later work", "--owner", "Youth Justice Service",
                                  "--due", "2027-06-30"])
        #expect(added.status == 0 && added.stdout.contains("; due 2027-06-30 is after the plan ends on 2027-03-31"), "\(added.stdout) \(added.stderr)")
    }
}

/// Indicator values, recorded and revised, are on `dplan log`, which takes an indicator id too.
@Suite struct IndicatorLogCLITests {
    @Test func aRevisedValueIsOnTheLogOfThePlanAndOfTheIndicator() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let revised = try runDplan(["indicator", "record", path, "hospital-knife-u25", "--quarter", "2026/27 Q2", "--value", "7", "--note", "Late returns"])
        #expect(revised.status == 0, "\(revised.stderr)")
        func words(_ text: String) -> String { text.split(separator: " ").joined(separator: " ") }
        let line = "2026-11-22 10:00 hospital-knife-u25 value 2026/27 Q2"
        #expect(words(try runDplan(["log", path]).stdout).contains(line))
        let one = try runDplan(["log", path, "hospital-knife-u25"])
        #expect(one.status == 0 && words(one.stdout).contains(line) && !one.stdout.contains("police-knife-u25"), "\(one.stdout)\(one.stderr)")
        #expect(try runDplan(["log", path, "NOPE"]).stderr.contains("no action or indicator with id \"NOPE\""))
    }
}
