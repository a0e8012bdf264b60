import PlanModel

/// A new action, milestone or funding line that both sides of a merge gave the same generated id
/// (two agencies each ran `dplan add` in one group): both are kept, and ours takes the next free
/// id. The move is said in the merge's outcome and recorded on the audit trail.
public struct Renumbering: Equatable, Sendable {
    /// What was renumbered.
    public enum Kind: Sendable {
        case action, milestone, fundingLine
    }

    public var kind: Kind
    /// Whether ours was renumbered (else theirs).
    public var ours = true
    /// Whether the id was that of an action deleted meanwhile (else both sides added one).
    public var reusedDeletedID = false
    /// The action holding the milestone or funding line; nil for an action, or for a funding
    /// line of the plan's own.
    public var holder: String?
    public var from: String
    public var to: String

    /// "our new action PRI-07 is now PRI-08 (the other side also added a PRI-07)".
    public var description: String {
        let why = reusedDeletedID ? "\(from) was an action deleted meanwhile" : "the other side also added a \(from)"
        let what = switch kind {
        case .action: "action"
        case .milestone: "milestone"
        case .fundingLine: "funding line"
        }
        let place = holder.map { " of action \($0)" } ?? (kind == .fundingLine ? " of the plan" : "")
        return "\(ours ? "our" : "their") new \(what) \(from)\(place) is now \(to) (\(why))"
    }
}

extension Array where Element == Renumbering {
    /// Where the merge moved our new actions: old id → new id (for a front end to follow them).
    public var ourActionMoves: [String: String] {
        Dictionary(filter { $0.kind == .action && $0.ours }.map { ($0.from, $0.to) }, uniquingKeysWith: { _, last in last })
    }
}

/// The three versions of a merge made to agree on ids before they are merged item by item:
/// renumberings one side already made (recorded on its audit trail) are applied to the others,
/// then new items both sides gave one id are told apart and ours renumbered.
struct MergeVersions {
    var base: Plan
    var ours: Plan
    var theirs: Plan
    var renumbered: [Renumbering] = []

    /// Who renumbering audit entries name.
    static let renumberer = "dplan merge"

    init(base: Plan, ours: Plan, theirs: Plan) {
        self.base = base
        self.ours = ours
        self.theirs = theirs
        // A renumbering one side made in an earlier merge, not yet known to the others.
        for (source, targets) in [(ours, [Version.base, .theirs]), (theirs, [Version.base, .ours])] {
            for target in targets { adoptRenumberings(from: source, into: target) }
        }
        renumberReusedIDs()
        renumberActions()
        renumberParts()
    }

    /// One of the three versions.
    enum Version {
        case base, ours, theirs
    }

    subscript(version: Version) -> Plan {
        switch version {
        case .base: base
        case .ours: ours
        case .theirs: theirs
        }
    }

    /// Changes one version in place (no copy of its actions).
    private mutating func update<T>(_ version: Version, _ change: (inout Plan) -> T) -> T {
        switch version {
        case .base: change(&base)
        case .ours: change(&ours)
        case .theirs: change(&theirs)
        }
    }

    // MARK: Renumberings made earlier

