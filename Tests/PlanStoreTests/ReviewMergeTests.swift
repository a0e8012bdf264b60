import Foundation
import PlanModel
@testable import PlanStore
import Testing

/// A review is one statement (docs/reliability.md, "Merging"): two different reviews of one action
/// for one quarter are one conflict whose sides are whole reviews, and deciding it takes a whole
/// side, on the audit trail. A quarter one side closed keeps the reviews it closed with.
@Suite struct ReviewMergeTests {
    let agencyA = EditContext(by: "Agency A", now: Timestamp(iso: "2026-11-22T10:00:00Z")!)
    let agencyB = EditContext(by: "Agency B", now: Timestamp(iso: "2026-11-22T11:00:00Z")!)
    let officer = EditContext(by: "Jo Officer", now: Timestamp(iso: "2026-11-22T12:00:00Z")!)
    let q3 = Quarter("2026/27 Q3")!

    func action(_ plan: Plan, _ id: String) throws -> Action {
        try #require(plan.actionIndex(id: id).map { plan.actions[$0] })
    }

    /// A and B each record SEC-06's update for 2026/27 Q3, saying different things.
    func twoUpdates() throws -> (base: Plan, a: Plan, b: Plan) {
        let base = try PlanFile.load(hillingdonSample)
        var a = base, b = base
        try a.recordUpdate(actionID: "SEC-06", status: .red, commentary: "A: IDVA post vacant", context: agencyA)
        try b.recordUpdate(actionID: "SEC-06", status: .green, commentary: "B: Safety Net weekly, IDVA in post", context: agencyB)
        return (base, a, b)
    }

    /// The action's last audit entries for status and commentary: what `dplan log` ends with.
    func lastLogged(_ action: Action) -> (String?, String?) {
        (action.changeLog?.last { $0.field == "status" }?.to, action.changeLog?.last { $0.field == "commentary" }?.to)
    }

    @Test func twoDifferentUpdatesOfOneQuarterAreOneConflictOfWholeReviews() throws {
        let (base, a, b) = try twoUpdates()
        let path = "actions[id=SEC-06].reviews[quarter=2026/27 Q3]"
        let result = PlanMerge.merge(base: base, mine: a, theirs: b)
        #expect(result.conflicts.map(\.path) == [path])
        let conflict = try #require(result.conflicts.first)
        #expect((conflict.oursBy, conflict.theirsBy) == ("Agency A", "Agency B"))
        #expect(conflict.ours?.contains("\"status\":\"red\"") == true && conflict.ours?.contains("A: IDVA post vacant") == true)
        #expect(conflict.theirs?.contains("\"status\":\"green\"") == true && conflict.theirs?.contains("B: Safety Net weekly") == true)
        for (side, status, words, by) in [(MergeConflict.Side.ours, Status.red, "A: IDVA post vacant", "Agency A"),
                                          (.theirs, .green, "B: Safety Net weekly, IDVA in post", "Agency B")] {
            // Decided afterwards (`dplan resolve`, the conflicts screen) or while saving: the same whole side.
            var recorded = PlanMerge.mergeRecordingConflicts(base: base, ours: a, theirs: b).plan
            _ = try recorded.resolveConflicts(take: side, context: officer) { _ in true }
            let saved = PlanMerge.merge(base: base, mine: a, theirs: b, resolutions: [path: side], decidedBy: officer)
            #expect(saved.conflicts.isEmpty)
            for plan in [recorded, saved.plan] {
                let merged = try action(plan, "SEC-06")
                let review = try #require(merged.review(for: q3))
                #expect((review.status, review.commentary, review.by) == (status, words, by))
                #expect((merged.status, merged.commentary) == (status, words))
                #expect(lastLogged(merged) == (status.rawValue, words), "\(merged.changeLog ?? [])")
                #expect(plan.validate().isEmpty)
            }
            #expect(recorded == saved.plan)
        }
    }

