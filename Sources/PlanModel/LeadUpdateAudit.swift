extension Plan {
    /// Puts on the audit trail the lead's status and words recorded in `quarter`'s review that
    /// the action's own fields do not show changing (the board's view for the quarter stands, or
    /// a later quarter has a review), as "lead's status 2026/27 Q3" and "commentary 2026/27 Q3":
    /// every update recorded is in `dplan log`, even when the action's status stays the board's.
    /// (A quarter's first update that says what the action already says adds nothing to log.)
    func auditLeadUpdate(_ action: inout Action, old: Action, quarter: Quarter, _ context: EditContext) {
        guard let review = action.review(for: quarter) else { return }
        let before = old.review(for: quarter).flatMap { $0.noUpdateProvided == true ? nil : $0 }
        var log: [FieldChange] = []
        let statusShown = old.status != action.status && action.status == review.status
        if review.status != before?.status, !statusShown, before != nil || review.status != action.status {
            log.append(FieldChange(field: "lead's status \(quarter)", from: before?.status.rawValue ?? "", to: review.status.rawValue,
                                   by: context.by, on: context.now))
        }
        let wordsShown = old.commentary != action.commentary && action.commentary == review.commentary
        if review.commentary != before?.commentary ?? "", !wordsShown, before != nil || review.commentary != action.commentary {
            log.append(FieldChange(field: "commentary \(quarter)", from: before?.commentary ?? "", to: review.commentary,
                                   by: context.by, on: context.now))
        }
        guard !log.isEmpty else { return }
        action.changeLog = (action.changeLog ?? []) + log
    }
}
