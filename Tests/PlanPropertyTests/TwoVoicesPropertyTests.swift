import Foundation
import PlanModel
@testable import PlanStore
import PropertyBased
import Testing

private let cases = ProcessInfo.processInfo.environment["DPLAN_PROPERTY_CASES"].flatMap(Int.init) ?? 60

/// Issue 23, item 1, as a model-based property: any mix of lead's updates and board's views on
/// one action in one quarter keeps both voices. The model: the lead's words are the last the
/// lead gave, the board's view the last the board gave, and the action's status the board's when
/// it gave one; the plan validates and reads back the same from its file.
@Suite struct TwoVoicesPropertyTests {
    @Test func leadsUpdatesAndBoardsViewsNeverEraseEachOther() async {
        let steps = Gen.int(in: 0...(1 << 12)).array(of: 1...10)
        await propertyCheck(count: cases, input: steps) { steps in
            var plan = Plan(id: "p", title: "Plan", partnership: "CSP",
                            period: Period(start: Day(iso: "2026-04-01")!, end: Day(iso: "2027-03-31")!),
                            owners: [Owner(id: "police", name: "Police")])
            plan.actions = [Action(id: "SEC-03", group: .secondary, title: "Arches", owner: "police", status: .amber)]
            var leadWords: String?, leadStatus: Status?, board: (Status, String)?
            let statuses: [Status] = [.notStarted, .red, .amber, .green, .complete]
            for (n, step) in steps.enumerated() {
                let status = statuses[step % 5]
                let context = EditContext(by: step & 32 == 0 ? "Officer" : "Chair", now: Timestamp(secondsSinceEpoch: 1_794_000_000 + n * 60))
                if step & 16 == 0 {
                    let words = "update \(n)\n- point \(step)"
                    try plan.recordUpdate(actionID: "SEC-03", status: status, commentary: words, author: "Police", context: context)
                    (leadWords, leadStatus) = (words, status)
                } else {
                    try plan.recordBoardView(actionID: "SEC-03", status: status, reason: "reason \(n)", context: context)
                    board = (status, "reason \(n)")
                }
            }
            let action = plan.actions[0]
            let review = try #require(action.review(for: Quarter("2026/27 Q3")!))
            #expect(review.commentary == (leadWords ?? ""), "\(steps)")
            #expect(review.noUpdateProvided == (leadWords == nil ? true : nil), "\(steps)")
            if let leadStatus { #expect(review.status == leadStatus, "\(steps)") }
            #expect(review.board?.status == board?.0 && review.board?.reason == board?.1, "\(steps)")
            #expect(action.status == board?.0 ?? leadStatus ?? .amber, "\(steps)")
            #expect(action.commentary == (leadWords ?? ""), "\(steps)")
            #expect(plan.validate().isEmpty, "\(steps)")
            #expect(try PlanCoding.decode(PlanCoding.encode(plan), file: "p.json") == plan, "\(steps)")
        }
    }
}
