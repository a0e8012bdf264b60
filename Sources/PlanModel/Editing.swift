/// Who is making a change and when: every edit records both.
public struct EditContext: Sendable, Equatable {
    public var by: String
    public var now: Timestamp

    public init(by: String, now: Timestamp) {
        self.by = by
        self.now = now
    }
}

/// Why an edit was refused.
public enum PlanEditError: Error, Equatable, CustomStringConvertible {
    case unknownAction(String)
    case unknownOwner(String)
    case duplicateActionID(String)
    /// An id once held by an action since deleted: ids are never given to another action.
    case removedActionID(RemovedAction, next: String)
    case emptyTitle
    case reasonRequired
    /// The board's view of an action needs its reason.
    case boardReasonRequired
    case commentaryRequired(from: Status, to: Status)
    /// A red status kept for another quarter needs words on what is being done ("watermelon" rule).
    case stillRedNeedsCommentary(Quarter)
    case dueBeforeStart(due: Day, start: Day)
    case quarterOutsidePlan(Quarter)
    case quarterNotOver(Quarter)
    case quarterAlreadyClosed(Quarter)
    case quarterNotClosed(Quarter)
    /// A quarter after the one being edited.
    case quarterNotStarted(Quarter)
    /// The executive summary of a closed quarter cannot change.
    case quarterClosedForSummary(Quarter)
    /// Every quarter from this one to the end of the plan period is closed.
    case noOpenQuarter(from: Quarter, periodEnd: Day)
    /// The clock puts an update in a quarter before the action's latest review: it went back.
    case clockBehindLatestReview(today: Day, quarter: Quarter, latest: Quarter)
    case periodEndBeforeStart(end: Day, start: Day)
    case periodOutOfRange(String)
    /// A new plan period would leave out a quarter that has history.
    case periodWouldDropHistory(Quarter)
    case emptyField(String)
    case monthOutOfRange(Int)
    case populationOutOfRange(Int)
    /// The financial-year start month cannot change once a quarter has history.
    case financialYearHasHistory(Quarter)
    case groupNameTaken(String, String)
    case groupPositionOutOfRange(Int)
    case unknownWorkstream(String)
    case duplicateWorkstream(String)
    /// A workstream still used by these actions.
    case workstreamInUse(String, [String])
    case duplicateOwner(String)
    /// An owner id that cannot be a file name (`Owner.idProblem`).
    case invalidOwnerID(String, String)
    case mergeOwnerWithItself(String)
    case emptyMilestoneTitle
    case unknownMilestone(String, String)
    case invalidFunding(field: String, message: String)
    case unknownFundingLine(String)

