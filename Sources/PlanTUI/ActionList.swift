import PlanModel
import TerminalText

/// The action list: the filter, the rows it gives (group headers and actions), the cursor and
/// scroll position, and the search index that answers the filter's search text.
public struct ActionList: Sendable {
    public internal(set) var filter = Filter()
    /// What the rows are grouped by: the board's shape of the plan.
    public internal(set) var grouping = Grouping.prevention
    public internal(set) var collapsed: Set<ListGroup> = []
    public internal(set) var rows: [Row] = []
    public internal(set) var selection = 0
    public internal(set) var scroll = 0
    /// The widest id in the plan, in cells: the id column is never narrower, so ids are never cut
    /// (and it keeps its width while filtering).
    public private(set) var idWidth = 2
    /// The widest owner name in the plan, in cells, for the owner column.
    public private(set) var ownerWidth = 5
    /// The plan revision `idWidth` and `ownerWidth` were measured at.
    private var widthsRevision = -1
    /// Indices (into `plan.actions`) of the actions the filter shows, in list order; set with `rows`.
    private var matching: [Int] = []
    /// What `rows` and `matching` were worked out for.
    var rowsKey: RowsKey?
    private var searchIndex = SearchIndex()

    /// The inputs the rows depend on besides the filter.
    struct Context {
        var plan: Plan
        var revision: Int
        var today: Day
        var quarter: Quarter
    }

    /// The action under the cursor, if the cursor is on an action.
    func selectedActionID(in plan: Plan) -> String? {
        guard rows.indices.contains(selection), case .action(let index) = rows[selection] else { return nil }
        return plan.actions[index].id
    }

    /// Ids of the actions the filter shows, in list order, whether or not their group is folded.
    func filteredActionIDs(in plan: Plan) -> [String] { matching.map { plan.actions[$0].id } }

    /// How many actions the filter shows.
    var shownCount: Int { matching.count }

    /// The row of an action, if it is shown.
    func row(of id: String, in plan: Plan) -> Int? {
        rows.firstIndex { if case .action(let i) = $0 { plan.actions[i].id == id } else { false } }
    }

    /// Builds the search index if the plan changed as a whole since it was built (after painting,
    /// so the first search key in a large plan does not wait for it).
    mutating func prepareSearch(_ context: Context) {
        searchIndex.update(for: context.plan, revision: context.revision)
    }

