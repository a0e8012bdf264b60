import PlanApp
import PlanModel
import PlanStore
import PlanReports

/// The whole state of the interactive front end: a value, changed only by `update(_:)`, drawn
/// only by `render(_:)`.
///
/// It is made of parts a reader can hold in mind: the editing `session` (the plan and its
/// history), the action `list` (filter, rows, cursor), the `screen` being shown (each screen
/// carrying its own state), and what sits on top of it (a prompt, the help, a message).
public struct AppState: Sendable {
    public internal(set) var session: EditingSession
    public internal(set) var list = ActionList()
    public internal(set) var screen: Screen = .overview
    /// A prompt that takes the keys until it closes.
    public internal(set) var modal: Modal?
    /// The help overlay, with how far it is scrolled; nil when hidden.
    public internal(set) var help: Help?
    public internal(set) var message: Message?
    /// The export running in the background (the message row says so until it ends).
    public internal(set) var exporting: RunningExport?
    /// The clock, moved on by `.tick` events from the run loop (fixed in tests).
    public internal(set) var now: Timestamp
    /// Where everything goes on the screen; replaced by `.resized`.
    public internal(set) var layout: Layout
    /// The plan's facts as last worked out (after a paint, or for a screen that shows them); read
    /// through `facts`.
    var cachedFacts: PlanFacts?

    /// `readOnly` says why edits are refused (the file is locked by someone else or not writable).
    /// `notices` are what opening the plan has to say (a lock held by someone else, ignored):
    /// shown on the message row, as `readOnly` is.
    public init(plan: Plan, path: String, user: String, now: Timestamp, size: (width: Int, height: Int), readOnly: String? = nil,
                notices: [String] = []) {
        session = EditingSession(plan: plan, path: path, user: user, readOnlyReason: readOnly)
        self.now = now
        layout = Layout(width: size.width, height: size.height)
        if let readOnly {
            message = Message(text: readOnly, isError: true)
        } else if !notices.isEmpty {
            message = Message(text: notices.joined(separator: "; "), isError: true)
        }
        refreshRows()
        prepareFacts()  // the overview shows them first
        if !plan.conflicts.isEmpty {
            // A merge (git, a sync copy) left fields to decide: they come first.
            screen = .mergeConflicts(selection: 0)
            if readOnly == nil {
                message = Message(text: "\(plan.conflicts.count) fields were changed differently by two people: m keeps ours, t takes theirs",
                                  isError: true)
            }
        }
    }

    public var plan: Plan { session.plan }
    public var isDirty: Bool { session.isDirty }
    public var today: Day { now.day }
    /// The quarter edits go to.
    public var quarter: Quarter { plan.editingQuarter(on: today) }
    /// The quarter what changed, the chase list and the export dialog are about by default
    /// (`Plan.reportingQuarter(on:)`: the latest ended and not closed, else the current one).
    public var reportingQuarter: Quarter { plan.reportingQuarter(on: today) }
    /// The quarter whose board paper is being prepared, which `S` writes the summary of and `Q`
    /// closes: the quarter reported on while it is open (an ended quarter awaiting its board),
    /// else the quarter edits go to.
    var boardQuarter: Quarter {
        let reporting = reportingQuarter
        return plan.isClosed(reporting) ? quarter : reporting
    }

    /// The action the current screen is about (the detail or meeting action, else the list's selection).
    public var focusedActionID: String? {
        switch screen {
        case .detail(let id, _, _): id
        case .meeting(let meeting): meeting.currentID
        default: list.selectedActionID(in: plan)
        }
    }

    /// How many of the meeting's actions have a review entry for the current quarter.
    func updatedCount(of meeting: Meeting) -> Int {
        let quarter = self.quarter
        return meeting.ids.filter { id in plan.actionIndex(id: id).map { plan.actions[$0].review(for: quarter) != nil } ?? false }.count
    }
}

/// The screen being shown, each with the state only it needs.
public indirect enum Screen: Equatable, Sendable {
    case overview
    case list
    /// One action's fields and history, scrolled by `scroll` lines; Esc returns to `returnTo`.
    case detail(id: String, scroll: Int, returnTo: Screen = .list)
    case meeting(Meeting)
    /// What changed during the meeting, shown when it ends.
    case meetingSummary(Meeting)
    /// What changed since last quarter or who owes an update, the cursor on the `selection`th
    /// action; Esc returns to `returnTo`.
    case entries(EntryList, selection: Int, returnTo: Screen)
    /// The merge conflicts recorded in the plan, the cursor on the `selection`th.
    case mergeConflicts(selection: Int)
    /// The outcome indicators, the cursor on the `selection`th; Esc returns to `returnTo`.
    case indicators(selection: Int, returnTo: Screen)
    /// One indicator with its chart and history, scrolled by `scroll` lines.
    case indicator(id: String, scroll: Int, returnTo: Screen)

    var mode: Mode {
        switch self {
        case .overview: .overview
        case .list: .list
        case .detail: .detail
        case .meeting, .meetingSummary: .meeting
        case .entries: .changes
        case .mergeConflicts: .conflicts
        case .indicators: .indicators
        case .indicator: .indicator
        }
    }
}

