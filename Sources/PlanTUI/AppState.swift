import PlanModel
import PlanStore
import PlanReports

/// The whole state of the interactive front end: a value, changed only by `handle(_:)`, drawn
/// only by `render(_:)`.
public struct AppState: Sendable {
    public var plan: Plan
    public var path: String
    public var user: String
    /// The clock, set by the run loop before each key (fixed in tests).
    public var now: Timestamp
    public var size: (width: Int, height: Int)

    public var view: View = .overview
    public var modal: Modal?
    public var showHelp = false
    /// The recovery prompt's "compare" list is showing.
    public var showRecoveryList = false
    /// Edits and saves are refused (the file is locked by someone else or not writable).
    public var readOnly = false
    public var helpScroll = 0
    public var message: Message?

    public var filter = Filter()
    public var collapsed: Set<PreventionGroup> = []
    public internal(set) var rows: [Row] = []
    /// Indices (into `plan.actions`) of the actions the filter shows, in list order; set with `rows`.
    private var matching: [Int] = []
    /// What `matching` was worked out for.
    var rowsKey: RowsKey?
    public var selection = 0
    public var scroll = 0
    public var detailScroll = 0
    /// Where Esc returns from the changes screen.
    var viewBeforeChanges: View = .overview
    public var meeting: Meeting?

    var undoStack: [Snapshot] = []
    var redoStack: [Snapshot] = []
    /// Bumped on every change to the plan; equal to `savedRevision` when there is nothing to save.
    public internal(set) var revision = 0
    var savedRevision = 0
    private var revisionCounter = 0
    var searchIndex = SearchIndex()
    var journalPending = JournalChanges()

    public init(plan: Plan, path: String, user: String, now: Timestamp, size: (width: Int, height: Int)) {
        self.plan = plan
        self.path = path
        self.user = user
        self.now = now
        self.size = size
        refreshRows()
    }

    public var isDirty: Bool { revision != savedRevision }
    public var today: Day { now.day }
    /// The quarter edits go to.
    public var quarter: Quarter { plan.editingQuarter(on: today) }

    /// Call after the plan was written to disk.
    public mutating func markSaved() {
        savedRevision = revision
    }

    /// After a reload merged someone else's saved changes into mine: still unsaved if I had edits.
    public mutating func replacePlanAfterReload(_ merged: Plan, base: Plan) {
        let hadEdits = isDirty
        noteJournalChange(before: plan)
        plan = merged
        revision = nextRevision()
        if !hadEdits || merged == base { savedRevision = revision }
        undoStack.removeAll()
        redoStack.removeAll()
        refreshRows()
        clampScroll()
    }

    /// After a save merged someone else's changes: show the merged plan, saved. Undo history
    /// starts again from it (earlier snapshots predate the other person's changes).
    public mutating func replacePlanAfterMerge(_ merged: Plan) {
        noteJournalChange(before: plan)
        plan = merged
        revision = nextRevision()
        savedRevision = revision
        undoStack.removeAll()
        redoStack.removeAll()
        refreshRows()
        clampScroll()
    }

    /// Builds the search index if the plan changed as a whole since it was built. The run loop
    /// calls this after painting, so the first search key in a large plan does not wait for it.
    public mutating func prepareSearch() {
        searchIndex.update(for: plan, revision: revision)
    }

    /// Hands over what changed since the last call, for the run loop to journal; nil when
    /// nothing did.
    public mutating func takeJournalChanges() -> JournalChanges? {
        guard !journalPending.isEmpty else { return nil }
        defer { journalPending = JournalChanges() }
        return journalPending
    }

    /// Records that the whole plan is about to change (not just one action), from `before`.
    mutating func noteJournalChange(before: Plan) {
        if journalPending.planBefore == nil { journalPending.planBefore = before }
    }

    mutating func nextRevision() -> Int {
        revisionCounter += 1
        return revisionCounter
    }

    /// The action under the cursor in the list, if the cursor is on an action.
    public var selectedActionID: String? {
        guard rows.indices.contains(selection), case .action(let index) = rows[selection] else { return nil }
        return plan.actions[index].id
    }

    /// The action the current screen is about (the detail or meeting action, else the selection).
    public var focusedActionID: String? {
        switch view {
        case .detail(let id): id
        case .meeting: meeting.flatMap { $0.ids.indices.contains($0.position) ? $0.ids[$0.position] : nil }
        default: selectedActionID
        }
    }

