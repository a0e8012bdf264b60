import Foundation
import PlanModel
import PlanStore
import TestSupport
import Testing

/// Several writers on one plan file at the same time: every save that said it succeeded is in
/// the file and on the audit trail (issue 22).
@Suite struct ConcurrentSaveTests {
    /// Starts a shell loop of `dplan set FILE ID --title "TAG edit N"` for N = 1…`edits`, as its
    /// own process; it prints a line for every run that did not exit 0.
    private func editingLoop(_ path: String, action id: String, tag: String, edits: Int) throws -> (Process, Pipe) {
        let script = """
            i=1
            while [ $i -le \(edits) ]; do
              "$0" set "$1" \(id) --title "\(tag) edit $i" >/dev/null 2>&1 || echo "\(tag) edit $i exited $?"
              i=$((i + 1))
            done
            """
        return try startShellLoop(script, [path], user: "Loop \(tag)")
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

    /// The two loops and the front end at once: every commentary the front end said it saved
    /// ("Saved …", merged with the loops' saves) is in the file and on the audit trail, as is every
    /// edit of both loops.
    @Test(.requires(.tmux)) func twoLoopsAndTheFrontEndKeepEveryAcknowledgedEdit() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let session = try TmuxSession(dplan: path, width: 120, height: 36)
        try session.waitFor("Prevention group")
        try session.press("/", until: "Search")
        try session.type("SEC-06")
        try session.press("Enter", until: "Search kept")
        let edits = 40, rounds = 5
        let loops = [("WSA-02", "A"), ("TER-04", "B")]
        let running = try loops.map { try editingLoop(path, action: $0.0, tag: $0.1, edits: edits) }
        for round in 1...rounds {
            try session.press("m", until: "SEC-06 commentary")
            try session.keys("C-u")
            try session.type("TUI edit \(round)")
            try session.press("Enter", until: "SEC-06 commentary for")
            try session.press("s", until: "Saved")
        }
        for (process, output) in running {
            let failures = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(failures.isEmpty, "\(failures)")
        }
        try session.quitCleanly()
        let plan = try PlanFile.load(path)
        #expect(plan.validate().isEmpty)
        for (id, tag) in loops {
            let action = try #require(plan.actions.first { $0.id == id })
            #expect(action.title == "\(tag) edit \(edits)")
            #expect((action.changeLog ?? []).filter { $0.field == "title" }.map(\.to) == (1...edits).map { "\(tag) edit \($0)" })
        }
        let sec06 = try #require(plan.actions.first { $0.id == "SEC-06" })
        #expect(sec06.commentary == "TUI edit \(rounds)")
        let said = (sec06.changeLog ?? []).filter { $0.by == "Test Officer" && $0.to.hasPrefix("TUI edit") }.map(\.to)
        #expect(said == (1...rounds).map { "TUI edit \($0)" }, "every commentary the front end saved is on SEC-06's audit trail")
    }
}
