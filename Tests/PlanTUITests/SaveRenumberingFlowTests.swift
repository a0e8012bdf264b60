import Foundation
import PlanApp
import PlanModel
import PlanStore
@testable import PlanTUI
import Testing

/// A save whose merge renumbered our new action: the message row says so, and the cursor, the
/// detail screen and a meeting follow the action to its new id.
@Suite struct SaveRenumberingFlowTests {
    /// Our new action, and the plan as saved after someone else added one under the same id.
    private func addedAndMerged(_ state: inout AppState) throws -> (id: String, report: SaveReport) {
        let base = state.plan
        let id = base.nextActionID(in: .primary)
        state.commit("Added \(id)") { plan, context in
            try plan.addAction(Action(id: id, group: .primary, title: "Our campaign", owner: plan.owners[0].id), context: context)
        }
        var theirs = base
        try theirs.addAction(Action(id: id, group: .primary, title: "Their campaign", owner: base.owners[0].id),
                             context: EditContext(by: "Someone else", now: fixedNow))
        let merge = PlanMerge.merge(base: base, mine: state.plan, theirs: theirs)
        #expect(merge.conflicts.isEmpty)
        return (id, SaveReport(merged: merge.plan, renumbered: merge.renumbered))
    }

    @Test func theListCursorFollowsOurRenumberedAction() throws {
        var state = try makeState()
        state.press(.enter)
        let (id, report) = try addedAndMerged(&state)
        state.select(id)
        let next = try #require(report.ourActionMoves[id])
        #expect(state.update(.saved(report, thenQuit: false)) == [.dropSwap])
        #expect(state.focusedActionID == next)
        #expect(state.action(next).title == "Our campaign")
        #expect(state.message?.text.hasSuffix("; our new action \(id) is now \(next) (the other side also added a \(id))") == true)
    }

    @Test func theDetailScreenFollowsOurRenumberedAction() throws {
        var state = try makeState()
        state.press(.enter)
        let (id, report) = try addedAndMerged(&state)
        state.select(id)
        state.press(.enter)
        #expect(state.focusedActionID == id)
        _ = state.update(.saved(report, thenQuit: false))
        let next = try #require(report.ourActionMoves[id])
        guard case .detail(next, _, _) = state.screen else { Issue.record("expected \(next)'s detail, found \(state.screen)"); return }
    }

    /// A meeting saved half-way: the action on screen is still ours under its new id, what is
    /// recorded next goes to ours (not to the other side's action that now has the old id), and
    /// the meeting's summary does not count their new action as changed in the meeting.
    @Test func aMeetingFollowsOurRenumberedActionAndNeverEditsTheirs() throws {
        var state = try makeState()
        state.press(.enter)
        let (id, report) = try addedAndMerged(&state)
        state.press(.character("M"))
        guard case .meeting(var meeting) = state.screen else { Issue.record("no meeting: \(state.screen)"); return }
        meeting.position = try #require(meeting.ids.firstIndex(of: id))
        state.screen = .meeting(meeting)
        _ = state.update(.saved(report, thenQuit: false))
        let next = try #require(report.ourActionMoves[id])
        let after = try #require(state.meeting)
        #expect(after.currentID == next)
        #expect(after.ids.contains(next) && !after.ids.contains(id))
        #expect(after.ids.count == meeting.ids.count)
        state.press(.enter)
        #expect(state.action(next).review(for: state.quarter) != nil)
        #expect(state.action(id).title == "Their campaign")
        #expect(state.action(id).review(for: state.quarter) == nil)
        #expect(after.startPlan.actions.first { $0.id == next }?.title == "Our campaign")
        #expect(after.startPlan.actions.first { $0.id == id } == nil)
    }

    /// Bringing in what someone else saved (R) merges the same way: our new action on screen is
    /// followed to its new id, and the message row says it moved.
    @Test func bringingInTheirChangesFollowsOurRenumberedAction() throws {
        var state = try makeState()
        state.press(.enter)
        let (id, report) = try addedAndMerged(&state)
        state.select(id)
        state.press(.enter)
        let next = try #require(report.ourActionMoves[id])
        let base = try #require(report.merged)
        _ = state.update(.reloaded(merged: base, base: base, renumbered: report.renumbered))
        guard case .detail(next, _, _) = state.screen else { Issue.record("expected \(next)'s detail, found \(state.screen)"); return }
        #expect(state.message?.text.hasSuffix("; our new action \(id) is now \(next) (the other side also added a \(id))") == true)
    }
}
