import Foundation
import PlanModel
import PlanStore

/// Runs the interactive front end on a plan file until the user quits.
///
/// The loop is the only place with side effects: it reads keys, sets the clock, asks the pure
/// `handle` and `render` what to do and draw, and performs saves.
@MainActor
public func runInteractive(plan: Plan, path: String, user: String, clock: @escaping () -> Timestamp) {
    let terminal = Terminal()
    defer { terminal.restore() }
    var state = AppState(plan: plan, path: path, user: user, now: clock(), size: terminal.size)
    terminal.paint(render(state))
    while true {
        guard let key = terminal.readKey() else { continue }
        state.now = clock()
        if key == .resize {
            state.size = terminal.size
            terminal.invalidate()
        }
        switch state.handle(key) {
        case .save?:
            save(&state)
        case .saveAndQuit?:
            if save(&state) { return }
        case .quit?:
            return
        case nil:
            break
        }
        terminal.paint(render(state))
    }
}

/// Saves the plan; on failure the edits stay in memory and the message says why.
@discardableResult
@MainActor
private func save(_ state: inout AppState) -> Bool {
    do {
        try PlanFile.save(state.plan, to: state.path)
        state.markSaved()
        state.message = Message(text: "Saved \(state.path)", isError: false)
        return true
    } catch {
        state.message = Message(text: "\(error.description) — your changes are still here", isError: true)
        return false
    }
}
