import Foundation
@testable import PlanModel
import Testing

private let context = EditContext(by: "Analyst", now: Timestamp(iso: "2026-11-22T10:00:00Z")!)

private func plan() -> Plan {
    var plan = Plan(id: "p", title: "P", partnership: "CSP", period: Period(start: Day(iso: "2025-04-01")!, end: Day(iso: "2027-03-31")!))
    plan.indicators = [Indicator(id: "a", name: "A", unit: "count", better: .lower),
                       Indicator(id: "b", name: "B", unit: "count", better: .lower),
                       Indicator(id: "rate", name: "Rate", unit: "rate per 1,000", better: .lower)]
    return plan
}

/// The rules for national-measure codes and the population, in editing and in validation.
@Suite struct NationalMeasureTests {
    @Test func settingAMeasureIsOnTheIndicatorsTrailAndClearingItToo() throws {
        var p = plan()
        try p.setIndicatorMeasure(id: "a", measure: .homicideU25, context: context)
        try p.setIndicatorMeasure(id: "a", measure: nil, context: context)
        #expect(p.indicators[0].measure == nil)
        #expect(p.indicators[0].changeLog?.map { "\($0.field):\($0.from)→\($0.to)" } == ["measure:→homicide-u25", "measure:homicide-u25→"])
    }

    @Test func oneIndicatorPerMeasureAndOnlyALowerBetterCount() throws {
        var p = plan()
        try p.setIndicatorMeasure(id: "a", measure: .policeKnife, context: context)
        #expect(throws: IndicatorError.measureTaken(.policeKnife, by: "a")) {
            try p.setIndicatorMeasure(id: "b", measure: .policeKnife, context: context)
        }
        #expect(throws: IndicatorError.self) { try p.setIndicatorMeasure(id: "rate", measure: .homicide, context: context) }
        var higher = Indicator(id: "h", name: "H", unit: "count", better: .higher, measure: .homicide)
        #expect(throws: IndicatorError.self) { try p.addIndicator(higher, context: context) }
        higher.better = .lower
        try p.addIndicator(higher, context: context)
        #expect(p.indicator(for: .homicide)?.id == "h")
        #expect(throws: IndicatorError.unknownIndicator("zz")) { try p.setIndicatorMeasure(id: "zz", measure: .homicide, context: context) }
    }

    @Test func validationNamesATwiceUsedMeasureAnUnfitIndicatorAndABadPopulation() {
        var p = plan()
        p.indicators[0].measure = .hospitalKnife
        p.indicators[1].measure = .hospitalKnife
        p.indicators[2].measure = .homicide
        p.population = 0
        let problems = p.validate().map(\.description)
        #expect(problems.contains("indicators[1].measure: hospital-knife is already the measure of indicators[0]"), "\(problems)")
        #expect(problems.contains { $0.hasPrefix("indicators[2].measure: homicide is a count of events") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("population: 0 is not a population") }, "\(problems)")
        p.indicators[1].measure = .hospitalKnifeU25
        p.indicators[2].measure = nil
        p.population = 1
        #expect(p.validate().isEmpty)
    }

    @Test func populationIsSetOnThePlansTrailAndZeroIsRefused() throws {
        var p = plan()
        try p.setPopulation(183_000, context: context)
        #expect(throws: PlanEditError.populationOutOfRange(0)) { try p.setPopulation(0, context: context) }
        try p.setPopulation(nil, context: context)
        #expect(p.population == nil && p.changeLog?.map(\.to) == ["183000", ""])
    }
}