    public var description: String {
        switch self {
        case .unknownAction(let id): "no action with id \"\(id)\""
        case .unknownOwner(let id): "no owner with id or name \"\(id)\""
        case .duplicateActionID(let id): "an action with id \"\(id)\" already exists"
        case .removedActionID(let removed, let next):
            "\(removed.id) was the id of \"\(removed.title)\", deleted on \(removed.on.day) by \(removed.by); an id is never given to "
                + "another action, so \"what changed\", the log and merges keep the two apart (leave the id out to get the next free one, \(next))"
        case .emptyTitle: "the title must not be empty"
        case .reasonRequired: "a due-date change needs a reason"
        case .boardReasonRequired: "the board's view needs its reason"
        case .commentaryRequired(let from, let to):
            "the status gets worse (\(from.label) to \(to.label)): a commentary explaining why is required"
        case .stillRedNeedsCommentary(let q):
            "the status stays red for \(q): a commentary saying what is being done is required"
        case .dueBeforeStart(let due, let start): "due date \(due) is before the start date \(start)"
        case .quarterOutsidePlan(let q): "\(q) is outside the plan period"
        case .quarterNotOver(let q): "\(q) has not started yet; only the current or an earlier quarter can be closed"
        case .quarterAlreadyClosed(let q): "\(q) is already closed (reopen it first)"
        case .quarterNotClosed(let q): "\(q) is not closed"
        case .quarterNotStarted(let q): "\(q) has not started yet"
        case .quarterClosedForSummary(let q):
            "\(q) is closed, so its board paper is history; reopen it (`dplan review reopen`) to change the summary"
        case .noOpenQuarter(let q, let end):
            "\(q) and every later quarter of the plan period (which ends \(end)) are closed, so there is no quarter to record this in; "
                + "extend the period with `dplan plan set PLAN --end YYYY-MM-DD`, or reopen a quarter with `dplan review reopen`"
        case .clockBehindLatestReview(let today, let quarter, let latest):
            "the clock says today is \(today) (\(quarter)), but this action's latest review is for \(latest); "
                + "has the computer's date gone back? Check it; nothing was recorded"
        case .periodEndBeforeStart(let end, let start): "the period end \(end) is before its start \(start)"
        case .periodOutOfRange(let problem): "the plan period: \(problem)"
        case .periodWouldDropHistory(let q):
            "\(q) has reviews or a closed-quarter record and would fall outside the new period; choose dates that keep it"
        case .emptyField(let field): "the \(field) must not be empty"
        case .monthOutOfRange(let month): "the financial year must start in a month from 1 to 12, not \(month)"
        case .populationOutOfRange(let n): "\(n) is not a population; give a whole number of 1 or more (or none)"
        case .financialYearHasHistory(let q):
            "quarters are already recorded (\(q) first) under the current financial year; changing its start month would change what they mean"
        case .groupNameTaken(let name, let other): "\"\(name)\" already names the group \(other); choose another name"
        case .groupPositionOutOfRange(let n): "position \(n) is out of range; groups are shown at positions 1 to \(PreventionGroup.allCases.count)"
        case .unknownWorkstream(let key): "no workstream with id or name \"\(key)\""
        case .duplicateWorkstream(let key): "a workstream \"\(key)\" already exists"
        case .workstreamInUse(let id, let users):
            "workstream \(id) is used by \(users.joined(separator: ", ")); take it off them first, or remove it from them too (--from-actions)"
        case .duplicateOwner(let key): "an owner \"\(key)\" already exists"
        case .invalidOwnerID(let id, let problem): "owner id \"\(id)\" \(problem)"
        case .mergeOwnerWithItself(let id): "cannot merge owner \(id) into itself"
        case .emptyMilestoneTitle: "a milestone needs a title"
        case .unknownMilestone(let action, let key): "action \(action) has no milestone \"\(key)\""
        case .invalidFunding(let field, let message): "funding line \(field): \(message)"
        case .unknownFundingLine(let id): "no funding line \"\(id)\""
        }
    }
}

extension Plan {
    /// Records a status and/or commentary update on an action for the quarter being edited
    /// (`quarterForUpdates`: refused when every quarter left in the plan period is closed), or
    /// `quarter` (an imported return's quarter, which must lie in the plan period and not be
    /// closed): writes (or revises) the action's review entry for that quarter and sets its current
    /// values, unless a later quarter already has a review. An update dated by the clock that
    /// would land before the action's latest review is refused: the clock has gone back, and the
    /// update would quietly rewrite an earlier quarter. The commentary rules
    /// (`commentaryRule`) are checked first. While the action's commentary is marked restricted,
    /// new commentary is restricted too, in the review as on the action. `author` is who gave the
    /// update when it is not who enters it (a return: the agency), recorded as the review's `by`
    /// with `context.by` as `enteredBy`.
    public mutating func recordUpdate(
        actionID: String, status newStatus: Status?, commentary newCommentary: String?, quarter chosen: Quarter? = nil,
        author: String? = nil, context: EditContext
    ) throws {
        guard let index = actionIndex(id: actionID) else { throw PlanEditError.unknownAction(actionID) }
        let quarter = try chosen ?? quarterForUpdates(on: context.now.day)
        if chosen == nil, let latest = actions[index].reviews.map(\.quarter).max(), latest > quarter {
            throw PlanEditError.clockBehindLatestReview(today: context.now.day, quarter: quarter, latest: latest)
        }
        if chosen != nil {
            guard periodQuarters.contains(quarter) else { throw PlanEditError.quarterOutsidePlan(quarter) }
            guard !quarters.contains(where: { $0.quarter == quarter && $0.state == .closed }) else {
                throw PlanEditError.quarterAlreadyClosed(quarter)
            }
        }
        let old = actions[index].status
        let status = newStatus ?? old
        let commentary = newCommentary.map { $0.trimmingSpaces() }
        if commentary?.isEmpty ?? true, let rule = commentaryRule(for: actions[index], status: status, in: quarter) {
            throw rule
        }
        var action = actions[index]
        if !action.reviews.contains(where: { $0.quarter > quarter }) {
            // A board's view recorded for this quarter stands: the lead's update does not undo it.
            action.status = action.review(for: quarter)?.board?.status ?? status
            if let commentary { action.commentary = commentary }
        }
        if let r = action.reviews.lastIndex(where: { $0.quarter == quarter }) {
            action.reviews[r].status = status
            if let commentary { action.reviews[r].commentary = commentary }
            action.reviews[r].by = author ?? context.by
            action.reviews[r].enteredBy = author == nil || author == context.by ? nil : context.by
            action.reviews[r].on = context.now
            action.reviews[r].owner = action.owner
            action.reviews[r].noUpdateProvided = nil
            if action.commentaryRestricted == true { action.reviews[r].restricted = true }
        } else {
            var review = Review(quarter: quarter, status: status, commentary: commentary ?? "",
                                by: author ?? context.by, on: context.now, owner: action.owner, restricted: action.commentaryRestricted)
            review.enteredBy = author == nil || author == context.by ? nil : context.by
            let position = action.reviews.firstIndex { $0.quarter > quarter } ?? action.reviews.endIndex
            action.reviews.insert(review, at: position)
        }
        stamp(&action, from: actions[index], context)
        auditLeadUpdate(&action, old: actions[index], quarter: quarter, context)
        actions[index] = action
    }

