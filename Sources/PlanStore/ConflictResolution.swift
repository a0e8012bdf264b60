import Foundation
import PlanModel

/// The plan file's side of resolving a recorded conflict (`Plan.resolveConflicts`, in PlanModel):
/// a conflict's values are JSON text as the file writes them, so reading an action from one and
/// writing one at a path go through the file's own encoding.
public struct PlanFileConflictValues: ConflictValues {
    public init() {}

    public func action(from json: String) -> Action? {
        PlanCoding.decodeAction(Data(json.utf8))
    }

    public func write(_ json: String?, at path: String, actionIndex: Int?, in plan: inout Plan) throws(ConflictResolutionError) {
        func failure(_ message: String) -> ConflictResolutionError { ConflictResolutionError(path: path, message: message) }
        guard let segments = PathSegment.parse(path) else { throw failure("not a path dplan can follow") }
        var value: Any?
        if let json {
            guard let parsed = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed) else {
                throw failure("their value is not JSON: \(json)")
            }
            value = parsed
        }
        if let index = actionIndex {
            // `actions[id=X]` and then the field within the action.
            var tree = try? JSONSerialization.jsonObject(with: PlanCoding.encode(plan.actions[index])) as Any
            guard PathSegment.set(value, at: segments.dropFirst(2), in: &tree), let tree,
                  let data = try? JSONSerialization.data(withJSONObject: tree), let action = PlanCoding.decodeAction(data) else {
                throw failure("their value does not fit action \(plan.actions[index].id)")
            }
            plan.actions[index] = action
            return
        }
        var tree = try? JSONSerialization.jsonObject(with: PlanCoding.encode(plan.shell)) as Any
        guard PathSegment.set(value, at: segments[...], in: &tree), let tree,
              let data = try? JSONSerialization.data(withJSONObject: tree), var shell = try? PlanCoding.decode(data, file: "resolve") else {
            throw failure("their value does not fit the plan")
        }
        shell.actions = plan.actions
        shell.frozenQuarters = plan.frozenQuarters  // merged whole: no conflict is ever inside one
        plan = shell
    }
}

extension Plan {
    /// `resolveConflicts(take:context:values:where:)` with the plan file's values.
    public mutating func resolveConflicts(take side: MergeConflict.Side, context: EditContext,
                                          where selects: (MergeConflict) -> Bool) throws(ConflictResolutionError) -> [MergeConflict] {
        try resolveConflicts(take: side, context: context, values: PlanFileConflictValues(), where: selects)
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
