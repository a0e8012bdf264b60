import Foundation
import Spreadsheet
import Testing
import TestSupport

private let q3 = "2026/27 Q3"
private let closeTime = "2027-01-20T10:00:00Z"

/// Exports the Q3 paper (or the 2025/26 annual report) in each format into `folder`, returning
/// the bytes by format.
private func exportAll(_ plan: String, formats: [String], period: [String] = ["--quarter", q3], at now: String) throws -> [String: Data] {
    var papers: [String: Data] = [:]
    for format in formats {
        let output = (plan as NSString).deletingLastPathComponent + "/paper-\(UUID().uuidString).\(format)"
        let result = try runDplan(["export", plan, "--format", format, "-o", output] + period, now: now)
        #expect(result.status == 0, "\(format): \(result.stderr)")
        papers[format] = FileManager.default.contents(atPath: output)
    }
    return papers
}

/// A workbook's cells as text, as a spreadsheet shows them.
private func cellsText(_ data: Data) throws -> String {
    try Workbook.read(data, fileName: "paper.xlsx").sheets.flatMap(\.rows).flatMap { $0.map(\.text) }.joined(separator: "\n")
}

/// Later edits made through the real binary: a due date moved, a new title, a decision, a
/// worse status and an indicator revised for the closed quarter.
private func editAfterClose(_ plan: String) throws {
    for arguments in [["set", plan, "PRI-01", "--due", "2027-03-15", "--reason", "Slipped"],
                      ["set", plan, "PRI-01", "--title", "A title the board never saw", "--decision", "Decide now"],
                      ["set", plan, "SEC-06", "--status", "red", "--comment", "Worse since the meeting"],
                      ["indicator", "record", plan, "hospital-knife-u25", "--quarter", q3, "--value", "14"]] {
        let result = try runDplan(arguments, now: "2027-01-25T10:00:00Z")
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
    }
}

/// Issue 27 through the real binary: a closed quarter's paper and a completed year's report are
/// the same bytes after later edits, in every format; `--as-at` shows the plan as it stood.
@Suite struct FrozenPaperCLITests {
    /// Words restricted after the close (an officer notices a name after the meeting) are
    /// withheld from every public paper of that quarter and of the plan as at an earlier day;
    /// the board's own paper of the closed quarter stays the same bytes.
    @Test func wordsRestrictedAfterTheCloseAreWithheldFromThePublicPaperOfThatQuarter() throws {
        let plan = try temporaryCopy(of: hillingdonPlan)
        let words = "All young people referred to the Operational High-Risk Panel"
        #expect(try runDplan(["review", "close", plan, q3], now: closeTime).status == 0)
        let formats = ["markdown", "html", "csv", "json", "xlsx"]
        let board = try exportAll(plan, formats: formats, at: "2027-01-20T11:00:00Z")
        let before = try exportAll(plan, formats: ["markdown"], period: ["--quarter", q3, "--public"], at: "2027-01-20T11:00:00Z")
        #expect(String(decoding: before["markdown"] ?? Data(), as: UTF8.self).contains(words), "the test's words are in the paper")
        let restrict = try runDplan(["set", plan, "SEC-01", "--restricted"], now: "2027-01-21T10:00:00Z")
        #expect(restrict.status == 0, "\(restrict.stderr)")
        for (format, paper) in try exportAll(plan, formats: formats, period: ["--quarter", q3, "--public"], at: "2027-01-21T11:00:00Z") {
            let text = format == "xlsx" ? try cellsText(paper) : String(decoding: paper, as: UTF8.self)
            #expect(!text.contains(words), "\(format)")
        }
        let asAt = try exportAll(plan, formats: ["markdown"], period: ["--as-at", "2027-01-20", "--public"], at: "2027-01-21T11:00:00Z")
        #expect(!String(decoding: asAt["markdown"] ?? Data(), as: UTF8.self).contains(words))
        #expect(try exportAll(plan, formats: formats, at: "2027-01-21T11:00:00Z") == board)
    }

