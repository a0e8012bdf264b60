import Foundation
import PlanModel
import PlanReports
import PlanStore

/// Runs the interactive front end on a plan file until the user quits.
///
/// The loop only performs I/O: it reads keys and the clock, saves, reloads, exports, writes the
/// swap journal and paints. Every outcome goes back into the pure `update` as an `Event`; the
/// loop never changes the state itself. `readOnly` says why edits are refused, if they are.
@MainActor
public func runInteractive(document: PlanDocument, user: String, readOnly: String?, clock: @escaping () -> Timestamp) {
    let terminal = Terminal()
    defer { terminal.restore() }
    runSession(document: document, user: user, readOnly: readOnly, clock: clock, terminal: terminal)
}

/// One plan's session on a terminal that is already set up (alone, or opened from the portfolio).
@MainActor
func runSession(document: PlanDocument, user: String, readOnly: String?, clock: @escaping () -> Timestamp, terminal: Terminal) {
    var document = document
    terminal.invalidate()
    var state = AppState(plan: document.base, path: document.path, user: user, now: clock(), size: terminal.size, readOnly: readOnly)
    // A read-only session never touches the swap file: it may belong to the person editing.
    let journal: SwapJournal? = readOnly == nil ? SwapJournal(planPath: document.path) : nil
    var pending: [Event] = []
    if let contents = journal?.read(), !contents.entries.isEmpty || !contents.damagedLines.isEmpty {
        let labels = contents.entries.map { "\($0.on.minuteLabel)  \($0.label) (\($0.by))" }
        let last = contents.entries.last.map { "\($0.on.minuteLabel) by \($0.by)" } ?? "unknown"
        pending.append(.swapFound(RecoveryOffer(plan: SwapJournal.replay(contents.entries, onto: document.base),
                                                labels: labels, last: last, damaged: contents.damagedLines.count)))
    }
    while true {
        // Feed the events (and the outcomes of the work they ask for) until none is left.
        while !pending.isEmpty {
            for effect in state.update(pending.removeFirst()) {
                guard let outcome = perform(effect, state: state, document: &document, journal: journal, terminal: terminal) else { return }
                if let outcome { pending.append(outcome) }
            }
        }
        terminal.paint(render(state))
        _ = state.update(.painted)  // the search index and the plan's facts catch up; asks for no work
        guard let key = terminal.readKey() else {
            // Idle: notice a change made by someone else (checked every two seconds, cheaply).
            if !state.session.outsideChangeNoticed, document.changedOnDisk() { pending.append(.changedOnDisk) }
            continue
        }
        if key == .resize {
            terminal.invalidate()
            pending.append(.resized(width: terminal.size.width, height: terminal.size.height))
        } else {
            pending += [.tick(clock()), .key(key)]
        }
    }
}

/// Does one piece of work for `update`. Returns the event that reports its outcome (`.some(nil)`
/// when there is nothing to report), or nil to end the session.
@MainActor
private func perform(_ effect: Effect, state: AppState, document: inout PlanDocument, journal: SwapJournal?,
                     terminal: Terminal) -> Event?? {
    switch effect {
    case .quit:
        journal?.remove()  // a clean exit: saved, or the user chose to discard
        return nil
    case .save(let resolutions, let thenQuit):
        return .some(save(state.plan, in: &document, resolving: resolutions, thenQuit: thenQuit))
    case .reload:
        do {
            let merged = try document.reload(keeping: state.plan)
            return .some(.reloaded(merged: merged, base: document.base))
        } catch {
            return .some(.reloadFailed(error.description))
        }
    case .export(let request, let path, let overwrite):
        return .some(export(state, request, to: (path as NSString).expandingTildeInPath, overwrite: overwrite))
    case .journal(let changes, let label):
        do {
            try journal?.append(from: changes.planBefore, to: state.plan, alsoChanged: changes.actionIDs,
                                label: label, by: state.session.user, on: state.now)
            return .some(nil)
        } catch {
            return .some(.journalFailed("\(error)"))
        }
    case .dropSwap:
        journal?.remove()
        return .some(nil)
    case .editExternally(let text):
        terminal.suspend()
        defer { terminal.resume() }
        switch editExternally(text) {
        case .success(let edited): return .some(.externallyEdited(edited))
        case .failure(let error): return .some(.externalEditFailed(error.description))
        }
    }
}

