import Foundation
import PlanModel
@testable import PlanTUI
import PlanStore
import Testing

/// The chase screen shows, once returns were sent, when each lead was sent theirs and chased,
/// what came back and what is outstanding.
@Suite struct ChaseReturnsScreenTests {
    @Test func theChaseScreenShowsSentReceivedAndOutstandingPerLead() throws {
        var plan = try PlanFile.load(hillingdonPath)
        let quarter = plan.reportingQuarter(on: fixedNow.day)
        plan.recordReturnSent(ReturnSent(owner: "thh", to: "trust@thh.nhs.uk", on: Timestamp(iso: "2026-11-15T09:00:00Z")!, by: "Officer"),
                              quarter: quarter)
        plan.recordReturnSent(ReturnSent(owner: "thh", to: "trust@thh.nhs.uk", on: Timestamp(iso: "2026-11-20T09:00:00Z")!, by: "Officer",
                                         reminder: true), quarter: quarter)
        var state = AppState(plan: plan, path: hillingdonPath, user: "Test Chair", now: fixedNow, size: (160, 40))
        state.press(.enter, .character("W"))
        let text = render(state).plainText
        #expect(text.contains("Returns sent, received and outstanding"))
        #expect(text.contains("The Hillingdon Hospital NHS Foundation Trust: emailed 2026-11-15 to trust@thh.nhs.uk; "
                              + "reminded 2026-11-20; no updates back; 1 outstanding"))
        #expect(text.contains("Probation Service: not sent;"))
        // The cursor still rests on the first action owed, not on the returns lines.
        let owed = plan.chaseList(for: quarter).flatMap { $0.actions.map(\.id) }
        state.press(.enter)
        guard case .detail(let id, _, _) = state.screen else { Issue.record("expected the detail screen"); return }
        #expect(id == owed[0])
    }

    @Test func aReturnWrittenToSendByHandCountsAsSentAndSaysSo() throws {
        var plan = try PlanFile.load(hillingdonPath)
        let quarter = plan.reportingQuarter(on: fixedNow.day)
        plan.recordReturnSent(.written(owner: "probation", file: "probation.xlsx", on: Timestamp(iso: "2026-11-16T09:00:00Z")!, by: "Officer"),
                              quarter: quarter)
        var state = AppState(plan: plan, path: hillingdonPath, user: "Test Chair", now: fixedNow, size: (140, 40))
        state.press(.enter, .character("W"))
        let text = render(state).plainText
        #expect(text.contains("Probation Service: return written 2026-11-16 (by hand);"))
        #expect(!text.contains("Probation Service: not sent"))
    }

    @Test func withoutReturnsSentTheChaseScreenIsAsBefore() throws {
        var state = try makeState(width: 100, height: 40)
        state.press(.enter, .character("W"))
        #expect(!render(state).plainText.contains("Returns sent"))
    }
}
