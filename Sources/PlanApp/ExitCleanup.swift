import Foundation
import PlanStore

/// What must happen when the process is ended by a signal (the terminal closed, SIGTERM, Ctrl-C):
/// the lock of the plan being edited is released, as a clean exit releases it. The swap journal
/// needs nothing: every change is already flushed to it and stays for recovery.
public enum ExitCleanup {
    /// The lock file this process holds, as a C string made before the screen opens, for the
    /// signal handler (which may not allocate).
    nonisolated(unsafe) private static var heldLockPath: UnsafeMutablePointer<CChar>?

    /// Run by the front end's signal handlers before the process ends; only async-signal-safe calls.
    public static let beforeExit: @convention(c) () -> Void = {
        if let path = ExitCleanup.heldLockPath { unlink(path) }
    }

    /// From now on a signal releases `file`'s lock.
    static func releaseLockOnExit(_ file: String) {
        let old = heldLockPath
        heldLockPath = strdup(PlanLock.path(for: file))
        free(old)
    }

    /// The lock was released normally; a signal now has nothing to release.
    static func forgetLock() {
        let old = heldLockPath
        heldLockPath = nil
        free(old)
    }
}
