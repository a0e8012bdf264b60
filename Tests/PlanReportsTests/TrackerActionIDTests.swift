import Foundation
import PlanModel
import PlanReports
import Testing

/// A tracker row naming a deleted action's id does not bring a different action in under it.
@Suite struct TrackerActionIDTests {
    @Test func aRowWithADeletedActionsIdIsRefusedNamingTheDeletion() throws {
        var plan = try importing("Ref,Action,Lead,RAG,Progress update\nA1,Mentoring,Borough Council,Green,Started\n"
            + "A2,Knife bins,Borough Council,Red,No sites yet\n", options: .init(defaultGroup: .primary, quarter: Quarter("2026/27 Q2"))).plan
        try plan.deleteAction(id: "A2", context: EditContext(by: "Jo Officer", now: Timestamp(iso: "2026-10-01T09:00:00Z")!))
        let removed = try #require(plan.removedActions.last)
        let result = try importing("Ref,Action,Lead,RAG,Progress update 2026/27 Q3\nA2,Youth hub,Borough Council,Green,New\n", into: plan,
                                   options: .init(defaultGroup: .primary, update: true))
        #expect(result.rows.map(\.kind) == [.problem([PlanEditError.removedActionID(removed, next: plan.nextActionID(like: "A2")).description])])
        #expect(result.plan.actionIndex(id: "A2") == nil)
    }
}
