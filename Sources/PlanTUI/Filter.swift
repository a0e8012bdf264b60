import PlanModel

/// Which actions the list (and meeting mode) shows. All set parts must match.
public struct Filter: Equatable, Sendable {
    public var group: PreventionGroup?
    public var owner: String?
    /// Any of these statuses (all when empty), e.g. red and amber for one owner.
    public var statuses: Set<Status> = []
    public var workstream: String?
    public var overdue = false
    public var stale = false
    /// Case-insensitive text searched in id, title, description and commentary.
    public var search = ""

    public init() {}

    public var isActive: Bool { self != Filter() }

    /// Every part of the filter but the search text (which `SearchIndex` answers).
    var criteria: ActionCriteria {
        ActionCriteria(group: group, owner: owner, statuses: statuses.isEmpty ? nil : statuses, workstream: workstream,
                       overdue: overdue, stale: stale)
    }

    /// "owner Metropolitan Police · red · stale · “knife”".
    func summary(in plan: Plan) -> String {
        var parts: [String] = []
        if let group { parts.append(plan.name(of: group)) }
        if let owner { parts.append("owner " + plan.ownerName(owner)) }
        if !statuses.isEmpty {
            parts.append(Status.boardOrder.filter(statuses.contains).map { "\($0.letter) \($0.label.lowercased())" }.joined(separator: " or "))
        }
        if let workstream { parts.append(plan.workstreamName(workstream)) }
        if overdue { parts.append("overdue") }
        if stale { parts.append("no update this quarter") }
        if !search.isEmpty { parts.append("“\(search)”") }
        return parts.joined(separator: " · ")
    }
}
