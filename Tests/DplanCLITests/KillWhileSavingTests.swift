import Foundation
import PlanModel
import PlanStore
import TestSupport
import Testing

/// Kills `dplan set` with SIGKILL at random moments (start-up, loading, writing, renaming) and
/// checks the plan is always a complete old or new version.
@Suite struct KillWhileSavingTests {
    @Test func sigkillAtRandomPointsLeavesAValidPlan() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-kill-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = "\(folder)/plan.json"
        #expect(try runDplan(["generate", "--actions", "400", "--quarters", "8", "--seed", "3", "-o", path]).status == 0)
        let id = try PlanFile.load(path).actions[0].id
        var generator = SystemRandomNumberGenerator()
        var previous = try PlanFile.load(path).actions[0].commentary
        var completed = 0, killed = 0
        for round in 1...30 {
            let process = Process()
            process.executableURL = dplanBinary()
            process.arguments = ["set", path, id, "--comment", "round \(round)"]
            process.environment = ["DPLAN_NOW": "2026-11-22T10:00:00Z", "DPLAN_USER": "killer"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 0...250_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .exit { completed += 1 } else { killed += 1 }
            let plan = try PlanFile.load(path)  // throws (fails the test) if the file is damaged
            #expect(plan.validate().isEmpty)
            let now = plan.actions.first { $0.id == id }!.commentary
            #expect(now == previous || now == "round \(round)", "round \(round): \(now)")
            previous = now
        }
        #expect(killed > 0)
        // A killed save may leave its temporary file; the next save removes it.
        #expect(try runDplan(["set", path, id, "--comment", "final"]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".tmp-") }.isEmpty)
    }
}
