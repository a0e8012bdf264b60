import Foundation
import PlanModel
@testable import PlanStore
import Testing

/// Conflicts recorded in the plan file: written, read back, listed by validation, refused by saves.
@Suite struct MergeConflictRecordTests {
    let me = EditContext(by: "Me", now: Timestamp(iso: "2026-11-22T10:00:00Z")!)
    let colleague = EditContext(by: "Colleague", now: Timestamp(iso: "2026-11-22T10:05:00Z")!)

    func conflicted() throws -> (base: Plan, result: PlanMerge.Result) {
        let base = try PlanFile.load(hillingdonSample)
        var mine = base, theirs = base
        try mine.editAction(id: "SEC-06", context: me) { $0.title = "My title" }
        try theirs.editAction(id: "SEC-06", context: colleague) { $0.title = "Their title" }
        try theirs.deleteAction(id: "TER-04", context: colleague)
        try mine.recordUpdate(actionID: "TER-04", status: .amber, commentary: "Still needed", context: me)
        return (base, PlanMerge.mergeRecordingConflicts(base: base, ours: mine, theirs: theirs))
    }

    @Test func conflictsAreWrittenAndReadBackAndValidationListsThem() throws {
        let (_, result) = try conflicted()
        let plan = result.plan
        #expect(plan.conflicts.map(\.path) == ["actions[id=SEC-06].title", "actions[id=TER-04]"])
        let title = plan.conflicts[0]
        #expect((title.ours, title.theirs, title.oursBy, title.theirsBy) == ("\"My title\"", "\"Their title\"", "Me", "Colleague"))
        #expect(title.label == "action SEC-06: title" && title.subject == "SEC-06" && title.field == "title")
        #expect(plan.conflicts[1].label == "action TER-04 (kept here, deleted on the other side)")
        #expect(plan.conflicts[1].theirs == nil && plan.conflicts[1].theirsBy == "Colleague")
        // Ours in place; the action and their deletion record both stay while it is open.
        #expect(plan.actions.first { $0.id == "SEC-06" }?.title == "My title")
        #expect(plan.actionIndex(id: "TER-04") != nil && plan.removedActions.contains { $0.id == "TER-04" })
        let bytes = PlanCoding.encode(plan)
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"ours\" : \"My title\","))
        let read = try PlanCoding.decode(bytes, file: "plan.json")
        #expect(read == plan && PlanCoding.encode(read) == bytes)
        #expect(plan.validate().map(\.path) == ["conflicts[0]", "conflicts[1]"])
        // A plan without conflicts writes no "conflicts" key, so older files are unchanged.
        #expect(!String(decoding: PlanCoding.encode(try conflicted().base), as: UTF8.self).contains("\"conflicts\""))
    }

    @Test func savingWithConflictsLeftIsRefusedWithHowToResolve() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("plan.json").path
        let (base, result) = try conflicted()
        try PlanFile.save(base, to: path)
        var document = try PlanDocument.open(path)
        #expect(throws: PlanDocument.SaveError.self) { _ = try document.save(result.plan) }
        do { _ = try document.save(result.plan) } catch {
            #expect(error.description.contains("2 unresolved merge conflicts (action SEC-06: title; action TER-04"))
            #expect(error.description.contains("dplan resolve \(path) --ours"))
        }
        #expect(try PlanFile.load(path) == base)
        #expect(throws: Never.self) { _ = try document.save(result.plan, keepingConflicts: true) }
    }

    @Test func resolvingOneFieldOrAWholeAction() throws {
        var plan = try conflicted().result.plan
        let settled = try plan.resolveConflicts(take: .theirs, context: me) { $0.matches(subject: "SEC-06", field: "title") }
        #expect(settled.map(\.path) == ["actions[id=SEC-06].title"])
        #expect(plan.actions.first { $0.id == "SEC-06" }?.title == "Their title" && plan.conflicts.count == 1)
        var keep = plan
        _ = try keep.resolveConflicts(take: .ours, context: me) { $0.matches(subject: "TER-04", field: nil) }
        #expect(keep.actionIndex(id: "TER-04") != nil && !keep.removedActions.contains { $0.id == "TER-04" } && keep.validate().isEmpty)
        _ = try plan.resolveConflicts(take: .theirs, context: me) { $0.matches(subject: "TER-04", field: "action") }
        #expect(plan.actionIndex(id: "TER-04") == nil && plan.removedActions.filter { $0.id == "TER-04" }.count == 1 && plan.validate().isEmpty)
    }

    @Test func fieldsInWords() {
        func label(_ path: String, ours: String? = "1", theirs: String? = "2") -> String {
            MergeConflict(path: path, base: nil, ours: ours, theirs: theirs).label
        }
        #expect(label("actions[id=SEC-06].reviews[quarter=2026/27 Q3].status") == "action SEC-06: review for 2026/27 Q3, status")
        #expect(label("actions[id=PRI-01].outcomeMeasure") == "action PRI-01: outcome measure")
        #expect(label("owners[id=met.police].name") == "owner met.police: name")
        #expect(label("period.end") == "plan: period, end")
        #expect(label("actions[id=TER-04]", ours: nil) == "action TER-04 (deleted here, changed on the other side)")
        let review = MergeConflict(path: "actions[id=SEC-06].reviews[quarter=2026/27 Q3]", base: nil, ours: "{}", theirs: "{}")
        #expect(review.matches(subject: "SEC-06", field: "reviews") && !review.matches(subject: "SEC-06", field: "review"))
        #expect(!review.matches(subject: "SEC-07", field: nil))
    }

    @Test func itemsOnlyTheyHaveLandAfterTheirPredecessor() {
        #expect(PlanMerge.mergedOrder(mine: ["a", "b", "c"], theirs: ["a", "x", "b", "c", "y"]) == ["a", "x", "b", "c", "y"])
        #expect(PlanMerge.mergedOrder(mine: ["b"], theirs: ["x", "b"]) == ["x", "b"])
    }
}
