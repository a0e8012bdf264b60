import Foundation
import PlanModel
@testable import PlanStore
import Testing

/// The merge's rules (docs/reliability.md, "Merging"): only the same field changed to different
/// values on both sides is a conflict.
@Suite struct MergeRuleTests {
    let police = EditContext(by: "Police", now: Timestamp(iso: "2026-11-22T10:00:00Z")!)
    let council = EditContext(by: "Council", now: Timestamp(iso: "2026-11-22T10:00:00Z")!)
    let later = EditContext(by: "Council", now: Timestamp(iso: "2026-11-22T11:00:00Z")!)

    func sample() throws -> Plan { try PlanFile.load(hillingdonSample) }

    func action(_ plan: Plan, _ id: String) throws -> Action {
        try #require(plan.actionIndex(id: id).map { plan.actions[$0] })
    }

    @Test func differentFieldsInTheSameSecondMergeWithTheLargerName() throws {
        let base = try sample()
        var ours = base, theirs = base
        try ours.editAction(id: "SEC-06", context: police) { $0.title = "New title" }
        try theirs.moveDue(actionID: "SEC-06", to: Day(iso: "2027-02-28")!, reason: "Later start", context: council)
        let result = PlanMerge.merge(base: base, mine: ours, theirs: theirs)
        #expect(result.conflicts.isEmpty)
        let merged = try action(result.plan, "SEC-06")
        #expect((merged.title, merged.due, merged.updatedBy) == ("New title", Day(iso: "2027-02-28"), "Police"))
        #expect(merged.changeLog?.filter { $0.on == police.now }.count == 2)
        // The same merge the other way round gives the same stamp.
        #expect(try action(PlanMerge.merge(base: base, mine: theirs, theirs: ours).plan, "SEC-06").updatedBy == "Police")
    }

    @Test func auditTrailsMergeAsSetsEvenWhenAnEarlierMergeInterleavedThem() throws {
        var base = try sample()
        let entries = (0..<4).map { FieldChange(field: "title", from: "t\($0)", to: "t\($0 + 1)", by: "P", on: Timestamp(secondsSinceEpoch: 1_800_000_000 + $0)) }
        let index = try #require(base.actionIndex(id: "SEC-06"))
        base.actions[index].changeLog = [entries[1], entries[0]]
        var ours = base, theirs = base
        ours.actions[index].changeLog = [entries[0], entries[1], entries[2]]
        theirs.actions[index].changeLog = [entries[1], entries[0], entries[3]]
        let result = PlanMerge.merge(base: base, mine: ours, theirs: theirs)
        #expect(result.conflicts.isEmpty)
        #expect(result.plan.actions[index].changeLog == entries)
    }

    @Test func aStatusOnOneSideAndWordsOnTheOtherAreOneReviewConflict() throws {
        let base = try sample()
        var ours = base, theirs = base
        // No review for 2026/27 Q3 in the base: both sides add one, each a statement of its own.
        try ours.recordUpdate(actionID: "SEC-06", status: .complete, commentary: nil, context: police)
        try theirs.recordUpdate(actionID: "SEC-06", status: nil, commentary: "IDVA funding confirmed", context: later)
        let result = PlanMerge.merge(base: base, mine: ours, theirs: theirs)
        #expect(result.conflicts.map(\.path) == ["actions[id=SEC-06].reviews[quarter=2026/27 Q3]"])
        let merged = try action(result.plan, "SEC-06")
        let review = try #require(merged.review(for: Quarter("2026/27 Q3")!))
        #expect((review.status, review.commentary, review.by) == (.complete, "", "Police"))  // ours until decided
        // Once the review exists in the base, a side that only states it again gives way to new words.
        var ours2 = theirs, theirs2 = theirs
        try ours2.editAction(id: "SEC-06", context: police.later(3600 * 2)) { $0.title = "Retitled" }
        try ours2.recordUpdate(actionID: "SEC-06", status: nil, commentary: "IDVA funding confirmed", context: police.later(3600 * 2))
        try theirs2.recordUpdate(actionID: "SEC-06", status: nil, commentary: "Second words", context: council.later(3600 * 2))
        let second = PlanMerge.merge(base: theirs, mine: ours2, theirs: theirs2)
        #expect(second.conflicts.isEmpty)
        let again = try #require(try action(second.plan, "SEC-06").review(for: Quarter("2026/27 Q3")!))
        #expect((again.commentary, again.by) == ("Second words", "Council"))
    }

