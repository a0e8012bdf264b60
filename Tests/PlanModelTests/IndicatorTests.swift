import Foundation
import PlanModel
import Testing

private let now = Timestamp(iso: "2026-11-22T10:00:00Z")!
private let context = EditContext(by: "Analyst", now: now)

private func q(_ text: String) -> Quarter { Quarter(text)! }
private func d(_ text: String) -> Decimal { Decimal(string: text)! }

/// The sample plan with one indicator and the given values recorded.
private func plan(better: Polarity = .lower, unit: String = "count", target: Decimal? = 100, tolerance: Decimal? = 10,
                  values: [(String, String)]) throws -> Plan {
    var plan = samplePlan()
    try plan.addIndicator(Indicator(id: "knife", name: "Knife admissions", unit: unit, better: better,
                                    baseline: Baseline(value: 120, period: "2024/25"),
                                    target: target.map { Target(value: $0, by: q("2026/27 Q4")) }, tolerance: tolerance),
                          context: context)
    for (quarter, value) in values {
        try plan.recordIndicatorValue(id: "knife", quarter: q(quarter), value: d(value), context: context)
    }
    return plan
}

@Suite struct IndicatorFactsTests {
    @Test func statusAgainstTargetWithToleranceWhenLowerIsBetter() throws {
        let indicator = try plan(values: []).indicators[0]
        #expect(indicator.status(of: 90) == .green)
        #expect(indicator.status(of: 100) == .green)
        #expect(indicator.status(of: 110) == .amber)
        #expect(indicator.status(of: d("110.01")) == .red)
    }

    @Test func statusAgainstTargetWithToleranceWhenHigherIsBetter() throws {
        let indicator = try plan(better: .higher, values: []).indicators[0]
        #expect(indicator.status(of: 120) == .green)
        #expect(indicator.status(of: 100) == .green)
        #expect(indicator.status(of: 90) == .amber)
        #expect(indicator.status(of: 89) == .red)
    }

    @Test func noTargetOrNoToleranceOrNoValue() throws {
        #expect(try plan(target: nil, values: [("2025/26 Q1", "5")]).indicators[0].facts().status == .none)
        #expect(try plan(values: []).indicators[0].facts().status == .none)
        let strict = try plan(tolerance: nil, values: []).indicators[0]
        #expect(strict.status(of: 101) == .red)
    }

    @Test func directionAgainstPreviousQuarterAndSameQuarterLastYear() throws {
        // Seasonal: the summer quarter rises on the spring one but is lower than last summer.
        let facts = try plan(values: [("2025/26 Q2", "140"), ("2026/27 Q1", "90"), ("2026/27 Q2", "120")]).indicators[0].facts()
        #expect(facts.latest?.quarter == q("2026/27 Q2"))
        #expect(facts.previous?.quarter == q("2026/27 Q1"))
        #expect(facts.vsPrevious?.change == 30)
        #expect(facts.vsPrevious?.isWorse == true)
        #expect(facts.vsPrevious?.arrow == "▲")
        #expect(facts.lastYear?.quarter == q("2025/26 Q2"))
        #expect(facts.vsLastYear?.change == -20)
        #expect(facts.vsLastYear?.isBetter == true)
        #expect(facts.vsLastYear?.arrow == "▼")
        #expect(facts.vsBaseline?.change == 0)
        #expect(facts.vsBaseline?.word == "same")
        #expect(facts.status == .red)
    }

    @Test func higherIsBetterTurnsTheMeaningOfArrows() throws {
        let facts = try plan(better: .higher, unit: "%", values: [("2025/26 Q3", "40"), ("2026/27 Q2", "45"), ("2026/27 Q3", "50")])
            .indicators[0].facts()
        #expect(facts.vsPrevious?.isBetter == true)
        #expect(facts.vsPrevious?.arrow == "▲")
        #expect(facts.vsLastYear?.isBetter == true)
        #expect(facts.vsLastYear?.percent == 25)
        #expect(facts.yearTotal == nil)  // not a count
    }

    @Test func missingComparisonQuartersGiveNoDirection() throws {
        let facts = try plan(values: [("2025/26 Q1", "100"), ("2025/26 Q3", "90")]).indicators[0].facts()
        #expect(facts.previous == nil && facts.vsPrevious == nil)
        #expect(facts.lastYear == nil && facts.vsLastYear == nil)
    }