    /// Rebuilds the rows from the plan, filter and folded groups, keeping the cursor on the same
    /// action (or group) where it is still shown. When only the search text grew (typing), just
    /// the actions that matched before are searched again.
    mutating func refresh(_ context: Context) {
        let plan = context.plan
        let keep = rows.indices.contains(selection) ? rows[selection] : nil
        let keepID = selectedActionID(in: plan)
        let needle = SearchIndex.needle(filter.search)
        if !needle.isEmpty { searchIndex.update(for: plan, revision: context.revision) }
        let criteria = filter.criteria
        let key = RowsKey(revision: context.revision, today: context.today, criteria: criteria, needle: needle)
        let narrowing = rowsKey.map { $0.revision == key.revision && $0.today == key.today && $0.criteria == key.criteria
            && SearchIndex.contains(needle, $0.needle) } ?? false
        rowsKey = key
        let candidates = narrowing ? matching : Array(plan.actions.indices)
        let filtering = !criteria.isEmpty
        let grouping = self.grouping
        let preventionSlot = PreventionGroup.allCases.map { plan.position(of: $0) }  // by group.order, in the plan's order
        var byPrevention = [[Int]](repeating: [], count: plan.orderedGroups.count)
        var byKey: [ListGroup: [Int]] = [:]  // by workstream or owner
        plan.actions.withUnsafeBufferPointer { actions in
            for index in candidates {
                guard let group = actions[index].preventionGroup,
                      !filtering || criteria.matches(actions[index], today: context.today, quarter: context.quarter),
                      needle.isEmpty || searchIndex.action(index, contains: needle) else { continue }
                if grouping == .prevention {
                    byPrevention[preventionSlot[group.order]].append(index)  // the usual case, kept cheap: one group per action
                } else {
                    for key in Self.keys(group: group, workstreams: actions[index].workstreams, owner: actions[index].owner, by: grouping) {
                        byKey[key, default: []].append(index)
                    }
                }
            }
        }
        let groups = self.groups(in: plan, using: byKey.keys)
        let buckets = grouping == .prevention ? byPrevention : groups.map { byKey[$0] ?? [] }
        if grouping == .workstream {
            var seen = Set<Int>()  // an action in several workstreams is matched once
            matching = buckets.flatMap { $0 }.filter { seen.insert($0).inserted }
        } else {
            matching = buckets.flatMap { $0 }
        }
        if widthsRevision != context.revision {
            idWidth = plan.actions.reduce(2) { max($0, displayWidth($1.id)) }
            ownerWidth = plan.owners.reduce(5) { max($0, displayWidth(sanitizedForTerminal($1.name))) }
            widthsRevision = context.revision
        }
        // Every prevention group is listed when nothing is filtered (the plan's shape); otherwise,
        // and for workstreams and owners, only groups with actions shown.
        let showEmpty = grouping == .prevention && !filtering && needle.isEmpty
        var newRows: [Row] = []
        for (at, group) in groups.enumerated() where showEmpty || !buckets[at].isEmpty {
            var tally = [Int](repeating: 0, count: Status.allCases.count)
            for index in buckets[at] { tally[plan.actions[index].status.rank] += 1 }
            let counts = Dictionary(uniqueKeysWithValues: Status.allCases.filter { tally[$0.rank] > 0 }.map { ($0, tally[$0.rank]) })
            newRows.append(.group(group, counts: counts))
            if !collapsed.contains(group) { newRows += buckets[at].map { .action($0) } }
        }
        rows = newRows
        if let keepID, case .action(let old)? = keep, plan.actions.indices.contains(old), plan.actions[old].id == keepID,
           let index = rows.firstIndex(of: .action(old)) {
            selection = index  // the usual case: the same action at the same place in the plan
        } else if let keepID, let index = row(of: keepID, in: plan) {
            selection = index
        } else if let keep, let index = rows.firstIndex(of: keep) {
            selection = index
        } else {
            selection = min(selection, max(0, rows.count - 1))
        }
    }

    /// After one action changed (from `old`, at plan revision `oldRevision`, by an edit, undo or
    /// redo): the search index and the rows catch up with that action alone. When it stays in its
    /// group and stays shown (or hidden), only its group's status counts change, so the rows are
    /// patched; otherwise they are rebuilt. An edit in a 10,000-action plan stays instant.
    mutating func actionChanged(at index: Int, was old: Action, from oldRevision: Int, _ context: Context) {
        let plan = context.plan
        searchIndex.update(action: index, of: plan, from: oldRevision, to: context.revision)
        let needle = SearchIndex.needle(filter.search)
        let keys = Self.keys(of: plan.actions[index], by: grouping)
        guard let key = rowsKey, key.revision == oldRevision, key.today == context.today,
              needle.isEmpty || searchIndex.revision == context.revision,
              plan.actions[index].preventionGroup != nil, keys == Self.keys(of: old, by: grouping) else {
            return refresh(context)
        }
        let wasShown = matching.contains(index)
        let shown = filter.criteria.matches(plan.actions[index], today: context.today, quarter: context.quarter)
            && (needle.isEmpty || searchIndex.action(index, contains: needle))
        guard shown == wasShown else { return refresh(context) }
        rowsKey?.revision = context.revision
        let status = plan.actions[index].status
        guard shown, status != old.status else { return }
        for header in rows.indices {
            guard case .group(let group, var counts) = rows[header], keys.contains(group) else { continue }
            counts[old.status, default: 1] -= 1
            if counts[old.status] == 0 { counts[old.status] = nil }
            counts[status, default: 0] += 1
            rows[header] = .group(group, counts: counts)
        }
    }

    /// The groups of the list in order, for the current grouping: those the plan lists, then any
    /// other workstream or owner ids among `used` (the groups the shown actions are under), in id
    /// order, then "No workstream".
    private func groups(in plan: Plan, using used: some Sequence<ListGroup>) -> [ListGroup] {
        switch grouping {
        case .prevention:
            return plan.orderedGroups.map { .prevention($0) }
        case .workstream:
            let known = plan.workstreams.map(\.id)
            let unknown = Set(used.compactMap { if case .workstream(let id?) = $0 { id } else { nil } }).subtracting(known).sorted()
            return (known + unknown).map { .workstream($0) } + [.workstream(nil)]
        case .owner:
            let known = plan.owners.map(\.id)
            let unknown = Set(used.compactMap { if case .owner(let id) = $0 { id } else { nil } }).subtracting(known).sorted()
            return (known + unknown).map { .owner($0) }
        }
    }

