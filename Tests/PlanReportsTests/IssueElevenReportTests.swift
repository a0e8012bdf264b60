import Foundation
import PlanModel
@testable import PlanReports
import Spreadsheet
import Testing

private let q2 = Quarter("2026/27 Q2")!, q3 = Quarter("2026/27 Q3")!
private let now = Timestamp(iso: "2026-11-22T10:00:00Z")!  // in 2026/27 Q3

/// One action whose last review (Q2, closed) holds the text that is also its current commentary,
/// with no update in Q3, and a due-date move made by a named officer.
private func plan(secret: String = "Informant named in the Hayes case") -> Plan {
    var plan = Plan(id: "p", title: "Plan", partnership: "CSP",
                    period: Period(start: Day(iso: "2026-04-01")!, end: Day(iso: "2027-03-31")!),
                    owners: [Owner(id: "police", name: "Police")])
    var action = Action(id: "PRI-03", group: .primary, title: "Hot spots", owner: "police", status: .red,
                        due: Day(iso: "2027-03-31"), commentary: secret,
                        created: Timestamp(iso: "2026-04-02T10:00:00Z")!)
    action.reviews = [Review(quarter: q2, status: .red, commentary: secret, by: "Jo Bloggs", on: Timestamp(iso: "2026-08-01T10:00:00Z")!)]
    action.dueDateChanges = [DueDateChange(from: Day(iso: "2026-12-31"), to: Day(iso: "2027-03-31")!, reason: "Funding late",
                                           by: "Jo Bloggs", on: Timestamp(iso: "2026-08-01T10:00:00Z")!)]
    plan.actions = [action]
    plan.quarters = [QuarterRecord(quarter: q2, state: .closed)]
    return plan
}

private func outputs(_ plan: Plan, quarter: Quarter? = nil, withNames: Bool = false) throws -> [String: String] {
    var options = ReportOptions(now: now)
    options.isPublic = true
    options.withNames = withNames
    options.quarter = quarter
    let report = Report(plan: plan, options: options)
    var result: [String: String] = [:]
    // PDF and Word are made from html() and markdown() by outside programs (PrintedPaperTests).
    for format in ReportFormat.allCases where !format.needsExternalProgram {
        let data = try report.rendered(as: format)
        // A workbook is read back by its cells, as Excel would show them.
        result[format.rawValue] = format == .xlsx
            ? try Workbook.read(data, fileName: "r.xlsx").sheets.flatMap(\.rows).flatMap { $0.map(\.text) }.joined(separator: "\n")
            : String(decoding: data, as: UTF8.self)
    }
    result["history"] = String(decoding: try plan.historyCSV(excel: false, isPublic: true, withNames: withNames), as: UTF8.self)
    result["template"] = try report.render(template: "{{#groups}}{{#actions}}{{commentary}}|{{#withheld}}withheld{{/withheld}}{{/actions}}{{/groups}}", name: "t")
    return result
}

@Suite struct IssueElevenReportTests {
    /// Item 1: restricting the current commentary (which is the last review's text) keeps it out
    /// of every public format, for this quarter and for the closed quarter that holds it; public
    /// outputs say "withheld" and leave out who made each update unless names are asked for.
    @Test func restrictedTextNeverReachesAPublicOutput() throws {
        var plan = plan()
        try plan.setCommentaryRestricted(actionID: "PRI-03", true, context: EditContext(by: "Jo Bloggs", now: now))
        for quarter in [nil, q2] {
            for (format, text) in try outputs(plan, quarter: quarter) {
                #expect(!text.contains("Informant"), "\(format) \(quarter?.description ?? "live")")
                #expect(text.contains("withheld"), "\(format) \(quarter?.description ?? "live")")
                #expect(!text.contains("Jo Bloggs"), "\(format) \(quarter?.description ?? "live")")
            }
        }
        let named = try outputs(plan, withNames: true)
        #expect(named["history"]!.hasPrefix("ID,Action,Quarter,Status,Commentary,By,On,Board's view,Board's reason\r\n") && named["history"]!.contains("Jo Bloggs"))
        #expect(named["markdown"]!.contains("(Jo Bloggs)"))
        #expect(try outputs(plan)["history"]!.hasPrefix("ID,Action,Quarter,Status,Commentary,On,Board's view,Board's reason\r\n"))
    }

