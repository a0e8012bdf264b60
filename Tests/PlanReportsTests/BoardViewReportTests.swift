import Foundation
import PlanModel
@testable import PlanReports
import Spreadsheet
import Testing

/// Issue 23, item 1: a return's words and the board's override both appear in every paper.
@Suite struct BoardViewReportTests {
    let q3 = Quarter("2026/27 Q3")!
    let now = Timestamp(iso: "2026-11-22T10:00:00Z")!

    func plan() throws -> Plan {
        var plan = Plan(id: "p", title: "Plan", partnership: "CSP",
                        period: Period(start: Day(iso: "2026-04-01")!, end: Day(iso: "2027-03-31")!),
                        owners: [Owner(id: "police", name: "Police")])
        plan.actions = [Action(id: "SEC-03", group: .secondary, title: "Knife arches", owner: "police", status: .green,
                               created: Timestamp(iso: "2026-04-02T10:00:00Z")!)]
        try plan.recordUpdate(actionID: "SEC-03", status: .green, commentary: "Arches at three stations",
                              context: EditContext(by: "Metropolitan Police", now: Timestamp(iso: "2026-11-03T10:00:00Z")!))
        try plan.recordBoardView(actionID: "SEC-03", status: .amber, reason: "Evaluation not commissioned",
                                 context: EditContext(by: "Jo Officer", now: Timestamp(iso: "2026-11-20T10:00:00Z")!))
        return plan
    }

    @Test func everyFormatShowsTheLeadsUpdateAndTheBoardsView() throws {
        var options = ReportOptions(now: now)
        options.quarter = q3  // the running quarter (the default is the last one ended, Q2)
        let report = Report(plan: try plan(), options: options)
        for format in ReportFormat.allCases where format != .xlsx && !format.needsExternalProgram {
            let text = String(decoding: try report.rendered(as: format), as: UTF8.self)
            #expect(text.contains("Arches at three stations"), "\(format)")
            #expect(text.contains("Evaluation not commissioned"), "\(format)")
        }
        let markdown = report.markdown()
        #expect(markdown.contains("**Lead's update** (G Green, Metropolitan Police, 3 Nov 2026): Arches at three stations"))
        #expect(markdown.contains("**Board's view** (A Amber, Jo Officer, 20 Nov 2026): Evaluation not commissioned"))
        #expect(report.groups.flatMap(\.actions).first?.letter == "A")
        let cells = try Workbook.read(try report.xlsx(), fileName: "r.xlsx").sheets[1].rows[1].map(\.text)
        #expect(cells.contains("Arches at three stations"))
        #expect(cells.contains("A Amber, Jo Officer, 20 Nov 2026: Evaluation not commissioned"))
    }

    @Test func aPublicPaperLeavesOutTheNames() throws {
        var options = ReportOptions(now: now)
        options.quarter = q3
        options.isPublic = true
        let markdown = Report(plan: try plan(), options: options).markdown()
        #expect(markdown.contains("**Board's view** (A Amber, 20 Nov 2026): Evaluation not commissioned"))
        #expect(!markdown.contains("Jo Officer"))
    }
}