    /// Applies every renumbering recorded in `source` (an `id` entry on an action, a
    /// `milestones[id=M3].id` or `fundingLines[id=F2].id` entry) to the same item in `target`
    /// that has not had it: the same action by its creation entry, the same milestone or funding
    /// line by the content the entry names. A different new item of ours or theirs already
    /// holding the id moves on to the next free one (both sides took it).
    private mutating func adoptRenumberings(from source: Plan, into target: Version) {
        let renumbered = source.actions.filter { $0.changeLog?.contains { $0.by == Self.renumberer } == true }
        guard !renumbered.isEmpty || source.changeLog?.contains(where: { $0.by == Self.renumberer }) == true else { return }
        for action in renumbered {
            for entry in action.changeLog ?? [] where entry.field == "id" && entry.by == Self.renumberer {
                let plan = self[target]
                guard let index = plan.actionIndex(id: entry.from), !(plan.actions[index].changeLog ?? []).contains(entry),
                      Self.origin(of: plan.actions[index]) == Self.origin(of: action) else { continue }
                if let holder = plan.actionIndex(id: entry.to) {
                    guard target != .base, Self.origin(of: plan.actions[holder]) != Self.origin(of: action) else { continue }
                    move(actionAt: holder, in: target, reused: false)
                }
                update(target) { Self.renameAction(at: index, to: entry.to, in: &$0) }
            }
        }
        for action in renumbered {
            guard let index = self[target].actionIndex(id: action.id) else { continue }
            for entry in action.changeLog ?? [] where entry.by == Self.renumberer && entry.field != "id" {
                var held = self[target].actions[index]
                guard !(held.changeLog ?? []).contains(entry) else { continue }
                let moved = Self.renamePart(entry, in: &held.milestones, &held.fundingLines, movingOthers: target != .base)
                if let (kind, old, new) = moved {
                    let (from, to) = kind == .milestone ? Self.texts(held.milestones, old, new, Self.identity) : Self.texts(held.fundingLines, old, new, \.summary)
                    held.changeLog = (held.changeLog ?? []) + [FieldChange(field: "\(kind == .milestone ? "milestones" : "fundingLines")[id=\(old)].id",
                                                                            from: from, to: to, by: Self.renumberer, on: Self.stamp(of: held))]
                    self.renumbered.append(Renumbering(kind: kind, ours: target == .ours, holder: held.id, from: old, to: new))
                }
                update(target) { $0.actions[index] = held }
            }
        }
        for entry in source.changeLog ?? [] where entry.by == Self.renumberer && !(self[target].changeLog ?? []).contains(entry) {
            let moved = update(target) { plan -> (String, String)? in
                var none: [Milestone] = []
                guard let (_, old, new) = Self.renamePart(entry, in: &none, &plan.fundingLines, movingOthers: target != .base) else { return nil }
                let (from, to) = Self.texts(plan.fundingLines, old, new, \.summary)
                plan.changeLog = (plan.changeLog ?? []) + [FieldChange(field: "fundingLines[id=\(old)].id", from: from, to: to,
                                                                       by: Self.renumberer, on: plan.changeLog?.map(\.on).max() ?? Self.epoch)]
                return (old, new)
            }
            if let (old, new) = moved { self.renumbered.append(Renumbering(kind: .fundingLine, ours: target == .ours, holder: nil, from: old, to: new)) }
        }
    }

    /// Renames the milestone or funding line an entry names, when one with that id still holds
    /// the content the entry recorded (`M3 Pilot, due 2026-03-31` → `M4 …`). A different item
    /// holding the new id moves to the next free one when `movingOthers`; returns that move.
    private static func renamePart(_ entry: FieldChange, in milestones: inout [Milestone], _ lines: inout [FundingLine],
                                   movingOthers: Bool) -> (Renumbering.Kind, String, String)? {
        let old = String(entry.from.prefix { $0 != " " }), new = String(entry.to.prefix { $0 != " " })
        if entry.field == "milestones[id=\(old)].id", let i = milestones.firstIndex(where: { $0.id == old }), identity(milestones[i]) == entry.from {
            return renameItem(at: i, to: new, in: &milestones, prefix: "M", movingOthers: movingOthers).map { (.milestone, $0, $1) }
        }
        if entry.field == "fundingLines[id=\(old)].id", let i = lines.firstIndex(where: { $0.id == old }), lines[i].summary == entry.from {
            return renameItem(at: i, to: new, in: &lines, prefix: "F", movingOthers: movingOthers).map { (.fundingLine, $0, $1) }
        }
        return nil
    }

    /// Gives item `i` the id `new`, first moving another item holding it to the next free id
    /// (when allowed; else nothing changes). Returns the other item's move.
    private static func renameItem<Item: PartRenaming>(at i: Int, to new: String, in items: inout [Item], prefix: String,
                                                       movingOthers: Bool) -> (String, String)? {
        var moved: (String, String)?
        if let holder = items.firstIndex(where: { $0.id == new }) {
            guard movingOthers else { return nil }
            let highest = items.compactMap { Int($0.id.dropFirst(prefix.count)) }.max() ?? 0
            let next = "\(prefix)\(max(highest, Int(new.dropFirst(prefix.count)) ?? 0) + 1)"
            moved = (new, next)
            items[holder].id = next
        }
        items[i].id = new
        return moved
    }

