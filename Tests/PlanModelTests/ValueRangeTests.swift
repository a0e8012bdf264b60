import Foundation
import PlanModel
import Testing

private func day(_ text: String) -> Day { Day(iso: text)! }

/// Values are checked where they enter, and a plan that passes the load checks can be worked
/// with (issue #27): each test here trapped or passed a bad value before the fix.
@Suite struct ValueRangeTests {
    @Test func theQuarterOfADayAtTheEndsOfTheCalendarIsWorkedOutWithoutATrap() {
        #expect(Quarter.containing(day("0001-01-01"), fyStartMonth: 4) == Quarter(year: 1, number: 4))
        #expect(Quarter.containing(day("9999-12-31"), fyStartMonth: 4) == Quarter(year: 9998, number: 3))
    }

    @Test(arguments: [("period.end", "9999-12-31"), ("period.start", "0001-01-01"), ("period.end", "2101-03-31"), ("period.start", "1899-04-01")])
    func aPeriodOutsideSensibleYearsIsAProblemOnLoad(field: String, date: String) {
        var plan = samplePlan()
        if field == "period.end" { plan.period.end = day(date) } else { plan.period.start = day(date) }
        let problem = Problem(path: field, message: "expected a date in the years 1900 to 2100, found \(date)")
        #expect(plan.loadProblems() == [problem])
        #expect(plan.validate().contains(problem))
    }

    @Test(arguments: [0, 13, -1])
    func aFinancialYearMonthOutsideOneToTwelveIsAProblemOnLoad(month: Int) {
        var plan = samplePlan()
        plan.financialYearStartMonth = month
        let problem = Problem(path: "financialYearStartMonth", message: "expected a month from 1 to 12, found \(month)")
        #expect(plan.loadProblems() == [problem])
        #expect(plan.validate() == [problem])
    }

    @Test func changingThePeriodToADateOutsideSensibleYearsIsRefused() {
        var plan = samplePlan()
        let context = EditContext(by: "a", now: Timestamp(iso: "2025-07-10T10:00:00Z")!)
        #expect(throws: PlanEditError.periodOutOfRange("expected a date in the years 1900 to 2100, found 9999-12-31")) {
            try plan.setPeriod(start: nil, end: day("9999-12-31"), context: context)
        }
        #expect(throws: PlanEditError.periodOutOfRange("expected a date in the years 1900 to 2100, found 0001-01-01")) {
            try plan.setPeriod(start: day("0001-01-01"), end: nil, context: context)
        }
        #expect(plan == samplePlan())
    }

    @Test func indicatorValuesMustLieInTheDocumentedRange() throws {
        let indicator = Indicator(id: "i", name: "I", unit: "£", better: .lower)
        for good in ["1000000000", "-1000000000", "0.000001", "12.5", "0"] {
            #expect(throws: Never.self) { try indicator.check(Decimal(string: good)!) }
        }
        for bad in ["100000000000000000000", "1000000000.5", "-1000000001", "1.0000001"] {
            #expect(throws: IndicatorError.outOfRange(Decimal(string: bad)!), "\(bad)") { try indicator.check(Decimal(string: bad)!) }
        }
        var plan = samplePlan()
        var stored = indicator
        stored.values = [IndicatorValue(quarter: Quarter("2025/26 Q1")!, value: Decimal(string: "1e20")!, by: "a",
                                        on: Timestamp(iso: "2025-07-10T10:00:00Z")!)]
        plan.indicators = [stored]
        let problem = Problem(path: "indicators[0].values[0].value",
                              message: "100000000000000000000 is out of range: an indicator value is from -1,000,000,000 to 1,000,000,000 with at most 6 decimal places")
        #expect(plan.loadProblems() == [problem])
        #expect(plan.validate() == [problem])
    }
}
