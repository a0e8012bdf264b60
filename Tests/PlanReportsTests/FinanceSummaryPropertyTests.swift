import Foundation
import PlanModel
import PlanReports
import PropertyBased
import Testing

/// Whatever funding lines a plan holds, the finance summary accounts for every pound once: each
/// source's and each group's amount in each year is the sum of its lines, and the totals agree.
@Suite struct FinanceSummaryPropertyTests {
    static let years = [FinancialYear("2025/26")!, FinancialYear("2026/27")!, FinancialYear("2027/28")!]
    static let sources = ["Home Office SVD grant", "Public health", "Police and Crime Commissioner"]
    /// Where a line is held: the plan itself (0) or one of three actions in different groups.
    static let holders: [(FundingHolder, String)] = [(.plan, "Whole plan"), (.action("WSA-01"), "Whole system approach"),
                                                     (.action("PRI-01"), "Primary prevention"), (.action("TER-01"), "Tertiary prevention")]

    /// A funding line as picks: holder, source, year, amount in pence, labour share in tenths (10: no split).
    static let line = Gen<Int>.int(in: 0...1_000_000).array(of: 5)

    func basePlan() throws -> Plan {
        var plan = Plan(id: "p", title: "T", partnership: "CSP", period: Period(start: Day(iso: "2025-04-01")!, end: Day(iso: "2028-03-31")!))
        // Added at the start, so a report on any quarter since includes them.
        let context = EditContext(by: "t", now: Timestamp(iso: "2025-04-01T10:00:00Z")!)
        try plan.addOwner(name: "Council", context: context)
        for (id, group) in [("WSA-01", PreventionGroup.wholeSystem), ("PRI-01", .primary), ("TER-01", .tertiary)] {
            try plan.addAction(Action(id: id, group: group, title: id, owner: "council"), context: context)
        }
        return plan
    }

    @Test func everyPoundIsCountedOnceAndTheTotalsAgree() async throws {
        let base = try basePlan()
        let context = EditContext(by: "t", now: Timestamp(iso: "2026-11-22T10:00:00Z")!)
        await propertyCheck(count: 200, input: Self.line.array(of: 0...12)) { picks in
            var plan = base
            var expected: [(holder: String, source: String, year: FinancialYear, amount: Decimal, labour: Decimal?)] = []
            for pick in picks {
                let (holder, group) = Self.holders[pick[0] % Self.holders.count]
                let source = Self.sources[pick[1] % Self.sources.count], year = Self.years[pick[2] % Self.years.count]
                let amount = Decimal(pick[3]) / 100
                let tenths = pick[4] % 11
                let labour: Decimal? = tenths == 10 ? nil : amount * Decimal(tenths) / 10
                do {
                    try plan.addFundingLine(to: holder, source: source, year: year, amount: amount, labour: labour, nonLabour: nil, context: context)
                } catch {
                    Issue.record("refused: \(error)")
                    return
                }
                expected.append((group, source, year, amount, labour))
            }
            let report = Report(plan: plan, options: ReportOptions(now: context.now))
            guard let finance = report.finance else {
                #expect(expected.isEmpty)
                return
            }
            let years = Self.years.filter { year in expected.contains { $0.year == year } }
            #expect(finance.years == years.map(\.description))
            func check(_ line: Report.FinanceLine, _ mine: [(holder: String, source: String, year: FinancialYear, amount: Decimal, labour: Decimal?)]) {
                #expect(line.amounts == years.map { year in
                    let inYear = mine.filter { $0.year == year }
                    return inYear.isEmpty ? "" : pounds(inYear.reduce(0) { $0 + $1.amount })
                }, "\(line.name)")
                #expect(line.total == pounds(mine.reduce(0) { $0 + $1.amount }), "\(line.name)")
                let split = mine.compactMap(\.labour)
                #expect(line.labour == (split.isEmpty ? "" : pounds(split.reduce(0, +))), "\(line.name)")
            }
            #expect(Set(finance.bySource.map(\.name)) == Set(expected.map(\.source)))
            #expect(Set(finance.byGroup.map(\.name)) == Set(expected.map(\.holder)))
            for line in finance.bySource { check(line, expected.filter { $0.source == line.name }) }
            for line in finance.byGroup { check(line, expected.filter { $0.holder == line.name }) }
            check(finance.total, expected)
        }
    }
}
