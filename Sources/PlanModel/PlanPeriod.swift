/// Which quarter an update belongs to, and changing the plan period. One rule for the command
/// line, CSV import and the front end, so no edit ever writes a review outside the plan period.
extension Plan {
    /// The first and last quarters of the plan period.
    public var firstQuarter: Quarter { quarter(containing: period.start) }
    public var lastQuarter: Quarter { quarter(containing: period.end) }

    /// Whether `quarter` is one of the plan period's quarters.
    public func isInPeriod(_ quarter: Quarter) -> Bool {
        period.start <= period.end && firstQuarter <= quarter && quarter <= lastQuarter
    }

    /// Whether the board has closed `quarter`.
    public func isClosed(_ quarter: Quarter) -> Bool {
        quarters.contains { $0.quarter == quarter && $0.state == .closed }
    }

    /// The quarter that edits made on `day` belong to: the quarter containing it, kept within the
    /// plan period (a day before the period starts edits its first quarter, a day after it ends
    /// its last quarter), then the first quarter from there that the board has not closed.
    /// When every quarter from there to the end of the period is closed this is the quarter after
    /// the period, where no update can go: `quarterForUpdates(on:)` refuses it.
    public func editingQuarter(on day: Day) -> Quarter {
        var quarter = min(max(self.quarter(containing: day), firstQuarter), lastQuarter)
        while isClosed(quarter) { quarter = quarter.next }
        return quarter
    }

    /// The quarter an update made on `day` is recorded in, or why it cannot be recorded: every
    /// quarter from `day`'s to the end of the plan period is closed.
    public func quarterForUpdates(on day: Day) throws(PlanEditError) -> Quarter {
        let quarter = editingQuarter(on: day)
        guard isInPeriod(quarter) else {
            throw PlanEditError.noOpenQuarter(from: min(max(self.quarter(containing: day), firstQuarter), lastQuarter), periodEnd: period.end)
        }
        return quarter
    }

    /// The latest quarter that has started on `day`: the quarter containing it, kept within the
    /// plan period (its first quarter before the period starts, its last after it ends).
    public func currentQuarter(on day: Day) -> Quarter {
        min(max(quarter(containing: day), firstQuarter), lastQuarter)
    }

    /// The quarter reports, what changed, the chase list and exports are about by default on
    /// `day`. It follows a quarter's life as partnerships run it: the quarter runs; after it ends
    /// returns are collected, papers issued and the board meets; then the quarter is closed. So it
    /// is the latest quarter that has ended and is not closed yet, else the current quarter —
    /// closed early or not, never one that has not started. (A quarter left open behind a later
    /// closed one is not chosen: closing a quarter settles the defaults up to it.) Updates go to
    /// `editingQuarter(on:)`, which is the next quarter once this one is closed.
    public func reportingQuarter(on day: Day) -> Quarter {
        let current = currentQuarter(on: day)
        let ended = day > current.lastDay(fyStartMonth: financialYearStartMonth) ? current : current.previous
        let closedLater = quarters.contains { $0.state == .closed && $0.quarter > ended }
        return isInPeriod(ended) && !isClosed(ended) && !closedLater ? ended : current
    }

    /// What to say when the quarter reported on `day` is closed, or nil when it is open:
    /// "2026/27 Q3 is closed; updates for 2026/27 Q4 start on 1 Jan 2027" (the board closed the
    /// current quarter early), or that it was the plan period's last quarter.
    public func closedQuarterNotice(on day: Day) -> String? {
        let quarter = reportingQuarter(on: day)
        guard isClosed(quarter) else { return nil }
        let next = quarter.next
        guard isInPeriod(next) else { return "\(quarter), the last quarter of the plan period (to \(period.end)), is closed" }
        return "\(quarter) is closed; updates for \(next) start on \(next.firstDay(fyStartMonth: financialYearStartMonth).longLabel)"
    }

    /// A word when a due date falls after the plan period ends ("after the plan ends on
    /// 2027-03-31"), or nil: such a date is allowed (work can outlast a plan) but never silent.
    public func dueNote(_ due: Day) -> String? {
        due > period.end ? "after the plan ends on \(period.end)" : nil
    }

    /// Whether `quarter` is still running on `day`: not ended and not closed. Only such a
    /// quarter's figures are "so far" and its paper a draft; an ended quarter's paper is the
    /// board's.
    public func isRunning(_ quarter: Quarter, on day: Day) -> Bool {
        !isClosed(quarter) && day <= quarter.lastDay(fyStartMonth: financialYearStartMonth)
    }

    /// Why a report or "what changed" cannot be made on `quarter` on `day`, or nil when it can:
    /// it must be a quarter of the plan period that has started (the current quarter or an
    /// earlier one), or the figures would be today's under another quarter's name.
    public func reportProblem(with quarter: Quarter, on day: Day) -> String? {
        if !isInPeriod(quarter) {
            return "\(quarter) is outside the plan period (\(period.start) to \(period.end), quarters \(firstQuarter) to \(lastQuarter))"
        }
        let current = currentQuarter(on: day)
        if quarter > current { return "\(quarter) has not started yet (the current quarter is \(current))" }
        return nil
    }

    /// The quarters a report can be made of on a day whose current quarter
    /// (`currentQuarter(on:)`) is `current`, newest first: `current` back to the period's first
    /// quarter; exactly the quarters `reportProblem(with:on:)` accepts.
    public func reportableQuarters(upTo current: Quarter) -> [Quarter] {
        var quarters: [Quarter] = []
        var quarter = min(current, lastQuarter)
        while quarter >= firstQuarter, quarters.count < 400 {
            quarters.append(quarter)
            quarter = quarter.previous
        }
        return quarters
    }

    /// Changes the plan period, recording the change in the plan's audit trail. Refused when the
    /// end is before the start, or when the new period would leave out a quarter that has
    /// reviews or a closed-quarter record (history is never dropped by moving a date).
    public mutating func setPeriod(start newStart: Day?, end newEnd: Day?, context: EditContext) throws(PlanEditError) {
        var changed = self
        changed.period = Period(start: newStart ?? period.start, end: newEnd ?? period.end)
        for day in [changed.period.start, changed.period.end] {
            if let problem = Period.problem(with: day) { throw PlanEditError.periodOutOfRange(problem) }
        }
        guard changed.period.start <= changed.period.end else {
            throw PlanEditError.periodEndBeforeStart(end: changed.period.end, start: changed.period.start)
        }
        let used = Set(actions.flatMap { $0.reviews.map(\.quarter) } + quarters.map(\.quarter))
        if let outside = used.sorted().first(where: { !changed.isInPeriod($0) }) {
            throw PlanEditError.periodWouldDropHistory(outside)
        }
        var log = changeLog ?? []
        if changed.period.start != period.start {
            log.append(FieldChange(field: "period.start", from: period.start.description, to: changed.period.start.description,
                                   by: context.by, on: context.now))
        }
        if changed.period.end != period.end {
            log.append(FieldChange(field: "period.end", from: period.end.description, to: changed.period.end.description,
                                   by: context.by, on: context.now))
        }
        changed.changeLog = log.isEmpty ? nil : log
        self = changed
    }
}

extension Plan {
    /// The financial years an annual report can be made of on `day`, newest first: those that
    /// overlap the plan period and have started.
    public func reportableYears(on day: Day) -> [FinancialYear] {
        guard period.start <= period.end else { return [] }
        return stride(from: lastQuarter.year, through: firstQuarter.year, by: -1).prefix(100)
            .map(FinancialYear.init(startYear:))
            .filter { annualReportProblem(with: $0, on: day) == nil }
    }
}
