/// A key milestone of an action ("Key milestones" in every tracker): what, by when, and who
/// marked it done when. Ids (`M1`, `M2`…) are unique within the action so a merge pairs them.
public struct Milestone: Equatable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var due: Day
    /// When it was marked done; nil while open.
    public var doneOn: Timestamp?
    /// Who marked it done.
    public var doneBy: String?

    public init(id: String, title: String, due: Day, doneOn: Timestamp? = nil, doneBy: String? = nil) {
        self.id = id
        self.title = title
        self.due = due
        self.doneOn = doneOn
        self.doneBy = doneBy
    }

    public var isDone: Bool { doneOn != nil }

    /// Past its due date and not done.
    public func isOverdue(on today: Day) -> Bool { !isDone && due < today }
}

extension Action {
    /// At least one milestone is past its due date and not done: a fact beside "overdue".
    public func hasOverdueMilestone(on today: Day) -> Bool {
        milestones.contains { $0.isOverdue(on: today) }
    }

    /// The milestone with this id (or, failing that, this exact title, ignoring case).
    public func milestoneIndex(_ key: String) -> Int? {
        let text = key.trimmingSpaces().lowercased()
        return milestones.firstIndex { $0.id.lowercased() == text } ?? milestones.firstIndex { $0.title.lowercased() == text }
    }
}

extension Plan {
    /// Adds a milestone to an action with the next free id (`M1`, `M2`…), audited on the action.
    @discardableResult
    public mutating func addMilestone(actionID: String, title: String, due: Day, context: EditContext) throws -> String {
        guard let index = actionIndex(id: actionID) else { throw PlanEditError.unknownAction(actionID) }
        let title = title.trimmingSpaces()
        guard !title.isEmpty else { throw PlanEditError.emptyMilestoneTitle }
        let highest = actions[index].milestones.compactMap { $0.id.hasPrefix("M") ? Int($0.id.dropFirst()) : nil }.max() ?? 0
        let id = "M\(highest + 1)"
        try editAction(id: actionID, context: context) { $0.milestones.append(Milestone(id: id, title: title, due: due)) }
        return id
    }

    /// Marks a milestone done (stamping who and when) or open again; no change when it already is.
    public mutating func setMilestoneDone(actionID: String, milestone key: String, done: Bool, context: EditContext) throws {
        guard let index = actionIndex(id: actionID) else { throw PlanEditError.unknownAction(actionID) }
        guard let m = actions[index].milestoneIndex(key) else { throw PlanEditError.unknownMilestone(actionID, key) }
        guard actions[index].milestones[m].isDone != done else { return }
        try editAction(id: actionID, context: context) {
            $0.milestones[m].doneOn = done ? context.now : nil
            $0.milestones[m].doneBy = done ? context.by : nil
        }
    }

    /// Changes a milestone's title or due date.
    public mutating func editMilestone(actionID: String, milestone key: String, title: String?, due: Day?, context: EditContext) throws {
        guard let index = actionIndex(id: actionID) else { throw PlanEditError.unknownAction(actionID) }
        guard let m = actions[index].milestoneIndex(key) else { throw PlanEditError.unknownMilestone(actionID, key) }
        if let title, title.isBlank { throw PlanEditError.emptyMilestoneTitle }
        try editAction(id: actionID, context: context) {
            if let title { $0.milestones[m].title = title.trimmingSpaces() }
            if let due { $0.milestones[m].due = due }
        }
    }

    /// Removes a milestone (the audit trail keeps what it was).
    public mutating func removeMilestone(actionID: String, milestone key: String, context: EditContext) throws {
        guard let index = actionIndex(id: actionID) else { throw PlanEditError.unknownAction(actionID) }
        guard let m = actions[index].milestoneIndex(key) else { throw PlanEditError.unknownMilestone(actionID, key) }
        try editAction(id: actionID, context: context) { $0.milestones.remove(at: m) }
    }
}

/// A milestone as one line of text for the audit trail and displays: "M1 Pilot in two schools, due 2026-03-31, done 2026-03-20 by Sam".
public func milestoneSummary(_ milestone: Milestone) -> String {
    "\(milestone.id) \(milestone.title), due \(milestone.due)"
        + (milestone.doneOn.map { ", done \($0.day)" + (milestone.doneBy.map { " by \($0)" } ?? "") } ?? "")
}
