import Foundation
import PlanModel
import PlanStore
@testable import PlanTUI
import TestSupport

let hillingdonPath = repositoryRoot.appendingPathComponent("plans/hillingdon-serious-violence-2024-27.json").path
let fixedNow = Timestamp(iso: "2026-11-22T10:00:00Z")!

/// The Hillingdon sample in a fresh app state with a fixed clock and user.
func makeState(width: Int = 80, height: Int = 24) throws -> AppState {
    AppState(plan: try PlanFile.load(hillingdonPath), path: hillingdonPath, user: "Test Chair", now: fixedNow,
             size: (width, height))
}

extension AppState {
    /// Presses keys in order, returning the work the last key asked for.
    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        var effects: [Effect] = []
        for key in keys { effects = update(.key(key)) }
        return effects
    }

    /// Types text one character at a time.
    mutating func type(_ text: String) {
        for character in text { _ = update(.key(.character(character))) }
    }

    /// The meeting on screen (running or summarised), if any.
    var meeting: Meeting? {
        switch screen {
        case .meeting(let meeting), .meetingSummary(let meeting): meeting
        default: nil
        }
    }

    var isInMeeting: Bool { if case .meeting = screen { true } else { false } }
    var isOnMeetingSummary: Bool { if case .meetingSummary = screen { true } else { false } }
    var isOnChanges: Bool { if case .entries(let list, _, _) = screen { list.kind == .changes } else { false } }

    /// The action in the plan with this id.
    func action(_ id: String) -> Action { plan.actions[plan.actionIndex(id: id)!] }

    /// Moves the list cursor onto an action.
    mutating func select(_ id: String) {
        list.select(row: list.row(of: id, in: plan)!, height: layout.listHeight)
    }
}

/// The text and tone layers of a frame, as stored in snapshots.
func snapshotText(_ frame: Frame) -> String {
    frame.plainText + "\n--- tones (see Tone) ---\n" + frame.toneText + "\n"
}
