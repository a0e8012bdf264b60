import Foundation
import PlanModel

/// Why a recorded conflict could not be settled.
public struct ConflictResolutionError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public var description: String { "conflicts: \(path): \(message)" }
}

extension Plan {
    /// Settles the recorded conflicts that `selects` picks, keeping `side`'s value: ours is
    /// already in place, so taking ours only drops the record; taking theirs writes their value
    /// at the conflict's path (a whole action comes back, or goes with a deletion record).
    /// `context` stands in for who deleted an action when the record does not say. Returns the
    /// conflicts settled; the plan is unchanged when one cannot be applied.
    public mutating func resolveConflicts(take side: MergeConflict.Side, context: EditContext,
                                          where selects: (MergeConflict) -> Bool) throws(ConflictResolutionError) -> [MergeConflict] {
        var plan = self
        let chosen = conflicts.filter(selects)
        for conflict in chosen {
            if side == .theirs {
                try plan.takeTheirs(conflict, context: context)
            } else if conflict.field.isEmpty, let id = conflict.actionID, plan.actionIndex(id: id) != nil {
                // Our action stays: their deletion record goes.
                plan.removedActions.removeAll { $0.id == id }
            }
        }
        plan.conflicts.removeAll(where: selects)
        self = plan
        return chosen
    }

    private mutating func takeTheirs(_ conflict: MergeConflict, context: EditContext) throws(ConflictResolutionError) {
        func failure(_ message: String) -> ConflictResolutionError { ConflictResolutionError(path: conflict.path, message: message) }
        guard let segments = PathSegment.parse(conflict.path) else { throw failure("not a path dplan can follow") }
        var value: Any?
        if let text = conflict.theirs {
            guard let parsed = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed) else {
                throw failure("their value is not JSON: \(text)")
            }
            value = parsed
        }
        if case .item("actions", "id", let id)? = segments.dropFirst().first, segments.first == .key("actions") {
            let rest = Array(segments.dropFirst(2))
            let index = actionIndex(id: id)
            if rest.isEmpty {
                try replaceAction(id: id, at: index, with: value, conflict: conflict, context: context)
                return
            }
            guard let index else { throw failure("no action \(id) here to change") }
            var tree = try? JSONSerialization.jsonObject(with: PlanCoding.encode(actions[index])) as Any
            guard PathSegment.set(value, at: rest[...], in: &tree), let tree,
                  let data = try? JSONSerialization.data(withJSONObject: tree), let action = PlanCoding.decodeAction(data) else {
                throw failure("their value does not fit action \(id)")
            }
            actions[index] = action
            return
        }
        var tree = try? JSONSerialization.jsonObject(with: PlanCoding.encode(withoutActions)) as Any
        guard PathSegment.set(value, at: segments[...], in: &tree), let tree,
              let data = try? JSONSerialization.data(withJSONObject: tree), var shell = try? PlanCoding.decode(data, file: "resolve") else {
            throw failure("their value does not fit the plan")
        }
        shell.actions = actions
        self = shell
    }

    /// A whole action deleted on one side and changed on the other: theirs is the action (it
    /// comes back, in its group) or nothing (it goes, with a deletion record).
    private mutating func replaceAction(id: String, at index: Int?, with value: Any?, conflict: MergeConflict,
                                        context: EditContext) throws(ConflictResolutionError) {
        guard let value else {
            guard let index else { return }
            if !removedActions.contains(where: { $0.id == id }) {
                removedActions.append(RemovedAction(of: actions[index], by: conflict.theirsBy ?? context.by, on: conflict.theirsOn ?? context.now))
            }
            actions.remove(at: index)
            return
        }
        guard let data = try? JSONSerialization.data(withJSONObject: value), let action = PlanCoding.decodeAction(data) else {
            throw ConflictResolutionError(path: conflict.path, message: "their value is not an action")
        }
        if let index {
            actions[index] = action
        } else {
            insertInGroupOrder(action)  // as the save merge places an action taken back
        }
        removedActions.removeAll { $0.id == id }
    }
}

/// One step of a merge path: a field name, or the list item with `key` = `id`.
enum PathSegment: Equatable {
    case key(String)
    case item(String, String, String)

    /// `actions[id=SEC-06].reviews[quarter=2026/27 Q3].status` as steps; an item is written
    /// `list[key=id]` and its id runs to the `]` that ends the step.
    static func parse(_ path: String) -> [PathSegment]? {
        var segments: [PathSegment] = []
        var rest = Substring(path)
        while !rest.isEmpty {
            let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
            let name = String(rest[..<end])
            rest = rest[end...]
            if rest.first == "[" {
                guard let equals = rest.firstIndex(of: "=") else { return nil }
                var close = rest.index(after: equals)
                while close < rest.endIndex {
                    let next = rest.index(after: close)
                    if rest[close] == "]", next == rest.endIndex || rest[next] == "." || rest[next] == "[" { break }
                    close = next
                }
                guard close < rest.endIndex, !name.isEmpty else { return nil }
                let key = String(rest[rest.index(after: rest.startIndex)..<equals])
                segments.append(.key(name))
                segments.append(.item(name, key, String(rest[rest.index(after: equals)..<close])))
                rest = rest[rest.index(after: close)...]
            } else {
                guard !name.isEmpty else { return nil }
                segments.append(.key(name))
            }
            if rest.first == "." { rest = rest.dropFirst() }
        }
        return segments
    }

    /// Writes `value` (nil removes) at `path` inside a JSON tree; false when the path does not
    /// lead anywhere in it. A list item that is missing is added at the end of its list.
    static func set(_ value: Any?, at path: ArraySlice<PathSegment>, in tree: inout Any?) -> Bool {
        guard let step = path.first else {
            tree = value
            return true
        }
        let rest = path.dropFirst()
        switch step {
        case .key(let name):
            guard var object = tree as? [String: Any] else { return false }
            var child: Any? = object[name]
            if child == nil, case .item? = rest.first { child = [Any]() }
            guard set(value, at: rest, in: &child) else { return false }
            object[name] = child
            tree = object
        case .item(_, let key, let id):
            guard var list = tree as? [Any] else { return false }
            let index = list.firstIndex { ($0 as? [String: Any])?[key] as? String == id }
            var child: Any? = index.map { list[$0] }
            guard set(value, at: rest, in: &child) else { return false }
            switch (index, child) {
            case let (index?, child?): list[index] = child
            case let (index?, nil): list.remove(at: index)
            case let (nil, child?): list.append(child)
            case (nil, nil): break
            }
            tree = list
        }
        return true
    }
}