    @Test func financialYearTotalForCountsIsTheYearSoFar() throws {
        let indicator = try plan(values: [("2025/26 Q4", "30"), ("2026/27 Q1", "10"), ("2026/27 Q2", "12"), ("2026/27 Q3", "8")])
            .indicators[0]
        let facts = indicator.facts()
        #expect(facts.yearTotal == 30)
        #expect(facts.yearQuarters == 3)
        let earlier = indicator.facts(asOf: q("2026/27 Q1"))
        #expect(earlier.latest?.quarter == q("2026/27 Q1"))
        #expect(earlier.yearTotal == 10 && earlier.yearQuarters == 1)
    }

    @Test func valuesAreFormattedAndSmallCountsSuppressed() throws {
        var indicator = try plan(values: []).indicators[0]
        #expect(indicator.format(d("1234567.456")) == "1,234,567.46")
        #expect(indicator.formatChange(-3) == "-3")
        indicator.suppressBelow = 5
        #expect(indicator.publicText(3) == "fewer than 5")
        #expect(indicator.publicText(0) == "0")
        #expect(indicator.publicText(5) == "5")
        indicator.unit = "%"
        #expect(indicator.format(d("12.5")) == "12.5%")
        indicator.unit = "£"
        #expect(indicator.format(-1200) == "-£1,200")
    }
}

@Suite struct IndicatorEditingTests {
    @Test func recordingStampsAndRevisingIsAudited() throws {
        var plan = try plan(values: [("2026/27 Q1", "90")])
        try plan.recordIndicatorValue(id: "knife", quarter: q("2026/27 Q1"), value: 95, note: "revised by NHS", provisional: true,
                                      context: EditContext(by: "Nurse", now: now))
        let indicator = plan.indicators[0]
        #expect(indicator.values.count == 1)
        #expect(indicator.values[0].value == 95 && indicator.values[0].by == "Nurse" && indicator.values[0].isProvisional)
        #expect(indicator.updatedBy == "Nurse")
        let log = try #require(indicator.changeLog)
        #expect(log.map(\.field) == ["created", "value 2026/27 Q1", "value 2026/27 Q1"])
        #expect(log.last?.from == "90" && log.last?.to == "95 (provisional): revised by NHS")
    }

    @Test func valuesStayInQuarterOrder() throws {
        let plan = try plan(values: [("2026/27 Q2", "1"), ("2025/26 Q1", "2"), ("2026/27 Q1", "3")])
        #expect(plan.indicators[0].values.map(\.quarter.description) == ["2025/26 Q1", "2026/27 Q1", "2026/27 Q2"])
        #expect(plan.validate().isEmpty)
    }

    @Test func badValuesAndQuartersAreRefusedAndChangeNothing() throws {
        let original = try plan(values: [])
        var plan = original
        #expect(throws: IndicatorError.quarterOutsidePlan(q("2024/25 Q4"), first: q("2025/26 Q1"), last: q("2026/27 Q4"))) {
            try plan.recordIndicatorValue(id: "knife", quarter: q("2024/25 Q4"), value: 1, context: context)
        }
        #expect(throws: IndicatorError.quarterNotStarted(q("2026/27 Q4"), current: q("2026/27 Q3"))) {
            try plan.recordIndicatorValue(id: "knife", quarter: q("2026/27 Q4"), value: 1, context: context)
        }
        #expect(throws: IndicatorError.negative(-1, unit: "count")) {
            try plan.recordIndicatorValue(id: "knife", quarter: q("2026/27 Q1"), value: -1, context: context)
        }
        #expect(throws: IndicatorError.unknownIndicator("nope")) {
            try plan.recordIndicatorValue(id: "nope", quarter: q("2026/27 Q1"), value: 1, context: context)
        }
        #expect(plan == original)
    }

    @Test func numbersAreReadAsPeopleTypeThem() throws {
        #expect(try Indicator.number(from: " 1,234.5 ") == d("1234.5"))
        #expect(try Indicator.number(from: "-3") == -3)
        #expect(throws: IndicatorError.notFinite("inf")) { try Indicator.number(from: "inf") }
        #expect(throws: IndicatorError.notFinite("NaN")) { try Indicator.number(from: "NaN") }
        for bad in ["", "abc", "12a", "1,23", "1.", ".5", "1e5", "--1", "1.2.3"] {
            #expect(throws: IndicatorError.self, "\(bad)") { try Indicator.number(from: bad) }
        }
    }

    @Test func addingChecksTheIndicatorAndAValueRefusedLeavesNoIndicator() throws {
        var plan = samplePlan()
        let original = plan
        #expect(throws: IndicatorError.unknownOwner("nobody")) {
            try plan.addIndicator(Indicator(id: "x", name: "X", unit: "count", better: .lower, owner: "nobody"), context: context)
        }
        #expect(throws: IndicatorError.unknownAction("PRI-99")) {
            try plan.addIndicator(Indicator(id: "x", name: "X", unit: "count", better: .lower, actions: ["PRI-99"]), context: context)
        }
        #expect(throws: IndicatorError.negative(-2, unit: "count")) {
            try plan.addIndicator(Indicator(id: "x", name: "X", unit: "count", better: .lower,
                                            values: [IndicatorValue(quarter: q("2026/27 Q1"), value: -2, by: "", on: now)]),
                                  context: context)
        }
        #expect(plan == original)
        try plan.addIndicator(Indicator(id: "x", name: "X", unit: "count", better: .lower), context: context)
        #expect(throws: IndicatorError.duplicateIndicatorID("x")) {
            try plan.addIndicator(Indicator(id: "x", name: "Y", unit: "count", better: .lower), context: context)
        }
    }

    @Test func validationNamesTheJSONPath() throws {
        var plan = try plan(values: [("2026/27 Q1", "3")])
        plan.indicators[0].values.append(IndicatorValue(quarter: q("2026/27 Q1"), value: -4, by: "x", on: now))
        plan.indicators[0].values.append(IndicatorValue(quarter: q("2030/31 Q1"), value: 1, by: "x", on: now))
        plan.indicators[0].owner = "ghost"
        let problems = plan.validate().map(\.description)
        #expect(problems.contains("indicators[0].owner: unknown owner \"ghost\""))
        #expect(problems.contains("indicators[0].values[1].quarter: second value for 2026/27 Q1 (first is values[0])"))
        #expect(problems.contains("indicators[0].values[1].value: -4 is negative, which a count cannot be"))
        #expect(problems.contains { $0.hasPrefix("indicators[0].values[2].quarter: 2030/31 Q1 is outside the plan period") })
    }
}

