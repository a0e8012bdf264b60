import PlanModel

/// Which actions the list (and meeting mode) shows. All set parts must match.
public struct Filter: Equatable, Sendable {
    public var group: PreventionGroup?
    public var owner: String?
    public var status: Status?
    public var workstream: String?
    public var overdue = false
    public var stale = false
    /// Case-insensitive text searched in id, title, description and commentary.
    public var search = ""

    public init() {}

    public var isActive: Bool { self != Filter() }

    /// `needle` is `search` lower-cased (see `SearchIndex.needle`), `haystack` the action's
    /// lower-cased searchable text; both are only consulted when a search is active.
    func matches(_ action: Action, needle: [UInt8], haystack: @autoclosure () -> [UInt8], today: Day, quarter: Quarter) -> Bool {
        if let group, action.preventionGroup != group { return false }
        if let owner, action.owner != owner { return false }
        if let status, action.status != status { return false }
        if let workstream, !action.workstreams.contains(workstream) { return false }
        if overdue, !action.isOverdue(on: today) { return false }
        if stale, !action.isStale(in: quarter) { return false }
        if !needle.isEmpty, !SearchIndex.contains(haystack(), needle) { return false }
        return true
    }

    /// "owner Metropolitan Police · red · stale · “knife”".
    func summary(in plan: Plan) -> String {
        var parts: [String] = []
        if let group { parts.append(plan.name(of: group)) }
        if let owner { parts.append("owner " + (plan.owner(id: owner)?.name ?? owner)) }
        if let status { parts.append("\(status.letter) \(status.label.lowercased())") }
        if let workstream { parts.append(plan.workstreams.first { $0.id == workstream }?.name ?? workstream) }
        if overdue { parts.append("overdue") }
        if stale { parts.append("no update this quarter") }
        if !search.isEmpty { parts.append("“\(search)”") }
        return parts.joined(separator: " · ")
    }
}

/// Lower-cased searchable text (id, title, description, commentary) of each action as bytes,
/// built only while a search is active and only when the plan changed, so typing a search does
/// not lower-case the whole plan on every key and editing without a search costs nothing.
struct SearchIndex: Equatable, Sendable {
    private(set) var texts: [[UInt8]] = []
    private(set) var revision = -1

    mutating func update(for plan: Plan, revision: Int) {
        guard revision != self.revision else { return }
        texts = plan.actions.map { Array([$0.id, $0.title, $0.description, $0.commentary].joined(separator: "\n").lowercased().utf8) }
        self.revision = revision
    }

    /// A search term as lower-cased bytes.
    static func needle(_ search: String) -> [UInt8] { Array(search.lowercased().utf8) }

    /// Whether `needle` occurs in `haystack` (byte-wise; both already lower-cased).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        let first = needle[0]
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
