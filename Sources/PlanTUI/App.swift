import Foundation
import PlanModel
import PlanReports
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
        case .export(let format, let path)?:
            export(state, format: format, to: path, message: &state.message)
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

/// Writes a report of the plan as it is in memory (saved or not); never over the plan file.
@MainActor
private func export(_ state: AppState, format: ExportFormat, to path: String, message: inout Message?) {
    if AtomicFile.resolvedTarget(path) == AtomicFile.resolvedTarget(state.path) {
        message = Message(text: "\(path) is the plan file; nothing exported", isError: true)
        return
    }
    let report = Report(plan: state.plan, options: ReportOptions(now: state.now))
    do {
        let data: Data
        switch format {
        case .markdown: data = Data(report.markdown().utf8)
        case .html: data = Data(report.html().utf8)
        case .csv: data = try report.csv(excel: false)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            data = try encoder.encode(report)
        }
        try AtomicFile.write(data, to: path)
        message = Message(text: "Exported \(report.quarter) to \(path)", isError: false)
    } catch {
        message = Message(text: "Export failed: \(error)", isError: true)
    }
}