    @Test func aReviewTheSameOnBothSidesOrChangedOnOneSideMergesCleanly() throws {
        let (base, a, _) = try twoUpdates()
        var quiet = base
        try quiet.editAction(id: "SEC-06", context: agencyB) { $0.title = "Retitled" }
        for (mine, theirs) in [(a, a), (a, quiet), (quiet, a)] {
            let result = PlanMerge.merge(base: base, mine: mine, theirs: theirs)
            #expect(result.conflicts.isEmpty)
            let review = try #require(try action(result.plan, "SEC-06").review(for: q3))
            #expect((review.status, review.commentary, review.by) == (.red, "A: IDVA post vacant", "Agency A"))
        }
    }

    /// Base: 2026/27 Q3 open. B records a Q3 update for SEC-05 offline; the officer closes Q3.
    func lateUpdate() throws -> (base: Plan, late: Plan, closed: Plan) {
        let base = try PlanFile.load(hillingdonSample)
        var late = base, closed = base
        try late.recordUpdate(actionID: "SEC-05", status: .red, commentary: "B offline red words",
                              context: EditContext(by: "B", now: Timestamp(iso: "2026-12-06T10:00:00Z")!))
        try closed.closeQuarter(q3, board: "SHP", context: EditContext(by: "O", now: Timestamp(iso: "2026-12-06T10:05:00Z")!))
        return (base, late, closed)
    }

    @Test func anUpdateToAQuarterTheOtherSideClosedIsAConflictNeverAQuietRewrite() throws {
        let (base, late, closed) = try lateUpdate()
        let path = "actions[id=SEC-05].reviews[quarter=2026/27 Q3]"
        for (mine, theirs, lateSide) in [(late, closed, MergeConflict.Side.ours), (closed, late, .theirs)] {
            let result = PlanMerge.merge(base: base, mine: mine, theirs: theirs)
            #expect(result.conflicts.map(\.path) == [path])
            let conflict = try #require(result.conflicts.first)
            #expect((lateSide == .ours ? conflict.ours : conflict.theirs)?.contains("B offline red words") == true)
            let closeSide: MergeConflict.Side = lateSide == .ours ? .theirs : .ours
            // Keeping the close: Q3 stays closed and its reviews are the frozen copy's.
            for plan in try decided(base, mine, theirs, take: closeSide) {
                let frozen = try #require(plan.frozen(q3))
                #expect(plan.isClosed(q3))
                for action in plan.actions {
                    #expect(action.review(for: q3) == frozen.plan.actions.first { $0.id == action.id }?.review(for: q3), "\(action.id)")
                }
                #expect(plan.validate().isEmpty, "\(plan.validate())")
            }
            // Keeping the update: its words are Q3's review, and Q3 is open again (reopening recorded).
            for plan in try decided(base, mine, theirs, take: lateSide) {
                #expect(!plan.isClosed(q3) && plan.frozen(q3) == nil)
                #expect(plan.quarters.first { $0.quarter == q3 }?.reopenings?.last?.by == "Jo Officer")
                let review = try #require(try action(plan, "SEC-05").review(for: q3))
                #expect((review.status, review.commentary, review.by) == (.red, "B offline red words", "B"))
                #expect(plan.validate().isEmpty, "\(plan.validate())")
            }
        }
    }

    /// The plan with every conflict decided for `side`, afterwards (as `dplan resolve`) and while saving.
    func decided(_ base: Plan, _ mine: Plan, _ theirs: Plan, take side: MergeConflict.Side) throws -> [Plan] {
        var recorded = PlanMerge.mergeRecordingConflicts(base: base, ours: mine, theirs: theirs).plan
        _ = try recorded.resolveConflicts(take: side, context: officer) { _ in true }
        let conflicts = PlanMerge.merge(base: base, mine: mine, theirs: theirs).conflicts
        let saved = PlanMerge.merge(base: base, mine: mine, theirs: theirs,
                                    resolutions: Dictionary(uniqueKeysWithValues: conflicts.map { ($0.path, side) }), decidedBy: officer)
        #expect(saved.conflicts.isEmpty)
        return [recorded, saved.plan]
    }
}
