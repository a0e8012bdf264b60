import Foundation
import PlanModel

/// Three-way merge of plans, field by field: what changed on only one side is taken; the same
/// field changed differently on both sides is a conflict, reported by JSON path.
///
/// Works on the plans' JSON trees, so every field is covered without listing them. Lists of
/// objects with an `id` (actions, owners, workstreams) or a `quarter` (reviews, quarter records)
/// are merged item by item; other lists are merged as whole values. Actions that only one side
/// changed are taken as they are without building their trees, so merging two large plans costs
/// little more than comparing them.
public enum PlanMerge {
    /// Which version wins a conflict the user resolved.
    public enum Side: Hashable, Sendable {
        case mine, theirs
    }

    /// How an absent value (a field or item one side does not have) is shown.
    public static let absent = "(absent)"

    /// One field changed differently on both sides: where, the values as compact JSON (or
    /// `absent`), and who made each side's change when the plan says (the action's `updatedBy`
    /// and `updated` on that side, or its deletion record).
    public struct Conflict: Equatable, Sendable {
        public var path: String
        public var mine: String
        public var theirs: String
        public var base: String
        public var mineBy: String?
        public var mineOn: Timestamp?
        public var theirsBy: String?
        public var theirsOn: Timestamp?

        public init(path: String, mine: String, theirs: String, base: String = PlanMerge.absent, mineBy: String? = nil,
                    mineOn: Timestamp? = nil, theirsBy: String? = nil, theirsOn: Timestamp? = nil) {
            self.path = path
            self.mine = mine
            self.theirs = theirs
            self.base = base
            self.mineBy = mineBy
            self.mineOn = mineOn
            self.theirsBy = theirsBy
            self.theirsOn = theirsOn
        }

        /// The conflict as the plan file records it (ours is mine).
        public var recorded: MergeConflict {
            func value(_ text: String) -> String? { text == PlanMerge.absent ? nil : text }
            return MergeConflict(path: path, base: value(base), ours: value(mine), theirs: value(theirs),
                                 oursBy: mineBy, oursOn: mineOn, theirsBy: theirsBy, theirsOn: theirsOn)
        }
    }

    public struct Result {
        /// The merged plan. Where there are conflicts, each conflicting field keeps my value.
        public var plan: Plan
        /// Fields changed on both sides in different ways and not resolved. Empty when clean.
        public var conflicts: [Conflict]
    }

    /// Merges; `resolutions` (by conflict path) settles conflicts the user has decided.
    public static func merge(base: Plan, mine: Plan, theirs: Plan, resolutions: [String: Side] = [:]) -> Result {
        var context = Context(resolutions: resolutions)
        let shell = mergeValue(tree(base.withoutActions), tree(mine.withoutActions), tree(theirs.withoutActions), path: "",
                               context: &context)
        let (merged, restored) = mergeActions(base: base, mine: mine, theirs: theirs, context: &context)
        guard let data = try? JSONSerialization.data(withJSONObject: shell ?? [:]),
              var plan = try? PlanCoding.decode(data, file: "merge"), let merged else {
            return Result(plan: mine, conflicts: context.conflicts + [Conflict(path: "(the merged plan could not be read)", mine: "", theirs: "")])
        }
        plan.actions = merged.actions
        // An action I deleted and chose to take back from them returns as an added action does.
        for action in merged.takenBack { plan.insertInGroupOrder(action) }
        // An action kept against a deletion on the other side, once decided, is not deleted. While
        // the conflict is open both stay, so either decision can be applied to the recorded plan.
        let live = Set(plan.actions.map(\.id)), open = Set(context.conflicts.map(\.path))
        plan.removedActions.removeAll { restored.contains($0.id) && live.contains($0.id) && !open.contains("actions[id=\($0.id)]") }
        return Result(plan: plan, conflicts: context.conflicts)
    }

    /// Merges as git's merge driver and `dplan merge` do: conflicts are recorded in the plan
    /// (`Plan.conflicts`, after any it already had), each field keeping our value.
    public static func mergeRecordingConflicts(base: Plan, ours: Plan, theirs: Plan) -> Result {
        var result = merge(base: base, mine: ours, theirs: theirs)
        result.plan.conflicts += result.conflicts.map(\.recorded)
        return result
    }

