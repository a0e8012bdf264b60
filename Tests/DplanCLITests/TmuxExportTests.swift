import Foundation
import PlanModel
import Testing

/// The front end's export in a real terminal: a PDF board paper with a marking and a meeting day,
/// printed by Chromium while the screen keeps answering keys.
@Suite(.serialized) struct TmuxExportTests {
    /// The programs this test drives, or nil (printed as a skip; a failure under `CI=true`).
    private func programs() -> (chromium: String, pdftotext: String)? {
        let found = ["tmux", "chromium", "pdftotext"].map { name in
            (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
                .map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        }
        guard let chromium = found[1], let pdftotext = found[2], found[0] != nil else {
            let reason = "TmuxExportTests needs tmux, chromium and pdftotext (apt-get install tmux chromium poppler-utils)"
            if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record("\(reason): missing under CI") } else { print("skipped: \(reason)") }
            return nil
        }
        return (chromium, pdftotext)
    }

    @Test func aPDFPaperIsExportedWhileTheScreenKeepsAnsweringKeys() throws {
        guard let programs = programs() else { return }
        let path = try temporaryCopy(of: hillingdonPlan)
        let folder = (path as NSString).deletingLastPathComponent
        // A browser that waits for the test's word before printing, so the export is certainly
        // still running while the test presses keys.
        // It gives up when the test ends without the word (a failed wait), so nothing is left running.
        let go = folder + "/go", stop = folder + "/stop", browser = folder + "/browser-after-go", output = folder + "/board-paper.pdf"
        try writeExecutable("#!/bin/sh\nwhile [ ! -e '\(go)' ]; do [ -e '\(stop)' ] && exit 1; sleep 0.05; done\nexec '\(programs.chromium)' \"$@\"\n",
                            to: browser)
        let session = try TmuxSession(dplan: path, width: 120, height: 36)
        try session.waitFor("Prevention group")
        try session.keys("E")
        try session.waitFor("Export a report of")
        try fill(session, field: "marking", down: 5, with: "OFFICIAL-SENSITIVE")
        try fill(session, field: "meeting day", down: 1, with: "2026-12-10")
        try fill(session, field: "browser", down: 2, with: browser)
        try fill(session, field: "file", down: 1, with: output)
        try session.keys("x")
        try session.waitFor("Exporting pdf of 2026/27 Q3 to \(output)… Ctrl-X cancels")
        // The screen answers keys while the browser waits: the help opens and closes.
        try session.keys("?")
        try session.waitFor("meeting mode: step through the filtered actions")
        try session.keys("Enter")  // any key but j, k and the page keys closes the help
        try session.waitFor("help closed, export still running") { !$0.contains("meeting mode: step through") && $0.contains("Exporting pdf") }
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(FileManager.default.createFile(atPath: go, contents: nil))
        let done = try session.waitFor("the export's end", timeout: 120) { $0.contains("Exported 2026/27 Q3") || $0.contains("failed") }
        #expect(done.contains("Exported 2026/27 Q3, 27 actions to \(output)"), "\(done)")
        try session.quitCleanly()
        let text = try runProgram(programs.pdftotext, ["-layout", output, "-"])
        #expect(text.contains("OFFICIAL-SENSITIVE"))
        #expect(text.contains("10 December 2026") || text.contains("10 Dec 2026"), "\(text.prefix(1500))")
    }

    /// Opens a typed field `down` lines below the current one, replaces its text and confirms.
    private func fill(_ session: TmuxSession, field: String, down: Int, with text: String) throws {
        for _ in 0..<down { try session.keys("Down") }
        try session.keys("Enter")
        try session.waitFor("Export: \(field):")
        try session.keys("C-u")
        try session.type(text)
        try session.keys("Enter")
        try session.waitFor("the dialog again, with the \(field)") { $0.contains("Export a report of") && !$0.contains("Export: \(field):") }
    }

    private func runProgram(_ program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
