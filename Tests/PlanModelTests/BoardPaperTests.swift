import PlanModel
import Testing

@Suite struct BoardPaperTests {
    private let context = EditContext(by: "Officer", now: Timestamp(iso: "2025-08-20T10:00:00Z")!)

    @Test func financialYearsParseAndListTheirQuarters() {
        #expect(FinancialYear("2025/26")?.description == "2025/26")
        #expect(FinancialYear(" 2025/26 ")?.quarters.map(\.description) == ["2025/26 Q1", "2025/26 Q2", "2025/26 Q3", "2025/26 Q4"])
        for bad in ["2025/27", "2025", "25/26", "2025/26 Q1", "abcd/ef"] { #expect(FinancialYear(bad) == nil, "\(bad)") }
        let plan = samplePlan()
        #expect(plan.reportedQuarters(of: FinancialYear("2025/26")!, on: context.now.day).map(\.description) == ["2025/26 Q1", "2025/26 Q2"])
        #expect(plan.annualReportProblem(with: FinancialYear("2026/27")!, on: context.now.day) == "2026/27 has not started yet (the current quarter is 2025/26 Q2)")
        #expect(plan.annualReportProblem(with: FinancialYear("2030/31")!, on: context.now.day)?.contains("outside the plan period") == true)
    }

    @Test func summariesAreWrittenAuditedClearedAndFixedOnceClosed() throws {
        var plan = samplePlan()
        let q2 = Quarter("2025/26 Q2")!
        try plan.setSummary("  Good quarter.  ", for: q2, context: context)
        #expect(plan.summary(for: q2) == "Good quarter.")
        #expect(plan.quarters.first { $0.quarter == q2 }?.state == .open && !plan.isClosed(q2))
        #expect(plan.changeLog?.last == FieldChange(field: "summary 2025/26 Q2", from: "", to: "Good quarter.", by: "Officer", on: context.now))
        #expect(plan.editingQuarter(on: context.now.day) == q2)
        try plan.setSummary("Good quarter.", for: q2, context: context)
        #expect(plan.changeLog?.count == 1)  // no change, nothing recorded
        try plan.setSummary(" ", for: q2, context: context)
        #expect(plan.summary(for: q2) == "" && plan.quarters.first { $0.quarter == q2 }?.summary == nil && plan.changeLog?.count == 2)
        #expect(throws: PlanEditError.quarterClosedForSummary(Quarter("2025/26 Q1")!)) {
            try plan.setSummary("Late", for: Quarter("2025/26 Q1")!, context: context)
        }
        #expect(throws: PlanEditError.quarterNotStarted(Quarter("2025/26 Q3")!)) {
            try plan.setSummary("Early", for: Quarter("2025/26 Q3")!, context: context)
        }
        #expect(plan.validate().isEmpty)
    }

    @Test func theAskOfTheBoardIsAnAuditedActionField() throws {
        var plan = samplePlan()
        try plan.setDecisionNeeded(actionID: "PRI-01", "  Fund a second worker ", context: context)
        let action = plan.actions[plan.actionIndex(id: "PRI-01")!]
        #expect(action.decisionNeeded == "Fund a second worker")
        #expect(action.changeLog?.last?.field == "decisionNeeded" && action.changeLog?.last?.to == "Fund a second worker")
        #expect(plan.fields(of: action).contains(ActionField(label: "Decision needed", value: "Fund a second worker")))
        try plan.setDecisionNeeded(actionID: "PRI-01", "", context: context)
        #expect(plan.actions[plan.actionIndex(id: "PRI-01")!].decisionNeeded == nil)
        #expect(throws: PlanEditError.unknownAction("NOPE")) { try plan.setDecisionNeeded(actionID: "NOPE", "x", context: context) }
    }
}
