import Foundation
import PlanModel

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
    }

    public enum Outcome: Equatable, Sendable {
        case acquired
        case heldBy(Holder)
    }

    static var hostName: String { ProcessInfo.processInfo.hostName }

    public static func path(for file: String) -> String { AtomicFile.resolvedTarget(file) + ".lock" }

    /// Takes the lock, or says who holds it.
    public static func acquire(_ file: String, user: String, now: Timestamp) -> Outcome {
        let lock = path(for: file)
        let holder = Holder(user: user, host: hostName, pid: getpid(), since: now)
        let fd = open(lock, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            if let data = FileManager.default.contents(atPath: lock), let other = try? JSONDecoder().decode(Holder.self, from: data) {
                return .heldBy(other)
            }
            return .heldBy(Holder(user: "someone (unreadable lock file)", host: "?", pid: 0, since: now))
        }
        let data = (try? JSONEncoder().encode(holder)) ?? Data()
        _ = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        return .acquired
    }

    /// Removes the lock if this process holds it.
    public static func release(_ file: String) {
        let lock = path(for: file)
        guard let data = FileManager.default.contents(atPath: lock),
              let holder = try? JSONDecoder().decode(Holder.self, from: data),
              holder.pid == getpid(), holder.host == hostName else { return }
        unlink(lock)
    }

    /// Removes someone else's lock (after the user chose to break it).
    public static func breakLock(_ file: String) {
        unlink(path(for: file))
    }
}
