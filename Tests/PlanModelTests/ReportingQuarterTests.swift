import PlanModel
import Testing

private func day(_ text: String) -> Day { Day(iso: text)! }
private func quarter(_ text: String) -> Quarter { Quarter(text)! }

/// The quarter reports default to, through a quarter's life: it runs, ends, awaits its board,
/// and is closed (issue #27).
@Suite struct ReportingQuarterTests {
    /// A plan from 2025/26 Q1 to 2026/27 Q4 with the given quarters closed.
    private func plan(closed: [String], fyStartMonth: Int = 4) -> Plan {
        var plan = Plan(id: "p", title: "P", partnership: "CSP",
                        period: Period(start: day("2025-04-01"), end: day("2027-03-31")), owners: [Owner(id: "o", name: "O")])
        plan.financialYearStartMonth = fyStartMonth
        plan.quarters = closed.map { QuarterRecord(quarter: quarter($0), state: .closed) }
        return plan
    }

    @Test(arguments: [
        // A quarter runs: Q2 closed, so the current quarter.
        (["2026/27 Q2"], "2026-11-22", "2026/27 Q3"),
        // Q2 ended and still waits for its board: Q2, not the running Q3.
        (["2026/27 Q1"], "2026-11-22", "2026/27 Q2"),
        // Closed early (the board met on 6 December): stays on Q3, never jumps to Q4.
        (["2026/27 Q2", "2026/27 Q3"], "2026-12-06", "2026/27 Q3"),
        // After Q3 ends, while its returns come in and before its board: Q3.
        (["2026/27 Q2"], "2027-01-15", "2026/27 Q3"),
        // Q3 closed after its board: the running Q4.
        (["2026/27 Q2", "2026/27 Q3"], "2027-02-10", "2026/27 Q4"),
        // A quarter left open behind a later closed one is not chosen.
        (["2026/27 Q3"], "2027-02-10", "2026/27 Q4"),
        // Never closed: the quarter just ended.
        ([], "2026-05-01", "2025/26 Q4"),
        // Before the period: its first quarter; after it: its last, closed or not.
        ([], "2025-01-10", "2025/26 Q1"),
        ([], "2027-06-01", "2026/27 Q4"),
        (["2026/27 Q4"], "2027-06-01", "2026/27 Q4"),
        // The first day of a quarter: the one just ended.
        (["2026/27 Q1"], "2026-10-01", "2026/27 Q2"),
    ])
    func followsTheQuartersLife(closed: [String], today: String, expected: String) {
        #expect(plan(closed: closed).reportingQuarter(on: day(today)) == quarter(expected))
    }

    @Test func aClosedCurrentQuarterSaysWhenUpdatesForTheNextStart() {
        let early = plan(closed: ["2026/27 Q2", "2026/27 Q3"])
        #expect(early.closedQuarterNotice(on: day("2026-12-06")) == "2026/27 Q3 is closed; updates for 2026/27 Q4 start on 1 Jan 2027")
        #expect(early.closedQuarterNotice(on: day("2027-01-02")) == nil)
        #expect(plan(closed: ["2026/27 Q2"]).closedQuarterNotice(on: day("2027-01-15")) == nil)
        #expect(plan(closed: ["2026/27 Q4"]).closedQuarterNotice(on: day("2027-06-01"))
                == "2026/27 Q4, the last quarter of the plan period (to 2027-03-31), is closed")
    }

    @Test func aQuarterRunsUntilItEndsOrIsClosed() {
        let open = plan(closed: [])
        #expect(open.isRunning(quarter("2026/27 Q3"), on: day("2026-12-31")))
        #expect(!open.isRunning(quarter("2026/27 Q3"), on: day("2027-01-01")))
        #expect(!plan(closed: ["2026/27 Q3"]).isRunning(quarter("2026/27 Q3"), on: day("2026-12-06")))
        #expect(open.isRunning(FinancialYear("2026/27")!, on: day("2027-03-31")))
        #expect(!open.isRunning(FinancialYear("2025/26")!, on: day("2026-04-01")))
    }

    /// On every day from before the period to after it, whatever the financial year's start and
    /// whichever quarters are closed: the default quarter has started (a report can be made of
    /// it), is the current quarter or the one just ended, and is the one just ended only while
    /// that is open; the annual report's headline stands on it too.
    @Test(arguments: [4, 1, 7])
    func neverAQuarterThatHasNotStarted(fyStartMonth: Int) {
        var base = plan(closed: [], fyStartMonth: fyStartMonth)
        base.period = Period(start: day("2024-05-15"), end: day("2026-02-10"))
        let all = base.periodQuarters
        for pattern in 0..<16 {
            var plan = base
            plan.quarters = all.enumerated().filter { pattern & (1 << ($0.offset % 4)) != 0 }.map { QuarterRecord(quarter: $0.element, state: .closed) }
            var today = day("2024-01-01")
            while today < day("2026-09-01") {
                let reporting = plan.reportingQuarter(on: today), current = plan.currentQuarter(on: today)
                #expect(plan.reportProblem(with: reporting, on: today) == nil, "\(today), pattern \(pattern)")
                #expect(reporting == current || (reporting < current && !plan.isClosed(reporting) && reporting.next == current))
                if reporting == current, current.previous >= plan.firstQuarter, today > current.previous.lastDay(fyStartMonth: fyStartMonth),
                   today <= current.lastDay(fyStartMonth: fyStartMonth),
                   !plan.quarters.contains(where: { $0.quarter >= current }) {
                    #expect(plan.isClosed(current.previous), "\(today), pattern \(pattern): \(current.previous) ended and is open")
                }
                let year = FinancialYear(startYear: reporting.year)
                #expect(plan.reportedQuarters(of: year, on: today).last == reporting, "\(today), pattern \(pattern)")
                today = today.adding(days: 11)
            }
        }
    }
}
