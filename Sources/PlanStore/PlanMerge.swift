import Foundation
import PlanModel

/// Three-way merge of plans, field by field. Only the same field changed to different values on
/// both sides is a conflict; everything else has a rule (docs/reliability.md, "Merging"):
/// - audit trails (`changeLog`), due-date moves, reopenings, deletion records and recorded
///   conflicts are sets of entries keyed by their content: additions and removals from both
///   sides are kept, in time order, whatever order an earlier merge left them in;
/// - stamps are derived: `updated`/`updatedBy`, a quarter's `closedOn`/`closedBy` take the
///   later stamp
///   (the larger name on a tie); a milestone is done when the merge of done-or-not says so; an
///   action's status both sides changed is the one its latest review settles on, when that is
///   one side's (the lead's update against the board's view);
/// - lists of ids (partners, workstreams, an indicator's links) are sets of additions and
///   removals; lists of items with an `id` or `quarter` are merged item by item;
/// - a review is one statement, two different ones for a quarter one conflict of whole reviews,
///   and a quarter one side closed keeps its reviews (`PlanMergeReviews.swift`);
/// - new actions, milestones and funding lines both sides gave one id are both kept, ours
///   renumbered (`MergeVersions`);
/// - a restricted mark cleared on one side stays on words the other side wrote (`keepRestricted`).
///
/// Works on the plans' JSON trees, so every field is covered without listing them. Actions that
/// only one side changed are taken as they are without building their trees, so merging two
/// large plans costs little more than comparing them.
public enum PlanMerge {
    public struct Result {
        /// The merged plan. Where there are conflicts, each conflicting field keeps our value.
        public var plan: Plan
        /// Fields changed on both sides in different ways and not resolved. Empty when clean.
        public var conflicts: [MergeConflict]
        /// New items both sides gave one id: ours took a new one.
        public var renumbered: [Renumbering]
    }

    /// Merges; `resolutions` (by conflict path) settles conflicts the user has decided. `mine`
    /// is ours: the version being saved, or the branch being merged into.
    /// `decidedBy` is who decides them, and when: a decided review goes on the audit trail in
    /// their name (`Plan.settleDecidedReview`); "dplan merge" at the latest stamp of the three
    /// plans when nil.
    public static func merge(base: Plan, mine: Plan, theirs: Plan, resolutions: [String: MergeConflict.Side] = [:],
                             decidedBy: EditContext? = nil) -> Result {
        let versions = MergeVersions(base: base, ours: mine, theirs: theirs)
        let (base, mine, theirs) = (versions.base, versions.ours, versions.theirs)
        var context = Context(resolutions: resolutions)
        let shell = mergeValue(tree(base.shell), tree(mine.shell), tree(theirs.shell), path: "", field: "", context: &context)
        let (merged, restored) = mergeActions(base: base, mine: mine, theirs: theirs, context: &context)
        guard let data = try? JSONSerialization.data(withJSONObject: shell ?? [:]),
              var plan = try? PlanCoding.decode(data, file: "merge"), let merged else {
            let failure = MergeConflict(path: "(the merged plan could not be read)", base: nil, ours: nil, theirs: nil)
            return Result(plan: mine, conflicts: context.conflicts + [failure], renumbered: versions.renumbered)
        }
        plan.actions = merged.actions
        plan.frozenQuarters = mergeFrozenQuarters(mine: mine, theirs: theirs, quarters: plan.quarters)
        keepClosedReviews(&plan, mine: mine, theirs: theirs, context: &context)
        // An action I deleted and chose to take back from them returns as an added action does.
        for action in merged.takenBack { plan.insertInGroupOrder(action) }
        // An action kept against a deletion on the other side, once decided, is not deleted. While
        // the conflict is open both stay, so either decision can be applied to the recorded plan.
        let live = Set(plan.actions.map(\.id)), open = Set(context.conflicts.map(\.path))
        plan.removedActions.removeAll { restored.contains($0.id) && live.contains($0.id) && !open.contains("actions[id=\($0.id)]") }
        keepRestricted(&plan, base: base, ours: mine, theirs: theirs)
        let latest = (mine.actions + theirs.actions).compactMap(\.updated).max() ?? Timestamp(day: Day(daysSinceEpoch: 0))
        let decider = decidedBy ?? EditContext(by: "dplan merge", now: latest)
        for (id, quarter) in context.decidedReviews {
            plan.settleDecidedReview(actionID: id, quarter: quarter, context: decider)
        }
        return Result(plan: plan, conflicts: context.conflicts, renumbered: versions.renumbered)
    }