    /// How a renumbering entry names a moved item before and after (`M3 Pilot, due …` → `M4 …`).
    private static func texts<Item: PartRenaming>(_ items: [Item], _ old: String, _ new: String, _ text: (Item) -> String) -> (String, String) {
        guard var item = items.first(where: { $0.id == new }) else { return (old, new) }
        let after = text(item)
        item.id = old
        return (text(item), after)
    }

    /// Moves an action of ours or theirs to the next free id of its group, recorded.
    private mutating func move(actionAt index: Int, in version: Version, reused: Bool) {
        let action = self[version].actions[index]
        let new = nextActionID(like: action.id)
        update(version) { plan in
            Self.renameAction(at: index, to: new, in: &plan)
            plan.actions[index].changeLog = (action.changeLog ?? [])
                + [FieldChange(field: "id", from: action.id, to: new, by: Self.renumberer, on: Self.stamp(of: action))]
        }
        renumbered.append(Renumbering(kind: .action, ours: version == .ours, reusedDeletedID: reused, holder: nil, from: action.id, to: new))
    }

    // MARK: New ids both sides took

    /// A new action given the id of one deleted meanwhile (it was the highest of its group) is
    /// not that action: it takes the next free id, so the deletion and the edits of the old one
    /// meet as they should. So does a new action holding an id the other side used for an action
    /// of its own and deleted since (never in the base): the merged plan would otherwise hold
    /// that id both as an action and as a deleted one.
    private mutating func renumberReusedIDs() {
        let baseOrigins = Dictionary(base.actions.map { ($0.id, Self.origin(of: $0)) }, uniquingKeysWith: { first, _ in first })
        let baseIDs = base.usedActionIDs
        for (version, other) in [(Version.ours, Version.theirs), (.theirs, .ours)] {
            let removedByOther = self[other].removedActions.filter { !baseIDs.contains($0.id) }
            for index in self[version].actions.indices {
                let action = self[version].actions[index]
                if removedByOther.contains(where: { $0.id == action.id && !Self.titles(of: action).contains($0.title) }) {
                    move(actionAt: index, in: version, reused: true)
                    continue
                }
                guard let origin = Self.origin(of: action), let old = baseOrigins[action.id], old != origin else { continue }
                move(actionAt: index, in: version, reused: true)
            }
        }
    }

    /// Actions neither in the base nor the same action on both sides (by creation stamp) that
    /// share an id: ours takes the next free id of its group.
    private mutating func renumberActions() {
        let baseIDs = Set(base.actions.map(\.id)), theirIDs = Set(theirs.actions.map(\.id))
        let clashes = ours.actions.map(\.id).filter { theirIDs.contains($0) && !baseIDs.contains($0) }.sorted()
        for id in clashes {
            guard let o = ours.actionIndex(id: id), let t = theirs.actionIndex(id: id) else { continue }
            let (mine, their) = (ours.actions[o], theirs.actions[t])
            if let origin = Self.origin(of: mine), origin == Self.origin(of: their) { continue }
            if Self.origin(of: mine) == nil, mine == their { continue }
            move(actionAt: o, in: .ours, reused: false)
        }
    }

