import Foundation
import PlanModel
import PlanReports
import PlanStore

/// Runs the interactive front end on a plan file until the user quits.
///
/// The loop is the only place with side effects: it reads keys, sets the clock, asks the pure
/// `handle` and `render` what to do and draw, and performs saves.
@MainActor
public func runInteractive(document: PlanDocument, user: String, readOnly: String?, clock: @escaping () -> Timestamp) {
    var document = document
    let terminal = Terminal()
    defer { terminal.restore() }
    var state = AppState(plan: document.base, path: document.path, user: user, now: clock(), size: terminal.size)
    if let readOnly {
        state.readOnly = true
        state.message = Message(text: readOnly, isError: true)
    }
    var noticedOutsideChange = false
    terminal.paint(render(state))
    while true {
        guard let key = terminal.readKey() else {
            // Idle: notice a change made by someone else (checked every two seconds, cheaply).
            if !noticedOutsideChange, document.changedOnDisk() {
                noticedOutsideChange = true
                state.message = Message(text: "The plan changed on disk; saving (s) merges their changes with yours", isError: true)
                terminal.paint(render(state))
            }
            continue
        }
        state.now = clock()
        if key == .resize {
            state.size = terminal.size
            terminal.invalidate()
        }
        switch state.handle(key) {
        case .save?:
            if save(&state, &document) { noticedOutsideChange = false }
        case .saveAndQuit?:
            if save(&state, &document) { return }
        case .quit?:
            return
        case .export(let format, let path)?:
            export(state, format: format, to: path, message: &state.message)
        case nil:
            break
        }
        terminal.paint(render(state))
    }
}

/// Saves the plan through its document (backup, merge with outside changes); on failure the
/// edits stay in memory and the message says why.
@discardableResult
@MainActor
private func save(_ state: inout AppState, _ document: inout PlanDocument) -> Bool {
    guard !state.readOnly else {
        state.message = Message(text: "Read-only: nothing saved", isError: true)
        return false
    }
    do {
        switch try document.save(state.plan) {
        case .saved:
            state.markSaved()
            state.message = Message(text: "Saved \(state.path)", isError: false)
        case .merged(let merged):
            state.replacePlanAfterMerge(merged)
            state.message = Message(text: "Saved \(state.path), merged with changes made on disk by someone else", isError: false)
        }
        return true
    } catch {
        state.message = Message(text: "\(error.description) — your changes are still here", isError: true)
        return false
    }
}

/// Writes a report of the plan as it is in memory (saved or not); never over the plan file.
@MainActor
private func export(_ state: AppState, format: ReportFormat, to path: String, message: inout Message?) {
    if AtomicFile.resolvedTarget(path) == AtomicFile.resolvedTarget(state.path) {
        message = Message(text: "\(path) is the plan file; nothing exported", isError: true)
        return
    }
    let report = Report(plan: state.plan, options: ReportOptions(now: state.now))
    do {
        let data = try report.rendered(as: format)
        try AtomicFile.write(data, to: path)
        message = Message(text: "Exported \(report.quarter) to \(path)", isError: false)
    } catch {
        message = Message(text: "Export failed: \(error)", isError: true)
    }
}
