import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PlanModel
import PlanReports
import PlanStore
import SnapshotTesting
import Spreadsheet
import Testing

private let plansFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("plans")
private let now = Timestamp(iso: "2026-11-22T10:00:00Z")!

private func samplePlans() throws -> [(String, Plan)] {
    try FileManager.default.contentsOfDirectory(atPath: plansFolder.path).filter { $0.hasSuffix(".json") }.sorted().map {
        (($0 as NSString).deletingPathExtension, try PlanFile.load(plansFolder.appendingPathComponent($0).path))
    }
}

/// Every text export format of every sample plan, and the annual report in Markdown, against a
/// reviewed golden file. A change fails here;
/// read the diff, then re-record by deleting the file under __Snapshots__.
@Suite struct GoldenExportTests {
    @Test func everyFormatOfEverySamplePlan() throws {
        for (name, plan) in try samplePlans() {
            let report = Report(plan: plan, options: ReportOptions(now: now))
            for format in ReportFormat.allCases where format != .xlsx && !format.needsExternalProgram {  // xlsx: cell by cell below; PDF and Word: PrintedPaperTests
                assertSnapshot(of: String(decoding: try report.rendered(as: format), as: UTF8.self), as: .lines,
                               named: "\(name).\(format.fileExtension)")
            }
            var annual = ReportOptions(now: now)
            annual.year = FinancialYear("2025/26")
            assertSnapshot(of: Report(plan: plan, options: annual).markdown(), as: .lines, named: "\(name).annual-2025-26.md")
        }
    }

    @Test func htmlIsWellFormedForARealParser() throws {
        for (name, plan) in try samplePlans() {
            var hostile = plan
            hostile.actions[0].title = "<script>alert('x')</script> & \"quotes\" \u{1B}[31m"
            for report in [Report(plan: plan, options: ReportOptions(now: now)), Report(plan: hostile, options: ReportOptions(now: now))] {
                let parser = XMLParser(data: Data(report.html().utf8))
                let ok = parser.parse()
                #expect(ok, "\(name): \(String(describing: parser.parserError)) at line \(parser.lineNumber)")
            }
        }
    }

    @Test(arguments: [ReportFormat.csv, .xlsx])
    func exportsReadBackByTheImporterGiveTheSameActions(format: ReportFormat) throws {
        for (name, plan) in try samplePlans() {
            let report = Report(plan: plan, options: ReportOptions(now: now))
            let empty = Plan(id: "x", title: "x", partnership: "x", period: plan.period, groups: plan.groups)
            let workbook = try Workbook.read(try report.rendered(as: format, excel: true), fileName: "\(name).\(format.fileExtension)")
            let table = try TrackerTable.locate(in: workbook, file: name, sheet: nil, map: nil)
            let result = try TrackerImport.apply([table], to: empty, options: TrackerImport.Options(), context: EditContext(by: "t", now: now))
            #expect(result.problems.isEmpty, "\(name): \(result.problems)")
            #expect(result.rows.allSatisfy { $0.isImported })
            let original = report.groups.flatMap(\.actions)
            #expect(result.plan.actions.count == original.count)
            for row in original {
                let action = try #require(result.plan.actions.first { $0.id == row.id })
                #expect(action.title == row.title)
                #expect(action.preventionGroup?.rawValue == row.group)
                #expect(result.plan.owner(id: action.owner)?.name == row.owner)
                #expect(action.partners.map { result.plan.owner(id: $0)!.name }.joined(separator: ", ") == row.partners)
                #expect(action.due?.description ?? "" == row.due)
                // A workbook is also the return: its RAG and progress are the lead's own update for
                // the quarter (words from an earlier quarter only in a reference column).
                #expect(format == .xlsx ? String(action.status.letter) == row.returnLetter : action.status.rawValue == row.status)
                #expect(action.commentary == (format == .xlsx ? row.returnCommentary : row.commentary))
                #expect(action.outcomeMeasure == row.outcomeMeasure)
            }
        }
    }
}
