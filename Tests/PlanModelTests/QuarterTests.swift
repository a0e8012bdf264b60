import PlanModel
import Testing

private func day(_ text: String) -> Day { Day(iso: text)! }

@Suite struct QuarterTests {
    @Test func parsesAndPrints() {
        #expect(Quarter("2025/26 Q2") == Quarter(year: 2025, number: 2))
        #expect(Quarter("  2025/26 q4 ")?.description == "2025/26 Q4")
        #expect(Quarter("1999/00 Q1")?.description == "1999/00 Q1")
        #expect(Quarter(year: 2099, number: 4)?.description == "2099/00 Q4")
        for bad in ["2025/27 Q1", "2025/26 Q5", "2025/26 Q0", "2025 Q1", "25/26 Q1", "2025/26", "", "2025/26 QQ1"] {
            #expect(Quarter(bad) == nil, "\(bad) should not parse")
        }
    }

    @Test(arguments: [
        ("2025-03-31", "2024/25 Q4"), ("2025-04-01", "2025/26 Q1"), ("2025-06-30", "2025/26 Q1"),
        ("2025-07-01", "2025/26 Q2"), ("2025-09-30", "2025/26 Q2"), ("2025-10-01", "2025/26 Q3"),
        ("2025-12-31", "2025/26 Q3"), ("2026-01-01", "2025/26 Q4"), ("2026-03-31", "2025/26 Q4"),
        ("2024-02-29", "2023/24 Q4"),
    ])
    func dateToQuarterWithAprilStart(date: String, expected: String) {
        #expect(Quarter.containing(day(date), fyStartMonth: 4).description == expected)
    }

    @Test func otherFinancialYearStarts() {
        // Calendar-year financial year: January starts Q1 of the same year.
        #expect(Quarter.containing(day("2025-01-01"), fyStartMonth: 1) == Quarter(year: 2025, number: 1))
        #expect(Quarter.containing(day("2025-12-31"), fyStartMonth: 1) == Quarter(year: 2025, number: 4))
        // July start (as in some academic-year plans).
        #expect(Quarter.containing(day("2025-06-30"), fyStartMonth: 7) == Quarter(year: 2024, number: 4))
        #expect(Quarter.containing(day("2025-07-01"), fyStartMonth: 7) == Quarter(year: 2025, number: 1))
        #expect(Quarter(year: 2025, number: 3)!.firstDay(fyStartMonth: 7) == day("2026-01-01"))
    }

    @Test func nextAndPreviousCrossYearBoundaries() {
        let q4 = Quarter("2025/26 Q4")!
        #expect(q4.next.description == "2026/27 Q1")
        #expect(q4.next.previous == q4)
        #expect(Quarter("2025/26 Q1")!.previous.description == "2024/25 Q4")
        #expect(Quarter("2025/26 Q2")!.next.description == "2025/26 Q3")
        #expect(Quarter("2024/25 Q4")! < Quarter("2025/26 Q1")!)
    }

    @Test func firstAndLastDays() {
        let q4 = Quarter("2023/24 Q4")!
        #expect(q4.firstDay(fyStartMonth: 4) == day("2024-01-01"))
        #expect(q4.lastDay(fyStartMonth: 4) == day("2024-03-31"))
        #expect(Quarter("2025/26 Q3")!.lastDay(fyStartMonth: 4) == day("2025-12-31"))
        #expect(Quarter("2025/26 Q1")!.firstDay(fyStartMonth: 4) == day("2025-04-01"))
        // December start: Q1 spans the turn of the calendar year.
        #expect(Quarter(year: 2025, number: 1)!.lastDay(fyStartMonth: 12) == day("2026-02-28"))
    }