    /// Milestones and funding lines (of an action both sides have, or of the plan) that both
    /// sides added under one id with different content: ours takes the next free id.
    private mutating func renumberParts() {
        func index(_ plan: Plan) -> [String: Int] {
            Dictionary(plan.actions.indices.map { (plan.actions[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let inTheirs = index(theirs), inBase = index(base)
        for o in ours.actions.indices {
            let id = ours.actions[o].id
            guard let t = inTheirs[id] else { continue }
            let their = theirs.actions[t]
            guard ours.actions[o].milestones != their.milestones || ours.actions[o].fundingLines != their.fundingLines else { continue }
            let b = inBase[id].map { base.actions[$0] }
            let stamp = Self.stamp(of: ours.actions[o])
            var entries: [FieldChange] = []
            renumber(&ours.actions[o].milestones, theirs: their.milestones, base: b?.milestones ?? [], prefix: "M",
                     same: { Self.identity($0) == Self.identity($1) }) { old, new in
                entries.append(FieldChange(field: "milestones[id=\(old.id)].id", from: Self.identity(old), to: Self.identity(new),
                                           by: Self.renumberer, on: stamp))
                renumbered.append(Renumbering(kind: .milestone, holder: id, from: old.id, to: new.id))
            }
            renumber(&ours.actions[o].fundingLines, theirs: their.fundingLines, base: b?.fundingLines ?? [], prefix: "F",
                     same: { $0 == $1 }) { old, new in
                entries.append(FieldChange(field: "fundingLines[id=\(old.id)].id", from: old.summary, to: new.summary,
                                           by: Self.renumberer, on: stamp))
                renumbered.append(Renumbering(kind: .fundingLine, holder: id, from: old.id, to: new.id))
            }
            if !entries.isEmpty { ours.actions[o].changeLog = (ours.actions[o].changeLog ?? []) + entries }
        }
        let stamp = ours.changeLog?.map(\.on).max() ?? Self.epoch
        renumber(&ours.fundingLines, theirs: theirs.fundingLines, base: base.fundingLines, prefix: "F", same: { $0 == $1 }) { old, new in
            ours.changeLog = (ours.changeLog ?? []) + [FieldChange(field: "fundingLines[id=\(old.id)].id", from: old.summary, to: new.summary,
                                                                   by: Self.renumberer, on: stamp)]
            renumbered.append(Renumbering(kind: .fundingLine, holder: nil, from: old.id, to: new.id))
        }
    }

    /// Gives each of `ours` that clashes with a different new item of `theirs` the next free id
    /// (`prefix` and a number), telling `renamed` the old and new item.
    private func renumber<Item: PartRenaming>(_ ours: inout [Item], theirs: [Item], base: [Item], prefix: String,
                                              same: (Item, Item) -> Bool, renamed: (Item, Item) -> Void) {
        let baseIDs = Set(base.map(\.id))
        var highest = (ours + theirs + base).compactMap { $0.id.hasPrefix(prefix) ? Int($0.id.dropFirst(prefix.count)) : nil }.max() ?? 0
        for i in ours.indices.sorted(by: { ours[$0].id < ours[$1].id }) where !baseIDs.contains(ours[i].id) {
            guard let their = theirs.first(where: { $0.id == ours[i].id }), !same(ours[i], their) else { continue }
            highest += 1
            let old = ours[i]
            ours[i].id = "\(prefix)\(highest)"
            renamed(old, ours[i])
        }
    }

    /// One more than the highest number any version uses or used (deleted actions, on either
    /// side) after the id's prefix: `PRI-07` → `PRI-12` when PRI-11 was the highest.
    private func nextActionID(like id: String) -> String {
        Plan.nextActionID(like: id, used: [base, ours, theirs].flatMap(\.usedActionIDs))
    }

    // MARK: Helpers

    /// Renames an action and the indicator links to it.
    private static func renameAction(at index: Int, to new: String, in plan: inout Plan) {
        let old = plan.actions[index].id
        plan.actions[index].id = new
        for i in plan.indicators.indices where plan.indicators[i].actions.contains(old) {
            plan.indicators[i].actions = plan.indicators[i].actions.map { $0 == old ? new : $0 }
        }
    }

    /// Who created an action, when and as what (its creation stamp and the audit trail's `created` entry),
    /// which tells two actions with one id apart; nil for an action with neither (older plans).
    static func origin(of action: Action) -> String? {
        guard let created = action.created, let entry = action.changeLog?.first(where: { $0.field == "created" }) else { return nil }
        return "\(created) \(entry.by) \(entry.to)"
    }

    /// Every title an action has had (its audit trail's and its own): a deletion record naming
    /// none of them is of another action.
    static func titles(of action: Action) -> Set<String> {
        let logged = (action.changeLog ?? []).filter { $0.field == "created" || $0.field == "title" }.flatMap { [$0.from, $0.to] }
        return Set(logged + [action.title])
    }

    /// A milestone as its renumbering records it: id, title and due date.
    static func identity(_ milestone: Milestone) -> String {
        "\(milestone.id) \(milestone.title), due \(milestone.due)"
    }

    private static let epoch = Timestamp(secondsSinceEpoch: 0)

    /// The stamp of a renumbering entry: the renumbered action's last change, so the same merge
    /// made twice records the same entry.
    private static func stamp(of action: Action) -> Timestamp {
        action.updated ?? action.created ?? epoch
    }
}

/// Milestones and funding lines: items whose generated id a merge can change.
protocol PartRenaming: Equatable {
    var id: String { get set }
}

extension Milestone: PartRenaming {}
extension FundingLine: PartRenaming {}
