import Foundation
import PlanModel
import PlanStore
import Testing

/// Several writers on one plan file at the same time: every save that said it succeeded is in
/// the file and on the audit trail (issue 22).
@Suite struct ConcurrentSaveTests {
    /// Starts a shell loop of `dplan set FILE ID --title "TAG edit N"` for N = 1…`edits`, as its
    /// own process; it prints a line for every run that did not exit 0.
    private func editingLoop(_ path: String, action id: String, tag: String, edits: Int) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let script = """
            i=1
            while [ $i -le \(edits) ]; do
              "$0" set "$1" \(id) --title "\(tag) edit $i" >/dev/null 2>&1 || echo "\(tag) edit $i exited $?"
              i=$((i + 1))
            done
            """
        process.arguments = ["-c", script, dplanBinary().path, path]
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["DPLAN_NOW": "2026-11-22T10:00:00Z", "DPLAN_USER": "Loop \(tag)"]) { _, new in new }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        return (process, output)
    }

    @Test func twoCommandLineLoopsOnOneFileKeepEveryAcknowledgedEdit() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let edits = 40
        let loops = [("WSA-02", "A"), ("TER-04", "B")]
        let running = try loops.map { try editingLoop(path, action: $0.0, tag: $0.1, edits: edits) }
        for (process, output) in running {
            let failures = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(failures.isEmpty, "\(failures)")
        }
        let plan = try PlanFile.load(path)
        #expect(plan.validate().isEmpty)
        for (id, tag) in loops {
            let action = try #require(plan.actions.first { $0.id == id })
            #expect(action.title == "\(tag) edit \(edits)", "the last value \(tag)'s loop wrote")
            let trail = (action.changeLog ?? []).filter { $0.field == "title" }
            #expect(trail.map(\.to) == (1...edits).map { "\(tag) edit \($0)" }, "every acknowledged edit of \(id) is on its audit trail")
            #expect(trail.allSatisfy { $0.by == "Loop \(tag)" })
        }
    }
}
