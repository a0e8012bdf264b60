import Foundation
import PlanApp
import PlanModel
import PlanReports
import PlanStore

/// Runs the interactive front end on a plan opened for a session until the user quits; `mono`
/// draws it without colours or dim text (high contrast).
///
/// The loop only performs I/O: it reads keys and the clock, saves, reloads, exports, writes the
/// swap journal and paints. Every outcome goes back into the pure `update` as an `Event`; the
/// loop never changes the state itself.
@MainActor
public func runInteractive(_ opened: OpenedPlan, user: String, clock: @escaping () -> Timestamp, mono: Bool = false) {
    let terminal = Terminal(mono: mono)
    defer { terminal.restore() }
    runSession(opened, user: user, clock: clock, terminal: terminal)
}

/// One plan's session on a terminal that is already set up (alone, or opened from the portfolio).
@MainActor
func runSession(_ opened: OpenedPlan, user: String, clock: @escaping () -> Timestamp, terminal: Terminal) {
    var loop = RunLoop(document: opened.document, readOnly: opened.readOnly, terminal: terminal)
    terminal.invalidate()
    var state = AppState(plan: loop.document.base, path: loop.document.path, user: user, now: clock(), size: terminal.size,
                         readOnly: opened.readOnly, notices: opened.notices)
    var pending: [Event] = loop.recoveryOffer().map { [.swapFound($0)] } ?? []
    // A swap file's place taken by a FIFO or a device: said at once, not at the first edit.
    if let problem = loop.journal?.problem { pending.append(.journalFailed(.refused(problem))) }
    while true {
        // Feed the events (and the outcomes of the work they ask for) until none is left.
        while !pending.isEmpty {
            for effect in state.update(pending.removeFirst()) {
                guard let outcome = loop.perform(effect, state: state) else { return }
                if let outcome { pending.append(outcome) }
            }
        }
        terminal.paint(render(state))
        _ = state.update(.painted)  // the search index and the plan's facts catch up; asks for no work
        // While an export runs the wait is short, so its end is reported at once.
        let key = terminal.readKey(idleMilliseconds: loop.export == nil ? 2000 : 100)
        if let finished = loop.export?.outcome {
            loop.export = nil
            pending.append(finished)
        }
        guard let key else {
            // Idle: notice a change made by someone else (checked every two seconds, cheaply).
            if !state.session.outsideChangeNoticed, loop.document.changedOnDisk() { pending.append(.changedOnDisk) }
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

/// What the run loop holds besides the state: the document (what is on disk), the swap journal,
/// the terminal and an export running in the background. It does the work effects ask for.
@MainActor
private struct RunLoop {
    var document: PlanDocument
    /// A read-only session never touches the swap file: it may belong to the person editing.
    let journal: SwapJournal?
    let terminal: Terminal
    var export: ExportJob?

    init(document: PlanDocument, readOnly: String?, terminal: Terminal) {
        self.document = document
        journal = readOnly == nil ? SwapJournal(planPath: document.path) : nil
        self.terminal = terminal
    }

    /// Edits a session that ended without saving left in the swap file, to offer back.
    func recoveryOffer() -> RecoveryOffer? {
        guard let contents = journal?.read(), !contents.entries.isEmpty || !contents.damagedLines.isEmpty else { return nil }
        let labels = contents.entries.map { "\($0.on.minuteLabel)  \($0.label) (\($0.by))" }
        let last = contents.entries.last.map { "\($0.on.minuteLabel) by \($0.by)" } ?? "unknown"
        return RecoveryOffer(plan: SwapJournal.replay(contents.entries, onto: document.base),
                             labels: labels, last: last, damaged: contents.damagedLines.count)
    }

    /// Does one piece of work for `update`. Returns the event that reports its outcome
    /// (`.some(nil)` when there is nothing to report, or it comes later), or nil to end the session.
    mutating func perform(_ effect: Effect, state: AppState) -> Event?? {
        switch effect {
        case .quit:
            export?.cancelAndWait()
            journal?.remove()  // a clean exit: saved, or the user chose to discard
            return nil
        case .save(let resolutions, let thenQuit):
            do {
                return .some(.saved(try PlanApp.save(state.plan, in: &document, resolving: resolutions,
                                                             decidedBy: EditContext(by: state.session.user, now: state.now)), thenQuit: thenQuit))
            } catch {
                if case .save(.conflicts(_, let conflicts)) = error { return .some(.conflicts(conflicts)) }
                return .some(.saveFailed(error))
            }
        case .reload:
            do {
                let merged = try document.reload(keeping: state.plan)
                return .some(.reloaded(merged: merged.plan, base: document.base, renumbered: merged.renumbered))
            } catch {
                return .some(.reloadFailed(.save(error)))
            }
        case .export(let request, let path, let overwrite):
            let plan = LabelledPlan(label: state.plan.id, plan: state.plan, file: document.path)
            export = ExportJob(plan: plan, request: request, path: (path as NSString).expandingTildeInPath, overwrite: overwrite, now: state.now)
            return .some(nil)
        case .cancelExport:
            export?.cancel()
            return .some(nil)
        case .journal(let changes, let label):
            do {
                try journal?.append(from: changes.planBefore, to: state.plan, alsoChanged: changes.actionIDs,
                                    label: label, by: state.session.user, on: state.now)
                return .some(nil)
            } catch let error as PlanFileError {
                return .some(.journalFailed(.file(error)))
            } catch {
                return .some(.journalFailed(.refused("\(error)")))
            }
        case .dropSwap:
            journal?.remove()
            return .some(nil)
        case .editExternally(let text):
            terminal.suspend()
            defer { terminal.resume() }
            switch editExternally(text) {
            case .success(let edited): return .some(.externallyEdited(edited))
            case .failure(let error): return .some(.externalEditFailed(error))
            }
        }
    }
}

/// Runs the portfolio screen until the user quits. `load` reads the plans (again after one was
/// edited); `prepare` opens a plan for a session (locked, or read-only with the reason) or says
/// why it cannot be. `mono` draws without colours or dim text.
@MainActor
public func runPortfolio(load: () -> (entries: [PortfolioEntry], paths: [String]), user: String,
                         prepare: (String) -> Result<OpenedPlan, DplanError>, clock: @escaping () -> Timestamp, mono: Bool = false) {
    let terminal = Terminal(mono: mono)
    defer { terminal.restore() }
    runPortfolio(load: load, user: user, prepare: prepare, clock: clock, terminal: terminal)
}

/// The portfolio on a terminal that is already set up (alone, or from the start screen).
@MainActor
func runPortfolio(load: () -> (entries: [PortfolioEntry], paths: [String]), user: String,
                  prepare: (String) -> Result<OpenedPlan, DplanError>, clock: @escaping () -> Timestamp, terminal: Terminal) {
    let loaded = load()
    var state = PortfolioState(entries: loaded.entries, paths: loaded.paths, size: terminal.size)
    while true {
        terminal.paint(renderPortfolio(state))
        guard let key = terminal.readKey(idleMilliseconds: 2000) else { continue }
        let event: PortfolioState.Event = key == .resize ? .resized(width: terminal.size.width, height: terminal.size.height) : .key(key)
        if key == .resize { terminal.invalidate() }
        switch state.update(event) {
        case .quit?: return
        case .open(let path)?:
            switch prepare(path) {
            case .success(let opened):
                runSession(opened, user: user, clock: clock, terminal: terminal)
                opened.close()
                let reloaded = load()
                _ = state.update(.reloaded(reloaded.entries, paths: reloaded.paths))
            case .failure(let error):
                _ = state.update(.openFailed(error))
            }
            terminal.invalidate()
        case nil:
            break
        }
    }
}
