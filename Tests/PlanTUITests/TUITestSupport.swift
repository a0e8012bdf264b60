import Foundation
import PlanModel
import PlanStore
@testable import PlanTUI

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let hillingdonPath = repositoryRoot.appendingPathComponent("plans/hillingdon-serious-violence-2024-27.json").path
let fixedNow = Timestamp(iso: "2026-11-22T10:00:00Z")!

/// The Hillingdon sample in a fresh app state with a fixed clock and user.
func makeState(width: Int = 80, height: Int = 24) throws -> AppState {
    AppState(plan: try PlanFile.load(hillingdonPath), path: hillingdonPath, user: "Test Chair", now: fixedNow,
             size: (width, height))
}

extension AppState {
    /// Presses keys in order, returning the last effect.
    @discardableResult
    mutating func press(_ keys: Key...) -> Effect? {
        var effect: Effect?
        for key in keys { effect = handle(key) }
        return effect
    }

    /// Types text one character at a time.
    mutating func type(_ text: String) {
        for character in text { _ = handle(.character(character)) }
    }

    /// The action in the plan with this id.
    func action(_ id: String) -> Action { plan.actions[plan.actionIndex(id: id)!] }

    /// Moves the list cursor onto an action.
    mutating func select(_ id: String) {
        selection = rows.firstIndex { if case .action(let i) = $0 { plan.actions[i].id == id } else { false } }!
        clampScroll()
    }
}

/// The text and tone layers of a frame, as stored in snapshots.
func snapshotText(_ frame: Frame) -> String {
    frame.plainText + "\n--- tones (see Tone) ---\n" + frame.toneText + "\n"
}
