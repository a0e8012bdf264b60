import Foundation
import PlanModel
import PlanStore
@testable import PlanTUI
import TestSupport
import Testing

/// Issue #17 in the front end: milestones added and ticked from the detail screen and meeting
/// mode as undoable steps, the plan's own status words and group order on screen.
@Suite struct MilestoneAndSetupTests {
    @Test func aMilestoneIsAddedAndTickedDoneThenUndone() throws {
        var state = try makeState()
        state.press(.tab)
        state.select("PRI-01")
        state.press(.enter)
        state.press(.character("i"))
        state.type("Pilot in two schools")
        state.press(.enter)
        state.type("2026-10-31")
        state.press(.enter)
        let milestone = try #require(state.action("PRI-01").milestones.first)
        #expect(milestone.title == "Pilot in two schools" && milestone.due == Day(iso: "2026-10-31"))
        #expect(render(state).plainText.contains("milestone overdue"))
        state.press(.character("v"), .character(" "), .enter)
        #expect(state.action("PRI-01").milestones[0].doneBy == "Test Chair")
        #expect(!render(state).plainText.contains("milestone overdue"))
        state.press(.character("u"))
        #expect(!state.action("PRI-01").milestones[0].isDone)
        #expect(state.plan.validate().isEmpty)
    }

    @Test func aBadMilestoneDateKeepsTheTextAndAddsNothing() throws {
        var state = try makeState()
        state.press(.tab)
        state.select("PRI-01")
        state.press(.character("i"))
        state.type("Launch")
        state.press(.enter)
        state.type("soon")
        state.press(.enter)
        #expect(state.action("PRI-01").milestones.isEmpty)
        #expect(state.message?.isError == true)
        #expect(state.modal != nil)
        state.press(.character("v"))
        #expect(state.modal != nil)  // still the date prompt: v was typed into it
    }

    @Test func meetingModeShowsMilestonesAndTicksThem() throws {
        var plan = try PlanFile.load(hillingdonPath)
        let context = EditContext(by: "x", now: fixedNow)
        for id in plan.actions.map(\.id) {
            try plan.addMilestone(actionID: id, title: "Milestone of \(id)", due: Day(iso: "2027-01-31")!, context: context)
        }
        var state = AppState(plan: plan, path: hillingdonPath, user: "Test Chair", now: fixedNow, size: (100, 30))
        state.press(.character("M"))
        let id = try #require(state.meeting?.currentID)
        #expect(render(state).plainText.contains("Milestones 0 of 1 done · next: Milestone of \(id), due 2027-01-31"))
        state.press(.character("v"), .character(" "), .enter)
        #expect(state.action(id).milestones[0].isDone)
        #expect(render(state).plainText.contains("Milestones 1 of 1 done"))
    }

    @Test func theDetailAndHelpShowThePlansStatusWordsAndTheListFollowsItsGroupOrder() throws {
        var plan = try PlanFile.load(hillingdonPath)
        let context = EditContext(by: "x", now: fixedNow)
        plan.setStatusWording(.green, word: "On track", definition: "Going to plan.", context: context)
        try plan.setGroup(.wholeSystem, name: nil, aim: nil, position: 4, context: context)
        var state = AppState(plan: plan, path: hillingdonPath, user: "Test Chair", now: fixedNow, size: (120, 40))
        state.press(.tab)
        let list = render(state).plainText
        let primary = try #require(list.range(of: plan.name(of: .primary))), whole = try #require(list.range(of: plan.name(of: .wholeSystem)))
        #expect(primary.lowerBound < whole.lowerBound)
        let green = try #require(plan.actions.first { $0.status == .green })
        state.select(green.id)
        state.press(.enter)
        #expect(render(state).plainText.contains("Green (On track)"))
        state.press(.character("?"))
        for _ in 0..<40 { state.press(.pageDown) }
        #expect(render(state).plainText.contains("Going to plan."))
    }
}