    /// Merges as git's merge driver and `dplan merge` do: conflicts are recorded in the plan
    /// (`Plan.conflicts`, after any it already had), each field keeping our value.
    public static func mergeRecordingConflicts(base: Plan, ours: Plan, theirs: Plan) -> Result {
        var result = merge(base: base, mine: ours, theirs: theirs)
        result.plan.conflicts += result.conflicts
        return result
    }

    /// Frozen quarters are not merged field by field: each is the plan as one side stood when it
    /// closed the quarter. The merged plan keeps, for each quarter closed in it, the frozen state
    /// whose close time is the merged close time (the later close when both closed it); none for
    /// an open quarter (one side reopened it) or a close that froze nothing (an older dplan).
    static func mergeFrozenQuarters(mine: Plan, theirs: Plan, quarters: [QuarterRecord]) -> [FrozenQuarter] {
        quarters.compactMap { record in
            guard record.state == .closed, let closedOn = record.closedOn else { return nil }
            let candidates = (mine.frozenQuarters + theirs.frozenQuarters).filter { $0.quarter == record.quarter && $0.closedOn == closedOn }
            return candidates.first { $0.closedBy == record.closedBy } ?? candidates.first
        }
    }

    /// Compact JSON text with sorted keys for a JSON text, or nil when it is not JSON.
    static func compactJSON(_ text: String) -> String? {
        guard let value = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed) else { return nil }
        return compact(value)
    }

    struct Context {
        var resolutions: [String: MergeConflict.Side]
        var conflicts: [MergeConflict] = []
        /// Who last changed the object being merged on each side (its `updatedBy`, `updated`).
        var who = Who()
        /// What a review both sides added for one quarter is compared with: the base action's
        /// status, owner and restricted mark, with no commentary.
        var reviewBase: [String: Any]?
        /// Reviews (by path) whose two sides said different things: one conflict each, decided or not.
        var reviewClashes: Set<String> = []
        /// Reviews decided by `resolutions`, to settle once the plan is whole.
        var decidedReviews: [(id: String, quarter: Quarter)] = []
    }

    struct Who {
        var mineBy: String?, mineOn: String?, theirsBy: String?, theirsOn: String?
    }

    private static func tree(_ plan: Plan) -> Any {
        (try? JSONSerialization.jsonObject(with: PlanCoding.encode(plan))) ?? [:]
    }

    private static func tree(_ action: Action?) -> Any? {
        action.flatMap { try? JSONSerialization.jsonObject(with: PlanCoding.encode($0)) }
    }

    /// A value as compact JSON with sorted keys; nil for an absent value.
    static func compact(_ value: Any?) -> String? {
        guard let value, let data = try? JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return nil
        }
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }

    static func same(_ a: Any?, _ b: Any?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (nil, _), (_, nil): return false
        case let (x?, y?): return compact(x) == compact(y)
        }
    }

    /// The actions, item by item in the order `mergedOrder` gives, and those I deleted and the
    /// user takes back from them (placed as added actions are); nil when a merged action could
    /// not be read back. Also the ids deleted on one side and kept on the other.
    private static func mergeActions(base: Plan, mine: Plan, theirs: Plan,
                                     context: inout Context) -> ((actions: [Action], takenBack: [Action])?, Set<String>) {
        func index(_ actions: [Action]) -> [String: Action] {
            Dictionary(actions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let b = index(base.actions), m = index(mine.actions), t = index(theirs.actions)
        var result: [Action] = [], takenBack: [Action] = []
        var restored = Set<String>()
        for id in mergedOrder(mine: mine.actions.map(\.id), theirs: theirs.actions.map(\.id)) {
            let (old, my, their) = (b[id], m[id], t[id])
            context.who = Who()
            if my == their || old == their {
                if let my { result.append(my) }
                continue
            }
            if old == my {
                if let their { result.append(their) }
                continue
            }
            if old != nil, (my == nil) != (their == nil) {
                restored.insert(id)
                context.who = deleters(of: id, my: my, their: their, mine: mine, theirs: theirs)
            }
            context.reviewBase = old.map(reviewBase)
            guard let merged = mergeValue(tree(old), tree(my), tree(their), path: "actions[id=\(id)]", field: "", context: &context) else { continue }
            guard let data = try? JSONSerialization.data(withJSONObject: merged), var action = PlanCoding.decodeAction(data) else {
                return (nil, restored)
            }
            followReview(&action, context: &context)
            settleStatus(&action, conflicts: &context.conflicts)
            if my == nil, old != nil { takenBack.append(action) } else { result.append(action) }
        }
        return ((result, takenBack), restored)
    }

    /// Both sides changed an action's status, and the merged review of its latest quarter settles
    /// on one side's status (the lead's update on one side and the board's view on the other, say):
    /// that is the action's status, as editing keeps it, not a conflict. Left alone while the
    /// reviews themselves are in conflict.
    private static func settleStatus(_ action: inout Action, conflicts: inout [MergeConflict]) {
        let path = "actions[id=\(action.id)].status"
        guard let index = conflicts.lastIndex(where: { $0.path == path }),
              !conflicts.contains(where: { $0.path.hasPrefix("actions[id=\(action.id)].reviews") }),
              let settled = action.reviews.max(by: { $0.quarter < $1.quarter })?.settledStatus,
              [conflicts[index].ours, conflicts[index].theirs].contains(compact(settled.rawValue)) else { return }
        action.status = settled
        conflicts.remove(at: index)
    }

    /// Deleted on one side: who deleted it comes from that side's deletion record.
    private static func deleters(of id: String, my: Action?, their: Action?, mine: Plan, theirs: Plan) -> Who {
        func deletion(_ plan: Plan) -> (String?, String?) {
            plan.removedActions.last { $0.id == id }.map { ($0.by, $0.on.description) } ?? (nil, nil)
        }
        let (mineBy, mineOn) = my.map { ($0.updatedBy, $0.updated?.description) } ?? deletion(mine)
        let (theirsBy, theirsOn) = their.map { ($0.updatedBy, $0.updated?.description) } ?? deletion(theirs)
        return Who(mineBy: mineBy, mineOn: mineOn, theirsBy: theirsBy, theirsOn: theirsOn)
    }

    /// A review as it would have been recorded with nothing changed: the base action's status,
    /// owner and restricted mark, no commentary.
    private static func reviewBase(_ action: Action) -> [String: Any] {
        var review: [String: Any] = ["status": action.status.rawValue, "commentary": "", "owner": action.owner]
        if action.commentaryRestricted == true { review["restricted"] = true }
        return review
    }

    /// Lists whose entries are history: kept as sets of entries keyed by their content.
    private static let entrySets: Set<String> = ["changeLog", "dueDateChanges", "reopenings", "removedActions", "conflicts", "returnsSent"]

    static func mergeValue(_ base: Any?, _ mine: Any?, _ theirs: Any?, path: String, field: String, context: inout Context) -> Any? {
        if same(mine, theirs) { return mine }
        if same(base, mine) { return theirs }
        if same(base, theirs) { return mine }
        if var m = mine as? [String: Any], var t = theirs as? [String: Any], base == nil || base is [String: Any] {
            let b = base as? [String: Any] ?? [:]
            let outer = context.who
            defer { context.who = outer }
            if m["updatedBy"] != nil || t["updatedBy"] != nil {
                context.who = Who(mineBy: m["updatedBy"] as? String, mineOn: m["updated"] as? String,
                                  theirsBy: t["updatedBy"] as? String, theirsOn: t["updated"] as? String)
            }
            settleStamps(base: b, mine: &m, theirs: &t)
            var result: [String: Any] = [:]
            for key in Set(m.keys).union(t.keys).union(b.keys).sorted() {
                let child = path.isEmpty ? key : "\(path).\(key)"
                if let value = mergeValue(b[key], m[key], t[key], path: child, field: key, context: &context) { result[key] = value }
            }
            return result
        }
        if let m = mine as? [Any], let t = theirs as? [Any], base == nil || base is [Any] {
            let b = base as? [Any] ?? []
            if entrySets.contains(field) { return mergeEntries(b, m, t) }
            if field != "groupOrder", (b + m + t).allSatisfy({ $0 is String }) { return mergeSet(b, m, t) }
            if let key = identityKey(b + m + t) { return mergeList(b, m, t, key: key, path: path, field: field, context: &context) }
        }
        return conflict(base, mine, theirs, path: path, context: &context)
    }

    /// Both sides changed a value differently: their value when the user chose it, else ours,
    /// with the conflict recorded.
    static func conflict(_ base: Any?, _ mine: Any?, _ theirs: Any?, path: String, context: inout Context) -> Any? {
        let label = path.isEmpty ? "(top level)" : path
        switch context.resolutions[label] {
        case .ours?: return mine
        case .theirs?: return theirs
        case nil:
            let who = context.who
            context.conflicts.append(MergeConflict(path: label, base: compact(base), ours: compact(mine), theirs: compact(theirs),
                                                   oursBy: who.mineBy, oursOn: who.mineOn.flatMap { Timestamp(iso: $0) },
                                                   theirsBy: who.theirsBy, theirsOn: who.theirsOn.flatMap { Timestamp(iso: $0) }))
            return mine
        }
    }

    /// Stamps say who last changed something and when: derived, never a clash. Where both sides
    /// changed an object, each stamp (with the fields recorded with it) is taken from the side
    /// with the later stamp, the larger name on a tie; a milestone is done when merging done or
    /// not done says so, with the later of the sides' done stamps. Real fields still clash.
    private static func settleStamps(base: [String: Any], mine: inout [String: Any], theirs: inout [String: Any]) {
        // Reviews are merged whole (`mergeReview`); `on`/`by` here are a board's view's.
        let groups = [["updated", "updatedBy"], ["on", "by"], ["closedOn", "closedBy"]]
        func stamp(_ object: [String: Any], _ group: [String]) -> (String, String) {
            (object[group[0]] as? String ?? "", object[group[1]] as? String ?? "")
        }
        for group in groups where mine[group[0]] is String || theirs[group[0]] is String {
            guard mine[group[0]] is String == theirs[group[0]] is String, stamp(mine, group) != stamp(theirs, group) else { continue }
            let later = stamp(mine, group) > stamp(theirs, group) ? mine : theirs
            for key in group {
                mine[key] = later[key]
                theirs[key] = later[key]
            }
        }
        let done = (base["doneOn"] != nil, mine["doneOn"] != nil, theirs["doneOn"] != nil)
        guard done.1 || done.2, !same(mine["doneOn"], theirs["doneOn"]) || !same(mine["doneBy"], theirs["doneBy"]) else { return }
        let isDone = done.1 == done.0 ? done.2 : done.1
        let sides = [mine, theirs].filter { $0["doneOn"] != nil }
        let winner = isDone ? sides.max { stamp($0, ["doneOn", "doneBy"]) < stamp($1, ["doneOn", "doneBy"]) } : nil
        for key in ["doneOn", "doneBy"] {
            mine[key] = winner?[key]
            theirs[key] = winner?[key]
        }
    }

    /// History entries as sets keyed by content: what either side added is kept, what a side
    /// removed from the base goes; in time order (by `on`) when both sides changed the list.
    private static func mergeEntries(_ base: [Any], _ mine: [Any], _ theirs: [Any]) -> [Any] {
        let b = Set(base.compactMap { compact($0) }), m = Set(mine.compactMap { compact($0) })
        let t = theirs.compactMap { compact($0) }, theirSet = Set(t)
        var seen = Set<String>()
        var result: [(text: String, value: Any)] = []
        for (text, value) in zip(mine.compactMap { compact($0) }, mine) where !(b.contains(text) && !theirSet.contains(text)) && seen.insert(text).inserted {
            result.append((text, value))
        }
        for (text, value) in zip(t, theirs) where !b.contains(text) && !m.contains(text) && seen.insert(text).inserted {
            result.append((text, value))
        }
        func time(_ value: Any) -> String { (value as? [String: Any])?["on"] as? String ?? "" }
        return result.enumerated().sorted { (time($0.element.value), $0.offset) < (time($1.element.value), $1.offset) }.map(\.element.value)
    }

    /// Lists of ids as sets: ours in our order without what they removed, then what they added.
    private static func mergeSet(_ base: [Any], _ mine: [Any], _ theirs: [Any]) -> [Any] {
        let b = Set(base.compactMap { $0 as? String }), m = mine.compactMap { $0 as? String }, t = theirs.compactMap { $0 as? String }
        let theirSet = Set(t), mineSet = Set(m)
        var result = m.filter { !(b.contains($0) && !theirSet.contains($0)) }
        var seen = Set(result)
        for id in t where !b.contains(id) && !mineSet.contains(id) && seen.insert(id).inserted { result.append(id) }
        return result
    }

    /// The field that identifies items of a list of objects, if every item has it.
    private static func identityKey(_ items: [Any]) -> String? {
        for key in ["id", "quarter"] where !items.isEmpty && items.allSatisfy({ ($0 as? [String: Any])?[key] is String }) {
            return key
        }
        return nil
    }

    /// My order, with each item only they have placed after the item before it in their list
    /// (first when nothing is before it), so an action they added in its group, or a review for
    /// an earlier quarter, lands where they put it. Items I deleted are included: merging each
    /// decides whether it stays.
    static func mergedOrder(mine: [String], theirs: [String]) -> [String] {
        var order = mine
        var present = Set(mine)
        var anchor: String?
        for id in theirs {
            if !present.contains(id) {
                let position = anchor.flatMap { a in order.firstIndex(of: a).map { $0 + 1 } } ?? 0
                order.insert(id, at: position)
                present.insert(id)
            }
            anchor = id
        }
        return order
    }

    private static func mergeList(_ base: [Any], _ mine: [Any], _ theirs: [Any], key: String, path: String, field: String,
                                  context: inout Context) -> [Any] {
        func ids(_ list: [Any]) -> [String] { list.compactMap { ($0 as? [String: Any])?[key] as? String } }
        func index(_ list: [Any]) -> [String: Any] {
            Dictionary(zip(ids(list), list).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
        }
        let b = index(base), m = index(mine), t = index(theirs)
        var order = mergedOrder(mine: ids(mine), theirs: ids(theirs))
        // Reviews and quarter records are kept oldest first ("2025/26 Q4" < "2026/27 Q1" as text).
        if key == "quarter" { order.sort() }
        var result: [Any] = []
        for id in order {
            let label = "\(path)[\(key)=\(id)]"
            var old = b[id]
            if old == nil, field == "reviews", m[id] != nil, t[id] != nil, var review = context.reviewBase {
                review["quarter"] = id
                old = review
            }
            let value = field == "reviews" ? mergeReview(old, m[id], t[id], path: label, context: &context)
                : mergeValue(old, m[id], t[id], path: label, field: "", context: &context)
            if let value { result.append(value) }
        }
        return result
    }

    /// The restricted mark and the words it covers merge as one: a mark one side cleared stays
    /// set on an action's commentary, or a review's, when the merged words are not the words that
    /// side cleared it for (the other side wrote new ones meanwhile). Clearing it again is one
    /// step; publishing words nobody cleared is not undone.
    static func keepRestricted(_ plan: inout Plan, base: Plan, ours: Plan, theirs: Plan) {
        func index(_ plan: Plan) -> [String: Int] {
            Dictionary(plan.actions.indices.map { (plan.actions[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let (b, o, t) = (index(base), index(ours), index(theirs))
        for position in plan.actions.indices {
            let id = plan.actions[position].id
            guard let bi = b[id], let oi = o[id], let ti = t[id] else { continue }
            let (old, mine, their) = (base.actions[bi], ours.actions[oi], theirs.actions[ti])
            // Only an action both sides changed can have a mark cleared on one and words on the other.
            guard mine != old, their != old, mine != their else { continue }
            keepRestricted(&plan.actions[position], base: old, sides: [mine, their])
        }
    }

    private static func keepRestricted(_ action: inout Action, base old: Action, sides: [Action]) {
        if old.commentaryRestricted == true, action.commentaryRestricted != true,
           sides.contains(where: { $0.commentaryRestricted != true && $0.commentary.trimmingSpaces() != action.commentary.trimmingSpaces() }) {
            action.commentaryRestricted = true
        }
        for r in action.reviews.indices where action.reviews[r].restricted != true {
            let quarter = action.reviews[r].quarter
            guard old.review(for: quarter)?.restricted == true else { continue }
            let words = action.reviews[r].commentary.trimmingSpaces()
            if sides.contains(where: { side in
                side.review(for: quarter).map { $0.restricted != true && $0.commentary.trimmingSpaces() != words } ?? false
            }) {
                action.reviews[r].restricted = true
            }
        }
    }
}
