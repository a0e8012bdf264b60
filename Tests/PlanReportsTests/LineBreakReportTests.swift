import Foundation
import PlanModel
@testable import PlanReports
import Testing

/// Issue 23, item 6: bullet points pasted from an email print as lists.
@Suite struct LineBreakReportTests {
    @Test func bulletPointsPrintAsListsInHTMLAndAsLinesInMarkdown() throws {
        var plan = Plan(id: "p", title: "Plan", partnership: "CSP",
                        period: Period(start: Day(iso: "2026-04-01")!, end: Day(iso: "2027-03-31")!),
                        owners: [Owner(id: "police", name: "Police")])
        plan.actions = [Action(id: "SEC-03", group: .secondary, title: "Knife arches", owner: "police", status: .green,
                               created: Timestamp(iso: "2026-04-02T10:00:00Z")!)]
        try plan.recordUpdate(actionID: "SEC-03", status: .red, commentary: "Progress:\n- two arrests\n- one <seizure>\n\nNext: review",
                              context: EditContext(by: "Police", now: Timestamp(iso: "2026-11-03T10:00:00Z")!))
        var options = ReportOptions(now: Timestamp(iso: "2026-11-22T10:00:00Z")!)
        options.quarter = Quarter("2026/27 Q3")  // the running quarter, where the commentary is
        let report = Report(plan: plan, options: options)
        let html = String(decoding: try report.rendered(as: .html), as: UTF8.self)
        #expect(html.contains("<p>Progress:</p><ul><li>two arrests</li><li>one &lt;seizure&gt;</li></ul><p>Next: review</p>"))
        let markdown = report.markdown()
        #expect(markdown.contains("Progress:\\\n  - two arrests\\\n  - one \\<seizure\\>\\\n  Next: review"))
        #expect(htmlText("one line") == "one line")
    }
}
