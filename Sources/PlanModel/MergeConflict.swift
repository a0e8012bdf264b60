/// A field two people changed in different ways, recorded in the plan by a merge (git's merge
/// driver, `dplan merge`) for someone to decide. The field keeps our value until then.
///
/// `path` names the field the way the merge does: `actions[id=SEC-06].title`,
/// `actions[id=SEC-06].reviews[quarter=2026/27 Q3].status`, `owners[id=police].name`, `title`;
/// `actions[id=SEC-06]` alone is a whole action deleted on one side and changed on the other.
/// Values are compact JSON text; nil when the field or item is absent on that side.
public struct MergeConflict: Equatable, Sendable {
    /// Which side's value a decision keeps.
    public enum Side: Hashable, Sendable {
        case ours, theirs
    }

    public var path: String
    public var base: String?
    public var ours: String?
    public var theirs: String?
    /// Who made our side's change and when, when the plan says (the action's `updatedBy` and
    /// `updated`, or the deletion record).
    public var oursBy: String?
    public var oursOn: Timestamp?
    public var theirsBy: String?
    public var theirsOn: Timestamp?

    public init(path: String, base: String?, ours: String?, theirs: String?, oursBy: String? = nil, oursOn: Timestamp? = nil,
                theirsBy: String? = nil, theirsOn: Timestamp? = nil) {
        self.path = path
        self.base = base
        self.ours = ours
        self.theirs = theirs
        self.oursBy = oursBy
        self.oursOn = oursOn
        self.theirsBy = theirsBy
        self.theirsOn = theirsOn
    }

    /// The item the field belongs to: an action, owner or workstream id, or `plan` for the
    /// plan's own fields (`title`, `period.end`).
    public var subject: String { split.subject ?? "plan" }

    /// The action the conflict is about, if it is about one.
    public var actionID: String? { split.list == "actions" ? split.subject : nil }

    /// The field within its item (`title`, `reviews[quarter=2026/27 Q3].status`); empty when the
    /// conflict is about the whole item.
    public var field: String { split.field }

    /// The field in words, e.g. "action SEC-06: title", "action SEC-06: review for 2026/27 Q3,
    /// status", "owner police: name", "plan: period end", "action SEC-06 (deleted on one side,
    /// changed on the other)".
    public var label: String {
        let (list, subject, field) = (split.list, split.subject, split.field)
        let item: String
        switch list {
        case nil: item = "plan"
        case "actions"?: item = "action \(subject ?? "")"
        case "owners"?: item = "owner \(subject ?? "")"
        case "workstreams"?: item = "workstream \(subject ?? "")"
        case "indicators"?: item = "indicator \(subject ?? "")"
        case "quarters"?: item = "quarter \(subject ?? "")"
        case "removedActions"?: item = "deleted action \(subject ?? "")"
        case let other?: item = "\(Self.words(other)) \(subject ?? "")"
        }
        guard !field.isEmpty else {
            return "\(item) (\(ours == nil ? "deleted here" : "kept here"), \(theirs == nil ? "deleted" : "changed") on the other side)"
        }
        return "\(item): \(Self.fieldWords(field))"
    }

    /// Whether `field` (as typed to `dplan resolve`) names this conflict: the whole field path,
    /// a leading part of it (`reviews`, `funding`), or nothing, `-` or `action` for every
    /// conflict of the item.
    public func matches(subject: String, field: String?) -> Bool {
        guard subject == self.subject else { return false }
        guard let field, !["", "-", "action"].contains(field) else { return true }
        let own = self.field
        return own == field || own.hasPrefix(field + ".") || own.hasPrefix(field + "[")
    }

    private var split: (list: String?, subject: String?, field: String) {
        // "list[key=subject]" then ".field…", or a plan field with no list item in front.
        guard let open = path.firstIndex(of: "["), !path[..<open].contains("."),
              let equals = path[open...].firstIndex(of: "=") else { return (nil, nil, path) }
        var close = path.index(after: equals)
        while close < path.endIndex {
            if path[close] == "]" {
                let next = path.index(after: close)
                if next == path.endIndex || path[next] == "." || path[next] == "[" { break }
            }
            close = path.index(after: close)
        }
        guard close < path.endIndex else { return (nil, nil, path) }
        var rest = path[path.index(after: close)...]
        if rest.hasPrefix(".") { rest = rest.dropFirst() }
        return (String(path[..<open]), String(path[path.index(after: equals)..<close]), String(rest))
    }

    /// `reviews[quarter=2026/27 Q3].status` → "review for 2026/27 Q3, status"; `period.end` →
    /// "period end"; camelCase names become words.
    private static func fieldWords(_ field: String) -> String {
        var parts: [String] = []
        var rest = Substring(field)
        while !rest.isEmpty {
            if let open = rest.firstIndex(of: "["), !rest[..<open].contains("."),
               let close = rest[open...].firstIndex(of: "]") {
                let name = String(rest[..<open])
                let key = rest[rest.index(after: open)..<close].split(separator: "=", maxSplits: 1).last.map(String.init) ?? ""
                let singular = name.hasSuffix("s") ? String(name.dropLast()) : name
                parts.append(name == "reviews" ? "review for \(key)" : name == "values" ? "value for \(key)" : "\(words(singular)) \(key)")
                rest = rest[rest.index(after: close)...]
                if rest.hasPrefix(".") { rest = rest.dropFirst() }
            } else {
                let end = rest.firstIndex(of: ".") ?? rest.endIndex
                parts.append(words(String(rest[..<end])))
                rest = end == rest.endIndex ? "" : rest[rest.index(after: end)...]
            }
        }
        return parts.joined(separator: ", ")
    }

    /// `outcomeMeasure` → "outcome measure".
    private static func words(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase {
                result += " " + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}

extension Plan {
    /// The problem every unresolved conflict is to validation: a plan with conflicts left is
    /// readable, but nothing may be saved on top of it until someone decides.
    func conflictProblems() -> [Problem] {
        conflicts.enumerated().map { i, conflict in
            Problem(path: "conflicts[\(i)]", message: "unresolved merge conflict on \(conflict.label): "
                    + "ours \(conflict.ours ?? "(absent)")\(conflict.oursBy.map { " (\($0))" } ?? ""), "
                    + "theirs \(conflict.theirs ?? "(absent)")\(conflict.theirsBy.map { " (\($0))" } ?? ""), "
                    + "base \(conflict.base ?? "(absent)")")
        }
    }
}
