
/// One labelled field of an action as people read it ("Owner": "Metropolitan Police Service").
public struct ActionField: Equatable, Sendable {
    public var label: String
    /// Plain text, names instead of ids; not yet sanitised for a terminal. Empty when unset.
    public var value: String

    public init(label: String, value: String) {
        self.label = label
        self.value = value
    }
}

extension Plan {
    /// The fields of an action that `dplan show` and the front end's detail screen both list, in
    /// their order. Status, trend, due-date changes and reviews are laid out by each separately.
    public func fields(of action: Action) -> [ActionField] {
        var fields = [
            ActionField(label: "Group", value: action.preventionGroup.map { name(of: $0) } ?? action.group),
            ActionField(label: "Owner", value: ownerName(action.owner)),
            ActionField(label: "Partners", value: action.partners.map(ownerName).joined(separator: ", ")),
            ActionField(label: "Workstreams", value: action.workstreams.map(workstreamName).joined(separator: ", ")),
            ActionField(label: "Start", value: action.start?.description ?? ""),
            ActionField(label: "Due", value: (action.due?.description ?? "")
                + (action.dueDateChanges.isEmpty ? "" : "  (moved \(action.dueDateChanges.count)×)")),
            ActionField(label: "Description", value: action.description),
            ActionField(label: "Commentary", value: action.commentary
                + (action.commentaryRestricted == true ? "  [restricted: not for publication]" : "")),
            ActionField(label: "Outcome measure", value: action.outcomeMeasure),
        ]
        if let decision = action.decisionNeeded {
            fields.append(ActionField(label: "Decision needed", value: decision))
        }
        if let funding = action.funding {
            fields.append(ActionField(label: "Funding", value: funding.source + (funding.amount.map { " " + pounds($0) } ?? "")))
        }
        for line in action.fundingLines { fields.append(ActionField(label: "Funding", value: line.summary)) }
        for milestone in action.milestones {
            fields.append(ActionField(label: "Milestone", value: (milestone.isDone ? "[done] " : "[ ] ") + milestoneSummary(milestone)))
        }
        fields.append(ActionField(label: "Created", value: action.created.map(\.readable) ?? ""))
        fields.append(ActionField(label: "Updated", value: [action.updated.map(\.readable), action.updatedBy.map { "by " + $0 }]
            .compactMap { $0 }.joined(separator: " ")))
        return fields
    }
}
