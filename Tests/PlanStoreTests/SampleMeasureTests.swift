import Foundation
import PlanModel
import PlanStore
import Testing

/// Every serious-violence sample plan (all but the domestic abuse one) reports the duty's three
/// national measures with the under-25 focus, marked by their codes, plus a local indicator, and
/// says its figures are illustrative.
@Suite struct SampleMeasureTests {
    @Test func everySeriousViolenceSampleCarriesTheThreeMeasuresAndALocalIndicator() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: plansFolder.path)
            .filter { $0.hasSuffix(".json") && !$0.contains("domestic-abuse") }.sorted()
        #expect(names.count == 4)
        for name in names {
            let plan = try PlanFile.load(plansFolder.appendingPathComponent(name).path)
            for measure in [NationalMeasure.hospitalKnifeU25, .policeKnifeU25, .homicideU25] {
                let indicator = try #require(plan.indicator(for: measure), "\(name) has no \(measure.rawValue)")
                #expect(!indicator.values.isEmpty, "\(name): \(measure.rawValue) has no values")
                #expect(indicator.description.contains("illustrative"), "\(name): \(indicator.id) does not say its figures are illustrative")
            }
            #expect(plan.indicators.contains { $0.measure == nil && !$0.values.isEmpty }, "\(name) has no local indicator")
            #expect(plan.population != nil, "\(name) records no population")
            #expect(plan.validate().isEmpty, "\(name): \(plan.validate())")
        }
    }
}
