import Foundation
import PlanModel
@testable import PlanStore
import Testing

/// A merge where one side records the lead's update with a new status and the other the board's
/// view keeps both voices, and the action settles on the board's status: no conflict on `status`.
@Suite struct TwoVoicesMergeTests {
    let lead = EditContext(by: "Metropolitan Police", now: Timestamp(iso: "2026-11-22T10:00:00Z")!)
    let board = EditContext(by: "Jo Officer", now: Timestamp(iso: "2026-11-22T11:00:00Z")!)
    let q3 = Quarter("2026/27 Q3")!

    @Test func theLeadsNewStatusAndTheBoardsViewMergeWithoutAConflict() throws {
        let base = try PlanFile.load(hillingdonSample)
        var ours = base, theirs = base
        try ours.recordUpdate(actionID: "SEC-06", status: .amber, commentary: "Referrals slower than planned", context: lead)
        try theirs.recordBoardView(actionID: "SEC-06", status: .red, reason: "No referrals yet", context: board)
        for (mine, other) in [(ours, theirs), (theirs, ours)] {
            let result = PlanMerge.merge(base: base, mine: mine, theirs: other)
            #expect(result.conflicts.isEmpty, "\(result.conflicts.map(\.path))")
            let merged = try #require(result.plan.actionIndex(id: "SEC-06").map { result.plan.actions[$0] })
            let review = try #require(merged.review(for: q3))
            #expect(review.status == .amber && review.commentary == "Referrals slower than planned" && review.by == "Metropolitan Police")
            #expect(review.board?.status == .red && review.board?.reason == "No referrals yet")
            #expect(merged.status == .red)
            #expect(result.plan.validate().isEmpty)
        }
    }
}
