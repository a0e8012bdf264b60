/// Deciding a merge conflict about one action's review for one quarter: two different statements
/// of the lead's (status, words, author and time: one unit), or an update made on one side while
/// the other side closed the quarter. Whichever side is chosen, what follows from it follows here,
/// for `dplan resolve`, the front end's conflict screen and a save that merges.
extension Plan {
    /// After the review of `quarter` on action `id` was decided: the action's current status and
    /// words follow it when it is the action's latest review; a closed quarter whose frozen copy
    /// holds another review is reopened (the decision kept an update made while it was being
    /// closed, so its papers are live again until the board closes it again); and the action's
    /// audit trail ends with the status, commentary and restricted mark the action holds,
    /// entered by `context`. Words the review holds restricted are restricted on the action.
    public mutating func settleDecidedReview(actionID id: String, quarter: Quarter, context: EditContext) {
        guard let index = actionIndex(id: id), let review = actions[index].review(for: quarter) else { return }
        let before = actions[index]
        var action = before
        if !action.reviews.contains(where: { $0.quarter > quarter }) {
            action.status = review.board?.status ?? review.status
            if !review.commentary.isBlank { action.commentary = review.commentary }
            // Restricted words stay restricted on the action too.
            if review.restricted == true, action.commentary == review.commentary { action.commentaryRestricted = true }
        }
        var log = action.changeLog ?? []
        func mark(_ action: Action) -> String { action.commentaryRestricted == true ? "yes" : "no" }
        let fields = [("status", before.status.rawValue, action.status.rawValue), ("commentary", before.commentary, action.commentary),
                      ("commentaryRestricted", mark(before), mark(action))]
        for (field, old, new) in fields {
            let logged = log.last { $0.field == field }?.to ?? old
            if logged != new { log.append(FieldChange(field: field, from: logged, to: new, by: context.by, on: context.now)) }
        }
        action.changeLog = log.isEmpty ? nil : log
        actions[index] = action
        if let frozen = frozen(quarter), frozen.plan.actions.first(where: { $0.id == id })?.review(for: quarter) != review {
            try? reopenQuarter(quarter, reason: "a merge decision kept \(review.by)'s update of \(id), "
                               + "made while the quarter was being closed elsewhere", context: context)
        }
    }
}

extension MergeConflict {
    /// The action and quarter when the conflict is about a whole review
    /// (`actions[id=SEC-06].reviews[quarter=2026/27 Q3]`), else nil.
    public var wholeReview: (actionID: String, quarter: Quarter)? {
        let prefix = "reviews[quarter="
        guard let id = actionID, field.hasPrefix(prefix), field.hasSuffix("]"),
              let quarter = Quarter(String(field.dropFirst(prefix.count).dropLast())) else { return nil }
        return (id, quarter)
    }
}
