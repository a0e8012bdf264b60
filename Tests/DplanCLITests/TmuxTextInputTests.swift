import Foundation
import PlanModel
import PlanStore
import Testing
import TestSupport

/// What people type and paste, on a real terminal (tmux): characters made of several code
/// points, pastes with line breaks, the escape sequences tmux sends, and a non-UTF-8 locale.
@Suite(.serialized, .requires(.tmux)) struct TmuxTextInputTests {
    private func commentary(_ id: String, in path: String) throws -> String? {
        try PlanFile.load(path).actions.first { $0.id == id }?.commentary
    }

    /// Opens the commentary editor of SEC-06, emptied.
    private func openCommentary(_ session: TmuxSession) throws {
        try session.waitFor("Prevention group")
        try session.press("/", until: "Search:")
        try session.type("SEC-06")
        try session.press("Enter", until: "Search kept")
        try session.press("m", until: "SEC-06 commentary")  // no box corner: one test runs under LANG=C
        try session.keys("C-u")
    }

    @Test func clustersOfSeveralCodePointsAreEditedWithoutACrash() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let session = try TmuxSession(dplan: path)
        try openCommentary(session)
        try session.type("Update 👍🏽🇬🇧❤️ ਪੰਜਾਬੀ क्ष 東京 e")
        try session.type("\u{301}")  // a combining accent typed on its own joins the e
        try session.keys("Left", "BSpace", "End")
        try session.type("!")
        try session.waitFor("東京é!")
        try session.press("Enter", until: "SEC-06 commentary for")
        // The title editor too: a flag typed and deleted again changes nothing.
        try session.press("t", until: "SEC-06 title: ")
        try session.keys("End")
        try session.type("🇬🇧")
        try session.press("BSpace", "Enter", until: "Nothing changed")
        let screen = try session.press("s", until: "Saved")
        #expect(!screen.contains("Fatal error") && !screen.contains("Illegal instruction"))
        try session.quitCleanly()
        #expect(try commentary("SEC-06", in: path) == "Update 👍🏽🇬🇧❤️ ਪੰਜਾਬੀ क्ष 東京é!")
    }

    @Test func aPasteIsTextNeverKeys() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let before = try PlanFile.load(path)
        let session = try TmuxSession(dplan: path)
        try openCommentary(session)
        let pasted = "Update from the police lead:\nThe next review is in January.\nq x s 3 r"
        try session.tmux(["set-buffer", "-b", "mail", pasted])
        try session.tmux(["paste-buffer", "-p", "-b", "mail", "-t", session.name])  // bracketed, as the app asked
        try session.waitFor("The next review is in January.")
        try session.press("Enter", until: "SEC-06 commentary for")
        try session.press("s", until: "Saved")
        try session.quitCleanly()
        let after = try PlanFile.load(path)
        #expect(after.actions.first { $0.id == "SEC-06" }?.commentary == pasted)
        // Nothing else changed: no pasted letter ran as a command.
        #expect(after.actions.filter { $0.id != "SEC-06" } == before.actions.filter { $0.id != "SEC-06" })
    }

    @Test func escapeSequencesTmuxSendsAreKeysNotCommands() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let before = try PlanFile.load(path)
        let session = try TmuxSession(dplan: path)  // TERM=xterm-256color inside tmux
        try session.waitFor("Prevention group")
        try session.press("/", until: "Search:")
        try session.type("SEC-06")
        try session.press("Enter", until: "Search kept")
        try session.press("t", until: "SEC-06 title: ")
        try session.type("\u{1B}[1~")  // Home as tmux, screen and the Linux console send it
        try session.type("X")
        try session.type("\u{1B}[4~")  // End
        try session.type("Y")
        try session.type("\u{1B}[99z")  // a sequence nobody knows: ignored whole
        try session.press("Enter", until: "SEC-06 title changed")
        try session.press("s", until: "Saved")
        try session.quitCleanly()
        let old = try #require(before.actions.first { $0.id == "SEC-06" })
        let after = try PlanFile.load(path)
        #expect(after.actions.first { $0.id == "SEC-06" }?.title == "X" + old.title + "Y")
        #expect(after.actions.filter { $0.id != "SEC-06" } == before.actions.filter { $0.id != "SEC-06" })
    }

    @Test func aNonUTF8LocaleDoesNotStallInput() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let command = "env LANG=C LC_ALL=C TERM=xterm-256color TZ=UTC DPLAN_NOW=2026-11-22T10:00:00Z DPLAN_USER='Test Officer' "
            + "'\(dplanBinary().path)' '\(path)'; echo DPLAN-EXIT-$?; sleep 60"
        let session = try TmuxSession(command: command, width: 100, height: 30)
        try openCommentary(session)
        try session.type("café")
        try session.type("ok")
        try session.waitFor("caf?ok")  // drawn in ASCII under LANG=C, kept as typed
        try session.press("Enter", until: "SEC-06 commentary for")
        try session.press("s", until: "Saved")
        try session.quitCleanly()
        #expect(try commentary("SEC-06", in: path) == "caféok")
    }

    /// A meeting: three updates pasted from emails in several scripts, one after another.
    @Test func aMeetingWithPastedUpdatesSavesExactlyWhatWasPasted() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let session = try TmuxSession(dplan: path, width: 110, height: 34)
        try session.waitFor("Prevention group")
        try session.press("M", until: "action 1 of 27")
        let updates = [
            "Police lead, 20 Nov:\nExtract with victim demographics agreed.\nDelivery in December.",
            "ਪੰਜਾਬੀ ਭਾਈਚਾਰਾ ਸਮੂਹ ਨਾਲ ਮੀਟਿੰਗ ਹੋਈ।\nNext: two workshops (Southall, Hayes).",
            "与社区团体会面 — 东京 partners 👍🏽\nRéunion prévue: 12 décembre.",
        ]
        let ids = ["WSA-01", "WSA-02", "WSA-03"]
        for (index, (id, update)) in zip(ids, updates).enumerated() {
            try session.press("m", until: "┌ \(id) commentary")
            try session.keys("C-u")
            try session.tmux(["set-buffer", "-b", "u\(index)", update])
            try session.tmux(["paste-buffer", "-p", "-b", "u\(index)", "-t", session.name])
            try session.waitFor(String(update.split(separator: "\n").last!.prefix(8)))
            try session.press("Enter", until: "\(id) commentary for 2026/27 Q3")
            try session.press("Right", until: "action \(index + 2) of 27")
        }
        try session.press("Escape", until: "Meeting summary")
        try session.press("s", until: "Saved")
        try session.quitCleanly()
        let plan = try PlanFile.load(path)
        for (id, update) in zip(ids, updates) {
            #expect(plan.actions.first { $0.id == id }?.commentary == update)
        }
        #expect(plan.validate().isEmpty)
    }
}

