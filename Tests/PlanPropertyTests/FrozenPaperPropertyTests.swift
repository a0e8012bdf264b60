import Foundation
import PlanApp
import PlanModel
import PlanReports
import PlanStore
import PropertyBased
import Testing

private let cases = ProcessInfo.processInfo.environment["DPLAN_PROPERTY_CASES"].flatMap(Int.init) ?? 60
private let q3 = Quarter("2026/27 Q3")!
private let year = FinancialYear(startYear: 2025)

/// The Hillingdon sample with 2025/26 Q4 closed again (so the year 2025/26 is frozen), a Q3
/// indicator value, and 2026/27 Q3 closed on 20 Dec 2026.
private func closedPlan() throws -> Plan {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var plan = try PlanFile.load(root.appendingPathComponent("plans/hillingdon-serious-violence-2024-27.json").path)
    let at = { (time: String) in EditContext(by: "Officer", now: Timestamp(iso: time)!) }
    try plan.reopenQuarter(Quarter("2025/26 Q4")!, reason: "to freeze it", context: at("2026-11-22T10:00:00Z"))
    try plan.closeQuarter(Quarter("2025/26 Q4")!, board: "Safer Hillingdon Partnership", context: at("2026-11-22T10:05:00Z"))
    try plan.recordIndicatorValue(id: "hospital-knife-u25", quarter: q3, value: 9, context: at("2026-12-19T09:00:00Z"))
    try plan.closeQuarter(q3, board: "Safer Hillingdon Partnership", context: at("2026-12-20T16:00:00Z"))
    return plan
}

/// Every paper of the closed quarter and the completed year, in the formats made without an
/// outside program (PDF prints the HTML and Word converts the Markdown; the CLI test covers
/// both), full and public, as `renderExport` makes them on `now`.
private func papers(_ plan: Plan, now: Timestamp) throws -> [String: Data] {
    var papers: [String: Data] = [:]
    for format in ReportFormat.allCases where !format.needsExternalProgram {
        for isPublic in [false, true] {
            var quarterly = ExportRequest(format: format)
            quarterly.quarter = q3
            quarterly.isPublic = isPublic
            var annual = ExportRequest(format: format)
            annual.year = year
            annual.isPublic = isPublic
            for (name, request) in [("\(q3)", quarterly), ("\(year)", annual)] {
                papers["\(name) \(format) \(isPublic ? "public" : "full")"] = try renderExport([LabelledPlan(label: "p", plan: plan)], request, now: now).data
            }
        }
    }
    var indicators = ExportRequest(format: .csv)
    indicators.quarter = q3
    indicators.indicators = true
    papers["\(q3) indicators csv"] = try renderExport([LabelledPlan(label: "p", plan: plan)], indicators, now: now).data
    return papers
}

/// One random change after the close, on `context`: edits, due moves, decisions, lead's updates
/// and board's views (to the next quarter), indicator revisions, reopening and closing another
/// quarter, new and deleted actions, milestones and the plan's own details.
private func apply(_ code: Int, to plan: inout Plan, context: EditContext, step: Int) throws {
    let ids = plan.actions.map(\.id)
    let id = ids[(code >> 4) % ids.count]
    switch code % 11 {
    case 0: try plan.editAction(id: id, context: context) { $0.title = "Retitled \(step)"; $0.owner = "mps" }
    case 1: try plan.moveDue(actionID: id, to: Day(iso: "2027-03-\(10 + step % 18)")!, reason: "moved \(step)", context: context)
    case 2: try plan.setDecisionNeeded(actionID: id, "Decide \(step)", context: context)
    case 3: try plan.recordUpdate(actionID: id, status: [.red, .amber, .green, .complete][code >> 8 & 3], commentary: "Later \(step)", context: context)
    case 4:
        let quarter = [Quarter("2026/27 Q2")!, q3][code >> 8 & 1]
        try plan.recordIndicatorValue(id: plan.indicators[(code >> 4) % plan.indicators.count].id, quarter: quarter,
                                      value: Decimal(code % 97), context: context)
    case 5:
        try plan.reopenQuarter(Quarter("2026/27 Q1")!, reason: "correction \(step)", context: context)
        try plan.closeQuarter(Quarter("2026/27 Q1")!, board: "Board \(step)", context: context)
    case 6: try plan.addAction(Action(id: "PRI-9\(step)", group: .primary, title: "New \(step)", owner: "mps", status: .amber), context: context)
    case 7: try plan.recordBoardView(actionID: id, status: .red, reason: "Board \(step)", context: context)
    case 8: try plan.deleteAction(id: id, context: context)
    case 9: _ = try plan.addMilestone(actionID: id, title: "Milestone \(step)", due: Day(iso: "2027-02-01")!, context: context)
    default: try plan.setDetails(title: "Plan \(step)", partnership: nil, description: "Changed \(step)", fyStartMonth: nil, context: context)
    }
}

/// Issue 27, "Prove it": whatever happens after a quarter closes, its paper in every format,
/// and the annual report on a year whose last quarter closed, come out byte for byte the same.
@Suite struct FrozenPaperPropertyTests {
    @Test func laterChangesNeverChangeAClosedQuartersPapersOrACompletedYearsReport() async throws {
        let closed = try closedPlan()
        let before = try papers(closed, now: Timestamp(iso: "2026-12-21T09:00:00Z")!)
        await propertyCheck(count: cases, input: Gen.int(in: 0...(1 << 16)).array(of: 1...12)) { codes in
            var plan = closed
            var time = Timestamp(iso: "2026-12-21T09:00:00Z")!
            for (step, code) in codes.enumerated() {
                time = Timestamp(secondsSinceEpoch: time.secondsSinceEpoch + 3600 * (1 + code % 97))
                do { try apply(code, to: &plan, context: EditContext(by: "Officer \(step)", now: time), step: step) } catch {
                    Issue.record("step \(step) (\(code)) was refused: \(error)")
                }
            }
            let changed = plan != closed
            #expect(changed, "no step changed the plan: \(codes)")
            let after = try papers(plan, now: Timestamp(secondsSinceEpoch: time.secondsSinceEpoch + 86_400))
            for (name, data) in before.sorted(by: { $0.key < $1.key }) where after[name] != data {
                Issue.record("\(name) changed after \(codes)")
            }
        }
    }
}
