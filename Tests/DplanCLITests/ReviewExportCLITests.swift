import Foundation
import PlanModel
import PlanStore
import TestSupport
import Testing

@Suite struct ReviewExportCLITests {
    @Test func closeQuarterThenEditsGoToTheNext() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let closed = try runDplan(["review", "close", path, "2026/27 Q3", "--board", "Safer Hillingdon Partnership"])
        #expect(closed.status == 0, "\(closed.stderr)")
        #expect(closed.stdout == "closed 2026/27 Q3 for Safer Hillingdon Partnership: 27 actions recorded, 6 with no update provided\n")
        let plan = try PlanFile.load(path)
        #expect(plan.actions.allSatisfy { $0.review(for: Quarter("2026/27 Q3")!) != nil })
        #expect(plan.actions.first { $0.id == "PRI-03" }?.review(for: Quarter("2026/27 Q3")!)?.noUpdateProvided == true)
        #expect(plan.quarters.last?.board == "Safer Hillingdon Partnership")
        let snapshot = (path as NSString).deletingLastPathComponent + "/.dplan/hillingdon-serious-violence-2024-27.2026-27-Q3-closed.json"
        #expect(try PlanFile.load(snapshot) == plan)
        let again = try runDplan(["review", "close", path, "2026/27 Q3"])
        #expect(again.status == 1 && again.stderr.contains("already closed"))
        let future = try runDplan(["review", "close", path, "2026/27 Q4"])
        #expect(future.status == 1 && future.stderr.contains("has not started yet"))
        let set = try runDplan(["set", path, "PRI-03", "--status", "amber", "--comment", "Funding found"])
        #expect(set.stdout.contains("recorded for 2026/27 Q4"))
        let noReason = try runDplan(["review", "reopen", path, "2026/27 Q3"])
        #expect(noReason.status == 2)
        let reopened = try runDplan(["review", "reopen", path, "2026/27 Q3", "--reason", "Late police update"])
        #expect(reopened.status == 0)
        #expect(try PlanFile.load(path).quarters.last?.reopenings?.first?.reason == "Late police update")
        #expect(try runDplan(["validate", path]).status == 0)
    }

    @Test func changesAndChase() throws {
        let changes = try runDplan(["changes", hillingdonPlan])
        #expect(changes.status == 0)
        #expect(changes.stdout.hasPrefix("Changes from 2026/27 Q2 to 2026/27 Q3 (so far)"))
        #expect(changes.stdout.contains("WSA-01  A → R   Newly red, Worsened, Due date moved"))
        let past = try runDplan(["changes", hillingdonPlan, "--from", "2025/26 Q3", "--to", "2025/26 Q4"])
        #expect(past.stdout.contains("WSA-01  A → R   Newly red, Worsened    "))  // the move was recorded in April, in the next quarter
        #expect(past.stdout.contains("WSA-07  G → C   Completed"))
        #expect(try runDplan(["changes", hillingdonPlan, "--to", "Q4"]).status == 2)
        let chase = try runDplan(["chase", hillingdonPlan])
        #expect(chase.stdout.hasPrefix("Updates still needed for 2026/27 Q3 (6 actions):"))
        #expect(chase.stdout.contains("Domestic Abuse Steering Executive\n  - PRI-06"))
    }

    @Test func exportsAreWrittenAndNeverTouchThePlan() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let folder = (path as NSString).deletingLastPathComponent
        for format in ["markdown", "html", "csv", "json"] {
            let out = "\(folder)/report.\(format)"
            let result = try runDplan(["export", path, "--format", format, "-o", out])
            #expect(result.status == 0, "\(format): \(result.stderr)")
            #expect(result.stdout.contains("wrote \(out)"))
            #expect(FileManager.default.fileExists(atPath: out))
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/report.json"))) as? [String: Any]
        #expect(json?["quarter"] as? String == "2026/27 Q3")
        let onto = try runDplan(["export", path, "--format", "markdown", "-o", path])
        #expect(onto.status == 1 && onto.stderr.contains("that is the plan file"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let stdout = try runDplan(["export", path, "--format", "csv", "--history", "--owner", "da-steering", "-o", "-"])
        #expect(stdout.stdout.hasPrefix("ID,Action,Quarter,Status,Commentary,By,On,Board's view,Board's reason\r\n"))
        #expect(stdout.stdout.split(separator: "\r\n").dropFirst().allSatisfy { $0.hasPrefix("PRI-05") || $0.hasPrefix("PRI-06") || $0.hasPrefix("TER-05") })
        let usage = try runDplan(["export", path, "--format", "markdown", "--excel", "-o", "-"])
        #expect(usage.status == 2)
        let template = try runDplan(["export", path, "--template", repositoryRoot.appendingPathComponent("docs/examples/board-summary.mustache").path, "-o", "-"])
        #expect(template.status == 0)
        #expect(template.stdout.hasPrefix("# Hillingdon Serious Violence Delivery Plan 2024-27: 2026/27 Q3 board summary"))
        let badTemplate = "\(folder)/bad.mustache"
        try "{{plan.titel}}".write(toFile: badTemplate, atomically: true, encoding: .utf8)
        let bad = try runDplan(["export", path, "--template", badTemplate, "-o", "\(folder)/x.md"])
        #expect(bad.status == 1 && bad.stderr.contains("unknown field {{plan.titel}}"))
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/x.md"))
    }
}

@Suite struct RestrictedCommentaryTests {
    @Test func publicExportsLeaveOutRestrictedCommentary() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let marked = try runDplan(["set", path, "SEC-07", "--restricted"])
        #expect(marked.status == 0 && marked.stdout.contains("; commentary restricted by Test Officer\n"))
        let full = try runDplan(["export", path, "--format", "markdown", "-o", "-"])
        #expect(full.stdout.contains("Project funding ends December"))
        let published = try runDplan(["export", path, "--format", "html", "--public", "-o", "-"])
        #expect(!published.stdout.contains("Project funding ends December"))
        #expect(published.stdout.contains("<tr><th>Version</th><td>Public (restricted commentary withheld)</td></tr>"))
        #expect(try runDplan(["set", path, "SEC-07", "--no-restricted"]).status == 0)
        #expect(try runDplan(["export", path, "--format", "csv", "--public", "-o", "-"]).stdout.contains("Project funding ends December"))
    }
}
