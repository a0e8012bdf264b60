import Foundation
import PlanModel
import TestSupport
import Testing

/// Which quarter `changes`, `chase` and `export` use when none is given, through a quarter's
/// life (issue #27): the latest quarter that has ended and is not closed, else the current one;
/// closing the current quarter early keeps them on it.
@Suite struct DefaultQuarterCLITests {
    private let early = "2026-12-06T10:00:00Z", january = "2027-01-15T10:00:00Z", february = "2027-02-10T10:00:00Z"

    private func json(_ path: String, _ extra: [String] = [], now: String) throws -> [String: Any] {
        let result = try runDplan(["export", path, "--format", "json", "-o", "-"] + extra, now: now)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    @Test func closingTheCurrentQuarterEarlyKeepsEveryDefaultOnIt() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        #expect(try runDplan(["review", "close", path, "2026/27 Q3"], now: early).status == 0)
        let notice = "2026/27 Q3 is closed; updates for 2026/27 Q4 start on 1 Jan 2027"
        let changes = try runDplan(["changes", path], now: early)
        #expect(changes.stdout.hasPrefix("Changes from 2026/27 Q2 to 2026/27 Q3 (\(notice))\n"), "\(changes.stdout)")
        #expect(try runDplan(["chase", path], now: early).stdout == "\(notice). No update is owed.\n")
        #expect(try json(path, now: early)["quarter"] as? String == "2026/27 Q3")
        let paper = try runDplan(["export", path, "--format", "markdown", "-o", "-"], now: early).stdout
        #expect(paper.hasPrefix("# Hillingdon Serious Violence Delivery Plan 2024-27: Progress report 2026/27 Q3\n"), "\(paper.prefix(200))")
        #expect(!paper.contains("No update this quarter: **27**"))
        let annual = try runDplan(["export", path, "--year", "2026/27", "--format", "markdown", "-o", "-"], now: early).stdout
        #expect(annual.contains("## Headline at 2026/27 Q3\n"), "\(annual.prefix(600))")
        let q4 = try runDplan(["export", path, "--quarter", "2026/27 Q4", "--format", "json", "-o", "-"], now: early)
        #expect(q4.status == 2 && q4.stderr.contains("2026/27 Q4 has not started yet (the current quarter is 2026/27 Q3)"), "\(q4.stderr)")
        // From 1 January the defaults move on to Q4, which is then running.
        #expect(try json(path, now: "2027-01-01T09:00:00Z")["quarter"] as? String == "2026/27 Q4")
    }

    @Test func anEndedQuarterAwaitingItsBoardIsTheDefaultUntilItIsClosed() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let changes = try runDplan(["changes", path], now: january)
        #expect(changes.stdout.hasPrefix("Changes from 2026/27 Q2 to 2026/27 Q3\n"), "\(changes.stdout)")  // ended: not "so far"
        #expect(try runDplan(["chase", path], now: january).stdout.hasPrefix("Updates still needed for 2026/27 Q3 (6 actions):"))
        #expect(try json(path, now: january)["quarter"] as? String == "2026/27 Q3")
        #expect(try runDplan(["review", "close", path, "2026/27 Q3"], now: february).status == 0)
        #expect(try json(path, now: february)["quarter"] as? String == "2026/27 Q4")
        #expect(try runDplan(["changes", path], now: february).stdout.hasPrefix("Changes from 2026/27 Q3 to 2026/27 Q4 (so far)\n"))
    }

    /// The same across several plans: a plan whose quarter is closed owes nothing.
    @Test func chaseAcrossPlansSkipsAPlanWhoseQuarterIsClosed() throws {
        let closed = try temporaryCopy(of: hillingdonPlan), open = try temporaryCopy(of: hillingdonPlan)
        #expect(try runDplan(["review", "close", closed, "2026/27 Q3"], now: early).status == 0)
        let chase = try runDplan(["chase", closed, open], now: early)
        #expect(chase.stdout.hasPrefix("Updates still needed for 2026/27 Q3 (6 actions in 2 plans):"), "\(chase.stdout)")
    }
}

/// `dplan export --draft`: the draft banner on a paper for a quarter that has ended.
@Suite struct DraftOptionCLITests {
    @Test func draftMarksAnEndedQuartersPaperAndGoesWithPapersOnly() throws {
        let january = "2027-01-15T10:00:00Z"
        let board = try runDplan(["export", hillingdonPlan, "--format", "markdown", "-o", "-"], now: january)
        #expect(board.status == 0 && board.stdout.hasPrefix("# Hillingdon Serious Violence Delivery Plan 2024-27: Progress report 2026/27 Q3\n"))
        #expect(!board.stdout.contains("Draft —") && !board.stdout.contains("so far"))
        let draft = try runDplan(["export", hillingdonPlan, "--draft", "--format", "markdown", "-o", "-"], now: january)
        #expect(draft.stdout.contains("**Draft — quarter still open"), "\(draft.stderr)")
        let csv = try runDplan(["export", hillingdonPlan, "--draft", "--format", "csv", "-o", "-"], now: january)
        #expect(csv.status == 2 && csv.stderr.contains("--draft marks a paper"), "\(csv.stderr)")
    }
}
