/// Closing and reopening quarters: the board's quarterly review cycle.
extension Plan {
    /// Freezes a quarter: every action that existed by its end gets a review entry for it (an
    /// action with no update that quarter is recorded as "no update provided", not silently
    /// carried forward), and the quarter is marked closed with who, when and which board. Later
    /// edits go to the next quarter. A quarter closed late records what was true at its end (the
    /// status and owner on its last day by the audit trail), never a later status. The plan as it
    /// then stands is kept as the quarter's frozen state (`FrozenQuarter`).
    public mutating func closeQuarter(_ quarter: Quarter, board: String?, context: EditContext) throws {
        guard isInPeriod(quarter) else { throw PlanEditError.quarterOutsidePlan(quarter) }
        guard quarter <= self.quarter(containing: context.now.day) else { throw PlanEditError.quarterNotOver(quarter) }
        let existing = quarters.firstIndex { $0.quarter == quarter }
        if let existing, quarters[existing].state == .closed { throw PlanEditError.quarterAlreadyClosed(quarter) }
        let end = quarter.lastDay(fyStartMonth: financialYearStartMonth)
        for index in actions.indices where actions[index].review(for: quarter) == nil {
            let action = actions[index]
            guard let status = action.status(atEndOf: end) else { continue }  // added after the quarter ended
            let review = Review(quarter: quarter, status: status, commentary: "", by: context.by, on: context.now,
                                owner: action.owner(atEndOf: end), noUpdateProvided: status != .complete ? true : nil)
            let position = action.reviews.firstIndex { $0.quarter > quarter } ?? action.reviews.endIndex
            actions[index].reviews.insert(review, at: position)
        }
        var record = existing.map { quarters[$0] } ?? QuarterRecord(quarter: quarter, state: .closed)
        record.state = .closed
        record.closedOn = context.now
        record.closedBy = context.by
        record.board = board
        if let existing {
            quarters[existing] = record
        } else {
            quarters.append(record)
            quarters.sort { $0.quarter < $1.quarter }
        }
        freeze(quarter, context: context)
    }

    /// Opens a closed quarter again for corrections; the reopening is recorded with its reason.
    /// The quarter's frozen state goes: its papers follow the plan until it is closed again.
    public mutating func reopenQuarter(_ quarter: Quarter, reason: String, context: EditContext) throws {
        let reason = reason.trimmingSpaces()
        guard !reason.isEmpty else { throw PlanEditError.reasonRequired }
        guard let index = quarters.firstIndex(where: { $0.quarter == quarter && $0.state == .closed }) else {
            throw PlanEditError.quarterNotClosed(quarter)
        }
        quarters[index].state = .open
        quarters[index].reopenings = (quarters[index].reopenings ?? []) + [QuarterReopening(by: context.by, on: context.now, reason: reason)]
        frozenQuarters.removeAll { $0.quarter == quarter }
    }
}
