import PlanModel
@testable import PlanTUI
import Testing

@Suite struct IndicatorScreenTests {
    @Test func recordingAValueWithANoteIsOneUndoableStep() throws {
        var state = try makeState()
        state.press(.character("I"), .down, .character("v"))  // police-knife-u25, offered 2026/27 Q2
        state.press(.control("u"))
        state.type("2026/27 Q1")
        state.press(.enter, .control("u"))
        state.type("41 p")
        state.press(.enter)
        state.type("Revised after the data quality check")
        let effects = state.press(.enter)
        #expect(effects.contains { if case .journal(let changes, _) = $0 { changes.planBefore != nil } else { false } })
        let recorded = try #require(state.plan.indicators[1].value(for: Quarter("2026/27 Q1")!))
        #expect(recorded.value == 41 && recorded.isProvisional && recorded.note == "Revised after the data quality check")
        #expect(recorded.by == "Test Chair")
        #expect(state.plan.indicators[1].changeLog?.last?.field == "value 2026/27 Q1")
        #expect(state.isDirty)
        state.press(.character("u"))
        #expect(state.plan.indicators[1].value(for: Quarter("2026/27 Q1")!)?.value == 37)
        #expect(!state.isDirty)
    }

    @Test func aBadValueKeepsThePromptAndChangesNothing() throws {
        var state = try makeState()
        let before = state.plan
        state.press(.character("I"), .character("v"), .enter, .control("u"))
        state.type("-3")
        state.press(.enter)
        #expect(state.message?.text.contains("negative") == true)
        guard case .editor(.indicatorValue, _)? = state.modal else { Issue.record("the value prompt closed"); return }
        state.press(.escape)
        #expect(state.plan == before)
    }

    @Test func meetingModeOffersTheOwnersIndicatorsAfterTheirActions() throws {
        var state = try makeState()
        state.press(.character("f"), .down, .enter, .down, .down, .enter)  // owner: Metropolitan Police
        #expect(state.list.filter.owner == "mps")
        state.press(.character("M"))
        let meeting = try #require(state.meeting)
        #expect(meeting.indicatorIDs == ["police-knife-u25", "homicide-u25"])
        for _ in meeting.ids { state.press(.right) }
        #expect(state.focusedIndicatorID == "police-knife-u25")
        state.press(.enter)  // Enter moves on from an indicator
        #expect(state.focusedIndicatorID == "homicide-u25")
        state.press(.right)
        #expect(state.isOnMeetingSummary)
    }
}