/// The help overlay.
public struct Help: Equatable, Sendable {
    public var scroll = 0
}

/// A line of the action list: a prevention-group header or an action (index into `plan.actions`).
public enum Row: Equatable, Sendable {
    /// A group header with the status counts of the actions the filter shows in it.
    case group(ListGroup, counts: [Status: Int])
    case action(Int)
}

/// A one-line message under the screen.
public struct Message: Equatable, Sendable {
    public var text: String
    public var isError: Bool
}

/// Meeting mode: the actions being stepped through and the plan as it was when the meeting began.
public struct Meeting: Equatable, Sendable {
    public var ids: [String]
    /// The lead owners' indicators, offered after the actions (positions from `ids.count` on).
    public var indicatorIDs: [String] = []
    public var position: Int
    public var startPlan: Plan
    /// How far the commentary of the action on screen is scrolled (lines).
    public var scroll = 0

    init(ids: [String], position: Int, startPlan: Plan) {
        self.ids = ids
        self.position = position
        self.startPlan = startPlan
    }

    /// The action on screen, if any are left.
    var currentID: String? { ids.indices.contains(position) ? ids[position] : nil }

    /// The indicator on screen, once the actions are done.
    var currentIndicatorID: String? {
        indicatorIDs.indices.contains(position - ids.count) ? indicatorIDs[position - ids.count] : nil
    }

    /// Actions and indicators.
    var stepCount: Int { ids.count + indicatorIDs.count }
}

/// What the world tells the front end: keys, and the outcome of the work the run loop did for
/// it (an `Effect`). `update(_:)` is the only way any of it changes the state.
public enum Event: Sendable {
    case key(Key)
    case resized(width: Int, height: Int)
    /// The clock moved on (sent before each key).
    case tick(Timestamp)
    /// A frame was painted: time for work that should not delay it (the search index, the
    /// plan's facts).
    case painted
    /// A swap file from a session that ended without saving was found when the plan opened.
    case swapFound(RecoveryOffer)
    /// Someone else saved the plan file since it was read.
    case changedOnDisk
    /// The plan was saved: merged with someone else's saved changes or not, quarters closed.
    case saved(SaveReport, thenQuit: Bool)
    /// Saving found fields changed both here and on disk.
    case conflicts([MergeConflict])
    case saveFailed(DplanError)
    /// Someone else's saved changes were merged into the plan; `base` is the file as now on disk;
    /// `renumbered` says which new actions, milestones and funding lines the merge gave other ids.
    case reloaded(merged: Plan, base: Plan, renumbered: [Renumbering] = [])
    case reloadFailed(DplanError)
    /// An export finished; `summary` says what it covers, `warnings` what the reader should know
    /// (a writing system without a font, a PDF not finished for PDF/UA), as `export` prints them.
    case exported(path: String, summary: String, warnings: [String] = [])
    /// An export did not happen (its file exists and replacing it was not confirmed, it was
    /// cancelled, or it failed); nothing was written.
    case exportFailed(ExportRequest, path: String, DplanError)
    case journalFailed(DplanError)
    /// The external editor (`$VISUAL`/`$EDITOR`) returned this text.
    case externallyEdited(String)
    case externalEditFailed(ExternalEditorError)
}

/// Work the run loop does for `update(_:)`, which itself never touches files or the terminal.
/// Each outcome comes back as an `Event`.
public enum Effect: Equatable, Sendable {
    /// Save, settling conflicting fields as decided; quit once saved when `thenQuit`.
    case save(resolving: [String: MergeConflict.Side], thenQuit: Bool)
    case quit
    /// Start writing a report of the plan as it is now to a path (`~` expanded), off the input
    /// loop; replace an existing file only when `overwrite`. Its end comes back as `.exported`
    /// or `.exportFailed`.
    case export(ExportRequest, path: String, overwrite: Bool)
    /// Stop the export that is running.
    case cancelExport
    /// Merge what someone else saved into the plan, keeping unsaved edits.
    case reload
    /// Record unsaved changes in the swap file so a crash loses nothing.
    case journal(JournalChanges, label: String)
    /// Delete the swap file (nothing unsaved is left, or its edits were recovered or discarded).
    case dropSwap
    /// Hand the open editor's text to `$VISUAL`/`$EDITOR` and bring back what it saves.
    case editExternally(String)

    static let save = Effect.save(resolving: [:], thenQuit: false)
}

/// An export the run loop is doing in the background: what and where, for the message row.
public struct RunningExport: Equatable, Sendable {
    public var request: ExportRequest
    public var path: String

    /// "Exporting pdf of 2026/27 Q3 to plan.pdf… Ctrl-X cancels".
    var label: String {
        "Exporting \(request.format?.rawValue ?? "report") of \(request.periodLabel) to \(path)… Ctrl-X cancels"
    }
}