    @Test func bothTickingAMilestoneKeepsTheLaterStamp() throws {
        var base = try sample()
        try base.addMilestone(actionID: "SEC-06", title: "Pilot", due: Day(iso: "2026-12-31")!, context: police)
        var ours = base, theirs = base
        try ours.setMilestoneDone(actionID: "SEC-06", milestone: "M1", done: true, context: police)
        try theirs.setMilestoneDone(actionID: "SEC-06", milestone: "M1", done: true, context: later)
        let result = PlanMerge.merge(base: base, mine: ours, theirs: theirs)
        #expect(result.conflicts.isEmpty)
        let milestone = try action(result.plan, "SEC-06").milestones[0]
        #expect((milestone.doneOn, milestone.doneBy) == (later.now, "Council"))
    }

    @Test func partnersAndWorkstreamsMergeAsSets() throws {
        let base = try sample()
        var ours = base, theirs = base
        try ours.editAction(id: "SEC-06", context: police) { $0.partners.append("mps"); $0.partners.removeAll { $0 == "axis" } }
        try theirs.editAction(id: "SEC-06", context: council) { $0.partners.append("yjs"); $0.workstreams.removeAll { $0 == "knife-crime" } }
        let result = PlanMerge.merge(base: base, mine: ours, theirs: theirs)
        #expect(result.conflicts.isEmpty)
        let merged = try action(result.plan, "SEC-06")
        #expect(merged.partners == ["childrens-services", "cnwl", "mps", "yjs"])
        #expect(merged.workstreams == ["domestic-abuse"])
    }

    @Test func actionsAddedUnderOneIdAreBothKeptAndOursRenumbered() throws {
        let base = try sample()
        var ours = base, theirs = base
        try ours.addAction(Action(id: "PRI-07", group: .primary, title: "Police campaign", owner: "mps"), context: police)
        let link = try #require(ours.indicatorIndex(id: "police-knife-u25"))
        ours.indicators[link].actions.append("PRI-07")
        try theirs.addAction(Action(id: "PRI-07", group: .primary, title: "Council campaign", owner: "shp"), context: later)
        let result = PlanMerge.merge(base: base, mine: ours, theirs: theirs)
        #expect(result.conflicts.isEmpty)
        #expect(result.renumbered == [Renumbering(kind: .action, holder: nil, from: "PRI-07", to: "PRI-08")])
        #expect(try action(result.plan, "PRI-07").title == "Council campaign")
        let moved = try action(result.plan, "PRI-08")
        #expect(moved.title == "Police campaign")
        #expect(moved.changeLog?.last == FieldChange(field: "id", from: "PRI-07", to: "PRI-08", by: "dplan merge", on: police.now))
        #expect(result.plan.indicators.first { $0.id == "police-knife-u25" }?.actions == ["SEC-03", "TER-04", "PRI-08"])
        #expect(result.plan.validate().isEmpty)

        // The police go on editing their action under its old id; pulling the merge brings the
        // renumbering to that edit rather than mixing it into the council's action.
        var policeLater = ours
        try policeLater.editAction(id: "PRI-07", context: police.later(60)) { $0.description = "Police words" }
        let next = PlanMerge.merge(base: ours, mine: policeLater, theirs: result.plan)
        #expect(next.conflicts.isEmpty)
        #expect(try action(next.plan, "PRI-08").description == "Police words")
        #expect(try action(next.plan, "PRI-07").description == "")
        #expect(next.renumbered.isEmpty)
    }

    @Test func aNewActionGivenADeletedActionsIdIsNotMixedWithIt() throws {
        let base = try sample()
        var ours = base, theirs = base
        try ours.deleteAction(id: "PRI-06", context: police)
        // As dplan did before ids were never reused: the deleted action's id went to the new one.
        let deletion = ours.removedActions.removeLast()
        try ours.addAction(Action(id: "PRI-06", group: .primary, title: "Police campaign", owner: "mps"), context: police)
        ours.removedActions.append(deletion)
        try theirs.editAction(id: "PRI-06", context: later) { $0.title = "Council's new title" }
        let result = PlanMerge.merge(base: base, mine: ours, theirs: theirs)
        #expect(result.renumbered.map(\.description) == ["our new action PRI-06 is now PRI-07 (PRI-06 was an action deleted meanwhile)"])
        #expect(result.conflicts.map(\.path) == ["actions[id=PRI-06]"])  // deleted here, changed there
        #expect(try action(result.plan, "PRI-07").title == "Police campaign")
    }

