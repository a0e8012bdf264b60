import Foundation
import PlanModel
import PlanReports
import Testing

/// The email that carries a return says what the attached return says.
@Suite struct ReturnEmailTests {
    // On 5 January SEC-03 was set Red (landing in Q4); the Q3 return and its email went out the
    // same day. The email said Red, the attached Q3 return Amber.
    @Test func theEmailListsEachActionsStatusForTheReturnsQuarter() throws {
        var plan = Plan(id: "p", title: "Plan", partnership: "CSP",
                        period: Period(start: Day(iso: "2026-04-01")!, end: Day(iso: "2027-03-31")!),
                        owners: [Owner(id: "mps", name: "Police")])
        plan.actions = [Action(id: "SEC-03", group: .secondary, title: "Problem-solving plan", owner: "mps", status: .notStarted,
                               created: Timestamp(iso: "2026-04-02T10:00:00Z")!)]
        try plan.recordUpdate(actionID: "SEC-03", status: .amber, commentary: "Plan drafted.",
                              context: EditContext(by: "Police", now: Timestamp(iso: "2026-11-12T10:00:00Z")!))
        let now = Timestamp(iso: "2027-01-05T10:00:00Z")!
        try plan.recordUpdate(actionID: "SEC-03", status: .red, commentary: "Sign-off missed.", context: EditContext(by: "Officer", now: now))
        let q3 = Quarter("2026/27 Q3")!
        #expect(plan.reportingQuarter(on: now.day) == q3)
        var options = ReportOptions(now: now)
        options.quarter = q3
        let report = Report(plan: plan, options: options)
        #expect(report.groups.flatMap(\.actions).map { "\($0.returnLetter) \($0.returnStatusLabel)" } == ["A Amber"])
        let email = ReturnEmail(kind: .request, plan: plan, owner: plan.owners[0], actions: plan.actions, quarter: q3,
                                deadline: Day(iso: "2027-01-19")!, today: now.day)
        #expect(email.body.contains("- SEC-03 Problem-solving plan: Amber"))
        #expect(!email.body.contains("Red"))
    }
}