    @Test func quartersCoveringAPeriod() {
        let all = Quarter.covering(from: day("2024-04-01"), to: day("2027-03-31"), fyStartMonth: 4)
        #expect(all.count == 12)
        #expect(all.first?.description == "2024/25 Q1")
        #expect(all.last?.description == "2026/27 Q4")
        let partial = Quarter.covering(from: day("2025-03-15"), to: day("2025-07-02"), fyStartMonth: 4)
        #expect(partial.map(\.description) == ["2024/25 Q4", "2025/26 Q1", "2025/26 Q2"])
        #expect(Quarter.covering(from: day("2025-05-01"), to: day("2025-04-01"), fyStartMonth: 4).isEmpty)
    }
}

@Suite struct DayAndTimestampTests {
    @Test func parsesOnlyRealDates() {
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2025-02-29") == nil)
        #expect(Day(iso: "1900-02-29") == nil)
        #expect(Day(iso: "2000-02-29") != nil)
        for bad in ["2025-13-01", "2025-04-31", "2025-4-01", "2025/04/01", "2025-04-01T00:00:00Z", "abcd-ef-gh"] {
            #expect(Day(iso: bad) == nil, "\(bad) should not parse")
        }
    }

    @Test func epochArithmeticRoundTrips() {
        #expect(Day(iso: "1970-01-01")!.daysSinceEpoch == 0)
        #expect(Day(iso: "2000-03-01")!.daysSinceEpoch == 11_017)
        for n in stride(from: -40_000, through: 40_000, by: 97) {
            #expect(Day(daysSinceEpoch: n).daysSinceEpoch == n)
        }
        #expect(Day(iso: "2024-12-31")!.adding(days: 1) == Day(iso: "2025-01-01"))
        #expect(Day(iso: "2024-11-15")!.firstOfMonth(adding: 3) == Day(iso: "2025-02-01"))
    }

    @Test func timestamps() {
        let t = Timestamp(iso: "2026-11-12T14:30:05Z")!
        #expect(t.description == "2026-11-12T14:30:05Z")
        #expect(t.day == Day(iso: "2026-11-12"))
        #expect(Timestamp(iso: "2026-11-12 14:30:05Z") == nil)
        #expect(Timestamp(iso: "2026-11-12T24:00:00Z") == nil)
        #expect(Timestamp(iso: "2026-11-12T14:30:05+01:00") == nil)
        #expect(Timestamp(secondsSinceEpoch: -1).description == "1969-12-31T23:59:59Z")
    }

    @Test func statusWords() {
        #expect(Status(word: "Amber") == .amber)
        #expect(Status(word: "r") == .red)
        #expect(Status(word: "not started") == .notStarted)
        #expect(Status(word: "NOT-STARTED") == .notStarted)
        #expect(Status(word: "blue") == nil)
        #expect(Status.allCases.map(\.letter) == ["N", "R", "A", "G", "C"])
    }

    /// The quarters a report can be made of (the export dialog's list) are exactly those
    /// `reportProblem` accepts, newest first, on every day from before the period to after it,
    /// with quarters closed or not, and whatever month the financial year starts.
    @Test(arguments: [4, 1, 7])
    func reportableQuartersAreThoseAReportCanBeMadeOf(fyStartMonth: Int) {
        var plan = Plan(id: "p", title: "P", partnership: "CSP",
                        period: Period(start: day("2024-05-15"), end: day("2026-02-10")), owners: [Owner(id: "o", name: "O")])
        plan.financialYearStartMonth = fyStartMonth
        for closing in [0, 3, plan.periodQuarters.count] {
            plan.quarters = plan.periodQuarters.prefix(closing).map { QuarterRecord(quarter: $0, state: .closed) }
            var today = day("2024-01-01")
            while today < day("2026-09-01") {
                let current = plan.currentQuarter(on: today)
                let accepted = plan.periodQuarters.filter { plan.reportProblem(with: $0, on: today) == nil }
                #expect(plan.reportableQuarters(upTo: current) == accepted.reversed(), "\(today), \(closing) closed")
                today = today.adding(days: 17)
            }
        }
    }
}