    /// Rebuilds the visible rows from the plan, filter and folded groups, keeping the cursor on the
    /// same action (or group) where it is still shown. When only the search text grew (typing),
    /// just the actions that matched before are searched again.
    mutating func refreshRows() {
        let keep = rows.indices.contains(selection) ? rows[selection] : nil
        let keepID = selectedActionID
        let needle = SearchIndex.needle(filter.search)
        if !needle.isEmpty { searchIndex.update(for: plan, revision: revision) }
        let quarter = self.quarter
        let today = self.today
        let criteria = filter.criteria
        let key = RowsKey(revision: revision, today: today, criteria: criteria, needle: needle)
        let narrowing = rowsKey.map { $0.revision == key.revision && $0.today == key.today && $0.criteria == key.criteria
            && SearchIndex.contains(needle, $0.needle) } ?? false
        rowsKey = key
        var buckets = [[Int]](repeating: [], count: PreventionGroup.allCases.count)
        let candidates = narrowing ? matching : Array(plan.actions.indices)
        let filtering = !criteria.isEmpty
        plan.actions.withUnsafeBufferPointer { actions in  // borrows each action instead of copying it
            for index in candidates {
                guard let group = actions[index].preventionGroup,
                      !filtering || criteria.matches(actions[index], today: today, quarter: quarter),
                      needle.isEmpty || searchIndex.action(index, contains: needle) else { continue }
                buckets[group.order].append(index)
            }
        }
        matching = buckets.flatMap { $0 }
        var newRows: [Row] = []
        for group in PreventionGroup.allCases {
            let indices = buckets[group.order]
            var tally = [Int](repeating: 0, count: Status.allCases.count)
            for index in indices { tally[plan.actions[index].status.rank] += 1 }
            let counts = Dictionary(uniqueKeysWithValues: Status.allCases.filter { tally[$0.rank] > 0 }.map { ($0, tally[$0.rank]) })
            newRows.append(.group(group, counts: counts))
            if !collapsed.contains(group) { newRows += indices.map { .action($0) } }
        }
        rows = newRows
        if let keepID, case .action(let old)? = keep, plan.actions.indices.contains(old), plan.actions[old].id == keepID,
           let index = rows.firstIndex(of: .action(old)) {
            selection = index  // the usual case: the same action at the same place in the plan
        } else if let keepID, let index = rows.firstIndex(where: { if case .action(let i) = $0 { plan.actions[i].id == keepID } else { false } }) {
            selection = index
        } else if let keep, let index = rows.firstIndex(of: keep) {
            selection = index
        } else {
            selection = min(selection, max(0, rows.count - 1))
        }
    }

    /// After one action changed (from `old`, at plan revision `oldRevision`, by an edit, undo or
    /// redo): the crash journal, the search index and the rows catch up with that action alone.
    /// When it stays in its group and stays shown (or hidden), only its group's status counts
    /// change, so the rows are patched; otherwise they are rebuilt. An edit in a 10,000-action
    /// plan stays instant.
    mutating func actionChanged(at index: Int, was old: Action, from oldRevision: Int) {
        journalPending.actionIDs.insert(old.id)
        searchIndex.update(action: index, of: plan, from: oldRevision, to: revision)
        let needle = SearchIndex.needle(filter.search)
        guard let key = rowsKey, key.revision == oldRevision, key.today == today,
              needle.isEmpty || searchIndex.revision == revision,
              plan.actions[index].group == old.group, let group = plan.actions[index].preventionGroup else {
            return refreshRows()
        }
        let wasShown = matching.contains(index)
        let shown = filter.criteria.matches(plan.actions[index], today: today, quarter: quarter)
            && (needle.isEmpty || searchIndex.action(index, contains: needle))
        guard shown == wasShown else { return refreshRows() }
        rowsKey?.revision = revision
        let status = plan.actions[index].status
        guard shown, status != old.status,
              let header = rows.firstIndex(where: { if case .group(group, _) = $0 { true } else { false } }),
              case .group(_, var counts) = rows[header] else { return }
        counts[old.status, default: 1] -= 1
        if counts[old.status] == 0 { counts[old.status] = nil }
        counts[status, default: 0] += 1
        rows[header] = .group(group, counts: counts)
    }

    /// Puts the cursor on the first action row, if any.
    mutating func selectFirstAction() {
        if let first = rows.firstIndex(where: { if case .action = $0 { true } else { false } }) { selection = first }
    }

    /// Ids of the actions the filter shows, in list order, whether or not their group is folded.
    var filteredActionIDs: [String] { matching.map { plan.actions[$0].id } }
}

/// The screen being shown.
public enum View: Equatable, Sendable {
    case overview
    case list
    case detail(String)
    case meeting
    case meetingSummary
    /// What changed since last quarter; `from` is the screen to return to.
    case changes

    var mode: Mode {
        switch self {
        case .overview: .overview
        case .list: .list
        case .detail: .detail
        case .meeting, .meetingSummary: .meeting
        case .changes: .changes
        }
    }
}

/// A line of the action list: a prevention-group header or an action (index into `plan.actions`).
public enum Row: Equatable, Sendable {
    /// A group header with the status counts of the actions the filter shows in it.
    case group(PreventionGroup, counts: [Status: Int])
    case action(Int)
}

/// A one-line message under the screen.
public struct Message: Equatable, Sendable {
    public var text: String
    public var isError: Bool
}

/// A prompt on top of the screen that takes the keys until it closes.
public enum Modal: Equatable, Sendable {
    case editor(EditorPurpose, LineEditor)
    case picker(PickerPurpose, Picker)
    case confirm(ConfirmPurpose)
}

