import PlanApp
import PlanModel
import PlanStore
import PlanReports
import TerminalText

/// The portfolio screen: a community safety team's or a Violence Reduction Unit's plans, one
/// entry each (title and partnership, status counts, overdue, no update this quarter, who owes
/// updates, conflicts) under a totals row; sorted and filtered by key, or switched to the national
/// measures compared. Enter opens a plan; quitting it comes back here.
public struct PortfolioState: Sendable {
    public internal(set) var entries: [PortfolioEntry]
    /// The file of each entry.
    public internal(set) var paths: [String]
    /// Position in `visible` (the entries shown, in the order shown).
    public internal(set) var selection = 0
    public internal(set) var layout: Layout
    public internal(set) var message: Message?
    public internal(set) var sort = PortfolioSort.listed
    public internal(set) var filter = PortfolioFilter.all
    /// The national measures compared instead of the action counts.
    public internal(set) var showsMeasures = false

    public init(entries: [PortfolioEntry], paths: [String], size: (width: Int, height: Int)) {
        self.entries = entries
        self.paths = paths
        layout = Layout(width: size.width, height: size.height)
    }

    /// What the portfolio asks the run loop to do.
    public enum Effect: Equatable, Sendable {
        case open(path: String)
        case quit
    }

    /// What the world tells the portfolio.
    public enum Event: Sendable {
        case key(Key)
        case resized(width: Int, height: Int)
        /// The plans were read again (after one was edited).
        case reloaded([PortfolioEntry], paths: [String])
        /// A plan could not be opened, and why.
        case openFailed(DplanError)
    }

    /// The indices of the entries shown, filtered and in the sort order.
    public var visible: [Int] {
        let shown = entries.indices.filter { filter.keeps(entries[$0]) }
        return sort == .listed ? shown : shown.sorted { sort.precedes(entries[$0], entries[$1], $0, $1) }
    }

    /// The path of the entry under the cursor.
    var selectedPath: String? {
        let shown = visible
        return shown.indices.contains(selection) && paths.indices.contains(shown[selection]) ? paths[shown[selection]] : nil
    }

    public mutating func update(_ event: Event) -> Effect? {
        switch event {
        case .resized(let width, let height):
            layout = Layout(width: width, height: height)
        case .reloaded(let entries, let paths):
            let keep = selectedPath
            self.entries = entries
            self.paths = paths
            keepSelection(on: keep)
        case .openFailed(let error):
            // The first two lines say what is wrong; the rest (every problem) is for the command line.
            message = Message(text: sanitizedForTerminal(error.message.split(separator: "\n").prefix(2).joined(separator: " ")), isError: true)
        case .key(let key):
            return handle(key)
        }
        return nil
    }

    private mutating func handle(_ key: Key) -> Effect? {
        message = nil
        let count = visible.count
        switch Keymap.portfolio.first(where: { $0.keys.contains(key) })?.command {
        case .moveUp?: selection = max(0, selection - 1)
        case .moveDown?: selection = min(max(0, count - 1), selection + 1)
        case .open?: if let path = selectedPath { return .open(path: path) }
        case .sort?:
            let keep = selectedPath
            sort = sort.next
            keepSelection(on: keep)
            message = Message(text: "sorted by \(sort.label)", isError: false)
        case .filter?:
            let keep = selectedPath
            filter = filter.next
            keepSelection(on: keep)
            message = Message(text: "showing \(filter.label): \(visible.count) of \(entries.count) plans", isError: false)
        case .measures?: showsMeasures.toggle()
        case .quit?: return .quit
        case nil:
            if case .character(let c) = key { message = Message(text: "\(c) does nothing here; Enter opens a plan, q quits (the keys are below)", isError: true) }
        }
        return nil
    }

    /// Puts the cursor back on `path` when it is still shown, else keeps it in range.
    private mutating func keepSelection(on path: String?) {
        let shown = visible
        if let path, let at = shown.firstIndex(where: { paths.indices.contains($0) && paths[$0] == path }) {
            selection = at
        } else {
            selection = min(selection, max(0, shown.count - 1))
        }
    }
}

/// The orders the portfolio can be sorted in (`s` steps through them).
public enum PortfolioSort: CaseIterable, Sendable {
    case listed, reds, overdue, noUpdate, name

    var label: String {
        switch self {
        case .listed: "the order given"
        case .reds: "red actions, most first"
        case .overdue: "overdue actions, most first"
        case .noUpdate: "actions with no update, most first"
        case .name: "title"
        }
    }

    var next: PortfolioSort { Self.allCases[(Self.allCases.firstIndex(of: self)! + 1) % Self.allCases.count] }

    /// Whether `a` (at `i`) comes before `b` (at `j`); ties keep the order given.
    func precedes(_ a: PortfolioEntry, _ b: PortfolioEntry, _ i: Int, _ j: Int) -> Bool {
        func most(_ key: (PortfolioEntry) -> Int) -> Bool { key(a) != key(b) ? key(a) > key(b) : i < j }
        switch self {
        case .listed: return i < j
        case .reds: return most { $0.byStatus[.red, default: 0] }
        case .overdue: return most(\.overdue)
        case .noUpdate: return most(\.stale)
        case .name:
            let x = a.title.lowercased(), y = b.title.lowercased()
            return x != y ? x < y : i < j
        }
    }
}

/// Which plans the portfolio shows (`f` steps through them).
public enum PortfolioFilter: CaseIterable, Sendable {
    case all, withReds, withOverdue, owingUpdates

    var label: String {
        switch self {
        case .all: "every plan"
        case .withReds: "plans with red actions"
        case .withOverdue: "plans with overdue actions"
        case .owingUpdates: "plans still owed updates"
        }
    }

    var next: PortfolioFilter { Self.allCases[(Self.allCases.firstIndex(of: self)! + 1) % Self.allCases.count] }

    func keeps(_ entry: PortfolioEntry) -> Bool {
        switch self {
        case .all: true
        case .withReds: entry.byStatus[.red, default: 0] > 0
        case .withOverdue: entry.overdue > 0
        case .owingUpdates: !entry.owesUpdates.isEmpty
        }
    }
}

/// What a portfolio key does.
public enum PortfolioCommand: Hashable, Sendable {
    case moveUp, moveDown, open, sort, filter, measures, quit
}

extension Keymap {
    /// The portfolio screen's keys.
    static let portfolio: [Binding<PortfolioCommand>] = [
        Binding([.enter, .character("l"), .right], .open, "open the plan (quitting it comes back here)", hint: "open"),
        Binding([.character("k"), .up], .moveUp, "previous plan"),
        Binding([.character("j"), .down], .moveDown, "next plan"),
        Binding([.character("s")], .sort, "sort: the order given, most reds, most overdue, most with no update, title", hint: "sort"),
        Binding([.character("f")], .filter, "show: every plan, with reds, with overdue actions, still owed updates", hint: "filter"),
        Binding([.character("i")], .measures, "the national measures compared (latest figure, per 100,000), or the actions again", hint: "measures"),
        Binding([.character("q"), .control("c")], .quit, "quit", hint: "quit"),
    ]
}
