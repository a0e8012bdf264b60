import Foundation  // Decimal
import PlanApp
import PlanModel
import PlanStore
import PlanReports

/// A prompt on top of the screen that takes the keys until it closes.
public enum Modal: Equatable, Sendable {
    case editor(EditorPurpose, TextEditor)
    case picker(PickerPurpose, Picker)
    case confirm(ConfirmPurpose)
    /// The export dialog.
    case exportForm(ExportForm)

    /// A text prompt for `purpose`, multi-line where the text is prose.
    static func prompt(_ purpose: EditorPurpose, _ text: String = "") -> Modal {
        .editor(purpose, TextEditor(text, multiline: purpose.isMultiline))
    }
}

/// What a line editor is for, and so what Enter does with its text.
public enum EditorPurpose: Equatable, Sendable {
    /// Commentary for this quarter, optionally with a status being set; `required` when worse.
    case commentary(id: String, status: Status?, required: Bool)
    /// The board's view in meeting mode: the status it settles on, and its reason (required).
    case boardView(id: String, status: Status)
    case title(id: String)
    case description(id: String)
    case outcome(id: String)
    /// The decision or help the action needs from the board.
    case decision(id: String)
    /// The quarter's executive summary, printed first in its board paper.
    case summary(Quarter)
    /// A set-up change: the plan's own text, or that of the group, workstream or owner `target`.
    case setup(SetupOperation, target: String?)
    case dueDate(id: String)
    case dueReason(id: String, due: Day)
    case search(previous: String)
    /// `/` in meeting mode: find one of the meeting's actions and step to it.
    case findInMeeting
    case newActionTitle(group: PreventionGroup)
    case closeQuarter(Quarter)
    /// A typed field of the export dialog, which reopens when the prompt closes.
    case exportField(ExportForm, ExportForm.Field)
    case milestoneTitle(id: String)
    case milestoneDue(id: String, title: String)
    /// Recording an indicator value: the quarter, then the value, then a note.
    case indicatorQuarter(id: String)
    case indicatorValue(id: String, quarter: Quarter)
    case indicatorNote(id: String, quarter: Quarter, value: Decimal, provisional: Bool)

    /// Commentary, descriptions and outcome measures are prose, with line breaks; the rest are one line.
    var isMultiline: Bool {
        switch self {
        case .commentary, .boardView, .description, .outcome, .decision, .summary: true
        case .setup(let operation, _): operation == .description || operation == .groupAim
        default: false
        }
    }

    var prompt: String {
        switch self {
        case .commentary(let id, let status, let required):
            "\(id)" + (status.map { " → \($0.letter)" } ?? "") + (required ? " why? (required)" : " commentary")
        case .boardView(let id, let status): "\(id) board's view → \(status.letter): why? (the lead's update stays)"
        case .title(let id): "\(id) title"
        case .description(let id): "\(id) description"
        case .outcome(let id): "\(id) outcome measure"
        case .decision(let id): "\(id) decision or help needed from the board"
        case .summary(let q): "Executive summary for the \(q) board paper"
        case .setup(let operation, _): operation.label
        case .dueDate(let id): "\(id) new due date (YYYY-MM-DD)"
        case .dueReason(let id, let due): "\(id) reason for moving the due date to \(due)"
        case .search: "Search"
        case .findInMeeting: "Find in this meeting"
        case .newActionTitle(let group): "New \(group.idPrefix) action title"
        case .closeQuarter(let q): "Close \(q): which board reviewed it?"
        case .milestoneTitle(let id): "\(id) new milestone"
        case .milestoneDue(let id, _): "\(id) milestone due date (YYYY-MM-DD)"
        case .indicatorQuarter(let id): "\(id): which quarter does the figure describe?"
        case .indicatorValue(let id, let q): "\(id) value for \(q) (add p if provisional)"
        case .indicatorNote(let id, let q, _, _): "\(id) \(q) note (optional)"
        case .exportField(_, let field): "Export: \(field.label.lowercased())"
        }
    }
}

/// What a picker is for, and so what choosing an option does.
public enum PickerPurpose: Equatable, Sendable {
    case owner(id: String)
    case partners(id: String)
    case group(id: String)
    case workstreams(id: String)
    case milestones(id: String)
    case filterKind
    case filterGroup, filterOwner, filterStatus, filterWorkstream
    case newActionGroup
    case newActionOwner(group: PreventionGroup, title: String)
    case setup
    case setupTarget(SetupOperation)
    case mergeOwnerInto(from: String)
}

/// What a yes/no (or several-way) question is about.
public enum ConfirmPurpose: Equatable, Sendable {
    case delete(id: String)
    case quitUnsaved
    /// The export's file exists: replace it?
    case overwrite(ExportRequest, path: String)
    /// A swap file holds edits from a session that ended without saving; `showingList` when the
    /// list of those edits is on screen ("compare").
    case recoverSwap(RecoveryOffer, showingList: Bool)
    /// Saving found fields changed both here and on disk: decide each, then save.
    case resolveConflicts([MergeConflict], decided: [String: MergeConflict.Side])

    /// The question on the message row, with its keys from `Keymap.confirmKeys`.
    func question(in plan: Plan) -> String {
        let keys = Keymap.confirmHint(Keymap.confirmKeys(for: self))
        switch self {
        case .delete(let id):
            return "Delete \(id) “\(plan.actionIndex(id: id).map { plan.actions[$0].title } ?? "")”? \(keys)"
        case .quitUnsaved: return "Unsaved changes. \(keys)"
        case .overwrite(_, let path): return "\(path) exists. \(keys)"
        case .recoverSwap(let offer, _):
            return "Unsaved edits from an earlier session (\(offer.labels.count) changes, last \(offer.last))"
                + (offer.damaged > 0 ? ", \(offer.damaged) damaged and skipped" : "") + ". \(keys)"
        case .resolveConflicts(let conflicts, let decided):
            return "\(conflictFieldWords(conflicts[decided.count].path)): \(keys)"
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