/// `dplan FOLDER` on a real terminal: the portfolio, a plan opened from it, and back.
@Suite(.serialized, .requires(.tmux)) struct TmuxPortfolioTests {
    @Test func openAPlanFromThePortfolioAndComeBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-portfolio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["hillingdon-serious-violence-2024-27.json", "north-warwickshire-serious-violence-2023-27.json"] {
            try FileManager.default.copyItem(atPath: repositoryRoot.appendingPathComponent("plans/\(name)").path,
                                             toPath: folder.appendingPathComponent(name).path)
        }
        let session = try TmuxSession(dplan: folder.path, width: 130, height: 30)
        let portfolio = try session.waitFor("portfolio of 2 plans")
        #expect(portfolio.contains("hillingdon-serious-violence-2024-27") || portfolio.contains("Hillingdon"))
        try session.press("Enter", until: "Prevention group")
        try session.press("/", until: "Search:")
        try session.type("SEC-06")
        try session.press("Enter", until: "Search kept")
        try session.press("g", until: "SEC-06 set to Green")
        try session.press("s", until: "Saved")
        try session.press("q", until: "portfolio of 2 plans")
        #expect(!FileManager.default.fileExists(atPath: PlanLock.path(for: folder.appendingPathComponent("hillingdon-serious-violence-2024-27.json").path)))
        try session.quitCleanly()
        let plan = try PlanFile.load(folder.appendingPathComponent("hillingdon-serious-violence-2024-27.json").path)
        #expect(plan.actions.first { $0.id == "SEC-06" }?.review(for: plan.editingQuarter(on: Day(iso: "2026-11-22")!))?.status == .green)
    }
}
