/// What can be known of a plan as it stood at a moment (`Plan.asAt(_:)`).
public enum PlanAsAt: Equatable, Sendable {
    /// The plan exactly as it stood then.
    case known(Plan)
    /// The moment is before the first change the plan records.
    case beforePlan(first: Timestamp)
    /// The plan changed after the nearest state dplan keeps and before the moment, and the audit
    /// trail does not keep every field's earlier value: the words say what can be known instead.
    case unknown(String)
}

extension Plan {
    /// The plan exactly as it stood at `time`, from the states dplan keeps: the plan as it is
    /// (when nothing has changed since `time`) and the plan as it stood at each quarter's close
    /// (when nothing changed between that close and `time`). Anything else would be a guess, so
    /// it says which moments can be shown instead. A frozen state comes with the frozen quarters
    /// closed by then, so a closed quarter's paper is still its frozen one.
    public func asAt(_ time: Timestamp) -> PlanAsAt {
        let times = recordedTimes + frozenQuarters.flatMap(\.plan.recordedTimes)
        if let first = times.min(), time < first { return .beforePlan(first: first) }
        func changed(after start: Timestamp) -> Bool { times.contains { $0 > start && $0 <= time } }
        if !times.contains(where: { $0 > time }) { return .known(self) }
        if let frozen = frozenQuarters.filter({ $0.closedOn <= time }).max(by: { $0.closedOn < $1.closedOn }), !changed(after: frozen.closedOn) {
            var plan = frozen.plan
            plan.frozenQuarters = frozenQuarters.filter { $0.closedOn <= frozen.closedOn }
            return .known(plan)
        }
        return .unknown("the plan changed between the nearest state dplan keeps and the end of that day, and its audit trail does not "
                        + "keep every field's earlier value, so it cannot be shown exactly; it can be shown for "
                        + knownDays(times: times).joined(separator: ", "))
    }

    /// The days whose end `asAt(_:)` knows the plan at, in words: from each frozen quarter's
    /// close to the day before the next change, and from the last change on.
    private func knownDays(times: [Timestamp]) -> [String] {
        var days = frozenQuarters.sorted { $0.closedOn < $1.closedOn }.compactMap { frozen -> String? in
            let first = frozen.closedOn.day
            guard let next = times.filter({ $0 > frozen.closedOn }).min() else { return nil }
            let last = next.day.adding(days: -1)
            guard first <= last else { return nil }
            return (first == last ? "\(first)" : "\(first) to \(last)") + " (after \(frozen.quarter) closed)"
        }
        if let last = times.max() { days.append("\(last.day) and later (the plan as it is)") }
        return days
    }

    /// Every time the plan records a change at: audit trails, stamps, reviews, due-date moves,
    /// milestones done, indicator values, closes, reopenings and deletions.
    public var recordedTimes: [Timestamp] {
        var times = (changeLog ?? []).map(\.on) + removedActions.map(\.on)
        for record in quarters {
            times += [record.closedOn].compactMap { $0 } + (record.reopenings ?? []).map(\.on)
        }
        for action in actions {
            times += [action.created, action.updated].compactMap { $0 } + (action.changeLog ?? []).map(\.on)
            times += action.dueDateChanges.map(\.on) + action.milestones.compactMap(\.doneOn)
            times += action.reviews.flatMap { [$0.on] + [$0.board?.on].compactMap { $0 } }
        }
        for indicator in indicators {
            times += [indicator.created, indicator.updated].compactMap { $0 } + (indicator.changeLog ?? []).map(\.on) + indicator.values.map(\.on)
        }
        return times
    }
}
