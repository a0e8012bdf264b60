import Foundation
import PlanModel
import PlanStore
import Testing

/// `dplan export --returns DIR` without `--send`: the officer sends the returns by hand, and the
/// plan records each one as written (when, by whom, which file), so `dplan chase` shows it.
@Suite struct ReturnsWrittenCLITests {
    func written(_ plan: String) throws -> [ReturnSent] {
        try PlanFile.load(plan).quarters.first { $0.quarter.description == "2026/27 Q3" }?.returnsSent ?? []
    }

    @Test func writtenReturnsAreRecordedPerLeadOncePerDayAndChaseShowsThem() throws {
        let plan = try temporaryCopy(of: hillingdonPlan)
        let folder = (plan as NSString).deletingLastPathComponent + "/returns"
        let export = try runDplan(["export", plan, "--format", "xlsx", "--returns", folder])
        #expect(export.status == 0, "\(export.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        let recorded = try written(plan)
        #expect(!files.isEmpty && recorded.compactMap(\.file).sorted() == files)
        #expect(recorded.allSatisfy { $0.via == .file && $0.to == nil && $0.by == "Test Officer" && $0.file == "\($0.owner).xlsx"
                                      && $0.on == Timestamp(iso: "2026-11-22T10:00:00Z")! })
        #expect(export.stdout.contains("recorded \(files.count) returns as written on \(plan)"))
        #expect(try runDplan(["validate", plan]).status == 0)

        let chase = try runDplan(["chase", plan], now: "2026-11-29T09:00:00Z")
        #expect(chase.stdout.contains("Metropolitan Police Service (West Area BCU) (mps): return written 2026-11-22 (by hand); 2 updates back"),
                "\(chase.stdout)")
        #expect(!chase.stdout.contains("not sent"))

        // Written again the same day (a file corrected and rewritten): one sending, not two.
        #expect(try runDplan(["export", plan, "--format", "xlsx", "--returns", folder], now: "2026-11-22T15:00:00Z").status == 0)
        #expect(try written(plan) == recorded)
        // Written again a week later: a second sending, kept beside the first.
        #expect(try runDplan(["export", plan, "--format", "xlsx", "--returns", folder], now: "2026-11-29T09:00:00Z").status == 0)
        #expect(try written(plan).count == 2 * recorded.count)
        let later = try runDplan(["chase", plan], now: "2026-11-30T09:00:00Z")
        #expect(later.stdout.contains("(mps): return written 2026-11-22 (by hand); return written 2026-11-29 (by hand);"), "\(later.stdout)")
    }

    @Test func noRecordLeavesThePlanAlone() throws {
        let plan = try temporaryCopy(of: hillingdonPlan)
        let before = try Data(contentsOf: URL(fileURLWithPath: plan))
        let folder = (plan as NSString).deletingLastPathComponent + "/trial"
        let export = try runDplan(["export", plan, "--format", "xlsx", "--returns", folder, "--no-record"])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(folder)/mps.xlsx"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: plan)) == before)
        let misplaced = try runDplan(["export", plan, "--format", "xlsx", "-o", "\(folder)/all.xlsx", "--no-record"])
        #expect(misplaced.status == 2 && misplaced.stderr.contains("--no-record goes with --returns DIR"))
    }

    @Test func aPlanThatCannotBeSavedIsSaidAndTheReturnsStayWritten() throws {
        let plan = try temporaryCopy(of: hillingdonPlan)
        // A field from a newer dplan: readable for an export, but not saved over without --drop-unknown.
        var text = try String(contentsOfFile: plan, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"actions\"", with: "\"fromANewerVersion\" : 1,\n  \"actions\"", options: [], range: text.range(of: "\"actions\""))
        try text.write(toFile: plan, atomically: true, encoding: .utf8)
        let folder = (plan as NSString).deletingLastPathComponent + "/returns"
        let export = try runDplan(["export", plan, "--format", "xlsx", "--returns", folder])
        #expect(export.status == 1)
        #expect(export.stderr.contains("the returns were written but not recorded as sent on \(plan)"), "\(export.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(folder)/mps.xlsx"))
        #expect(try String(contentsOfFile: plan, encoding: .utf8) == text)
    }
}