    /// The groups an action is listed under: its prevention group, its owner, or each of its
    /// workstreams ("no workstream" when it has none).
    static func keys(of action: Action, by grouping: Grouping) -> [ListGroup] {
        keys(group: action.preventionGroup, workstreams: action.workstreams, owner: action.owner, by: grouping)
    }

    /// The same from those fields alone, so a pass over the whole plan reads them in place
    /// instead of copying every action.
    static func keys(group: PreventionGroup?, workstreams: [String], owner: String, by grouping: Grouping) -> [ListGroup] {
        switch grouping {
        case .prevention: group.map { [.prevention($0)] } ?? []
        case .workstream: workstreams.isEmpty ? [.workstream(nil)] : workstreams.map { .workstream($0) }
        case .owner: [.owner(owner)]
        }
    }

    /// Moves the cursor by `delta` rows and scrolls it into a view `height` rows tall.
    mutating func moveSelection(by delta: Int, height: Int) {
        guard !rows.isEmpty else { return }
        selection = min(max(0, selection + delta), rows.count - 1)
        clampScroll(height: height)
    }

    /// Puts the cursor on a row and scrolls it into view.
    mutating func select(row: Int, height: Int) {
        selection = row
        clampScroll(height: height)
    }

    /// Keeps the cursor on a row and the cursor's row inside a view `height` rows tall.
    mutating func clampScroll(height: Int) {
        selection = min(max(0, selection), max(0, rows.count - 1))
        if selection < scroll { scroll = selection }
        if selection >= scroll + height { scroll = selection - height + 1 }
        scroll = max(0, min(scroll, max(0, rows.count - height)))
    }

    /// Puts the cursor on the first action row, if any.
    mutating func selectFirstAction() {
        if let first = rows.firstIndex(where: { if case .action = $0 { true } else { false } }) { selection = first }
    }

    /// The group of the row under the cursor: the header itself, or the header above an action.
    var selectedGroup: ListGroup? {
        guard rows.indices.contains(selection) else { return nil }
        for row in rows[...selection].reversed() { if case .group(let group, _) = row { return group } }
        return nil
    }

    /// Groups the rows another way, keeping the cursor on the same action.
    mutating func regroup(_ grouping: Grouping, _ context: Context, height: Int) {
        self.grouping = grouping
        collapsed = []
        rowsKey = nil
        refresh(context)
        clampScroll(height: height)
    }

    /// Folds or unfolds a group, leaving the cursor on its header.
    mutating func toggle(_ group: ListGroup, _ context: Context, height: Int) {
        if collapsed.contains(group) { collapsed.remove(group) } else { collapsed.insert(group) }
        refresh(context)
        if let header = rows.firstIndex(where: { if case .group(group, _) = $0 { true } else { false } }) { selection = header }
        clampScroll(height: height)
    }

    mutating func setFilter(_ filter: Filter, _ context: Context) {
        self.filter = filter
        refresh(context)
    }
}

/// The inputs the list rows were built from, to tell when a new search only narrows the last.
struct RowsKey: Equatable, Sendable {
    var revision: Int
    var today: Day
    /// The filter without its search text.
    var criteria: ActionCriteria
    var needle: [UInt8]
}

/// What the action list is grouped by.
public enum Grouping: String, CaseIterable, Sendable {
    case prevention, workstream, owner

    /// The next way of grouping, for the key that cycles through them.
    var next: Grouping {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    var label: String {
        switch self {
        case .prevention: "prevention group"
        case .workstream: "workstream (theme)"
        case .owner: "lead owner"
        }
    }
}

/// One group of the action list: a prevention group, a workstream (nil: actions in none), or a lead owner.
public enum ListGroup: Hashable, Sendable {
    case prevention(PreventionGroup)
    case workstream(String?)
    case owner(String)

    /// The group's name as the plan gives it.
    func name(in plan: Plan) -> String {
        switch self {
        case .prevention(let group): plan.name(of: group)
        case .workstream(let id?): plan.workstreamName(id)
        case .workstream(nil): "No workstream"
        case .owner(let id): plan.ownerName(id)
        }
    }
}
