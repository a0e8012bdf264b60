import Foundation
import TestSupport

/// A real terminal for end-to-end tests: a detached tmux session on a private socket, driven
/// with send-keys and read with capture-pane.
final class TmuxSession {
    let socket = "dplan-test-\(UUID().uuidString.prefix(8))"
    let name = "t"
    /// tmux itself (suites that use a session say `.requires(.tmux)`).
    private let program: String

    /// Starts `command` (run by the shell) in a fresh pane of the given size.
    init(command: String, width: Int, height: Int) throws {
        program = try ExternalProgram.tmux.path()
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command])
    }

    /// dplan's front end on `path` in a fresh pane (see `dplanPaneCommand`).
    convenience init(dplan path: String, options: String = "", noColor: Bool = false, width: Int = 100, height: Int = 30) throws {
        try self.init(command: dplanPaneCommand(path, noColor: noColor, options: options), width: width, height: height)
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }

    /// Presses q and waits for dplan to exit with status 0.
    func quitCleanly() throws {
        try press("q", until: "DPLAN-EXIT-0")
    }

    /// Runs one tmux command and returns what it printed. Uses posix_spawn and waitpid with the
    /// output in a temporary file: the tmux server forked by `new-session` outlives its client,
    /// so a pipe (as Foundation's Process uses) would never reach end-of-file.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)").path
        defer { unlink(outputPath) }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ["tmux", "-L", socket] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        // Start tmux (and so the programs in its panes) with no blocked signals and default
        // handlers, whatever the test runner set for itself.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, &attributes, &cArguments, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }

    /// Sends tmux key names ("Enter", "a", "C-u", "Down") that do not change screens: moves
    /// in a list, a menu or an editor, editing keys. Nothing is waited for: the terminal hands
    /// the program keys in order. Escape is refused: send it with `press` (see there).
    func keys(_ names: String...) throws {
        try send(names, waiting: false)
    }

    /// Sends keys, the last of which changes the screen (earlier ones only move within it),
    /// then waits until the screen shows `text`; returns that screen. Escape may only come
    /// last: a key arriving within the terminal's escape delay after it joins it as Alt-key
    /// (Escape then f read as Alt-f), so the next key must wait for Escape's effect.
    @discardableResult
    func press(_ names: String..., until text: String, timeout: TimeInterval = 30) throws -> String {
        try send(names, waiting: true)
        return try waitFor(text, timeout: timeout)
    }

    /// Sends keys, then waits until `text` has left the screen (what closing an overlay does).
    @discardableResult
    func press(_ names: String..., untilGone text: String, timeout: TimeInterval = 30) throws -> String {
        try send(names, waiting: true)
        return try waitFor("\"\(text)\" to go", timeout: timeout) { !$0.contains(text) }
    }

    private func send(_ names: [String], waiting: Bool) throws {
        guard !names.dropLast(waiting ? 1 : 0).contains("Escape") else { throw EscapeNotLast(keys: names) }
        try tmux(["send-keys", "-t", name] + names)
    }

    /// Types text literally.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", text])
    }

    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", name])
    }

    /// The screen with its SGR escape sequences (colours and attributes).
    func screenWithEscapes() throws -> String {
        try tmux(["capture-pane", "-p", "-e", "-t", name])
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen until `predicate` holds on two captures in a row that are the same;
    /// throws with the last screen after `timeout`. A frame reaches tmux in pieces (ncurses
    /// writes it top to bottom, in several writes on a busy machine), so the first capture that
    /// shows a new title can still show the old screen's body: a screen returned here has
    /// stopped changing, not just begun to.
    @discardableResult
    func waitFor(_ what: String = "condition", timeout: TimeInterval = 30, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        var previous: String?
        while Date() < deadline {
            last = try screen()
            if predicate(last), last == previous { return last }
            previous = last
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TimedOut(waitingFor: what, screen: last)
    }

    /// Polls until the screen contains `text`.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 30) throws -> String {
        try waitFor(text, timeout: timeout) { $0.contains(text) }
    }
}

/// Keys sent with Escape before another key, which the program could read as one Alt-key.
struct EscapeNotLast: Error, CustomStringConvertible {
    var keys: [String]
    var description: String { "\(keys): send Escape last, with press(…, until:), so the next key waits for its effect" }
}

/// The screen never showed what a test waited for.
struct TimedOut: Error, CustomStringConvertible {
    var waitingFor: String
    var screen: String
    var description: String { "timed out waiting for \(waitingFor); the screen was:\n\(screen)" }
}

/// The shell command that runs dplan in a pane with a fixed terminal, clock and user, then prints
/// its exit status so the test can see it end.
func dplanPaneCommand(_ path: String, noColor: Bool, options: String = "") -> String {
    let colour = noColor ? "NO_COLOR=1" : "-u NO_COLOR"
    return "env \(colour) TERM=xterm-256color LANG=C.UTF-8 TZ=UTC DPLAN_NOW=2026-11-22T10:00:00Z DPLAN_USER='Test Officer' "
        + "'\(dplanBinary().path)' \(options) '\(path)'; echo DPLAN-EXIT-$?; sleep 60"
}
