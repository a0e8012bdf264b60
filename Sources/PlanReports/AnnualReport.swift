import PlanModel

extension Report {
    /// What an annual progress report adds to the report on the last quarter of its year: what
    /// was completed in the year, what is carried forward, every due date moved in the year with
    /// its reason, and the year's executive summaries. The status at each quarter end is the
    /// report's `heatQuarters`/`heat` and `statusHistory`, which cover the year's quarters.
    public struct AnnualSection: Codable, Equatable, Sendable {
        /// "2025/26".
        public var year: String
        /// The quarters of the year reported (those that have started), and whether the whole
        /// year is over and closed (otherwise the report is "so far").
        public var quarters: [String]
        public var yearComplete: Bool
        /// Actions that became complete during the year: complete at its last reported quarter end,
        /// not at the end of the year before (an action added during the year already complete
        /// and due before the year counts as completed earlier).
        public var completed: [ActionRow]
        /// Actions not complete at the end of the year, carried into the next.
        public var carriedForward: [ActionRow]
        /// Due-date moves made during the year, oldest first.
        public var dueDateMoves: [DueChange]
        /// The executive summaries written for the year's quarters.
        public var summaries: [QuarterSummary]

        init(year: FinancialYear, quarters: [Quarter], plan: Plan, included: [Action], rows: [ActionRow], live: Quarter,
             dueChange: (DueDateChange, Action) -> DueChange) {
            let fy = plan.financialYearStartMonth
            let yearStart = year.quarters[0].firstDay(fyStartMonth: fy)
            let yearEnd = year.quarters[3].lastDay(fyStartMonth: fy)
            let priorYearEnd = year.quarters[0].previous
            self.year = year.description
            self.quarters = quarters.map(\.description)
            self.yearComplete = quarters.count == 4 && quarters.allSatisfy(plan.isClosed)
            let rowByID = Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            var completed: [ActionRow] = [], carried: [ActionRow] = []
            for action in included {
                guard let row = rowByID[action.id] else { continue }
                if row.isComplete {
                    // Complete before the year: at its start, or (for an action brought into the plan
                    // during the year already complete and due before the year) from its first entry.
                    let before = plan.status(of: action, in: priorYearEnd, live: live)
                    let first = quarters.lazy.compactMap { plan.status(of: action, in: $0, live: live) }.first
                    let dueEarlier = action.due.map { $0 < yearStart } ?? false
                    if before != .complete && !(before == nil && first == .complete && dueEarlier) { completed.append(row) }
                } else {
                    carried.append(row)
                }
            }
            self.completed = completed
            self.carriedForward = carried
            self.dueDateMoves = included.flatMap { action in
                action.dueDateChanges.filter { $0.on.day >= yearStart && $0.on.day <= yearEnd }.map { (move: $0, action: action) }
            }
            .sorted { ($0.move.on, $0.action.id) < ($1.move.on, $1.action.id) }
            .map { dueChange($0.move, $0.action) }
            self.summaries = quarters.compactMap { q in
                let text = plan.summary(for: q)
                return text.isEmpty ? nil : QuarterSummary(quarter: q.description, text: text)
            }
        }
    }
}