    /// Why recording `status` on `action` for `quarter` needs a new commentary, or nil when it
    /// does not. Two rules, the same in the command line, the list, the detail screen and meeting
    /// mode: a status that gets worse needs a reason, and a red status kept needs words on what
    /// is being done (unless that quarter's review already has them), so a board never sees a
    /// "watermelon" (green outside, red inside) or a silent red.
    public func commentaryRule(for action: Action, status: Status, in quarter: Quarter) -> PlanEditError? {
        if status.rank < action.status.rank { return .commentaryRequired(from: action.status, to: status) }
        if status == .red, action.status == .red, action.review(for: quarter)?.commentary.isBlank ?? true {
            return .stillRedNeedsCommentary(quarter)
        }
        return nil
    }

    /// Marks an action's latest commentary as restricted (not for publication), or clears the
    /// mark. The mark goes with the text: every review entry holding the same words gets it too,
    /// closed quarters included (it is a publication marking, not history), so public outputs
    /// withhold the text wherever it is stored.
    public mutating func setCommentaryRestricted(actionID: String, _ restricted: Bool, context: EditContext) throws {
        guard let index = actionIndex(id: actionID) else { throw PlanEditError.unknownAction(actionID) }
        var action = actions[index]
        action.commentaryRestricted = restricted ? true : nil
        let text = action.commentary.trimmingSpaces()
        for r in action.reviews.indices where !text.isEmpty && action.reviews[r].commentary.trimmingSpaces() == text {
            action.reviews[r].restricted = restricted ? true : nil
        }
        guard action != actions[index] else { return }
        stamp(&action, from: actions[index], context)
        actions[index] = action
    }

    /// Moves an action's due date, recording the move with its reason. Giving an action its first
    /// due date is not a move: it needs no reason and is not listed as a change of due date (the
    /// audit trail still records it).
    public mutating func moveDue(actionID: String, to due: Day, reason: String, context: EditContext) throws {
        guard let index = actionIndex(id: actionID) else { throw PlanEditError.unknownAction(actionID) }
        let reason = reason.trimmingSpaces()
        var action = actions[index]
        if action.due != nil, reason.isEmpty { throw PlanEditError.reasonRequired }
        if let start = action.start, due < start { throw PlanEditError.dueBeforeStart(due: due, start: start) }
        guard action.due != due else { return }
        if action.due != nil {
            action.dueDateChanges.append(DueDateChange(from: action.due, to: due, reason: reason, by: context.by, on: context.now))
        }
        action.due = due
        stamp(&action, from: actions[index], context)
        actions[index] = action
    }

    /// Applies a field edit (title, owner, partners, …) to an action and stamps who and when.
    /// Status, commentary and due date have their own recorded operations.
    public mutating func editAction(id: String, context: EditContext, _ change: (inout Action) -> Void) throws {
        guard let index = actionIndex(id: id) else { throw PlanEditError.unknownAction(id) }
        var action = actions[index]
        change(&action)
        guard !action.title.isBlank else { throw PlanEditError.emptyTitle }
        guard action != actions[index] else { return }
        stamp(&action, from: actions[index], context)
        actions[index] = action
    }

