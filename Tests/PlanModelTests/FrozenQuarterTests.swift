import PlanModel
import Testing

private func at(_ text: String) -> EditContext { EditContext(by: "Officer", now: Timestamp(iso: text)!) }
private let q2 = Quarter("2025/26 Q2")!, q3 = Quarter("2025/26 Q3")!

/// Issue 27, "reproducible papers": closing a quarter keeps the plan as it stood, and the plan
/// as at a time is known exactly where dplan kept it, and refused where it would be a guess.
@Suite struct FrozenQuarterTests {
    @Test func closingFreezesThePlanAsItStoodAndLaterEditsLeaveItAlone() throws {
        var plan = samplePlan()
        try plan.closeQuarter(q2, board: "CSP", context: at("2025-10-15T16:00:00Z"))
        let frozen = try #require(plan.frozen(q2))
        #expect(frozen.closedOn == Timestamp(iso: "2025-10-15T16:00:00Z") && frozen.closedBy == "Officer")
        var expected = plan
        expected.frozenQuarters = []
        #expect(frozen.plan == expected)
        try plan.moveDue(actionID: "PRI-01", to: Day(iso: "2026-06-30")!, reason: "slipped", context: at("2025-10-20T09:00:00Z"))
        try plan.editAction(id: "WSA-01", context: at("2025-10-21T09:00:00Z")) { $0.title = "Renamed" }
        #expect(plan.frozen(q2) == frozen)
        #expect(plan.validate().isEmpty)
    }

    @Test func reopeningDropsTheFrozenStateAndClosingAgainReplacesIt() throws {
        var plan = samplePlan()
        try plan.closeQuarter(q2, board: nil, context: at("2025-10-15T16:00:00Z"))
        try plan.reopenQuarter(q2, reason: "correction", context: at("2025-10-16T09:00:00Z"))
        #expect(plan.frozen(q2) == nil && plan.frozenQuarters.isEmpty)
        try plan.editAction(id: "WSA-01", context: at("2025-10-16T10:00:00Z")) { $0.title = "Corrected" }
        try plan.closeQuarter(q2, board: nil, context: at("2025-10-17T16:00:00Z"))
        let frozen = try #require(plan.frozen(q2))
        #expect(frozen.closedOn == Timestamp(iso: "2025-10-17T16:00:00Z"))
        #expect(frozen.plan.actions[0].title == "Corrected")
        #expect(plan.frozenQuarters.count == 1 && plan.validate().isEmpty)
    }

    @Test func aYearsAnnualReportIsFrozenWhenItsLastQuarterIs() throws {
        var plan = samplePlan()
        let year = FinancialYear(startYear: 2025)
        try plan.closeQuarter(q3, board: nil, context: at("2026-01-15T16:00:00Z"))
        #expect(plan.frozen(year) == nil)
        try plan.closeQuarter(Quarter("2025/26 Q4")!, board: nil, context: at("2026-04-15T16:00:00Z"))
        #expect(plan.frozen(year)?.quarter == Quarter("2025/26 Q4")!)
    }

    @Test func validationNamesAFrozenStateThatDoesNotMatchItsQuarter() throws {
        var plan = samplePlan()
        try plan.closeQuarter(q2, board: nil, context: at("2025-10-15T16:00:00Z"))
        var moved = plan
        moved.frozenQuarters[0].closedOn = Timestamp(iso: "2025-10-16T16:00:00Z")!
        #expect(moved.validate().map(\.path) == ["frozenQuarters[0].closedOn"])
        var open = plan
        open.quarters[open.quarters.count - 1].state = .open
        #expect(open.validate().map(\.path) == ["frozenQuarters[0].quarter"])
    }

    @Test func asAtIsTheFrozenStateOrThePlanNowWhenNothingChangedBetween() throws {
        var plan = samplePlan()
        try plan.closeQuarter(q2, board: nil, context: at("2025-10-15T16:00:00Z"))
        let closed = plan
        try plan.editAction(id: "WSA-01", context: at("2025-10-20T09:00:00Z")) { $0.title = "Renamed" }
        #expect(plan.asAt(Timestamp(iso: "2025-10-25T23:59:59Z")!) == .known(plan))
        #expect(plan.asAt(Timestamp(iso: "2025-10-19T23:59:59Z")!) == .known(closed))
        // The plan's first recorded change is the first review, on 2025-07-10.
        #expect(plan.asAt(Timestamp(iso: "2025-07-01T23:59:59Z")!) == .beforePlan(first: Timestamp(iso: "2025-07-10T10:00:00Z")!))
        guard case .unknown(let words) = plan.asAt(Timestamp(iso: "2025-10-14T23:59:59Z")!) else {
            Issue.record("a day before the close, after the plan changed, cannot be known")
            return
        }
        #expect(words.contains("2025-10-15 to 2025-10-19 (after 2025/26 Q2 closed)") && words.contains("2025-10-20 and later"))
    }

    @Test func anIndicatorValueRevisedAfterItsQuarterClosedIsARevision() throws {
        var plan = samplePlan()
        try plan.addIndicator(Indicator(id: "knife", name: "Knife admissions", unit: "count", better: .lower), context: at("2025-07-01T09:00:00Z"))
        try plan.recordIndicatorValue(id: "knife", quarter: q2, value: 11, context: at("2025-10-05T09:00:00Z"))
        try plan.recordIndicatorValue(id: "knife", quarter: q2, value: 10, context: at("2025-10-06T09:00:00Z"))  // before the close: no mark
        try plan.closeQuarter(q2, board: nil, context: at("2025-10-15T16:00:00Z"))
        #expect(plan.revisions(of: plan.indicators[0], upTo: q3).isEmpty)
        try plan.recordIndicatorValue(id: "knife", quarter: q2, value: 12, context: at("2025-11-05T09:00:00Z"))
        try plan.recordIndicatorValue(id: "knife", quarter: q2, value: 13, context: at("2025-11-06T09:00:00Z"))
        #expect(plan.revisions(of: plan.indicators[0], upTo: q3) == [IndicatorRevision(quarter: q2, was: 10, now: 13)])
        try plan.recordIndicatorValue(id: "knife", quarter: q2, value: 10, context: at("2025-11-07T09:00:00Z"))
        #expect(plan.revisions(of: plan.indicators[0], upTo: q3).isEmpty)
    }
}
