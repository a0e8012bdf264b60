import Foundation
import PlanModel
import PlanReports
import PlanStore
import Testing

/// A paper is a draft, with figures "so far", only while its quarter (or year) runs, or when a
/// draft is asked for; a paper for an ended quarter is the board's (issue #27).
@Suite struct DraftPaperTests {
    private func hillingdon() throws -> Plan {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("plans/hillingdon-serious-violence-2024-27.json").path
        return try PlanFile.load(path)
    }

    private func report(_ plan: Plan, on now: String, year: String? = nil, draft: Bool = false) -> Report {
        var options = ReportOptions(now: Timestamp(iso: now)!)
        options.year = year.flatMap(FinancialYear.init)
        options.draft = draft
        return Report(plan: plan, options: options)
    }

    private let banner = "**Draft — quarter still open"

    @Test func aRunningQuarterIsADraftAnEndedOneIsNot() throws {
        let plan = try hillingdon()
        let running = report(plan, on: "2026-11-22T10:00:00Z")
        #expect(running.soFar && running.markdown().contains(banner) && running.markdown().contains("2026/27 Q3 (so far)"))
        // In January 2026/27 Q3 has ended and awaits its board: the board's paper, no banner, no "so far".
        let ended = report(plan, on: "2027-01-15T10:00:00Z")
        #expect(ended.quarter == "2026/27 Q3" && !ended.soFar)
        #expect(!ended.markdown().contains("Draft —") && !ended.markdown().contains("so far"))
        #expect(!ended.html().contains("class=\"draft\"") && !ended.html().contains("so far"))
        // --draft marks it anyway.
        let asked = report(plan, on: "2027-01-15T10:00:00Z", draft: true)
        #expect(asked.soFar && asked.markdown().contains(banner) && asked.html().contains("<p class=\"draft\">Draft — quarter still open"))
    }

    @Test func aQuarterClosedEarlyIsNotADraft() throws {
        var plan = try hillingdon()
        try plan.closeQuarter(Quarter("2026/27 Q3")!, board: nil, context: EditContext(by: "Chair", now: Timestamp(iso: "2026-12-06T10:00:00Z")!))
        let paper = report(plan, on: "2026-12-06T10:00:00Z")
        #expect(paper.quarter == "2026/27 Q3" && !paper.soFar && !paper.markdown().contains("Draft —"))
    }

    @Test func anAnnualReportIsADraftOnlyWhileItsYearRuns() throws {
        let plan = try hillingdon()
        let past = report(plan, on: "2026-11-22T10:00:00Z", year: "2025/26")
        #expect(!past.soFar && !past.markdown().contains("Draft —"))
        let current = report(plan, on: "2026-11-22T10:00:00Z", year: "2026/27")
        #expect(current.soFar && current.markdown().contains("**Draft — year 2026/27 still in progress"))
        #expect(report(plan, on: "2026-11-22T10:00:00Z", year: "2025/26", draft: true).markdown().contains("**Draft — year 2025/26 still in progress"))
    }
}