    @Test func aClosedQuartersPaperIsTheSameBytesAfterLaterEdits() throws {
        let plan = try temporaryCopy(of: hillingdonPlan)
        #expect(try runDplan(["indicator", "record", plan, "hospital-knife-u25", "--quarter", q3, "--value", "9"], now: "2027-01-10T10:00:00Z").status == 0)
        #expect(try runDplan(["review", "close", plan, q3], now: closeTime).status == 0)
        let formats = ["markdown", "html", "csv", "json", "xlsx"]
        let before = try exportAll(plan, formats: formats, at: "2027-01-20T12:00:00Z")
        try editAfterClose(plan)
        let after = try exportAll(plan, formats: formats, at: "2027-02-03T09:00:00Z")
        for format in formats { #expect(before[format] != nil && after[format] == before[format], "\(format)") }
        let markdown = String(decoding: after["markdown"] ?? Data(), as: UTF8.self)
        #expect(!markdown.contains("A title the board never saw") && markdown.contains("20 Jan 2027"))
        // The next quarter's paper marks the revised value.
        let next = try runDplan(["export", plan, "--format", "markdown", "--quarter", "2026/27 Q4", "-o", "-"], now: "2027-02-03T09:00:00Z")
        #expect(next.stdout.contains("2026/27 Q3 was 9 in that quarter's paper, now 14"), "\(next.stdout)")
        #expect(try runDplan(["validate", plan], now: "2027-02-03T09:00:00Z").status == 0)
    }

    @Test(.requires(.chromium, .pandoc)) func printedAndWordPapersAreTheSameBytesToo() throws {
        let plan = try temporaryCopy(of: hillingdonPlan)
        #expect(try runDplan(["review", "close", plan, q3], now: closeTime).status == 0)
        let before = try exportAll(plan, formats: ["pdf", "docx"], at: "2027-01-20T12:00:00Z")
        try editAfterClose(plan)
        let after = try exportAll(plan, formats: ["pdf", "docx"], at: "2027-02-03T09:00:00Z")
        for format in ["pdf", "docx"] { #expect(before[format] != nil && after[format] == before[format], "\(format)") }
    }

    @Test func aCompletedYearsAnnualReportIsTheSameBytesAfterLaterEdits() throws {
        let plan = try temporaryCopy(of: hillingdonPlan)
        // The sample's 2025/26 Q4 was closed before dplan froze quarters: close it again to freeze it.
        #expect(try runDplan(["review", "reopen", plan, "2025/26 Q4", "--reason", "freeze"], now: "2026-11-22T10:00:00Z").status == 0)
        #expect(try runDplan(["review", "close", plan, "2025/26 Q4"], now: "2026-11-22T10:05:00Z").status == 0)
        let year = ["--year", "2025/26"]
        let before = try exportAll(plan, formats: ["markdown", "json", "csv"], period: year, at: "2026-11-23T10:00:00Z")
        try editAfterClose(plan)
        #expect(try runDplan(["set", plan, "WSA-01", "--title", "Renamed later"], now: "2027-01-26T10:00:00Z").status == 0)
        let after = try exportAll(plan, formats: ["markdown", "json", "csv"], period: year, at: "2027-02-03T09:00:00Z")
        for format in ["markdown", "json", "csv"] { #expect(before[format] != nil && after[format] == before[format], "\(format)") }
    }

    @Test func asAtShowsThePlanAsItStoodAndRefusesWhatItCannotKnow() throws {
        let plan = try temporaryCopy(of: hillingdonPlan)
        #expect(try runDplan(["review", "close", plan, q3], now: closeTime).status == 0)
        try editAfterClose(plan)
        let now = "2027-02-03T09:00:00Z"
        let then = try runDplan(["show", plan, "PRI-01", "--as-at", "2027-01-20"], now: now)
        #expect(then.status == 0 && !then.stdout.contains("A title the board never saw") && !then.stdout.contains("2027-03-15"), "\(then)")
        #expect(try runDplan(["show", plan, "PRI-01", "--as-at", "2027-01-25"], now: now).stdout.contains("A title the board never saw"))
        let list = try runDplan(["list", plan, "--as-at", "2027-01-20"], now: now)
        #expect(list.status == 0 && list.stdout.contains("today 2027-01-20") && !list.stdout.contains("A title the board never saw"))
        let paper = try runDplan(["export", plan, "--format", "markdown", "--quarter", q3, "--as-at", "2027-01-24", "-o", "-"], now: now)
        let closedPaper = try exportAll(plan, formats: ["markdown"], at: now)["markdown"]
        #expect(paper.status == 0 && Data(paper.stdout.utf8) == closedPaper)
        let future = try runDplan(["show", plan, "PRI-01", "--as-at", "2027-02-04"], now: now)
        #expect(future.status == 2 && future.stderr.contains("--as-at 2027-02-04 is in the future (today is 2027-02-03)"), "\(future.stderr)")
        let returns = try runDplan(["export", plan, "--format", "xlsx", "--returns", "returns", "--as-at", "2027-01-20"], now: now)
        #expect(returns.status == 2 && returns.stderr.contains("--as-at makes papers"), "\(returns.stderr)")
        let early = try runDplan(["list", plan, "--as-at", "2020-01-01"], now: now)
        #expect(early.status == 1 && early.stderr.contains("is before the plan existed"), "\(early.stderr)")
        let unknown = try runDplan(["show", plan, "PRI-01", "--as-at", "2026-12-01"], now: now)
        #expect(unknown.status == 1 && unknown.stderr.contains("cannot be shown exactly")
                && unknown.stderr.contains("2027-01-20 to 2027-01-24 (after 2026/27 Q3 closed)") && unknown.stdout.isEmpty, "\(unknown.stderr)")
    }
}

extension GitMergeTests {
    /// Issue 27: one agency closes the quarter and issues the paper; the other, who edited
    /// meanwhile, pulls (the merge driver merges the plan) and makes the same paper, byte for byte.
    @Test func aPaperTheOtherAgencyClosedIsTheSameBytesAfterAMerge() throws {
        let (_, police, council) = try twoAgencies()
        #expect(try police.dplan(["review", "close", "plans/plan.json", q3], at: "2026-12-20T10:00:00Z").status == 0)
        let formats = ["markdown", "html", "csv", "json", "xlsx"]
        let issued = try exportAll(police.plan, formats: formats, at: "2026-12-20T10:30:00Z")
        try police.commit("Q3 closed")
        try police.git(["push", "-q"])
        #expect(try council.dplan(["set", "plans/plan.json", "PRI-03", "--title", "Council's new title"], at: "2026-12-20T11:00:00Z").status == 0)
        try council.commit("Council's edit")
        let pull = try council.git(["pull", "-q", "--no-rebase", "--no-edit"], allowFailure: true)
        #expect(pull.status == 0, "\(pull.stderr)")
        let again = try exportAll(council.plan, formats: formats, at: "2026-12-21T09:00:00Z")
        for format in formats { #expect(issued[format] != nil && again[format] == issued[format], "\(format)") }
        #expect(try String(contentsOfFile: council.plan, encoding: .utf8).contains("Council's new title"))
    }
}
