import PlanModel
import Testing

/// Issue 23, item 1: the lead's update and the board's view are two voices; neither erases the other.
@Suite struct BoardViewTests {
    let lead = EditContext(by: "Metropolitan Police", now: Timestamp(iso: "2025-11-03T09:30:00Z")!)
    let board = EditContext(by: "Jo Officer", now: Timestamp(iso: "2025-11-20T18:00:00Z")!)
    let q3 = Quarter("2025/26 Q3")!

    @Test func theBoardsViewKeepsTheLeadsWords() throws {
        var plan = samplePlan()
        let words = "Patrols doubled.\n- two arrests\n- one seizure"
        try plan.recordUpdate(actionID: "WSA-01", status: .green, commentary: words, context: lead)
        try plan.recordBoardView(actionID: "WSA-01", status: .amber, reason: "Funding not confirmed", context: board)
        let action = plan.actions[0]
        let review = try #require(action.review(for: q3))
        #expect(review.status == .green)
        #expect(review.commentary == words)
        #expect(review.by == "Metropolitan Police")
        #expect(review.board == BoardView(status: .amber, reason: "Funding not confirmed", by: "Jo Officer", on: board.now))
        #expect(review.settledStatus == .amber)
        #expect(action.status == .amber)
        #expect(action.commentary == words)
        #expect(plan.status(of: action, in: q3, live: q3) == .amber)
        #expect(plan.validate().isEmpty)
    }

    /// A February meeting reviews the quarter that ended in December and awaits its close: its
    /// views can be given for that quarter (`--quarter`); a lead's update already given for the
    /// running quarter keeps the action's status. A closed or future quarter is refused.
    @Test func aViewCanBeGivenForAnEndedQuarterAwaitingItsClose() throws {
        var plan = samplePlan()
        let february = EditContext(by: "Chair", now: Timestamp(iso: "2026-02-10T18:00:00Z")!)
        let q4 = Quarter("2025/26 Q4")!
        try plan.recordUpdate(actionID: "PRI-01", status: .amber, commentary: "Q4 started", context: EditContext(by: "Council", now: Timestamp(iso: "2026-01-20T10:00:00Z")!))
        try plan.recordBoardView(actionID: "PRI-01", status: .red, reason: "Q3 slipped", quarter: q3, context: february)
        let pri = plan.actions[plan.actionIndex(id: "PRI-01")!]
        #expect(pri.review(for: q3)?.board?.status == .red && pri.review(for: q3)?.board?.reason == "Q3 slipped")
        #expect(pri.status == .amber && pri.review(for: q4)?.board == nil)
        try plan.recordBoardView(actionID: "PRI-01", status: .green, reason: "Recovering", context: february)
        #expect(plan.actions[plan.actionIndex(id: "PRI-01")!].review(for: q4)?.board?.status == .green)
        #expect(throws: PlanEditError.quarterNotStarted(q4.next)) {
            try plan.recordBoardView(actionID: "WSA-01", status: .red, reason: "r", quarter: q4.next, context: february)
        }
        try plan.closeQuarter(q3, board: nil, context: february)
        #expect(throws: PlanEditError.quarterAlreadyClosed(q3)) {
            try plan.recordBoardView(actionID: "WSA-01", status: .red, reason: "r", quarter: q3, context: february)
        }
        #expect(plan.validate().isEmpty)
    }

    @Test func theBoardsViewNeedsAReason() throws {
        var plan = samplePlan()
        #expect(throws: PlanEditError.boardReasonRequired) {
            try plan.recordBoardView(actionID: "WSA-01", status: .red, reason: "  ", context: board)
        }
        #expect(plan == samplePlan())
    }

    @Test func withoutAnUpdateTheOwnerStillOwesOne() throws {
        var plan = samplePlan()
        try plan.recordBoardView(actionID: "TER-01", status: .red, reason: "No progress reported", context: board)
        let action = plan.actions[3]
        #expect(action.review(for: q3)?.noUpdateProvided == true)
        #expect(action.isStale(in: q3))
        #expect(plan.chaseList(for: q3).contains { $0.owner.id == "police" && $0.actions.map(\.id).contains("TER-01") })
        // The lead's update comes later: it is recorded, the board's status stands for the quarter.
        try plan.recordUpdate(actionID: "TER-01", status: .amber, commentary: "Recruiting", context: lead)
        let review = try #require(plan.actions[3].review(for: q3))
        #expect(review.noUpdateProvided == nil)
        #expect(review.commentary == "Recruiting")
        #expect(review.status == .amber)
        #expect(review.board?.status == .red)
        #expect(plan.actions[3].status == .red)
        #expect(!plan.actions[3].isStale(in: q3))
    }

    @Test func validationNamesABoardViewWithoutAReason() {
        var plan = samplePlan()
        plan.actions[0].reviews[0].board = BoardView(status: .red, reason: " ", by: "x", on: board.now)
        #expect(plan.validate().map(\.path) == ["actions[0].reviews[0].board.reason"])
    }
}