    /// The board's reasons and the due-date reasons written about a restricted action answer or
    /// repeat its words: public outputs withhold them as they withhold the commentary (they once
    /// printed "Board's view (A Amber …): <the reason>" beside "withheld"). Unrestricted, they show.
    @Test func reasonsAboutARestrictedActionNeverReachAPublicOutput() throws {
        var plan = plan()
        plan.actions[0].reviews.append(Review(quarter: q3, status: .amber, commentary: "Update from Jo", by: "Jo Bloggs",
                                              on: Timestamp(iso: "2026-11-01T10:00:00Z")!))
        plan.actions[0].reviews[1].board = BoardView(status: .red, reason: "Donor Mr Smith withdrew", by: "Chair", on: now)
        plan.actions[0].dueDateChanges.append(DueDateChange(from: Day(iso: "2027-03-31"), to: Day(iso: "2027-06-30")!,
                                                            reason: "Mr Smith's gift delayed", by: "Chair", on: now))
        let open = try outputs(plan)
        for format in ["html", "markdown", "json", "xlsx", "history"] {
            #expect(open[format]!.contains("Mr Smith"), "\(format) shows the reasons of an unrestricted action")
        }
        try plan.setCommentaryRestricted(actionID: "PRI-03", true, context: EditContext(by: "Jo Bloggs", now: now))
        for (format, text) in try outputs(plan) {
            #expect(!text.contains("Mr Smith"), "\(format)")
        }
        var full = ReportOptions(now: now)
        full.quarter = q3
        #expect(Report(plan: plan, options: full).markdown().contains("Donor Mr Smith withdrew"), "the board's own paper keeps it")
    }

    /// Item 4: last quarter's words are labelled with their quarter; the grid has no letter
    /// where there is no review; a report of an open quarter says "so far".
    @Test func carriedCommentaryIsLabelledAndTheGridShowsOnlyReviews() throws {
        let report = Report(plan: plan(secret: "Waiting for funding"), options: ReportOptions(now: now))
        let row = try #require(report.exceptions.first)
        #expect(row.commentaryNote == "2026/27 Q2 update; none this quarter" && row.stale)
        #expect(report.markdown().contains("- **This quarter (2026/27 Q3, so far):** _(2026/27 Q2 update; none this quarter)_ Waiting for funding"))
        #expect(report.html().contains("<em>(2026/27 Q2 update; none this quarter)</em> Waiting for funding"))
        // The grid starts at Q2, the first quarter with a review (Q1 would be a column of dots).
        #expect(report.heatQuarters == ["2026/27 Q2", "2026/27 Q3"])
        #expect(report.heat.first?.letters == ["R", ""])
        #expect(report.soFar && report.markdown().hasPrefix("# Plan: Progress report 2026/27 Q3 (so far)\n"))
        var closedQ2 = ReportOptions(now: now)
        closedQ2.quarter = q2
        let earlier = Report(plan: plan(secret: "Waiting for funding"), options: closedQ2)
        #expect(!earlier.soFar && earlier.exceptions.first?.commentaryNote == "")
    }

    /// Item 7: plan text is escaped so Markdown viewers and pandoc show it, not markup.
    @Test func markdownShowsPlanTextNotMarkup() throws {
        var plan = plan()
        plan.actions[0].title = "<img src=x onerror=alert(1)> [link](http://evil) *bold* _em_ `code` | pipe & &amp; ~~x~~ $x$ ^y^"
        let markdown = Report(plan: plan, options: ReportOptions(now: now)).markdown()
        #expect(markdown.contains(#"\<img src=x onerror=alert(1)\> \[link\](http://evil) \*bold\* \_em\_ \`code\` \| pipe \& \&amp; \~\~x\~\~ \$x\$ \^y\^"#))
        let unescaped = markdown.replacingOccurrences(of: "\\<", with: "").replacingOccurrences(of: "\\[", with: "")
        #expect(!unescaped.contains("<") && !unescaped.contains("[link]"))
    }
}