@Suite struct IndicatorChangeTests {
    @Test func worseThanLastYearAndCrossingTheTargetAreReported() throws {
        let plan = try plan(values: [("2025/26 Q2", "95"), ("2026/27 Q1", "98"), ("2026/27 Q2", "115")])
        let changes = plan.indicatorChanges(from: q("2026/27 Q2"), to: q("2026/27 Q3"))
        #expect(changes.count == 1)
        #expect(changes.first?.kinds == [.worseThanLastYear, .missedTarget])
        #expect(changes.first?.status == .red && changes.first?.previousStatus == .green)
        #expect(changes.first?.lastYear?.quarter == q("2025/26 Q2"))
    }

    @Test func betterThanLastYearOnTargetIsNotNews() throws {
        let plan = try plan(values: [("2025/26 Q2", "120"), ("2026/27 Q1", "98"), ("2026/27 Q2", "90")])
        #expect(plan.indicatorChanges(from: q("2026/27 Q2"), to: q("2026/27 Q3")).isEmpty)
    }

    @Test func figuresRecordedBeforeThePeriodAreNotNewsAgain() throws {
        let plan = try plan(values: [("2025/26 Q2", "95"), ("2026/27 Q2", "115")])
        // Recorded on 2026-11-22 (2026/27 Q3): not in a period that ended before then.
        #expect(plan.indicatorChanges(from: q("2026/27 Q1"), to: q("2026/27 Q2")).isEmpty)
        #expect(plan.indicatorChanges(from: q("2026/27 Q2"), to: q("2026/27 Q3")).count == 1)
    }

    @Test func comingBackOnTargetIsReported() throws {
        let plan = try plan(better: .higher, target: 50, tolerance: 0, values: [("2026/27 Q1", "40"), ("2026/27 Q2", "55")])
        #expect(plan.indicatorChanges(from: q("2026/27 Q2"), to: q("2026/27 Q3")).first?.kinds == [.metTarget])
    }
}

@Suite struct IndicatorLinkTests {
    @Test func deletingAMeasuredActionKeepsThePlanValid() throws {
        var plan = samplePlan()
        try plan.addIndicator(Indicator(id: "x", name: "X", unit: "count", better: .lower, actions: ["PRI-01"]), context: context)
        try plan.deleteAction(id: "PRI-01", context: context)
        #expect(plan.validate().isEmpty)
        plan.indicators[0].actions.append("PRI-77")
        #expect(plan.validate().map(\.description) == ["indicators[0].actions[1]: unknown action \"PRI-77\""])
    }
}
