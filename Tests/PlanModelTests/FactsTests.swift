import PlanModel
import Testing

@Suite struct FactsTests {
    let today = Day(iso: "2025-11-01")!  // in 2025/26 Q3

    @Test func overdueMeansPastDueAndNotComplete() {
        let plan = samplePlan()
        #expect(plan.actions[1].isOverdue(on: today))          // due 2025-09-30, red
        #expect(!plan.actions[2].isOverdue(on: today))         // complete
        #expect(!plan.actions[0].isOverdue(on: today))         // due later
        #expect(!plan.actions[3].isOverdue(on: today))         // no due date
        #expect(!plan.actions[1].isOverdue(on: Day(iso: "2025-09-30")!))  // due today is not overdue
    }

    @Test func staleMeansNoUpdateThisQuarter() {
        var plan = samplePlan()
        let q3 = Quarter("2025/26 Q3")!
        #expect(plan.actions[0].isStale(in: q3))
        #expect(!plan.actions[2].isStale(in: q3))              // complete actions owe nothing
        try! plan.recordUpdate(actionID: "WSA-01", status: nil, commentary: "Going well",
                               context: EditContext(by: "me", now: Timestamp(day: today)))
        #expect(!plan.actions[0].isStale(in: q3))
    }

    @Test func trendAgainstPreviousQuarter() {
        let plan = samplePlan()
        let q2 = Quarter("2025/26 Q2")!
        #expect(plan.actions[0].trend(in: q2) == .improved)   // amber in Q1, green now
        #expect(plan.actions[1].trend(in: q2) == .worsened)   // green in Q1, red now
        #expect(plan.actions[3].trend(in: q2) == .new)        // no Q1 review
        var same = plan.actions[0]
        same.status = .amber
        #expect(same.trend(in: q2) == .same)
    }

    @Test func summaryCounts() {
        let summary = samplePlan().summary(on: today)
        #expect(summary.quarter == Quarter("2025/26 Q3"))
        #expect(summary.total == 4)
        #expect(summary.byStatus == [.green: 1, .red: 1, .complete: 1, .amber: 1])
        #expect(summary.byGroup[.primary] == [.red: 1])
        #expect(summary.byOwner["council"] == [.green: 1, .red: 1])
        #expect(summary.byWorkstream["knife"] == [.red: 1, .amber: 1])
        #expect(summary.overdue == 1)
        #expect(summary.stale == 3)
        #expect(summary.ownersByReds.map(\.owner) == ["council"])
    }

    @Test func editingQuarterSkipsClosedQuarters() {
        let plan = samplePlan()
        #expect(plan.editingQuarter(on: Day(iso: "2025-05-01")!) == Quarter("2025/26 Q2"))
        #expect(plan.editingQuarter(on: Day(iso: "2025-08-01")!) == Quarter("2025/26 Q2"))
    }
}

@Suite struct ActionCriteriaTests {
    let today = Day(iso: "2025-11-01")!
    let quarter = Quarter("2025/26 Q3")!

    func ids(_ criteria: ActionCriteria) -> [String] {
        samplePlan().actions.filter { criteria.matches($0, today: today, quarter: quarter) }.map(\.id)
    }

    @Test func eachPartNarrowsAndAllMustMatch() {
        #expect(ActionCriteria().isEmpty)
        #expect(ids(ActionCriteria()) == ["WSA-01", "PRI-01", "SEC-01", "TER-01"])
        #expect(ids(ActionCriteria(group: .primary)) == ["PRI-01"])
        #expect(ids(ActionCriteria(owner: "council")) == ["WSA-01", "PRI-01"])
        #expect(ids(ActionCriteria(statuses: [.red, .amber])) == ["PRI-01", "TER-01"])
        #expect(ids(ActionCriteria(workstream: "knife")) == ["PRI-01", "TER-01"])
        #expect(ids(ActionCriteria(overdue: true)) == ["PRI-01"])
        #expect(ids(ActionCriteria(stale: true)) == ["WSA-01", "PRI-01", "TER-01"])
        #expect(ids(ActionCriteria(owner: "council", statuses: [.green])) == ["WSA-01"])
        #expect(ids(ActionCriteria(owner: "police", workstream: "da", overdue: true)).isEmpty)
    }
}