/// Saves the plan through its document (backup, merge with outside changes, a dated copy when
/// the save closes a quarter).
@MainActor
private func save(_ plan: Plan, in document: inout PlanDocument, resolving resolutions: [String: PlanMerge.Side], thenQuit: Bool) -> Event {
    do {
        let closedBefore = Set(document.base.quarters.filter { $0.state == .closed }.map(\.quarter))
        let outcome = try document.save(plan, resolving: resolutions)
        // A quarter closed in this save gets its dated copy, as `dplan review close` keeps.
        for record in document.base.quarters where record.state == .closed && !closedBefore.contains(record.quarter) {
            try? document.keepClosedQuarterSnapshot(record.quarter)
        }
        switch outcome {
        case .saved: return .saved(merged: nil, thenQuit: thenQuit)
        case .merged(let merged): return .saved(merged: merged, thenQuit: thenQuit)
        }
    } catch {
        if case .conflicts(_, let conflicts) = error { return .conflicts(conflicts) }
        return .saveFailed(error.description)
    }
}

/// Writes a report of the plan as it is in memory (saved or not); never over the plan file, and
/// over another existing file only when the user confirmed it.
@MainActor
private func export(_ state: AppState, _ request: ExportRequest, to path: String, overwrite: Bool) -> Event {
    if AtomicFile.sameFile(path, state.session.path) {
        return .exportFailed("\(path) is the plan file; nothing exported")
    }
    if !overwrite, FileManager.default.fileExists(atPath: path) {
        return .exportWouldOverwrite(request, path: path)
    }
    var options = ReportOptions(now: state.now)
    options.quarter = request.quarter
    options.isPublic = request.isPublic
    let report = Report(plan: state.plan, options: options)
    do {
        let data = try report.rendered(as: request.format)
        try AtomicFile.write(data, to: path)
        return .exported(path: path, quarter: report.quarter)
    } catch {
        return .exportFailed("Export failed: \(error)")
    }
}

/// Runs the portfolio screen until the user quits. `load` reads the plans (again after one was
/// edited); `prepare` makes a plan ready to edit (opened, locked) or says why it cannot be.
@MainActor
public func runPortfolio(load: () -> (entries: [PortfolioEntry], paths: [String]), user: String,
                         prepare: (String) -> Result<PreparedPlan, PortfolioOpenError>, clock: @escaping () -> Timestamp) {
    let terminal = Terminal()
    defer { terminal.restore() }
    let loaded = load()
    var state = PortfolioState(entries: loaded.entries, paths: loaded.paths, size: terminal.size)
    while true {
        terminal.paint(renderPortfolio(state))
        guard let key = terminal.readKey() else { continue }
        let event: PortfolioState.Event = key == .resize ? .resized(width: terminal.size.width, height: terminal.size.height) : .key(key)
        if key == .resize { terminal.invalidate() }
        switch state.update(event) {
        case .quit?: return
        case .open(let path)?:
            switch prepare(path) {
            case .success(let prepared):
                runSession(document: prepared.document, user: user, readOnly: prepared.readOnly, clock: clock, terminal: terminal)
                prepared.done()
                let reloaded = load()
                _ = state.update(.reloaded(reloaded.entries, paths: reloaded.paths))
            case .failure(let error):
                _ = state.update(.openFailed(error.description))
            }
            terminal.invalidate()
        case nil:
            break
        }
    }
}

/// Why the portfolio could not open a plan.
public struct PortfolioOpenError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
