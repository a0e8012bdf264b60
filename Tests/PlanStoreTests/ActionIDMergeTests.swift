import Foundation
import PlanModel
@testable import PlanStore
import Testing

/// Merges never leave one id on two actions, nor on an action and a deleted one.
@Suite struct ActionIDMergeTests {
    let police = EditContext(by: "Police", now: Timestamp(iso: "2026-11-22T10:00:00Z")!)
    let council = EditContext(by: "Council", now: Timestamp(iso: "2026-11-22T11:00:00Z")!)

    func sample() throws -> Plan { try PlanFile.load(hillingdonSample) }

    /// One side deletes the group's highest action and adds one; the other adds one: three
    /// different actions, three different ids, through the merge driver git runs.
    @Test func oneSideDeletesTheOtherAddsThroughTheMergeDriver() throws {
        let base = try sample()
        let highest = base.nextActionID(in: .primary)  // the id after the highest in use
        var ours = base, theirs = base
        let deleted = try #require(base.actions.last { $0.preventionGroup == .primary }).id
        try ours.deleteAction(id: deleted, context: police)
        try ours.addAction(Action(id: ours.nextActionID(in: .primary), group: .primary, title: "Police campaign", owner: "mps"), context: police)
        try theirs.addAction(Action(id: theirs.nextActionID(in: .primary), group: .primary, title: "Council campaign", owner: "mps"),
                             context: council)
        #expect(ours.actions.last { $0.preventionGroup == .primary }?.id == highest)  // not the deleted id
        let outcome = MergeDriver.merge(base: PlanCoding.encode(base), ours: PlanCoding.encode(ours), theirs: PlanCoding.encode(theirs),
                                        file: "plan.json")
        guard case .merged(let bytes, let renumbered) = outcome else { Issue.record("expected a clean merge: \(outcome)"); return }
        let merged = try PlanCoding.decode(bytes, file: "plan.json")
        let moved = Plan.nextActionID(like: highest, used: [highest])
        #expect(renumbered.map(\.description) == ["our new action \(highest) is now \(moved) (the other side also added a \(highest))"])
        #expect(merged.actions.first { $0.id == highest }?.title == "Council campaign")
        #expect(merged.actions.first { $0.id == moved }?.title == "Police campaign")
        #expect(merged.actions.allSatisfy { $0.id != deleted })
        #expect(merged.removedActions.contains { $0.id == deleted })
        #expect(merged.reusedActionIDs().isEmpty)
    }

    /// Ours adds an action and deletes it again; theirs adds a different one, which the same
    /// next id names: theirs moves on, so the merged plan does not hold the id twice.
    @Test func aNewActionTakesAnotherIdThanOneTheOtherSideAddedAndDeleted() throws {
        let base = try sample()
        var ours = base, theirs = base
        let id = base.nextActionID(in: .primary)
        try ours.addAction(Action(id: id, group: .primary, title: "Police campaign", owner: "mps"), context: police)
        try ours.deleteAction(id: id, context: police.later(60))
        try theirs.addAction(Action(id: id, group: .primary, title: "Council campaign", owner: "mps"), context: council)
        let result = PlanMerge.merge(base: base, mine: ours, theirs: theirs)
        let next = ours.nextActionID(in: .primary)
        #expect(result.conflicts.isEmpty)
        #expect(result.renumbered == [Renumbering(kind: .action, ours: false, reusedDeletedID: true, holder: nil, from: id, to: next)])
        #expect(result.plan.actions.first { $0.id == next }?.title == "Council campaign")
        #expect(result.plan.actionIndex(id: id) == nil)
        #expect(result.plan.removedActions.contains { $0.id == id })
        #expect(result.plan.reusedActionIDs().isEmpty)
    }

    /// The same action deleted by one side, kept by the other, is not renumbered: the deletion
    /// record names one of its titles.
    @Test func theSameActionKeptOnOneSideIsNotRenumbered() throws {
        var base = try sample()
        base.removedActions = []
        var ours = base, theirs = base
        let id = base.nextActionID(in: .primary)
        try ours.addAction(Action(id: id, group: .primary, title: "Shared campaign", owner: "mps"), context: police)
        theirs = ours  // both have it (a merge through a third copy), the base does not
        try theirs.deleteAction(id: id, context: council)
        let result = PlanMerge.merge(base: base, mine: ours, theirs: theirs)
        #expect(result.renumbered.isEmpty)
    }
}
