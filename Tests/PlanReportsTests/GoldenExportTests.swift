import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PlanModel
import PlanReports
import PlanStore
import SnapshotTesting
import Testing

private let plansFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("plans")
private let now = Timestamp(iso: "2026-11-22T10:00:00Z")!

private func samplePlans() throws -> [(String, Plan)] {
    try FileManager.default.contentsOfDirectory(atPath: plansFolder.path).filter { $0.hasSuffix(".json") }.sorted().map {
        (($0 as NSString).deletingPathExtension, try PlanFile.load(plansFolder.appendingPathComponent($0).path))
    }
}

/// Every export format of every sample plan against a reviewed golden file. A change fails here;
/// read the diff, then re-record by deleting the file under __Snapshots__.
@Suite struct GoldenExportTests {
    @Test func everyFormatOfEverySamplePlan() throws {
        for (name, plan) in try samplePlans() {
            let report = Report(plan: plan, options: ReportOptions(now: now))
            for format in ReportFormat.allCases {
                assertSnapshot(of: String(decoding: try report.rendered(as: format), as: UTF8.self), as: .lines,
                               named: "\(name).\(format.fileExtension)")
            }
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

    @Test func csvReadBackByTheImporterGivesTheSameActions() throws {
        for (name, plan) in try samplePlans() {
            let report = Report(plan: plan, options: ReportOptions(now: now))
            let empty = Plan(id: "x", title: "x", partnership: "x", period: plan.period, groups: plan.groups)
            let result = try CSVImport.run(try report.csv(excel: true), into: empty, map: nil, defaultGroup: nil,
                                           context: EditContext(by: "t", now: now))
            #expect(result.problems.isEmpty, "\(name): \(result.problems)")
            let original = report.groups.flatMap(\.actions)
            #expect(result.plan.actions.count == original.count)
            for row in original {
                let action = try #require(result.plan.actions.first { $0.id == row.id })
                #expect(action.title == row.title)
                #expect(action.preventionGroup?.rawValue == row.group)
                #expect(result.plan.owner(id: action.owner)?.name == row.owner)
                #expect(action.partners.map { result.plan.owner(id: $0)!.name }.joined(separator: ", ") == row.partners)
                #expect(action.due?.description ?? "" == row.due)
                #expect(action.status.rawValue == row.status)
                #expect(action.commentary == row.commentary)
                #expect(action.outcomeMeasure == row.outcomeMeasure)
            }
        }
    }
}
