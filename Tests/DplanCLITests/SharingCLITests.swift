import Foundation
import PlanModel
import PlanStore
import TestSupport
import Testing

/// Sync-conflict copies, the merge driver on files that are not plans, resolve's usage, and
/// reading several plans at once.
@Suite struct SharingCLITests {
    let northWarwickshire = repositoryRoot.appendingPathComponent("plans/north-warwickshire-serious-violence-2023-27.json").path

    /// A plan saved once by dplan (so `.dplan/` holds the version before), and an offline copy
    /// made from that earlier version and changed elsewhere.
    func planAndSyncCopy() throws -> (plan: String, copy: String) {
        let plan = try temporaryCopy(of: hillingdonPlan)
        let copy = (plan as NSString).deletingLastPathComponent + "/hillingdon-serious-violence-2024-27 (1).json"
        try FileManager.default.copyItem(atPath: plan, toPath: copy)
        #expect(try runDplan(["set", plan, "PRI-03", "--status", "amber", "--comment", "Hotspots down"]).status == 0)
        var other = try PlanFile.load(copy)
        try other.recordUpdate(actionID: "WSA-02", status: .amber, commentary: "Comms late",
                               context: EditContext(by: "Laptop", now: Timestamp(iso: "2026-11-22T09:00:00Z")!))
        try PlanFile.save(other, to: copy)
        return (plan, copy)
    }

