import Foundation
import PlanModel
@testable import PlanStore
import Testing

private let now = Timestamp(iso: "2026-11-22T10:00:00Z")!

/// A plan with one local indicator and one reporting a national measure.
private func planWithMeasure() throws -> Plan {
    var plan = Plan(id: "p", title: "P", partnership: "CSP", period: Period(start: Day(iso: "2025-04-01")!, end: Day(iso: "2027-03-31")!))
    let context = EditContext(by: "Analyst", now: now)
    try plan.addIndicator(Indicator(id: "admissions", name: "Knife admissions", unit: "count", better: .lower, measure: .hospitalKnifeU25),
                          context: context)
    try plan.addIndicator(Indicator(id: "referrals", name: "Referrals", unit: "count", better: .higher), context: context)
    return plan
}

/// The national-measure code and the plan's population in the file: written, read back, refused
/// when unknown, and kept by a merge.
@Suite struct NationalMeasureStoreTests {
    @Test func measureAndPopulationRoundTripByteForByte() throws {
        var plan = try planWithMeasure()
        plan.population = 183_000
        let bytes = PlanCoding.encode(plan)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\"measure\" : \"hospital-knife-u25\"") && text.contains("\"population\" : 183000"))
        #expect(text.components(separatedBy: "\"measure\"").count == 2, "a local indicator has no measure key")
        let reread = try PlanCoding.decode(bytes, file: "p.json")
        #expect(reread == plan && reread.indicator(for: .hospitalKnifeU25)?.id == "admissions")
        #expect(PlanCoding.encode(reread) == bytes)
    }

    @Test func anUnknownMeasureCodeIsRefusedWithItsPathAndTheCodes() throws {
        let text = String(decoding: PlanCoding.encode(try planWithMeasure()), as: UTF8.self)
            .replacingOccurrences(of: "\"hospital-knife-u25\"", with: "\"knife-admissions\"")
        do {
            _ = try PlanCoding.decode(Data(text.utf8), file: "p.json")
            Issue.record("an unknown measure was read")
        } catch {
            #expect(error.description.contains("indicators[0].measure"), "\(error.description)")
            #expect(error.description.contains("\"police-knife-u25\""), "\(error.description)")
        }
    }

    @Test func aMeasureSetOnOneSideAndThePopulationOnTheOtherBothSurviveAMerge() throws {
        let base = try planWithMeasure()
        var mine = base, theirs = base
        try mine.setIndicatorMeasure(id: "admissions", measure: .hospitalKnife, context: EditContext(by: "A", now: now))
        try theirs.setPopulation(183_000, context: EditContext(by: "B", now: now))
        let merged = PlanMerge.merge(base: base, mine: mine, theirs: theirs)
        #expect(merged.conflicts.isEmpty, "\(merged.conflicts)")
        #expect(merged.plan.indicators[0].measure == .hospitalKnife && merged.plan.population == 183_000)
        #expect(merged.plan.validate().isEmpty)
    }

    @Test func aMeasureChangedTwoWaysIsAConflictOnThatField() throws {
        let base = try planWithMeasure()
        var mine = base, theirs = base
        try mine.setIndicatorMeasure(id: "admissions", measure: .hospitalKnife, context: EditContext(by: "A", now: now))
        try theirs.setIndicatorMeasure(id: "admissions", measure: nil, context: EditContext(by: "B", now: now))
        let merged = PlanMerge.merge(base: base, mine: mine, theirs: theirs)
        #expect(merged.conflicts.map(\.path) == ["indicators[id=admissions].measure"])
        #expect(merged.plan.indicators[0].measure == .hospitalKnife)
    }
}
