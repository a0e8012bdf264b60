import PlanModel
import Testing

private func at(_ iso: String) -> EditContext { EditContext(by: "Jo Officer", now: Timestamp(iso: iso)!) }
private func q(_ text: String) -> Quarter { Quarter(text)! }

/// Issue 11, items 2, 3 and 5: which quarter an update goes to, what a late close records, and
/// which quarters "what changed" compares.
@Suite struct HistoryRuleTests {
    /// Item 2: an update after the plan period goes to its last quarter (never a quarter outside
    /// it, which made every later command refuse the plan); once that is closed it is refused,
    /// saying how to extend the period.
    @Test func updatesAfterThePeriodGoToItsLastQuarterOrAreRefused() throws {
        var plan = samplePlan()  // period 2025-04-01 to 2027-03-31
        try plan.recordUpdate(actionID: "WSA-01", status: .amber, commentary: "Late", context: at("2027-05-02T09:00:00Z"))
        #expect(plan.actions[0].reviews.last?.quarter == q("2026/27 Q4"))
        #expect(plan.validate().isEmpty)
        try plan.closeQuarter(q("2026/27 Q4"), board: nil, context: at("2027-05-03T09:00:00Z"))
        let before = plan
        #expect(throws: PlanEditError.noOpenQuarter(from: q("2026/27 Q4"), periodEnd: Day(iso: "2027-03-31")!)) {
            try plan.recordUpdate(actionID: "WSA-01", status: .green, commentary: nil, context: at("2027-06-01T09:00:00Z"))
        }
        #expect(plan == before)
        #expect("\(PlanEditError.noOpenQuarter(from: q("2026/27 Q4"), periodEnd: Day(iso: "2027-03-31")!))".contains("dplan plan set PLAN --end"))
        // Extending the period opens the next quarter to updates, on the record.
        try plan.setPeriod(start: nil, end: Day(iso: "2028-03-31"), context: at("2027-06-01T09:00:00Z"))
        #expect(plan.changeLog == [FieldChange(field: "period.end", from: "2027-03-31", to: "2028-03-31", by: "Jo Officer",
                                               on: Timestamp(iso: "2027-06-01T09:00:00Z")!)])
        try plan.recordUpdate(actionID: "WSA-01", status: .green, commentary: nil, context: at("2027-06-01T10:00:00Z"))
        #expect(plan.actions[0].reviews.last?.quarter == q("2027/28 Q1"))
        #expect(plan.validate().isEmpty)
    }

    @Test func anUpdateBeforeThePeriodStartsGoesToItsFirstQuarter() throws {
        var plan = samplePlan()
        plan.quarters = []
        try plan.recordUpdate(actionID: "TER-01", status: .green, commentary: nil, context: at("2025-02-01T09:00:00Z"))
        #expect(plan.actions[3].reviews.last?.quarter == q("2025/26 Q1"))
        #expect(plan.validate().isEmpty)
    }

    @Test func thePeriodCannotDropHistoryOrEndBeforeItStarts() throws {
        var plan = samplePlan()
        #expect(throws: PlanEditError.periodWouldDropHistory(q("2025/26 Q1"))) {
            try plan.setPeriod(start: Day(iso: "2025-07-01"), end: nil, context: at("2025-11-01T09:00:00Z"))
        }
        #expect(throws: PlanEditError.periodEndBeforeStart(end: Day(iso: "2025-01-01")!, start: Day(iso: "2025-04-01")!)) {
            try plan.setPeriod(start: nil, end: Day(iso: "2025-01-01"), context: at("2025-11-01T09:00:00Z"))
        }
        #expect(plan == samplePlan())
    }

    /// Item 3: closing a skipped quarter late records the status each action had at that
    /// quarter's end (from the audit trail), not the status it has now.
    @Test func aLateCloseRecordsWhatWasTrueThen() throws {
        var plan = samplePlan()
        // 2025/26 Q2 is never closed; in Q3 the schools programme goes from red to green.
        try plan.recordUpdate(actionID: "PRI-01", status: .green, commentary: "Recovered", context: at("2025-11-03T09:00:00Z"))
        try plan.editAction(id: "TER-01", context: at("2025-11-03T09:05:00Z")) { $0.owner = "health" }
        try plan.closeQuarter(q("2025/26 Q2"), board: "CSP", context: at("2025-11-04T09:00:00Z"))
        let late = try #require(plan.actions[1].review(for: q("2025/26 Q2")))
        #expect(late.status == .red)
        #expect(late.noUpdateProvided == true)
        #expect(plan.actions[3].review(for: q("2025/26 Q2"))?.owner == "police")
        #expect(plan.actions[1].review(for: q("2025/26 Q3"))?.status == .green)
        // An action added after the quarter ended gets no entry for it.
        try plan.addAction(Action(id: "PRI-02", group: .primary, title: "New", owner: "police"), context: at("2025-11-05T09:00:00Z"))
        plan.quarters.removeAll { $0.quarter == q("2025/26 Q2") }
        for index in plan.actions.indices { plan.actions[index].reviews.removeAll { $0.quarter == q("2025/26 Q2") } }
        try plan.closeQuarter(q("2025/26 Q2"), board: nil, context: at("2025-11-06T09:00:00Z"))
        #expect(plan.actions.first { $0.id == "PRI-02" }?.review(for: q("2025/26 Q2")) == nil)
        #expect(plan.validate().isEmpty)
    }

    /// Item 5: when the quarter before was never reviewed, "what changed" compares with the
    /// latest quarter that has reviews, so newly red and worsened actions are not missed.
    @Test func changesCompareWithTheLatestReviewedQuarter() throws {
        var plan = samplePlan()  // Q1 closed: WSA-01 amber, PRI-01 green
        // Nothing happens in Q2; in Q3 WSA-01 goes red.
        try plan.recordUpdate(actionID: "WSA-01", status: .red, commentary: "Data not shared", context: at("2025-11-03T09:00:00Z"))
        let live = plan.editingQuarter(on: Day(iso: "2025-11-03")!)
        #expect(plan.comparisonQuarter(for: live) == q("2025/26 Q1"))
        let changes = plan.changes(from: plan.comparisonQuarter(for: live), to: live, live: live)
        let wsa = try #require(changes.first { $0.id == "WSA-01" })
        #expect(wsa.kinds.contains(.newlyRed) && wsa.kinds.contains(.worsened))
        // Compared with the unreviewed quarter before, its status comes from the audit trail.
        let fromQ2 = plan.changes(from: q("2025/26 Q2"), to: live, live: live)
        #expect(fromQ2.first { $0.id == "WSA-01" }?.from == .green)
    }

    /// Item 1 (domain): restricting a commentary restricts those words in every review holding
    /// them, and new commentary on a restricted action stays restricted.
    @Test func restrictingMarksTheTextWhereverItIsStored() throws {
        var plan = samplePlan()
        // WSA-01's current commentary is its Q1 review's text (no update since).
        plan.actions[0].commentary = "Started"
        try plan.setCommentaryRestricted(actionID: "WSA-01", true, context: at("2025-11-03T09:00:00Z"))
        #expect(plan.actions[0].reviews[0].restricted == true)
        #expect(plan.actions[0].isWithheld("Started"))
        try plan.recordUpdate(actionID: "WSA-01", status: nil, commentary: "Still confidential", context: at("2025-11-03T10:00:00Z"))
        #expect(plan.actions[0].review(for: q("2025/26 Q3"))?.restricted == true)
        try plan.setCommentaryRestricted(actionID: "WSA-01", false, context: at("2025-11-03T11:00:00Z"))
        #expect(plan.actions[0].review(for: q("2025/26 Q3"))?.restricted == nil)
        #expect(plan.actions[0].isWithheld("Started"))  // the earlier text keeps its mark
        #expect(!plan.actions[0].isWithheld("Still confidential"))
    }

    /// Issue 22: an update the clock would put in a quarter before the action's latest review
    /// (the computer's date has gone back) is refused, saying the date and that review's
    /// quarter, and changes nothing; an action without a later review, and a return recorded for
    /// a chosen earlier quarter, are not affected.
    @Test func anUpdateTheClockPutsBeforeTheLatestReviewIsRefused() throws {
        var plan = samplePlan()
        try plan.recordUpdate(actionID: "WSA-01", status: .green, commentary: "On track", context: at("2025-11-03T09:00:00Z"))
        let before = plan
        let refusal = PlanEditError.clockBehindLatestReview(today: Day(iso: "2025-08-01")!, quarter: q("2025/26 Q2"), latest: q("2025/26 Q3"))
        #expect(throws: refusal) {
            try plan.recordUpdate(actionID: "WSA-01", status: .amber, commentary: "Slipping", context: at("2025-08-01T09:00:00Z"))
        }
        #expect(plan == before)
        #expect("\(refusal)".contains("2025-08-01") && "\(refusal)".contains("latest review is for 2025/26 Q3"))
        try plan.recordUpdate(actionID: "PRI-01", status: .green, commentary: "Fine", context: at("2025-08-01T09:00:00Z"))
        #expect(plan.actions[1].reviews.last?.quarter == q("2025/26 Q2"))
        try plan.recordUpdate(actionID: "WSA-01", status: .amber, commentary: "Q2 return", quarter: q("2025/26 Q2"),
                              context: at("2025-11-04T09:00:00Z"))
        #expect(plan.actions[0].review(for: q("2025/26 Q2"))?.commentary == "Q2 return")
        #expect(plan.actions[0].status == .green)  // the later quarter's review still decides the current status
    }
}
