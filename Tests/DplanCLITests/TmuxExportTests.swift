import Foundation
import PlanModel
import TestSupport
import Testing

/// The front end's export in a real terminal: a PDF board paper with a marking and a meeting day,
/// printed by Chromium while the screen keeps answering keys.
@Suite(.serialized) struct TmuxExportTests {
    @Test(.requires(.tmux, .chromium, .pdftotext))
    func aPDFPaperIsExportedWhileTheScreenKeepsAnsweringKeys() throws {
        let chromium = try ExternalProgram.chromium.path(), pdftotext = try ExternalProgram.pdftotext.path()
        let path = try temporaryCopy(of: hillingdonPlan)
        let folder = (path as NSString).deletingLastPathComponent
        // A browser that waits for the test's word before printing, so the export is certainly
        // still running while the test presses keys.
        // It gives up when the test ends without the word (a failed wait), so nothing is left running.
        let go = folder + "/go", stop = folder + "/stop", browser = folder + "/browser-after-go", paper = folder + "/board-paper.pdf"
        try writeExecutable("#!/bin/sh\nwhile [ ! -e '\(go)' ]; do [ -e '\(stop)' ] && exit 1; sleep 0.05; done\nexec '\(chromium)' \"$@\"\n",
                            to: browser)
        let session = try TmuxSession(dplan: path, width: 120, height: 36)
        try session.waitFor("Prevention group")
        try session.press("E", until: "Export a report of")
        try fill(session, field: "marking", down: 5, with: "OFFICIAL-SENSITIVE")
        try fill(session, field: "meeting day", down: 1, with: "2026-12-10")
        try fill(session, field: "browser", down: 3, with: browser)  // past landscape and draft
        try fill(session, field: "file", down: 1, with: paper)
        try session.press("x", until: "Exporting pdf of 2026/27 Q3 to \(paper)… Ctrl-X cancels")
        // The screen answers keys while the browser waits: the help opens and closes.
        try session.press("?", until: "meeting mode: step through the filtered actions")
        try session.press("Enter", untilGone: "meeting mode: step through")  // any key but j, k and the page keys closes the help
        try session.waitFor("the export still running") { $0.contains("Exporting pdf") }
        #expect(!FileManager.default.fileExists(atPath: paper))
        #expect(FileManager.default.createFile(atPath: go, contents: nil))
        let done = try session.waitFor("the export's end", timeout: 120) { $0.contains("Exported 2026/27 Q3") || $0.contains("failed") }
        #expect(done.contains("Exported 2026/27 Q3, 27 actions to \(paper)"), "\(done)")
        try session.quitCleanly()
        let text = try output(of: pdftotext, ["-layout", paper, "-"])
        #expect(text.contains("OFFICIAL-SENSITIVE"))
        #expect(text.contains("10 December 2026") || text.contains("10 Dec 2026"), "\(text.prefix(1500))")
    }

    /// Opens a typed field `down` lines below the current one, replaces its text and confirms.
    private func fill(_ session: TmuxSession, field: String, down: Int, with text: String) throws {
        for _ in 0..<down { try session.keys("Down") }
        try session.press("Enter", until: "Export: \(field):")
        try session.keys("C-u")
        try session.type(text)
        try session.press("Enter", untilGone: "Export: \(field):")
        try session.waitFor("Export a report of")
    }
}