    /// Adds an action after the last action of its group, stamping created/updated.
    public mutating func addAction(_ newAction: Action, context: EditContext) throws {
        var action = newAction
        guard actionIndex(id: action.id) == nil else { throw PlanEditError.duplicateActionID(action.id) }
        if let removed = removedActions.last(where: { $0.id == action.id }) {
            throw PlanEditError.removedActionID(removed, next: nextActionID(like: action.id))
        }
        guard !action.title.isBlank else { throw PlanEditError.emptyTitle }
        guard owner(id: action.owner) != nil else { throw PlanEditError.unknownOwner(action.owner) }
        if let start = action.start, let due = action.due, due < start {
            throw PlanEditError.dueBeforeStart(due: due, start: start)
        }
        action.created = context.now
        stamp(&action, from: nil, context)
        insertInGroupOrder(action)
    }

    /// Puts an action after the last action of its prevention group (or of the groups before it
    /// in this plan's order).
    public mutating func insertInGroupOrder(_ action: Action) {
        let rank = Dictionary(uniqueKeysWithValues: orderedGroups.enumerated().map { ($1, $0) })
        let order = action.preventionGroup.flatMap { rank[$0] } ?? Int.max
        let index = actions.lastIndex { ($0.preventionGroup.flatMap { rank[$0] } ?? Int.max) <= order }
            .map { $0 + 1 } ?? actions.startIndex
        actions.insert(action, at: index)
    }

    /// Removes an action, keeping a record of it for "what changed".
    public mutating func deleteAction(id: String, context: EditContext) throws {
        guard let index = actionIndex(id: id) else { throw PlanEditError.unknownAction(id) }
        removedActions.append(RemovedAction(of: actions[index], by: context.by, on: context.now))
        actions.remove(at: index)
    }

    /// Finds an owner by id or by name, ignoring case.
    public func findOwner(_ text: String) -> Owner? {
        let key = text.trimmingSpaces().lowercased()
        return owners.first { $0.id.lowercased() == key } ?? owners.first { $0.name.lowercased() == key }
    }

    /// Stamps who and when, and appends every changed field to the action's audit trail.
    func stamp(_ action: inout Action, from old: Action?, _ context: EditContext) {
        var log = action.changeLog ?? []
        if let old {
            for (field, before, after) in Self.auditedFields(old, action) where before != after {
                log.append(FieldChange(field: field, from: before, to: after, by: context.by, on: context.now))
            }
        } else {
            log.append(FieldChange(field: "created", from: "", to: action.title, by: context.by, on: context.now))
        }
        action.changeLog = log.isEmpty ? nil : log
        action.updated = context.now
        action.updatedBy = context.by
    }

    /// The fields the audit trail follows, as text before and after.
    private static func auditedFields(_ old: Action, _ new: Action) -> [(String, String, String)] {
        [("title", old.title, new.title), ("description", old.description, new.description),
         ("group", old.group, new.group), ("owner", old.owner, new.owner),
         ("partners", old.partners.joined(separator: ", "), new.partners.joined(separator: ", ")),
         ("workstreams", old.workstreams.joined(separator: ", "), new.workstreams.joined(separator: ", ")),
         ("start", old.start?.description ?? "", new.start?.description ?? ""),
         ("due", old.due?.description ?? "", new.due?.description ?? ""),
         ("status", old.status.rawValue, new.status.rawValue), ("commentary", old.commentary, new.commentary),
         ("commentaryRestricted", old.commentaryRestricted == true ? "yes" : "no", new.commentaryRestricted == true ? "yes" : "no"),
         ("outcomeMeasure", old.outcomeMeasure, new.outcomeMeasure),
         ("decisionNeeded", old.decisionNeeded ?? "", new.decisionNeeded ?? ""),
         ("funding", old.funding.map { "\($0.source) \($0.amount.map { "\($0)" } ?? "")" } ?? "",
          new.funding.map { "\($0.source) \($0.amount.map { "\($0)" } ?? "")" } ?? ""),
         ("fundingLines", old.fundingLines.map(\.summary).joined(separator: "; "), new.fundingLines.map(\.summary).joined(separator: "; ")),
         ("milestones", old.milestones.map(milestoneSummary).joined(separator: "; "), new.milestones.map(milestoneSummary).joined(separator: "; "))]
    }
}
