import Foundation
import PlanModel
@testable import PlanReports
import Spreadsheet
import Testing
import TestSupport

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

    /// A plan whose one action has commentary with line breaks and a list, in the running quarter.
    func planWithList(_ commentary: String) throws -> Report {
        var plan = Plan(id: "p", title: "Plan", partnership: "CSP",
                        period: Period(start: Day(iso: "2026-04-01")!, end: Day(iso: "2027-03-31")!),
                        owners: [Owner(id: "police", name: "Police")])
        plan.actions = [Action(id: "SEC-03", group: .secondary, title: "Knife arches", owner: "police", status: .green,
                               created: Timestamp(iso: "2026-04-02T10:00:00Z")!)]
        try plan.recordUpdate(actionID: "SEC-03", status: .red, commentary: commentary,
                              context: EditContext(by: "Police", now: Timestamp(iso: "2026-11-03T10:00:00Z")!))
        var options = ReportOptions(now: Timestamp(iso: "2026-11-22T10:00:00Z")!)
        options.quarter = Quarter("2026/27 Q3")
        return Report(plan: plan, options: options)
    }

    @Test func commentaryWithLineBreaksMakesTheActionTableAGridTableWithHardBreaks() throws {
        let markdown = try planWithList("Progress:\n- two arrests\n- one seizure near the station and the park").markdown()
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| SEC-03") || $0.hasPrefix("|        ") }
        #expect(rows.contains { $0.hasPrefix("| SEC-03    | **Knife arches**") && $0.hasSuffix("| Progress:\\                        |") }, "\(rows)")
        #expect(rows.contains { $0.contains("| - two arrests\\ ") })
        #expect(markdown.contains("\n+==="))
        // One line each: the usual pipe table.
        #expect(try planWithList("Two arrests").markdown().contains("| SEC-03 | **Knife arches** | Police |"))
    }

    @Test(.requires(.pandoc, .unzip)) func lineBreaksInATableCellReachTheWordPaper() throws {
        _ = try ExternalProgram.pandoc.path()
        let unzip = try ExternalProgram.unzip.path()
        let commentary = "Progress:\n- two arrests\n- one seizure of knives at the station near the park, with a long line that wraps\n1. review"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-breaks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("paper.docx")
        try planWithList(commentary).docx(programs: ExternalPrograms()).write(to: file)
        let document = try output(of: unzip, ["-p", file.path, "word/document.xml"])
        // The table cell holding the commentary, its line breaks as "\n" and its runs joined.
        let tables = document.components(separatedBy: "<w:tbl>").dropFirst().map { $0.components(separatedBy: "</w:tbl>")[0] }
        let cell = try #require(tables.flatMap { $0.components(separatedBy: "<w:tc>") }.last { $0.contains("two arrests") })
        let text = cell.replacingOccurrences(of: "<w:br />", with: "<w:t>\n</w:t>").components(separatedBy: "<w:t").dropFirst()
            .map { $0.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" } }.joined()
        #expect(text == commentary, "\(text)")
    }

    @Test func csvCellsKeepTheirLineBreaksAndReadBackAsWritten() throws {
        let commentary = "Progress:\n- two arrests\n- one seizure\n\nNext: review"
        let csv = String(decoding: try planWithList(commentary).rendered(as: .csv), as: UTF8.self)
        #expect(csv.contains("\"Progress:\n- two arrests\n- one seizure\n\nNext: review\""))
        let rows = try Workbook.read(Data(csv.utf8), fileName: "paper.csv").sheets[0].rows
        #expect(rows.flatMap { $0 }.contains { "\($0)" == "\(CellValue.text(commentary))" })
    }
}