    /// Compact JSON text with sorted keys for a JSON text, or nil when it is not JSON.
    static func compactJSON(_ text: String) -> String? {
        guard let value = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed) else { return nil }
        return compact(value)
    }

    private struct Context {
        var resolutions: [String: Side]
        var conflicts: [Conflict] = []
        /// Who last changed the object being merged on each side (its `updatedBy`, `updated`).
        var who = Who()
    }

    private struct Who {
        var mineBy: String?, mineOn: String?, theirsBy: String?, theirsOn: String?
    }

    private static func tree(_ plan: Plan) -> Any {
        (try? JSONSerialization.jsonObject(with: PlanCoding.encode(plan))) ?? [:]
    }

    private static func tree(_ action: Action?) -> Any? {
        action.flatMap { try? JSONSerialization.jsonObject(with: PlanCoding.encode($0)) }
    }

    static func compact(_ value: Any?) -> String {
        guard let value, let data = try? JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return absent
        }
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }

    private static func same(_ a: Any?, _ b: Any?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (nil, _), (_, nil): return false
        case let (x?, y?):
            guard let dx = try? JSONSerialization.data(withJSONObject: [x], options: .sortedKeys),
                  let dy = try? JSONSerialization.data(withJSONObject: [y], options: .sortedKeys) else { return false }
            return dx == dy
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
                // Deleted on one side: who deleted it comes from that side's deletion record.
                func deletion(_ plan: Plan) -> (String?, String?) {
                    plan.removedActions.last { $0.id == id }.map { ($0.by, $0.on.description) } ?? (nil, nil)
                }
                let (mineBy, mineOn) = my.map { ($0.updatedBy, $0.updated?.description) } ?? deletion(mine)
                let (theirsBy, theirsOn) = their.map { ($0.updatedBy, $0.updated?.description) } ?? deletion(theirs)
                context.who = Who(mineBy: mineBy, mineOn: mineOn, theirsBy: theirsBy, theirsOn: theirsOn)
            }
            guard let merged = mergeValue(tree(old), tree(my), tree(their), path: "actions[id=\(id)]", context: &context) else { continue }
            guard let data = try? JSONSerialization.data(withJSONObject: merged), let action = PlanCoding.decodeAction(data) else {
                return (nil, restored)
            }
            if my == nil, old != nil { takenBack.append(action) } else { result.append(action) }
        }
        return ((result, takenBack), restored)
    }

    private static func mergeValue(_ base: Any?, _ mine: Any?, _ theirs: Any?, path: String, context: inout Context) -> Any? {
        if same(mine, theirs) { return mine }
        if same(base, mine) { return theirs }
        if same(base, theirs) { return mine }
        if let b = base as? [String: Any], var m = mine as? [String: Any], var t = theirs as? [String: Any] {
            let outer = context.who
            defer { context.who = outer }
            if m["updatedBy"] != nil || t["updatedBy"] != nil {
                context.who = Who(mineBy: m["updatedBy"] as? String, mineOn: m["updated"] as? String,
                                  theirsBy: t["updatedBy"] as? String, theirsOn: t["updated"] as? String)
            }
            settleBookkeeping(base: b, mine: &m, theirs: &t)
            var result: [String: Any] = [:]
            for key in Set(m.keys).union(t.keys).union(b.keys).sorted() {
                let child = path.isEmpty ? key : "\(path).\(key)"
                if let value = mergeValue(b[key], m[key], t[key], path: child, context: &context) { result[key] = value }
            }
            return result
        }
        if let b = base as? [Any], let m = mine as? [Any], let t = theirs as? [Any],
           let key = identityKey(b + m + t) {
            return mergeList(b, m, t, key: key, path: path, context: &context)
        }
        let label = path.isEmpty ? "(top level)" : path
        switch context.resolutions[label] {
        case .mine?: return mine
        case .theirs?: return theirs
        case nil:
            let who = context.who
            context.conflicts.append(Conflict(path: label, mine: compact(mine), theirs: compact(theirs), base: compact(base),
                                              mineBy: who.mineBy, mineOn: who.mineOn.flatMap { Timestamp(iso: $0) },
                                              theirsBy: who.theirsBy, theirsOn: who.theirsOn.flatMap { Timestamp(iso: $0) }))
            return mine
        }
    }

    /// An action edited on both sides has a new `updated`, `updatedBy` and `changeLog` on both:
    /// bookkeeping, not a clash to ask about. The later `updated` (with its `updatedBy`) wins and
    /// the audit trail keeps both sides' new entries in time order. Real fields still clash.
    /// Objects without these fields (everything but actions) are left as they are.
    private static func settleBookkeeping(base: [String: Any], mine: inout [String: Any], theirs: inout [String: Any]) {
        let myTime = mine["updated"] as? String ?? "", theirTime = theirs["updated"] as? String ?? ""
        if !same(mine["updated"], theirs["updated"]) {
            let later = myTime >= theirTime ? mine : theirs
            for key in ["updated", "updatedBy"] {
                mine[key] = later[key]
                theirs[key] = later[key]
            }
        }
        let logBase = base["changeLog"] as? [Any] ?? [], myLog = mine["changeLog"] as? [Any] ?? [], theirLog = theirs["changeLog"] as? [Any] ?? []
        guard !same(myLog, theirLog), myLog.count >= logBase.count, theirLog.count >= logBase.count,
              zip(logBase, myLog).allSatisfy({ same($0, $1) }), zip(logBase, theirLog).allSatisfy({ same($0, $1) }) else { return }
        // Both only appended: base entries, then everyone's new ones by time (ISO times sort as text).
        let added = (myLog.dropFirst(logBase.count) + theirLog.dropFirst(logBase.count)).enumerated()
            .sorted { (($0.element as? [String: Any])?["on"] as? String ?? "", $0.offset) < (($1.element as? [String: Any])?["on"] as? String ?? "", $1.offset) }
            .map(\.element)
        let log = logBase + added
        mine["changeLog"] = log
        theirs["changeLog"] = log
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

    private static func mergeList(_ base: [Any], _ mine: [Any], _ theirs: [Any], key: String, path: String,
                                  context: inout Context) -> [Any] {
        func ids(_ list: [Any]) -> [String] { list.map { ($0 as! [String: Any])[key] as! String } }
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
            if let value = mergeValue(b[id], m[id], t[id], path: label, context: &context) { result.append(value) }
        }
        return result
    }
}
