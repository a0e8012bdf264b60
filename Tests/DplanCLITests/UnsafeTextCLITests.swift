import Foundation
import PlanStore
import Testing
import TestSupport

/// Escape sequences written into a plan file, a file name or a lock file never reach the terminal
/// through the real binary: load errors, file names in messages, `--template` output, status
/// words and the lock holder's name (issue #24's red-team findings).
@Suite struct UnsafeTextCLITests {
    /// An OSC that retitles the window, a CSI that clears the screen, a C1 CSI and a bidi override.
    static let payload = "\u{1B}]0;pwned\u{07}X\u{1B}[2J\u{9B}31m\u{202E}"

    private func expectSafe(_ result: RunResult, _ what: String) {
        for text in [result.stdout, result.stderr] {
            #expect(!text.unicodeScalars.contains { [0x1B, 0x07, 0x9B, 0x202E].contains($0.value) }, "\(what): \(text.debugDescription.prefix(300))")
        }
    }

    /// A copy of the sample plan with `change` made to its JSON, in a fresh folder.
    private func plan(_ change: (inout [String: Any]) -> Void, named name: String = "plan.json") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-unsafe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: hillingdonPlan))) as? [String: Any])
        change(&object)
        let path = folder.appendingPathComponent(name).path
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aLoadErrorQuotingPlanTextIsCleaned() throws {
        let path = try plan { object in
            var actions = object["actions"] as! [[String: Any]]
            actions[0]["status"] = Self.payload
            object["actions"] = actions
        }
        let result = try runDplan(["list", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("actions[0].status: expected one of"), "\(result.stderr)")
        expectSafe(result, "load error")
    }

    @Test func fileNamesInMessagesAreCleaned() throws {
        let path = try plan({ _ in }, named: "plan\(Self.payload).json")
        let formatted = try runDplan(["format", path])
        #expect(formatted.status == 0, "\(formatted.stderr)")
        #expect(formatted.stdout.contains("plan"), "\(formatted.stdout)")
        expectSafe(formatted, "format")
        let output = (path as NSString).deletingLastPathComponent + "/paper\(Self.payload).md"
        let exported = try runDplan(["export", path, "--format", "markdown", "-o", output])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.hasPrefix("wrote "), "\(exported.stdout)")
        expectSafe(exported, "export")
        let missing = try runDplan(["validate", path + Self.payload])
        #expect(missing.status == 1)
        expectSafe(missing, "validate of a missing file")
    }

    @Test func templateOutputIsCleanedAndKeepsItsLines() throws {
        let path = try plan { object in
            var actions = object["actions"] as! [[String: Any]]
            actions[0]["title"] = "Evil \(Self.payload) title"
            object["actions"] = actions
        }
        let template = (path as NSString).deletingLastPathComponent + "/titles.mustache"
        try Data("{{#groups}}{{#actions}}{{{title}}}\n{{/actions}}{{/groups}}".utf8).write(to: URL(fileURLWithPath: template))
        let result = try runDplan(["export", path, "--template", template, "-o", "-"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Evil X title\n"), "\(result.stdout.prefix(300))")
        #expect(result.stdout.split(separator: "\n").count > 10, "one title a line")
        expectSafe(result, "template")
    }

    @Test func statusWordsAreCleaned() throws {
        let path = try plan { object in object["statusWords"] = ["red": "Rouge\(Self.payload)"] }
        for command in [["list", path], ["show", path, "WSA-01"], ["changes", path]] {
            let result = try runDplan(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(result.stdout.contains("RougeX") || command[0] != "show", "\(command): \(result.stdout.prefix(300))")
            expectSafe(result, "\(command)")
        }
    }

    /// The lock file is written by whoever can write in the plan's folder; a crashed process's
    /// lock is offered for take-over with its holder's name, on the terminal.
    @Test(.requires(.tmux)) func theLockHoldersNameIsCleaned() throws {
        let path = try plan { _ in }
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let holder = PlanLock.Holder(user: "Jo\u{1B}]2;pwned\u{07}\u{1B}[2J", host: ProcessInfo.processInfo.hostName,
                                     pid: gone.processIdentifier, since: .init(iso: "2026-11-22T10:00:00Z")!)
        try JSONEncoder().encode(holder).write(to: URL(fileURLWithPath: PlanLock.path(for: path)))
        let session = try TmuxSession(dplan: path, noColor: true)
        let screen = try session.waitFor("Take the lock over")
        #expect(screen.contains("Jo's dplan"), "\(screen)")
        #expect(try session.tmux(["display-message", "-p", "-t", session.name, "#{pane_title}"]).trimmingCharacters(in: .whitespacesAndNewlines) != "pwned")
    }
}
