import PlanModel
import PlanStore
@testable import PlanTUI
import TestSupport
import Testing

/// A plan a merge left with conflicts opens on them; each is decided with our value or theirs
/// as an undoable step, and the plan can be saved once none is left.
@Suite struct MergeConflictScreenTests {
    static func conflictedPlan() throws -> Plan {
        var plan = try PlanFile.load(hillingdonPath)
        let index = plan.actionIndex(id: "SEC-06")!
        plan.actions[index].title = "Ours: weekly Safety Net meetings"
        plan.conflicts = [
            MergeConflict(path: "actions[id=SEC-06].title", base: "\"Run weekly Safety Net meetings\"",
                          ours: "\"Ours: weekly Safety Net meetings\"", theirs: "\"Theirs: fortnightly Safety Net meetings\"",
                          oursBy: "Council", theirsBy: "Police"),
            MergeConflict(path: "actions[id=SEC-06].outcomeMeasure", base: "\"\"", ours: "\"\"", theirs: "\"Fewer repeat attendances\"",
                          oursBy: "Council", theirsBy: "Police"),
        ]
        return plan
    }

    @Test func opensOnTheConflictsAndDecidesEach() throws {
        var state = AppState(plan: try Self.conflictedPlan(), path: hillingdonPath, user: "Chair", now: fixedNow, size: (100, 30))
        #expect(state.screen == .mergeConflicts(selection: 0))
        let text = render(state).plainText
        #expect(text.contains("action SEC-06: title"))
        #expect(text.contains("Theirs: Theirs: fortnightly Safety Net meetings — Police"))
        #expect(text.contains("Before: Run weekly Safety Net meetings"))
        state.press(.character("t"))  // theirs for the title
        #expect(state.action("SEC-06").title == "Theirs: fortnightly Safety Net meetings")
        #expect(state.plan.conflicts.count == 1)
        #expect(state.screen == .mergeConflicts(selection: 0))
        state.press(.character("m"))  // ours for the outcome measure
        #expect(state.plan.conflicts.isEmpty)
        #expect(state.screen == .overview)
        #expect(state.message?.text.contains("every conflict is decided, s saves") == true)
        #expect(state.plan.validate().isEmpty)
        state.press(.character("u"))
        #expect(state.plan.conflicts.count == 1)  // undoable
        #expect(state.press(.character("K")).isEmpty)
        #expect(state.screen == .mergeConflicts(selection: 0))
        state.press(.character("T"))  // theirs for all that are left
        #expect(state.plan.conflicts.isEmpty)
        #expect(state.action("SEC-06").outcomeMeasure == "Fewer repeat attendances")
    }

    @Test func withoutConflictsTheKeySaysSo() throws {
        var state = try makeState()
        state.press(.character("K"))
        #expect(state.screen == .overview)
        #expect(state.message?.text == "No merge conflicts: nothing to decide")
    }
}
