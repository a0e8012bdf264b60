import Foundation
import PlanApp
import PlanModel
import PlanReports
import PlanStore
@testable import PlanTUI
import TestSupport
import Testing

/// The front end's export runs on its own thread through the same application layer as
/// `dplan export`: for the same options the two write the same bytes.
@Suite struct ExportJobTests {
    /// Waits for the job's thread to report (polling; no fixed time decides the outcome).
    private func finished(_ job: ExportJob) -> Event {
        while true {
            if let outcome = job.outcome { return outcome }
            usleep(5_000)
        }
    }

    @Test func theFrontEndsExportIsByteForByteTheCommandLines() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-job-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var request = ExportRequest(format: .html)
        request.quarter = Quarter("2026/27 Q2")
        request.isPublic = true
        request.sectionsBy = .owner
        request.board = "Safer Hillingdon Partnership Board"
        request.marking = "OFFICIAL-SENSITIVE"
        request.meeting = Day(iso: "2026-12-10")
        request.landscape = true
        let plan = LabelledPlan(label: "hillingdon", plan: try PlanFile.load(hillingdonPath), file: hillingdonPath)
        let job = ExportJob(plan: plan, request: request, path: folder + "/tui.html", overwrite: false, now: fixedNow)
        guard case .exported(let path, let summary, _) = finished(job) else { Issue.record("the export failed"); return }
        #expect(path == folder + "/tui.html")
        #expect(summary == "2026/27 Q2, 27 actions, public version")

        let process = Process()
        process.executableURL = dplanBinary()
        process.arguments = ["export", hillingdonPath, "--format", "html", "--quarter", "2026/27 Q2", "--public", "--by", "owner",
                             "--board", "Safer Hillingdon Partnership Board", "--marking", "OFFICIAL-SENSITIVE",
                             "--meeting", "2026-12-10", "--landscape", "-o", folder + "/cli.html"]
        process.environment = ProcessInfo.processInfo.environment.merging(["DPLAN_NOW": "2026-11-22T10:00:00Z"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let tui = try Data(contentsOf: URL(fileURLWithPath: folder + "/tui.html"))
        #expect(tui == (try Data(contentsOf: URL(fileURLWithPath: folder + "/cli.html"))))
        #expect(String(decoding: tui, as: UTF8.self).contains("OFFICIAL-SENSITIVE"))
    }

    /// The dialog's "the public, with the board's asks" is `--public --with-decisions`: the same
    /// bytes, the asks kept (and left out of the plain public version).
    @Test func aPublicPaperWithTheBoardsAsksIsTheCommandLines() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-job-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var plan = try PlanFile.load(hillingdonPath)
        try plan.setDecisionNeeded(actionID: "SEC-06", "Agree the IDVA's funding", context: EditContext(by: "Officer", now: fixedNow))
        let path = folder + "/plan.json"
        try PlanCoding.encode(plan).write(to: URL(fileURLWithPath: path))
        var request = ExportRequest(format: .markdown)
        request.isPublic = true
        request.withDecisions = true
        let job = ExportJob(plan: LabelledPlan(label: "plan", plan: plan, file: path), request: request, path: folder + "/tui.md",
                            overwrite: false, now: fixedNow)
        guard case .exported = finished(job) else { Issue.record("the export failed"); return }
        let process = Process()
        process.executableURL = dplanBinary()
        process.arguments = ["export", path, "--format", "markdown", "--public", "--with-decisions", "-o", folder + "/cli.md"]
        process.environment = ProcessInfo.processInfo.environment.merging(["DPLAN_NOW": "2026-11-22T10:00:00Z"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let tui = try String(contentsOfFile: folder + "/tui.md", encoding: .utf8)
        #expect(tui == (try String(contentsOfFile: folder + "/cli.md", encoding: .utf8)))
        #expect(tui.contains("## Decisions and recommendations for the board") && tui.contains("Agree the IDVA's funding"))
    }

    @Test func aJobThatWouldReplaceAFileAsksFirstAndWritesNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-job-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let existing = folder + "/paper.md"
        try Data("kept".utf8).write(to: URL(fileURLWithPath: existing))
        let plan = LabelledPlan(label: "hillingdon", plan: try PlanFile.load(hillingdonPath), file: hillingdonPath)
        let request = ExportRequest(format: .markdown)
        let job = ExportJob(plan: plan, request: request, path: existing, overwrite: false, now: fixedNow)
        guard case .exportFailed(let asked, let path, .wouldOverwrite) = finished(job) else { Issue.record("expected a question"); return }
        #expect(asked == request && path == existing)
        #expect(try Data(contentsOf: URL(fileURLWithPath: existing)) == Data("kept".utf8))
    }
}
