import Foundation
import PlanModel
@testable import PlanStore
import Testing

/// Issue 27: the frozen state of a closed quarter is in the plan file, reads back the same, and
/// merges whole: two agencies closing one quarter, or one closing while another edits.
@Suite struct FrozenQuarterStoreTests {
    let q3 = Quarter("2026/27 Q3")!
    let police = EditContext(by: "Police", now: Timestamp(iso: "2026-12-20T10:00:00Z")!)
    let council = EditContext(by: "Council", now: Timestamp(iso: "2026-12-20T11:00:00Z")!)

    @Test func aFrozenQuarterReadsBackTheSameAndAPlanWithoutOneIsUnchanged() throws {
        let sample = try PlanFile.load(hillingdonSample)
        #expect(!String(decoding: PlanCoding.encode(sample), as: UTF8.self).contains("frozenQuarters"))
        var plan = sample
        try plan.closeQuarter(q3, board: "CSP", context: police)
        let data = PlanCoding.encode(plan)
        let read = try PlanCoding.decode(data, file: "p.json")
        #expect(read == plan)
        #expect(PlanCoding.encode(read) == data)
        #expect(read.validate().isEmpty)
    }

    @Test func aFrozenStateWithAMissingFieldIsRefusedWithItsPath() throws {
        var plan = try PlanFile.load(hillingdonSample)
        try plan.closeQuarter(q3, board: nil, context: police)
        let text = String(decoding: PlanCoding.encode(plan), as: UTF8.self)
            .replacingOccurrences(of: "\"closedBy\" : \"Police\",\n      \"closedOn\" : \"2026-12-20T10:00:00Z\",\n      \"plan\"",
                                  with: "\"closedOn\" : \"2026-12-20T10:00:00Z\",\n      \"plan\"")
        #expect(throws: PlanFileError.self) { try PlanCoding.decode(Data(text.utf8), file: "p.json") }
        do {
            _ = try PlanCoding.decode(Data(text.utf8), file: "p.json")
        } catch {
            #expect(error.description.contains("frozenQuarters[0]") && error.description.contains("closedBy"), "\(error)")
        }
    }

    @Test func oneSideClosingWhileTheOtherEditsKeepsTheFrozenStateAndTheEdit() throws {
        let base = try PlanFile.load(hillingdonSample)
        var ours = base, theirs = base
        try ours.closeQuarter(q3, board: nil, context: police)
        try theirs.editAction(id: "SEC-06", context: council) { $0.title = "Retitled later" }
        for (mine, other) in [(ours, theirs), (theirs, ours)] {
            let result = PlanMerge.merge(base: base, mine: mine, theirs: other)
            #expect(result.conflicts.isEmpty)
            #expect(result.plan.frozen(q3) == ours.frozen(q3))
            #expect(result.plan.actions.first { $0.id == "SEC-06" }?.title == "Retitled later")
            #expect(result.plan.validate().isEmpty)
        }
    }

    @Test func twoSidesClosingOneQuarterKeepTheLaterCloseWhicheverSideMerges() throws {
        let base = try PlanFile.load(hillingdonSample)
        var ours = base, theirs = base
        try ours.editAction(id: "PRI-01", context: police) { $0.title = "Police's title" }
        try ours.closeQuarter(q3, board: nil, context: police)
        try theirs.closeQuarter(q3, board: nil, context: council)
        for (mine, other) in [(ours, theirs), (theirs, ours)] {
            let merged = PlanMerge.merge(base: base, mine: mine, theirs: other).plan
            #expect(merged.frozen(q3) == theirs.frozen(q3))
            #expect(merged.quarters.first { $0.quarter == q3 }?.closedOn == council.now)
            #expect(merged.validate().isEmpty)
        }
    }

    @Test func aReopeningOnOneSideDropsTheFrozenStateAndAClosingAgainReplacesIt() throws {
        var base = try PlanFile.load(hillingdonSample)
        try base.closeQuarter(q3, board: nil, context: police)
        var ours = base, theirs = base
        try ours.reopenQuarter(q3, reason: "correction", context: council)
        try theirs.editAction(id: "SEC-06", context: council) { $0.title = "Retitled later" }
        #expect(PlanMerge.merge(base: base, mine: theirs, theirs: ours).plan.frozen(q3) == nil)
        try ours.closeQuarter(q3, board: nil, context: council.later(60))
        let merged = PlanMerge.merge(base: base, mine: theirs, theirs: ours).plan
        #expect(merged.frozen(q3) == ours.frozen(q3) && merged.frozenQuarters.count == 1)
        #expect(merged.validate().isEmpty)
    }
}