public enum EditorPurpose: Equatable, Sendable {
    /// Commentary for this quarter, optionally with a status being set; `required` when worse.
    case commentary(id: String, status: Status?, required: Bool)
    case title(id: String)
    case description(id: String)
    case outcome(id: String)
    case dueDate(id: String)
    case dueReason(id: String, due: Day)
    case search(previous: String)
    case newActionTitle(group: PreventionGroup)
    case closeQuarter(Quarter)
    case exportPath(ReportFormat)

    var prompt: String {
        switch self {
        case .commentary(let id, let status, let required):
            "\(id)" + (status.map { " → \($0.letter)" } ?? "") + (required ? " why? (required)" : " commentary")
        case .title(let id): "\(id) title"
        case .description(let id): "\(id) description"
        case .outcome(let id): "\(id) outcome measure"
        case .dueDate(let id): "\(id) new due date (YYYY-MM-DD)"
        case .dueReason(let id, let due): "\(id) reason for moving the due date to \(due)"
        case .search: "Search"
        case .newActionTitle(let group): "New \(group.idPrefix) action title"
        case .closeQuarter(let q): "Close \(q): which board reviewed it?"
        case .exportPath(let format): "Export \(format.rawValue) to"
        }
    }
}

public enum PickerPurpose: Equatable, Sendable {
    case owner(id: String)
    case partners(id: String)
    case group(id: String)
    case workstreams(id: String)
    case filterKind
    case filterGroup, filterOwner, filterStatus, filterWorkstream
    case newActionGroup
    case newActionOwner(group: PreventionGroup, title: String)
    case exportFormat
}


public enum ConfirmPurpose: Equatable, Sendable {
    case delete(id: String)
    case quitUnsaved
    /// A swap file holds edits from a session that ended without saving.
    case recoverSwap(RecoveryOffer)
    /// Saving found fields changed both here and on disk: decide each, then save.
    case resolveConflicts([PlanMerge.Conflict], decided: [String: PlanMerge.Side])

    var question: String {
        switch self {
        case .delete(let id): "Delete \(id)? y deletes (u undoes), any other key keeps it"
        case .quitUnsaved: "Unsaved changes. s save and quit · d discard and quit · Esc keep working"
        case .recoverSwap(let offer):
            "Unsaved edits from an earlier session (\(offer.labels.count) changes, last \(offer.last))"
                + (offer.damaged > 0 ? ", \(offer.damaged) damaged and skipped" : "") + ". r recover · d discard · c compare"
        case .resolveConflicts(let conflicts, let decided):
            "\(decided.count + 1)/\(conflicts.count) both changed \(conflicts[decided.count].path): m mine \(conflicts[decided.count].mine) · t theirs \(conflicts[decided.count].theirs) · Esc cancel"
        }
    }
}

/// What a swap file found on opening would bring back.
public struct RecoveryOffer: Equatable, Sendable {
    /// The plan with the journalled edits applied.
    public var plan: Plan
    /// What each journalled change did, oldest first, with who and when.
    public var labels: [String]
    public var last: String
    public var damaged: Int

    public init(plan: Plan, labels: [String], last: String, damaged: Int) {
        self.plan = plan
        self.labels = labels
        self.last = last
        self.damaged = damaged
    }
}

/// Meeting mode: the actions being stepped through and the plan as it was when the meeting began.
public struct Meeting: Equatable, Sendable {
    public var ids: [String]
    public var position: Int
    public var startPlan: Plan
}

/// A plan state to return to with undo/redo. For a one-action step, `plan` has no actions and
/// `action` holds that action's value to put back into the current action list.
struct Snapshot: Sendable {
    var plan: Plan
    var revision: Int
    var label: String
    var action: (index: Int, action: Action)? = nil
}

/// The inputs the list rows were built from, to tell when a new search only narrows the last.
struct RowsKey: Equatable, Sendable {
    var revision: Int
    var today: Day
    /// The filter without its search text.
    var criteria: ActionCriteria
    var needle: [UInt8]
}

/// What changed since the crash journal last caught up (see `takeJournalChanges`).
public struct JournalChanges: Equatable, Sendable {
    /// The whole plan before the first change that was more than an action edit, if any.
    public var planBefore: Plan?
    /// Actions edited one at a time.
    public var actionIDs: Set<String> = []

    var isEmpty: Bool { planBefore == nil && actionIDs.isEmpty }
}

/// Work the run loop does for `handle(_:)`, which itself never touches files or the terminal.
public enum Effect: Equatable, Sendable {
    case save
    case saveAndQuit
    case quit
    /// Write a report of the plan as it is now to a path.
    case export(ReportFormat, path: String)
    /// Delete the swap file (its edits were recovered into the plan, or discarded).
    case dropSwap
    /// Save, settling conflicting fields as decided.
    case saveResolving([String: PlanMerge.Side])
    /// Merge what someone else saved into the plan, keeping unsaved edits.
    case reload
}
