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
    // A read-only session never touches the swap file: it may belong to the person editing.
    let journal: SwapJournal? = state.readOnly ? nil : SwapJournal(planPath: document.path)
    if let contents = journal?.read(), !contents.entries.isEmpty || !contents.damagedLines.isEmpty {
        let labels = contents.entries.map { "\($0.on.minuteLabel)  \($0.label) (\($0.by))" }
        let last = contents.entries.last.map { "\($0.on.minuteLabel) by \($0.by)" } ?? "unknown"
        state.modal = .confirm(.recoverSwap(RecoveryOffer(plan: SwapJournal.replay(contents.entries, onto: document.base),
                                                         labels: labels, last: last, damaged: contents.damagedLines.count)))
    }
    terminal.paint(render(state))
    state.prepareSearch()
    while true {
        guard let key = terminal.readKey() else {
            // Idle: notice a change made by someone else (checked every two seconds, cheaply).
            if !noticedOutsideChange, document.changedOnDisk() {
                noticedOutsideChange = true
                state.message = Message(text: "The plan changed on disk: R brings their changes in, s merges them when saving", isError: true)
                terminal.paint(render(state))
            }
            continue
        }
        state.now = clock()
        if key == .resize {
            state.size = terminal.size
            terminal.invalidate()
        }
        let effect = state.handle(key)
        switch effect {
        case .save?, .saveResolving?:
            var resolutions: [String: PlanMerge.Side] = [:]
            if case .saveResolving(let decided)? = effect { resolutions = decided }
            if save(&state, &document, resolving: resolutions) {
                noticedOutsideChange = false
                journal?.remove()
            }
        case .saveAndQuit?:
            if save(&state, &document) {
                journal?.remove()
                return
            }
        case .quit?:
            journal?.remove()  // a clean exit: saved, or the user chose to discard
            return
        case .dropSwap?:
            journal?.remove()
        case .reload?:
            do {
                let merged = try document.reload(keeping: state.plan)
                state.replacePlanAfterReload(merged, base: document.base)
                state.message = Message(text: "Brought in the changes saved on disk; yours are kept" + (state.isDirty ? " (not saved yet)" : ""), isError: false)
                noticedOutsideChange = false
            } catch {
                state.message = Message(text: "\(error.description); save (s) to decide each clash", isError: true)
            }
        case .export(let format, let path)?:
            export(state, format: format, to: path, message: &state.message)
        case nil:
            break
        }
        // Journal every change not yet on disk, so a crash loses nothing.
        if let changes = state.takeJournalChanges() {
            if state.isDirty {
                do {
                    try journal?.append(from: changes.planBefore, to: state.plan, alsoChanged: changes.actionIDs,
                                        label: state.message?.text ?? "change", by: user, on: state.now)
                } catch {
                    state.message = Message(text: "\(error) — edits are not protected against a crash until saved", isError: true)
                }
            } else {
                journal?.remove()  // undone back to what is on disk: nothing to recover
            }
        }
        terminal.paint(render(state))
        state.prepareSearch()  // after painting: a no-op unless the plan changed as a whole
    }
}

/// Saves the plan through its document (backup, merge with outside changes); on failure the
/// edits stay in memory and the message says why.
@discardableResult
@MainActor
private func save(_ state: inout AppState, _ document: inout PlanDocument, resolving resolutions: [String: PlanMerge.Side] = [:]) -> Bool {
    guard !state.readOnly else {
        state.message = Message(text: "Read-only: nothing saved", isError: true)
        return false
    }
    do {
        let closedBefore = Set(document.base.quarters.filter { $0.state == .closed }.map(\.quarter))
        switch try document.save(state.plan, resolving: resolutions) {
        case .saved:
            state.markSaved()
            state.message = Message(text: "Saved \(state.path)", isError: false)
        case .merged(let merged):
            state.replacePlanAfterMerge(merged)
            state.message = Message(text: "Saved \(state.path), merged with changes made on disk by someone else", isError: false)
        }
        // A quarter closed in this save gets its dated copy, as `dplan review close` keeps.
        for record in document.base.quarters where record.state == .closed && !closedBefore.contains(record.quarter) {
            try? document.keepClosedQuarterSnapshot(record.quarter)
        }
        return true
    } catch {
        if case .conflicts(_, let conflicts) = error {
            state.modal = .confirm(.resolveConflicts(conflicts, decided: [:]))
            state.message = Message(text: "Someone else saved changes to the same fields: choose mine or theirs for each", isError: true)
        } else {
            state.message = Message(text: "\(error.description) — your changes are still here", isError: true)
        }
        return false
    }
}

/// Writes a report of the plan as it is in memory (saved or not); never over the plan file.
@MainActor
private func export(_ state: AppState, format: ReportFormat, to path: String, message: inout Message?) {
    if AtomicFile.sameFile(path, state.path) {
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
