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
    /// The action holding the milestone or funding line; nil for an action, or for a funding
    /// line of the plan's own.
    public var holder: String?
    public var from: String
    public var to: String

    /// "our new action PRI-07 is now PRI-08 (the other side also added a PRI-07)".
    public var description: String {
        let what = switch kind {
        case .action: "action"
        case .milestone: "milestone"
        case .fundingLine: "funding line"
        }
        let place = holder.map { " of action \($0)" } ?? (kind == .fundingLine ? " of the plan" : "")
        return "our new \(what) \(from)\(place) is now \(to) (the other side also added a \(from))"
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
        let (ours0, theirs0) = (ours, theirs)
        Self.adoptRenumberings(from: ours0, into: &self.base)
        Self.adoptRenumberings(from: ours0, into: &self.theirs)
        Self.adoptRenumberings(from: theirs0, into: &self.base)
        Self.adoptRenumberings(from: theirs0, into: &self.ours)
        renumberActions()
        renumberParts()
    }

    // MARK: Renumberings made earlier

    /// Applies every renumbering recorded in `source` (an `id` entry on an action, a
    /// `milestones[id=M3].id` or `fundingLines[id=F2].id` entry) to the same item in `target`
    /// that has not had it: the same action by its creation stamp, the same milestone or funding
    /// line by the content the entry names.
    private static func adoptRenumberings(from source: Plan, into target: inout Plan) {
        for action in source.actions {
            for entry in action.changeLog ?? [] where entry.field == "id" && entry.by == renumberer {
                guard let index = target.actionIndex(id: entry.from), !(target.actions[index].changeLog ?? []).contains(entry),
                      origin(of: target.actions[index]) == origin(of: action), target.actionIndex(id: entry.to) == nil else { continue }
                renameAction(at: index, to: entry.to, in: &target)
            }
        }
        for action in source.actions {
            guard let index = target.actionIndex(id: action.id) else { continue }
            for entry in action.changeLog ?? [] where entry.by == renumberer && entry.field != "id" {
                var action = target.actions[index]
                guard !(action.changeLog ?? []).contains(entry) else { continue }
                renamePart(entry, in: &action.milestones, &action.fundingLines)
                target.actions[index] = action
            }
        }
        for entry in source.changeLog ?? [] where entry.by == renumberer && !(target.changeLog ?? []).contains(entry) {
            var none: [Milestone] = []
            renamePart(entry, in: &none, &target.fundingLines)
        }
    }

    /// Renames the milestone or funding line an entry names, when one with that id still holds
    /// the content the entry recorded (`M3 Pilot, due 2026-03-31` → `M4 …`).
    private static func renamePart(_ entry: FieldChange, in milestones: inout [Milestone], _ lines: inout [FundingLine]) {
        let old = String(entry.from.prefix { $0 != " " }), new = String(entry.to.prefix { $0 != " " })
        if entry.field == "milestones[id=\(old)].id", let i = milestones.firstIndex(where: { $0.id == old }),
           identity(milestones[i]) == entry.from, !milestones.contains(where: { $0.id == new }) {
            milestones[i].id = new
        } else if entry.field == "fundingLines[id=\(old)].id", let i = lines.firstIndex(where: { $0.id == old }),
                  lines[i].summary == entry.from, !lines.contains(where: { $0.id == new }) {
            lines[i].id = new
        }
    }

    // MARK: New ids both sides took

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
            let new = nextActionID(like: id)
            Self.renameAction(at: o, to: new, in: &ours)
            ours.actions[o].changeLog = (ours.actions[o].changeLog ?? [])
                + [FieldChange(field: "id", from: id, to: new, by: Self.renumberer, on: Self.stamp(of: mine))]
            renumbered.append(Renumbering(kind: .action, holder: nil, from: id, to: new))
        }
    }

    /// Milestones and funding lines (of an action both sides have, or of the plan) that both
    /// sides added under one id with different content: ours takes the next free id.
    private mutating func renumberParts() {
        for o in ours.actions.indices {
            let id = ours.actions[o].id
            guard let t = theirs.actionIndex(id: id) else { continue }
            let b = base.actionIndex(id: id).map { base.actions[$0] }
            let their = theirs.actions[t]
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

    /// One more than the highest number any version uses (or used, for deleted actions) after
    /// the id's prefix: `PRI-07` → `PRI-12` when PRI-11 was the highest.
    private func nextActionID(like id: String) -> String {
        let prefix = String(id[...(id.lastIndex(of: "-") ?? id.startIndex)])
        let used = [base, ours, theirs].flatMap { $0.actions.map(\.id) + $0.removedActions.map(\.id) }
        let highest = used.compactMap { $0.hasPrefix(prefix) ? Int($0.dropFirst(prefix.count)) : nil }.max() ?? 0
        let number = String(highest + 1)
        return prefix + String(repeating: "0", count: max(0, 2 - number.count)) + number
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

    /// Who created an action and when (its creation stamp and the audit trail's `created` entry),
    /// which tells two actions with one id apart; nil for an action with neither (older plans).
    static func origin(of action: Action) -> String? {
        guard let created = action.created, let entry = action.changeLog?.first(where: { $0.field == "created" }) else { return nil }
        return "\(created) \(entry.by)"
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
