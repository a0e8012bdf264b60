import PlanModel
import TerminalText

/// Which actions a list, chase or report covers, from a group, owner and workstream as the user
/// typed them (id or name). A name the plan does not have is refused with the plan's choices.
public func actionCriteria(plan: Plan, group: String? = nil, owner: String? = nil, statuses: Set<Status>? = nil,
                           workstream: String? = nil, overdue: Bool = false, stale: Bool = false) throws(DplanError) -> ActionCriteria {
    var criteria = ActionCriteria(overdue: overdue, stale: stale)
    if let group { criteria.group = try resolveGroup(group, in: plan) }
    if let owner {
        guard let match = plan.findOwner(owner) else {
            throw .refused("--owner: no owner with id or name \"\(sanitizedForTerminal(owner))\"; owners are: \(plan.owners.map(\.id).joined(separator: ", "))")
        }
        criteria.owner = match.id
    }
    if let statuses { criteria.statuses = statuses }
    if let workstream {
        guard let match = plan.findWorkstream(workstream) else {
            throw .refused("--workstream: no workstream \"\(sanitizedForTerminal(workstream))\"; workstreams are: \(plan.workstreams.map(\.id).joined(separator: ", "))")
        }
        criteria.workstream = match.id
    }
    return criteria
}

/// A prevention group as typed: its key (`primary`), id prefix (`PRI`), default name, or the
/// plan's own name for it. One the plan does not have is a usage error listing the choices.
public func resolveGroup(_ text: String, in plan: Plan, option: String = "--group") throws(DplanError) -> PreventionGroup {
    if let group = plan.group(named: text) { return group }
    let choices = plan.orderedGroups.map { "\($0.rawValue) (\(sanitizedForTerminal(plan.name(of: $0))))" }
    throw .usage("\(option): unknown prevention group \"\(sanitizedForTerminal(text))\"; expected one of \(choices.joined(separator: ", "))")
}