    @Test func milestonesAndFundingLinesAddedUnderOneIdAreBothKept() throws {
        let base = try sample()
        var ours = base, theirs = base
        try ours.addMilestone(actionID: "SEC-06", title: "Police milestone", due: Day(iso: "2026-12-31")!, context: police)
        try theirs.addMilestone(actionID: "SEC-06", title: "Council milestone", due: Day(iso: "2027-01-31")!, context: later)
        let year = FinancialYear(startYear: 2026)
        try ours.addFundingLine(to: .plan, source: "PCC", year: year, amount: 100, labour: nil, nonLabour: nil, context: police)
        try theirs.addFundingLine(to: .plan, source: "Council", year: year, amount: 200, labour: nil, nonLabour: nil, context: later)
        let result = PlanMerge.merge(base: base, mine: ours, theirs: theirs)
        #expect(result.conflicts.isEmpty)
        let merged = try action(result.plan, "SEC-06")
        #expect(Set(merged.milestones.map { "\($0.id) \($0.title)" }) == ["M1 Council milestone", "M2 Police milestone"])
        #expect(Set(result.plan.fundingLines.map { "\($0.id) \($0.source)" }) == ["F1 Council", "F2 PCC"])
        #expect(result.renumbered.map(\.description) == [
            "our new milestone M1 of action SEC-06 is now M2 (the other side also added a M1)",
            "our new funding line F1 of the plan is now F2 (the other side also added a F1)"])
        #expect(merged.changeLog?.contains { $0.field == "milestones[id=M1].id" && $0.by == "dplan merge" } == true)
        #expect(result.plan.changeLog?.contains { $0.field == "fundingLines[id=F1].id" } == true)

        // The police tick what they knew as M1: pulling the merge moves the tick to M2.
        var policeLater = ours
        try policeLater.setMilestoneDone(actionID: "SEC-06", milestone: "M1", done: true, context: police.later(60))
        let next = PlanMerge.merge(base: ours, mine: policeLater, theirs: result.plan)
        #expect(next.conflicts.isEmpty)
        let ticked = try action(next.plan, "SEC-06").milestones
        #expect(ticked.first { $0.id == "M2" }?.isDone == true && ticked.first { $0.id == "M1" }?.isDone == false)
    }

    @Test func aClearedRestrictedMarkStaysOnWordsTheOtherSideWrote() throws {
        var base = try sample()
        try base.recordUpdate(actionID: "SEC-06", status: nil, commentary: "Old words", context: police)
        try base.setCommentaryRestricted(actionID: "SEC-06", true, context: police)
        var ours = base, theirs = base
        try ours.setCommentaryRestricted(actionID: "SEC-06", false, context: police.later(60))
        try theirs.recordUpdate(actionID: "SEC-06", status: nil, commentary: "New secret words", context: later)
        for (mine, other) in [(ours, theirs), (theirs, ours)] {
            let result = PlanMerge.merge(base: base, mine: mine, theirs: other)
            #expect(result.conflicts.isEmpty)
            let merged = try action(result.plan, "SEC-06")
            #expect(merged.commentary == "New secret words")
            #expect(merged.isWithheld("New secret words"))
        }
        // Clearing with no new words on the other side publishes the words that were cleared.
        var quiet = base
        try quiet.editAction(id: "SEC-06", context: later) { $0.title = "Retitled" }
        let cleared = try action(PlanMerge.merge(base: base, mine: ours, theirs: quiet).plan, "SEC-06")
        #expect(!cleared.isWithheld("Old words"))
    }

    @Test func theSameFieldChangedDifferentlyIsStillAConflict() throws {
        let base = try sample()
        var ours = base, theirs = base
        try ours.recordUpdate(actionID: "SEC-06", status: .amber, commentary: "Ours", context: police)
        try theirs.recordUpdate(actionID: "SEC-06", status: .red, commentary: "Theirs", context: later)
        let paths = PlanMerge.merge(base: base, mine: ours, theirs: theirs).conflicts.map(\.path)
        // The action's status and words are its latest review's: one conflict, the review.
        #expect(paths == ["actions[id=SEC-06].reviews[quarter=2026/27 Q3]"])
    }
}

extension EditContext {
    /// The same person `seconds` later.
    func later(_ seconds: Int) -> EditContext {
        EditContext(by: by, now: Timestamp(secondsSinceEpoch: now.secondsSinceEpoch + seconds))
    }
}
