import Foundation
import PlanModel
import PlanReports
import PlanStore
@testable import PlanApp
import Testing

/// Which plan a paper is made from (issue 27): a closed quarter's frozen state, dated with its
/// close, also when the quarter is the default one (closed early); the plan as it is otherwise.
@Suite struct PaperSourceTests {
    private let q3 = Quarter("2026/27 Q3")!
    private let closed = Timestamp(iso: "2026-12-06T16:00:00Z")!

    private func closedEarly() throws -> Plan {
        var plan = try PlanFile.load(hillingdonSample)
        try plan.closeQuarter(q3, board: "Safer Hillingdon Partnership", context: EditContext(by: "Officer", now: closed))
        try plan.editAction(id: "PRI-01", context: EditContext(by: "Officer", now: closed.later(days: 2))) { $0.title = "Later title" }
        return plan
    }

    @Test func theDefaultQuarterClosedEarlyIsMadeFromItsFrozenStateDatedWithTheClose() throws {
        let plan = try closedEarly()
        let (source, request) = ExportRequest(format: .markdown).paperSource(for: plan, now: closed.later(days: 4))
        #expect(source.frozen == q3 && source.now == closed && request.quarter == q3)
        #expect(source.plan == plan.frozen(q3)?.plan)
        let paper = String(decoding: try renderExport([LabelledPlan(label: "p", plan: plan)], ExportRequest(format: .markdown),
                                                      now: closed.later(days: 4)).data, as: UTF8.self)
        #expect(!paper.contains("Later title") && paper.contains("6 Dec 2026"))
    }

    @Test func anOpenQuarterOrAYearStillRunningIsMadeFromThePlanAsItIs() throws {
        let plan = try closedEarly()
        var request = ExportRequest(format: .markdown)
        request.quarter = Quarter("2026/27 Q4")!
        let now = Timestamp(iso: "2027-01-10T10:00:00Z")!
        #expect(request.paperSource(for: plan, now: now).source.frozen == nil)
        request.quarter = nil
        request.year = FinancialYear(startYear: 2026)
        let (source, _) = request.paperSource(for: plan, now: now)
        #expect(source.frozen == nil && source.now == now && source.plan == plan)
    }
}

private extension Timestamp {
    func later(days: Int) -> Timestamp { Timestamp(secondsSinceEpoch: secondsSinceEpoch + days * 86_400) }
}
