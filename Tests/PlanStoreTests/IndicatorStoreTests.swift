import Foundation
import PlanModel
@testable import PlanStore
import Testing

private let now = Timestamp(iso: "2026-11-22T10:00:00Z")!
private func q(_ text: String) -> Quarter { Quarter(text)! }

/// A plan with one indicator holding every field, and two values.
private func planWithIndicator() throws -> Plan {
    var plan = Plan(id: "p", title: "P", partnership: "CSP", period: Period(start: Day(iso: "2025-04-01")!, end: Day(iso: "2027-03-31")!),
                    owners: [Owner(id: "nhs", name: "NHS")], workstreams: [Workstream(id: "knife", name: "Knife crime")],
                    actions: [Action(id: "PRI-01", group: .primary, title: "Schools", owner: "nhs")])
    let context = EditContext(by: "Analyst", now: now)
    try plan.addIndicator(Indicator(id: "knife-u25", name: "Hospital admissions for assault with a sharp object (under 25)",
                                    unit: "count", better: .lower, description: "Illustrative figures", source: "HES", owner: "nhs",
                                    baseline: Baseline(value: 42, period: "2024/25"), target: Target(value: Decimal(string: "37.5")!, by: q("2026/27 Q4")),
                                    tolerance: 10, groups: ["primary"], workstreams: ["knife"], actions: ["PRI-01"], restricted: true,
                                    suppressBelow: 5), context: context)
    try plan.recordIndicatorValue(id: "knife-u25", quarter: q("2026/27 Q1"), value: 10, note: "first", context: context)
    try plan.recordIndicatorValue(id: "knife-u25", quarter: q("2026/27 Q2"), value: Decimal(string: "11.25")!, provisional: true,
                                  context: context)
    return plan
}

@Suite struct IndicatorStoreTests {
    @Test func everyIndicatorFieldRoundTripsByteForByte() throws {
        let plan = try planWithIndicator()
        let bytes = PlanCoding.encode(plan)
        let reread = try PlanCoding.decode(bytes, file: "p.json")
        #expect(reread == plan)
        #expect(PlanCoding.encode(reread) == bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\"suppressBelow\" : 5") && text.contains("\"value\" : 37.5") && text.contains("\"provisional\" : true"))
    }

    @Test func aPlanWithoutIndicatorsHasNoIndicatorsKey() throws {
        var plan = try planWithIndicator()
        plan.indicators = []
        #expect(!String(decoding: PlanCoding.encode(plan), as: UTF8.self).contains("indicators"))
    }

    @Test func badIndicatorFieldsGiveTheirPath() throws {
        var text = String(decoding: PlanCoding.encode(try planWithIndicator()), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"better\" : \"lower\"", with: "\"better\" : \"down\"")
        do {
            _ = try PlanCoding.decode(Data(text.utf8), file: "p.json")
            Issue.record("a bad polarity was read")
        } catch {
            #expect(error.description.contains("indicators[0].better"), "\(error.description)")
            #expect(error.description.contains("\"lower\" or \"higher\""))
        }
    }

    @Test func valuesMergeFieldByFieldKeyedByQuarter() throws {
        let base = try planWithIndicator()
        let later = EditContext(by: "Police analyst", now: Timestamp(iso: "2026-11-23T09:00:00Z")!)
        var mine = base, theirs = base
        try mine.recordIndicatorValue(id: "knife-u25", quarter: q("2026/27 Q3"), value: 9, context: later)
        try theirs.recordIndicatorValue(id: "knife-u25", quarter: q("2026/27 Q2"), value: 12, note: "revised", context: later)
        let merged = PlanMerge.merge(base: base, mine: mine, theirs: theirs)
        #expect(merged.conflicts.isEmpty, "\(merged.conflicts)")
        let values = merged.plan.indicators[0].values
        #expect(values.map(\.quarter.description) == ["2026/27 Q1", "2026/27 Q2", "2026/27 Q3"])
        #expect(values[1].value == 12 && values[1].note == "revised" && values[2].value == 9)
        #expect(merged.plan.indicators[0].changeLog?.count == 5)  // created, two values, one each side
        #expect(merged.plan.validate().isEmpty)
    }

    @Test func theSameQuarterRevisedTwoWaysIsAConflictNamedInWords() throws {
        let base = try planWithIndicator()
        var mine = base, theirs = base
        try mine.recordIndicatorValue(id: "knife-u25", quarter: q("2026/27 Q1"), value: 13, context: EditContext(by: "A", now: now))
        try theirs.recordIndicatorValue(id: "knife-u25", quarter: q("2026/27 Q1"), value: 14, context: EditContext(by: "B", now: now))
        let result = PlanMerge.mergeRecordingConflicts(base: base, ours: mine, theirs: theirs)
        let conflict = try #require(result.plan.conflicts.first { $0.path.hasSuffix(".value") })
        #expect(conflict.path == "indicators[id=knife-u25].values[quarter=2026/27 Q1].value")
        #expect(conflict.label == "indicator knife-u25: value for 2026/27 Q1, value")
        var resolved = result.plan
        _ = try resolved.resolveConflicts(take: .theirs, context: EditContext(by: "Chair", now: now), where: { _ in true })
        #expect(resolved.indicators[0].value(for: q("2026/27 Q1"))?.value == 14)
        #expect(resolved.validate().isEmpty)
    }
}
