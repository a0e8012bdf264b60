import PlanModel

/// The plan being edited and its history: undo and redo, revisions (to tell when there is
/// something to save), the changes not yet journalled, and whether edits are allowed at all.
public struct EditingSession: Sendable {
    public internal(set) var plan: Plan
    public let path: String
    public let user: String
    /// Why edits and saves are refused (locked by someone else, not writable); nil when allowed.
    public internal(set) var readOnlyReason: String?
    /// Someone else's save to the file has been noticed and announced (until the next save or reload).
    public internal(set) var outsideChangeNoticed = false

    var undoStack: [Snapshot] = []
    var redoStack: [Snapshot] = []
    /// Bumped on every change to the plan; equal to `savedRevision` when there is nothing to save.
    public internal(set) var revision = 0
    var savedRevision = 0
    private var revisionCounter = 0
    /// What changed since the swap file last caught up.
    var journalPending = JournalChanges()

    init(plan: Plan, path: String, user: String, readOnlyReason: String?) {
        self.plan = plan
        self.path = path
        self.user = user
        self.readOnlyReason = readOnlyReason
    }

    public var isDirty: Bool { revision != savedRevision }
    public var isReadOnly: Bool { readOnlyReason != nil }

    mutating func nextRevision() -> Int {
        revisionCounter += 1
        return revisionCounter
    }

    /// The plan was written to disk as it is: nothing is left to journal.
    mutating func markSaved() {
        savedRevision = revision
        journalPending = JournalChanges()
        outsideChangeNoticed = false
    }

    /// After a reload merged someone else's saved changes into mine: still unsaved if I had edits.
    mutating func replaceAfterReload(_ merged: Plan, base: Plan) {
        let hadEdits = isDirty
        replacePlan(merged)
        if !hadEdits || merged == base { savedRevision = revision }
        outsideChangeNoticed = false
    }

    /// After a save merged someone else's changes: the merged plan, saved. Undo history starts
    /// again from it (earlier snapshots predate the other person's changes).
    mutating func replaceAfterMerge(_ merged: Plan) {
        replacePlan(merged)
        markSaved()
    }

    private mutating func replacePlan(_ new: Plan) {
        noteJournalChange(before: plan)
        plan = new
        revision = nextRevision()
        undoStack.removeAll()
        redoStack.removeAll()
    }

    /// Records that the whole plan is about to change (not just one action), from `before`.
    mutating func noteJournalChange(before: Plan) {
        if journalPending.planBefore == nil { journalPending.planBefore = before }
    }

    /// Hands over what changed since the last call, for the swap file; nil when nothing did.
    mutating func takeJournalChanges() -> JournalChanges? {
        guard !journalPending.isEmpty else { return nil }
        defer { journalPending = JournalChanges() }
        return journalPending
    }
}

/// A plan state to return to with undo/redo. For a one-action step, `plan` has no actions and
/// `action` holds that action's value to put back into the current action list.
struct Snapshot: Sendable {
    var plan: Plan
    var revision: Int
    var label: String
    var action: (index: Int, action: Action)? = nil
}

/// What changed since the swap file last caught up.
public struct JournalChanges: Equatable, Sendable {
    /// The whole plan before the first change that was more than an action edit, if any.
    public var planBefore: Plan?
    /// Actions edited one at a time.
    public var actionIDs: Set<String> = []

    var isEmpty: Bool { planBefore == nil && actionIDs.isEmpty }
}