    @Test func aSyncConflictCopyMergesWithOneCommand() throws {
        let (plan, copy) = try planAndSyncCopy()
        let copyBefore = try Data(contentsOf: URL(fileURLWithPath: copy))
        let result = try runDplan(["merge", plan, copy])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("common version: \((plan as NSString).deletingLastPathComponent)/.dplan/hillingdon-serious-violence-2024-27.1.json"))
        #expect(result.stdout.contains("1 action added or changed"))
        let merged = try PlanFile.load(plan)
        #expect(merged.actions.first { $0.id == "PRI-03" }?.commentary == "Hotspots down")
        #expect(merged.actions.first { $0.id == "WSA-02" }?.commentary == "Comms late")
        #expect(merged.validate().isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == copyBefore)
        // Against the version both started from, the copy has nothing more to bring.
        let again = try runDplan(["merge", plan, copy, "--base", hillingdonPlan])
        #expect(again.status == 0 && again.stdout.contains("nothing to merge"), "\(again.stdout)\(again.stderr)")
    }

    @Test func aSyncCopyThatClashesIsRecordedForResolve() throws {
        let (plan, copy) = try planAndSyncCopy()
        var other = try PlanFile.load(copy)
        try other.recordUpdate(actionID: "PRI-03", status: .green, commentary: "Better on the laptop",
                               context: EditContext(by: "Laptop", now: Timestamp(iso: "2026-11-22T09:30:00Z")!))
        try PlanFile.save(other, to: copy)
        let result = try runDplan(["merge", plan, copy])
        #expect(result.status == 1)
        #expect(result.stderr.contains("conflict: action PRI-03: review for 2026/27 Q3: ours amber — Hotspots down (Test Officer"), "\(result.stderr)")
        #expect(try PlanFile.load(plan).conflicts.count == 1)  // the two reviews, whole (the action's status and words are its review's)
        #expect(try runDplan(["resolve", plan, "--theirs"]).status == 0)
        let resolved = try PlanFile.load(plan)
        #expect(resolved.actions.first { $0.id == "PRI-03" }?.status == .green && resolved.validate().isEmpty)
    }

    @Test func withoutAVersionBothGrewFromMergeAsksForTheBase() throws {
        let plan = try temporaryCopy(of: hillingdonPlan)
        let copy = plan + ".copy.json"
        try FileManager.default.copyItem(atPath: plan, toPath: copy)
        let now = EditContext(by: "Laptop", now: Timestamp(iso: "2026-11-22T09:00:00Z")!)
        for (path, id) in [(plan, "PRI-03"), (copy, "WSA-02")] {
            var edited = try PlanFile.load(path)
            try edited.recordUpdate(actionID: id, status: .amber, commentary: "Edited in \(id)", context: now)
            try PlanFile.save(edited, to: path)  // no backup kept
        }
        let result = try runDplan(["merge", plan, copy])
        #expect(result.status == 1 && result.stderr.contains("give the version both started from with --base"), "\(result.stderr)")
        #expect(try runDplan(["merge", plan, copy, "--base", hillingdonPlan]).status == 0)
    }

    /// Issue #22: the newest backup by modification time was taken as the common version and
    /// silently reverted the plan's own edits. The version both grew from is found by content.
    @Test func theCommonVersionIsFoundFromTheAuditTrailsNotFileTimes() throws {
        let plan = try temporaryCopy(of: hillingdonPlan)
        let folder = (plan as NSString).deletingLastPathComponent
        let copy = folder + "/hillingdon-serious-violence-2024-27 (1).json"
        try FileManager.default.copyItem(atPath: plan, toPath: copy)
        for (id, words) in [("PRI-03", "First"), ("PRI-04", "Second"), ("PRI-05", "Third")] {
            #expect(try runDplan(["set", plan, id, "--comment", words]).status == 0)
        }
        var other = try PlanFile.load(copy)
        try other.recordUpdate(actionID: "WSA-02", status: nil, commentary: "Laptop words",
                               context: EditContext(by: "Laptop", now: Timestamp(iso: "2026-11-22T09:00:00Z")!))
        try PlanFile.save(other, to: copy)  // newer than every backup
        let result = try runDplan(["merge", plan, copy])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("common version: \(folder)/.dplan/hillingdon-serious-violence-2024-27.3.json"), "\(result.stdout)")
        let merged = try PlanFile.load(plan)
        let words = ["PRI-03", "PRI-04", "PRI-05", "WSA-02"].map { id in merged.actions.first { $0.id == id }?.commentary }
        #expect(words == ["First", "Second", "Third", "Laptop words"])
        // A copy that is simply older than the plan has nothing to bring.
        let older = try runDplan(["merge", plan, folder + "/.dplan/hillingdon-serious-violence-2024-27.2.json"])
        #expect(older.status == 0 && older.stdout.contains("nothing to merge"), "\(older.stdout)\(older.stderr)")
    }

    @Test func theDriverHandsOtherJSONToGitsTextMerge() throws {
        let folder = (try temporaryCopy(of: hillingdonPlan) as NSString).deletingLastPathComponent
        func write(_ name: String, _ text: String) throws -> String {
            let path = folder + "/" + name
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let base = try write("o.json", "{\n  \"a\" : 1,\n  \"b\" : 2,\n  \"c\" : 3\n}\n")
        let ours = try write("a.json", "{\n  \"a\" : 10,\n  \"b\" : 2,\n  \"c\" : 3\n}\n")
        let theirs = try write("b.json", "{\n  \"a\" : 1,\n  \"b\" : 2,\n  \"c\" : 30\n}\n")
        let clean = try runDplan(["merge-driver", base, ours, theirs, "config/settings.json"])
        #expect(clean.status == 0 && clean.stderr.contains("merging config/settings.json line by line with git merge-file"))
        #expect(try String(contentsOfFile: ours, encoding: .utf8) == "{\n  \"a\" : 10,\n  \"b\" : 2,\n  \"c\" : 30\n}\n")
        let clash = try write("b2.json", "{\n  \"a\" : 20,\n  \"b\" : 2,\n  \"c\" : 3\n}\n")
        #expect(try runDplan(["merge-driver", base, ours, clash, "config/settings.json"]).status == 1)
        #expect(try String(contentsOfFile: ours, encoding: .utf8).contains("<<<<<<< ours"))
    }

    @Test func resolveUsageAndChoices() throws {
        let plan = try temporaryCopy(of: hillingdonPlan)
        #expect(try runDplan(["resolve", plan]).stdout.contains("no unresolved merge conflicts"))
        #expect(try runDplan(["resolve", plan, "--ours", "--theirs"]).status == 2)
        #expect(try runDplan(["resolve", plan, "SEC-06", "status"]).status == 2)
        #expect(try runDplan(["resolve", plan, "SEC-06", "--take", "mine"]).status == 2)
    }

    @Test func readingCommandsTakeSeveralPlansAndLabelRows() throws {
        let list = try runDplan(["list", hillingdonPlan, northWarwickshire, "--status", "red"])
        #expect(list.status == 0, "\(list.stderr)")
        let rows = list.stdout.split(separator: "\n").dropFirst().dropLast()
        #expect(list.stdout.hasPrefix("PLAN"))
        #expect(rows.contains { $0.hasPrefix("hillingdon") } && rows.contains { $0.hasPrefix("north-warwickshire") })
        #expect(list.stdout.contains("in 2 plans"))
        let chase = try runDplan(["chase", hillingdonPlan, northWarwickshire])
        #expect(chase.status == 0 && chase.stdout.contains("in 2 plans"))
        let changes = try runDplan(["changes", hillingdonPlan, northWarwickshire])
        #expect(changes.status == 0 && changes.stdout.hasPrefix("Changes hillingdon"))
        let csv = try runDplan(["export", hillingdonPlan, northWarwickshire, "--format", "csv", "-o", "-"])
        #expect(csv.status == 0 && csv.stdout.hasPrefix("Plan,ID,"))
        let paper = try runDplan(["export", hillingdonPlan, northWarwickshire, "--format", "html", "-o", "-"])  // the portfolio paper (issue 25)
        #expect(paper.status == 0 && paper.stdout.contains("Portfolio report: 2 plans"), "\(paper.stderr)")
        #expect(try runDplan(["export", hillingdonPlan, northWarwickshire, "--format", "csv", "--history", "-o", "-"]).status == 2)
    }

    @Test func aFolderPrintsThePortfolioWithoutATerminal() throws {
        let folder = (try temporaryCopy(of: hillingdonPlan) as NSString).deletingLastPathComponent
        try FileManager.default.copyItem(atPath: northWarwickshire, toPath: folder + "/nw.json")
        try "{\"not\": \"a plan\"}".write(toFile: folder + "/other.json", atomically: true, encoding: .utf8)
        let result = try runDplan([folder])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Portfolio: 2 plans"))
        #expect(result.stderr.contains("skipped: \(folder)/other.json"))
        let plans = [try PlanFile.load(hillingdonPlan), try PlanFile.load(northWarwickshire)]
        for plan in plans {
            let summary = plan.summary(on: Day(iso: "2026-11-22")!)
            let row = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix(plan.id) })
            #expect(row.contains("\(summary.total)  "), "\(row)")
        }
    }
}
