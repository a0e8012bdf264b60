import Foundation
import PlanModel
import PlanStore

/// What an interactive session does about someone else's "being edited by" lock.
public enum LockChoice: Sendable {
    /// Open read-only when someone else holds it (the default).
    case respect
    /// Edit anyway; their lock stays and saving merges (`--ignore-lock`).
    case ignore
    /// Remove a lock left behind first, then open normally (`--break-lock`).
    case breakFirst
}

/// A plan opened for an interactive session: its document, why edits are refused if they are,
/// and the courtesy lock this process holds until `close()`.
public struct OpenedPlan: Sendable {
    public var document: PlanDocument
    /// Why edits are refused ("read-only: …"), or nil when the session may edit.
    public var readOnly: String?
    /// Whether this process took the plan's lock (and so must release it).
    public let holdsLock: Bool
    /// Things to tell the user before the screen opens (a lock ignored).
    public var notices: [String]

    /// Ends the session: releases the lock this process took and forgets the signal clean-up.
    public func close() {
        if holdsLock { PlanLock.release(document.path) }
        ExitCleanup.forgetLock()
    }
}

/// Opens a plan for the front end: valid (conflicts allowed: the session opens on them), with the
/// lock taken, or read-only with the reason when the file cannot be written or someone else holds
/// the lock. A lock left by a process of this computer that has gone is taken over when
/// `takeOverStaleLock` says so (the caller may ask the user). While the lock is held, closing the
/// terminal or a signal releases it (`ExitCleanup`).
public func openForSession(_ path: String, user: String, now: Timestamp, lock choice: LockChoice = .respect,
                           takeOverStaleLock: (PlanLock.Holder) -> Bool = { _ in false }) throws(DplanError) -> OpenedPlan {
    let document = try openForEditing(path, allowConflicts: true)
    var readOnly: String?
    var notices: [String] = []
    if choice == .breakFirst { PlanLock.breakLock(path) }
    var locked = false
    switch PlanLock.take(path, user: user, now: now) {
    case .acquired:
        locked = true
    case .refused(let reason):
        readOnly = reason  // the file or its folder cannot be written here
    case .heldBy(let holder) where choice == .ignore:
        notices.append("\(path): \(holder.summary); editing anyway (--ignore-lock)")
    case .heldBy(let holder) where holder.isStale && takeOverStaleLock(holder):
        // The process that held it is gone (a crash): this session takes the lock over.
        PlanLock.breakLock(path)
        locked = PlanLock.take(path, user: user, now: now) == .acquired
        if !locked { readOnly = "read-only: someone else took the lock first" }
    case .heldBy(let holder):
        readOnly = holder.readOnlyReason
    }
    if locked { ExitCleanup.releaseLockOnExit(path) }
    return OpenedPlan(document: document, readOnly: readOnly, holdsLock: locked, notices: notices)
}
