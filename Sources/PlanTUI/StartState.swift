import PlanApp
import PlanModel
import TerminalText

/// A plan file the start screen lists: its path and what to call it (its title, or why it
/// cannot be read).
public struct StartEntry: Equatable, Sendable {
    public var path: String
    public var label: String

    public init(path: String, label: String) {
        self.path = path
        self.label = label
    }
}

/// What the start screen lists: read by `StartListing.load`, again after a plan was closed.
public struct StartListing: Equatable, Sendable {
    /// The folder dplan was started in.
    public var folder: String
    /// Plans in that folder.
    public var plans: [StartEntry]
    /// Plans opened lately, newest first.
    public var recent: [StartEntry]
    /// The sample plans that come with dplan.
    public var samples: [StartEntry]
    /// Spreadsheets in the folder that may be trackers (.xlsx, .csv).
    public var trackers: [String]

    public init(folder: String, plans: [StartEntry], recent: [StartEntry], samples: [StartEntry], trackers: [String]) {
        self.folder = folder
        self.plans = plans
        self.recent = recent
        self.samples = samples
        self.trackers = trackers
    }
}

/// One line of the start screen that can be chosen.
public enum StartRow: Equatable, Sendable {
    case plan(StartEntry)
    case portfolio
    case recent(StartEntry)
    case newPlan, importTracker, sample
}

/// A question or list the start screen shows over its lines.
public enum StartFlow: Equatable, Sendable {
    case newPlan(NewPlanAnswers.Step, NewPlanAnswers, TextEditor)
    case pickTracker(Picker)
    case trackerPath(TextEditor)
    /// The tracker's column mapping, waiting for Enter (go on) or Esc.
    case preview(ImportAnswers)
    case importPlan(ImportAnswers.Step, ImportAnswers, TextEditor)
    case pickSample(Picker)
}

/// The answers for making a plan from a tracker: the file, its mapping, then the partnership,
/// the title when the tracker has no title row, and the plan file.
public struct ImportAnswers: Equatable, Sendable {
    public var tracker: String
    public var mapping: [String]
    /// The tracker's title row; when nil the title is asked for.
    public var trackerTitle: String?
    public var partnership = ""
    public var title = ""
    public var file = ""

    /// The questions after the mapping, in order (the title only when the tracker has no title row).
    public enum Step: Equatable, Sendable {
        case partnership, title, file

        var prompt: String {
            switch self {
            case .partnership: "New plan from the tracker: the partnership that owns it"
            case .title: "New plan from the tracker: its title (the tracker has no title row)"
            case .file: "New plan from the tracker: the file to create"
            }
        }
    }
}

/// The start screen (`dplan` alone in a terminal): the plans in this folder, the ones opened
/// lately, and the ways to begin: a new plan, a tracker, a sample. State → update → render, as
/// every screen.
public struct StartState: Sendable {
    public internal(set) var listing: StartListing
    public internal(set) var selection = 0
    public internal(set) var layout: Layout
    public internal(set) var message: Message?
    public internal(set) var help: Help?
    public internal(set) var flow: StartFlow?
    /// The last question of a plan being made, asked again if making it fails (a file that exists).
    var retry: StartFlow?
    let today: Day

    public init(listing: StartListing, today: Day, size: (width: Int, height: Int)) {
        self.listing = listing
        self.today = today
        layout = Layout(width: size.width, height: size.height)
    }

    /// The lines that can be chosen, in screen order.
    public var rows: [StartRow] {
        listing.plans.map(StartRow.plan) + (listing.plans.count > 1 ? [.portfolio] : [])
            + listing.recent.map(StartRow.recent) + [.newPlan, .importTracker, .sample]
    }

    /// What the start screen asks the run loop to do.
    public enum Effect: Equatable, Sendable {
        case open(path: String)
        /// The plans of the folder as a portfolio.
        case portfolio
        /// Read a tracker and report its mapping (`.previewed`) or why not (`.failed`).
        case previewTracker(path: String)
        case importTracker(ImportAnswers)
        case createPlan(NewPlanAnswers)
        case quit
    }

    /// What the world tells the start screen.
    public enum Event: Sendable {
        case key(Key)
        case resized(width: Int, height: Int)
        /// The folder, the recent list and the samples read again (after a plan was closed).
        case listed(StartListing)
        case previewed(path: String, mapping: [String], title: String?)
        /// Something asked for could not be done; nothing was written.
        case failed(String)
    }
}
