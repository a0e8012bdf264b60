import Foundation
import PlanModel

/// Three-way merge of plans, field by field: what changed on only one side is taken; the same
/// field changed differently on both sides is a conflict, reported by JSON path.
///
/// Works on the plans' JSON trees, so every field is covered without listing them. Lists of
/// objects with an `id` (actions, owners, workstreams) or a `quarter` (reviews, quarter records)
/// are merged item by item; other lists are merged as whole values.
public enum PlanMerge {
    /// Which version wins a conflict the user resolved.
    public enum Side: Hashable, Sendable {
        case mine, theirs
    }

    /// One field changed differently on both sides: where, and both values as compact JSON.
    public struct Conflict: Equatable, Sendable {
        public var path: String
        public var mine: String
        public var theirs: String

        public init(path: String, mine: String, theirs: String) {
            self.path = path
            self.mine = mine
            self.theirs = theirs
        }
    }

    public struct Result {
        public var plan: Plan
        /// Fields changed on both sides in different ways and not resolved. Empty when clean.
        public var conflicts: [Conflict]
    }

    /// Merges; `resolutions` (by conflict path) settles conflicts the user has decided.
    public static func merge(base: Plan, mine: Plan, theirs: Plan, resolutions: [String: Side] = [:]) -> Result {
        func tree(_ plan: Plan) -> Any { (try? JSONSerialization.jsonObject(with: PlanCoding.encode(plan))) ?? [:] }
        var context = Context(resolutions: resolutions)
        let merged = mergeValue(tree(base), tree(mine), tree(theirs), path: "", context: &context)
        guard context.conflicts.isEmpty,
              let data = try? JSONSerialization.data(withJSONObject: merged ?? [:]),
              let plan = try? PlanCoding.decode(data, file: "merge") else {
            return Result(plan: mine, conflicts: context.conflicts.isEmpty
                          ? [Conflict(path: "(the merged plan could not be read)", mine: "", theirs: "")] : context.conflicts)
        }
        return Result(plan: plan, conflicts: [])
    }

    private struct Context {
        var resolutions: [String: Side]
        var conflicts: [Conflict] = []
    }

    private static func compact(_ value: Any?) -> String {
        guard let value, let data = try? JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return "(absent)"
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

    private static func mergeValue(_ base: Any?, _ mine: Any?, _ theirs: Any?, path: String, context: inout Context) -> Any? {
        if same(mine, theirs) { return mine }
        if same(base, mine) { return theirs }
        if same(base, theirs) { return mine }
        if let b = base as? [String: Any], var m = mine as? [String: Any], var t = theirs as? [String: Any] {
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
            context.conflicts.append(Conflict(path: label, mine: compact(mine), theirs: compact(theirs)))
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

    private static func mergeList(_ base: [Any], _ mine: [Any], _ theirs: [Any], key: String, path: String,
                                  context: inout Context) -> [Any] {
        func index(_ list: [Any]) -> [String: Any] {
            Dictionary(list.map { (($0 as! [String: Any])[key] as! String, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let b = index(base), m = index(mine), t = index(theirs)
        // Keep my order, then add items only they have, in their order.
        var order = mine.map { ($0 as! [String: Any])[key] as! String }
        for item in theirs {
            let id = (item as! [String: Any])[key] as! String
            if m[id] == nil, b[id] == nil { order.append(id) }
        }
        var result: [Any] = []
        for id in order {
            let label = "\(path)[\(key)=\(id)]"
            if let value = mergeValue(b[id], m[id], t[id], path: label, context: &context) { result.append(value) }
        }
        return result
    }
}
