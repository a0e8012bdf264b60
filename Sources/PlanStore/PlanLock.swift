import Foundation
import PlanModel
import TerminalText

/// An advisory lock beside a plan (`<file>.lock`) saying who has it open for editing.
///
/// A courtesy, not a guarantee: network drives do not honour locks reliably, which is why saving
/// also checks the file itself (see `PlanDocument`). Created exclusively; removed on clean exit.
public enum PlanLock {
    public struct Holder: Codable, Equatable, Sendable {
        public var user: String
        public var host: String
        public var pid: Int32
        public var since: Timestamp

        public init(user: String, host: String, pid: Int32, since: Timestamp) {
            self.user = user
            self.host = host
            self.pid = pid
            self.since = since
        }

        /// True when the holder is a process on this machine that no longer exists.
        public var isStale: Bool {
            host == PlanLock.hostName && kill(pid, 0) != 0 && errno == ESRCH
        }

        /// "being edited by Jo on laptop-3 since 2026-11-22 10:42 UTC".
        public var summary: String {
            "being edited by \(user) on \(host) since \(since.readable) (process \(pid))"
        }

        /// Why the plan opens read-only, and what to do, in one line of at most 80 columns (the
        /// front end's message row): "read-only: open by Jo on laptop-3 (22 Nov 10:42);
        /// --ignore-lock to edit", or for a lock a crash left behind, "read-only: a lock left by
        /// process 4242 (gone); reopen with --break-lock". Long names are shortened to fit.
        public var readOnlyReason: String {
            if isStale { return "read-only: a lock left by process \(pid) (gone); reopen with --break-lock" }
            let when = "\(since.day.shortLabel.trimmingCharacters(in: .whitespaces)) \(since.minuteLabel.suffix(5))"
            return PlanLock.fitted([user, host]) { "read-only: open by \($0[0]) on \($0[1]) (\(when)); --ignore-lock to edit" }
        }

        /// The question before taking over a lock a crash left, in lines of at most 80 columns.
        public var takeOverQuestion: String {
            PlanLock.fitted([user]) { "\($0[0])'s dplan (process \(pid)) left this lock and has gone: it probably crashed." }
                + "\nIts unsaved edits are offered back next. Take the lock over and edit? [y/N] "
        }
    }

    /// What trying to take the lock came to.
    public enum Attempt: Equatable, Sendable {
        case acquired
        case heldBy(Holder)
        /// The plan cannot be edited here whoever holds the lock: the reason, a line of at most
        /// 80 columns saying what to do ("read-only: you cannot write in the plan's folder …").
        case refused(String)
    }

    static var hostName: String { ProcessInfo.processInfo.hostName }

    public static func path(for file: String) -> String { AtomicFile.resolvedTarget(file) + ".lock" }

    /// Takes the lock, says who holds it, or why the plan cannot be edited here at all: the
    /// user may not change the file or write in its folder (where saves and the lock are
    /// written), or the lock's place is taken by something that is not a lock file (a FIFO or a
    /// device, refused at once rather than waited on).
    public static func take(_ file: String, user: String, now: Timestamp) -> Attempt {
        let lock = path(for: file)
        let name = PathParts.name(of: AtomicFile.resolvedTarget(file))
        if access(file, W_OK) != 0 { return .refused(fitted([name]) { "read-only: you do not have permission to change \($0[0])" }) }
        if access(PathParts.folder(of: lock), W_OK | X_OK) != 0 {
            return .refused(fitted([name]) { "read-only: you cannot write in the folder of \($0[0]), so cannot save it" })
        }
        let holder = Holder(user: user, host: hostName, pid: getpid(), since: now)
        let fd = open(lock, O_WRONLY | O_CREAT | O_EXCL | O_NONBLOCK | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            if errno == EEXIST, let other = readHolder(lock) { return .heldBy(other) }
            if AtomicFile.nonRegularKind(lock) != nil {
                return .refused(fitted([name]) { "read-only: \($0[0]).lock is not a lock file; remove it, then reopen" })
            }
            let reason = String(cString: strerror(errno))
            return .refused(fitted([name, reason]) { "read-only: \($0[0]).lock cannot be read (\($0[1])); remove it, then reopen" })
        }
        let data = (try? JSONEncoder().encode(holder)) ?? Data()
        _ = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        return .acquired
    }

    /// Removes the lock if this process holds it.
    public static func release(_ file: String) {
        let lock = path(for: file)
        guard let holder = readHolder(lock), holder.pid == getpid(), holder.host == hostName else { return }
        unlink(lock)
    }

    /// Who the lock file says holds the lock (names cleaned of escape sequences and control
    /// characters); nil when it is not a regular file dplan can read
    /// as one (never waiting on a FIFO or a device).
    private static func readHolder(_ lock: String) -> Holder? {
        guard let data = try? PlanFile.read(lock), var holder = try? JSONDecoder().decode(Holder.self, from: data) else { return nil }
        // Anyone who can write in the folder wrote these names: they reach the terminal in messages.
        holder.user = sanitizedForTerminal(holder.user)
        holder.host = sanitizedForTerminal(holder.host)
        return holder
    }

    /// The message `make` writes with `names`, the longest of them shortened (ending "…") until
    /// it fits 80 columns, the width of a terminal line and of the front end's message row.
    static func fitted(_ names: [String], _ make: ([String]) -> String) -> String {
        var widths = names.map(\.count)
        var text = make(names)
        while text.count > 80, let longest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[longest] > 1 {
            widths[longest] = max(1, widths[longest] - (text.count - 80))
            text = make(zip(names, widths).map { $0.count <= $1 ? $0 : $0.prefix($1 - 1) + "…" })
        }
        return text
    }

    /// Removes someone else's lock (after the user chose to break it).
    public static func breakLock(_ file: String) {
        unlink(path(for: file))
    }
}
