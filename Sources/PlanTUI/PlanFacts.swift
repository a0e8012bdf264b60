import PlanModel

/// Facts about the whole plan that screens show: the overview's counts, what changed since last
/// quarter and who owes an update. Each reads every action (5–8 ms at 10,000 actions), so they
/// are worked out once per plan revision and day, after a frame is painted (as the search index
/// is), and the keys that show them only read them. A key that finds them out of date works
/// them out itself, so what is shown is never stale.
struct PlanFacts: Sendable {
    /// What the facts describe.
    struct Key: Equatable, Sendable {
        var revision: Int
        var today: Day
    }

    let key: Key
    let summary: PlanSummary
    /// The quarter what changed and the chase list are about (`Plan.reportingQuarter(on:)`).
    let reporting: Quarter
    /// What changed from the quarter before `reporting` to it.
    let changes: [ActionChange]
    /// Where the actions that owe an update for `reporting` are, by owner (none once it is closed).
    let owed: [(owner: Owner, actions: [Int])]

    init(_ plan: Plan, _ key: Key) {
        self.key = key
        summary = plan.summary(on: key.today)
        let reporting = plan.reportingQuarter(on: key.today)
        self.reporting = reporting
        changes = plan.changes(from: reporting.previous, to: reporting, live: summary.quarter)
        owed = plan.isClosed(reporting) ? [] : plan.owedUpdates(for: reporting)
    }
}

extension AppState {
    var factsKey: PlanFacts.Key { PlanFacts.Key(revision: session.revision, today: today) }

    /// The plan's facts now: those worked out after the last paint if still current, else
    /// worked out afresh.
    var facts: PlanFacts {
        if let cached = cachedFacts, cached.key == factsKey { return cached }
        return PlanFacts(plan, factsKey)
    }

    /// Brings the kept facts up to date if the plan or the day moved on: after painting, and
    /// before a screen that shows them is drawn.
    mutating func prepareFacts() {
        if cachedFacts?.key != factsKey { cachedFacts = PlanFacts(plan, factsKey) }
    }
}
