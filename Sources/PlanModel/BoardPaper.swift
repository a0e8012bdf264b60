/// What the officer writes for the board beyond the quarterly updates: an executive summary on
/// each quarter and, per action, the decision or help needed from the board. Both are recorded
/// on the audit trail like every other edit.
extension Plan {
    /// The executive summary written for `quarter`, or "" when there is none.
    public func summary(for quarter: Quarter) -> String {
        quarters.first { $0.quarter == quarter }?.summary ?? ""
    }

    /// Writes (or, with blank text, clears) the executive summary of `quarter`. The quarter must
    /// be one of the plan period's that has started (the quarter being edited or an earlier one)
    /// and not closed: a closed quarter's paper is history (reopen it to correct the summary).
    /// The change goes on the plan's audit trail as `summary 2026/27 Q3`.
    public mutating func setSummary(_ text: String, for quarter: Quarter, context: EditContext) throws(PlanEditError) {
        guard isInPeriod(quarter) else { throw PlanEditError.quarterOutsidePlan(quarter) }
        guard quarter <= editingQuarter(on: context.now.day) else { throw PlanEditError.quarterNotStarted(quarter) }
        guard !isClosed(quarter) else { throw PlanEditError.quarterClosedForSummary(quarter) }
        let trimmed = text.trimmingSpaces()
        let old = summary(for: quarter)
        guard trimmed != old else { return }
        if let index = quarters.firstIndex(where: { $0.quarter == quarter }) {
            quarters[index].summary = trimmed.isEmpty ? nil : trimmed
        } else {
            var record = QuarterRecord(quarter: quarter, state: .open)
            record.summary = trimmed
            quarters.append(record)
            quarters.sort { $0.quarter < $1.quarter }
        }
        changeLog = (changeLog ?? []) + [FieldChange(field: "summary \(quarter)", from: old, to: trimmed, by: context.by, on: context.now)]
    }

    /// Sets (or, with blank text, clears) the decision or help an action needs from the board.
    public mutating func setDecisionNeeded(actionID: String, _ text: String, context: EditContext) throws {
        let trimmed = text.trimmingSpaces()
        try editAction(id: actionID, context: context) { $0.decisionNeeded = trimmed.isEmpty ? nil : trimmed }
    }
}
