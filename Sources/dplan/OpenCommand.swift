import ArgumentParser
import Foundation
import PlanModel
import PlanStore
import PlanTUI

/// `dplan FILE`: opens the plan in the interactive front end. When input or output is not a
/// terminal (a pipe, a script) it prints the summary instead.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open a plan in the interactive front end (the default when only a file is given).",
        discussion: "Press ? inside for every key. Without a terminal, prints the plan summary.")

    @Argument(help: "The plan file; or a folder of plans, or several files, for the portfolio.")
    var files: [String]

    @OptionGroup var author: AuthorOption

    private var file: String { files[0] }

    /// A folder or several files: the portfolio.
    private var isPortfolio: Bool {
        var isFolder: ObjCBool = false
        return files.count > 1 || (FileManager.default.fileExists(atPath: files[0], isDirectory: &isFolder) && isFolder.boolValue)
    }

    func validate() throws {
        if files.isEmpty { throw ValidationError("give a plan file or a folder of plans") }
    }

    @Flag(help: "Edit even though someone else has the plan open (their lock stays; saving merges).")
    var ignoreLock = false

    @Flag(help: "Remove a lock left behind (e.g. by a crashed dplan), then open normally.")
    var breakLock = false

    /// Asks on the terminal, before the screen opens, whether to take over a lock whose process
    /// has gone. Only a typed "y" takes it over.
    private func askToTakeOver(_ holder: PlanLock.Holder, file: String) -> Bool {
        printError("\(file): a lock was left by \(clean(holder.user))'s dplan (process \(holder.pid) on this computer), which has gone; "
                   + "it probably crashed. Unsaved edits it made are offered back next.")
        FileHandle.standardError.write(Data("Take the lock over and edit? [y/N] ".utf8))
        return readLine()?.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("y") == true
    }

    func run() throws {
        let terminal = isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0
        if isPortfolio {
            let plans = try loadPortfolio(files)
            let today = try currentTime().day
            guard terminal else {
                print(portfolioText(plans, today: today))
                return
            }
            let user = author.name
            MainActor.assumeIsolated {
                runPortfolio(load: {
                    let plans = (try? loadPortfolio(files, quiet: true)) ?? plans
                    return (plans.portfolio(on: (try? currentTime().day) ?? today), plans.map { $0.file ?? $0.label })
                }, user: user, prepare: { path in
                    do {
                        let prepared = try prepareToEdit(path, user: user, askAboutStaleLock: false)
                        return .success(PreparedPlan(document: prepared.document, readOnly: prepared.readOnly, done: {
                            if prepared.locked { PlanLock.release(path) }
                            TerminalSignals.beforeExit = nil
                        }))
                    } catch let failure as Failure {
                        return .failure(PortfolioOpenError(clean(failure.message.split(separator: "\n").prefix(2).joined(separator: " "))))
                    } catch {
                        return .failure(PortfolioOpenError(clean("\(error)")))
                    }
                }, clock: { (try? currentTime()) ?? Timestamp(secondsSinceEpoch: 0) })
            }
            return
        }
        guard terminal else {
            let plan = try loadPlan(file)
            print(summaryText(plan, today: try currentTime().day))
            return
        }
        let prepared = try prepareToEdit(file, user: author.name, askAboutStaleLock: true)
        defer { if prepared.locked { PlanLock.release(file) } }
        MainActor.assumeIsolated {
            runInteractive(document: prepared.document, user: author.name, readOnly: prepared.readOnly,
                           clock: { (try? currentTime()) ?? Timestamp(secondsSinceEpoch: 0) })
        }
    }

    /// Opens a plan to edit and takes its lock: read-only (with why) when the file cannot be
    /// written or someone else holds the lock. A lock left by a crashed dplan on this computer
    /// is offered to take over when `askAboutStaleLock` (before the screen opens).
    private func prepareToEdit(_ file: String, user: String, askAboutStaleLock: Bool) throws
        -> (document: PlanDocument, readOnly: String?, locked: Bool) {
        let (document, _) = try openForEditing(file, allowConflicts: true)
        let now = try currentTime()  // a bad DPLAN_NOW is reported before the screen opens
        var readOnly: String?
        if access(file, W_OK) != 0 {
            readOnly = "read-only: you cannot write to \(file)"
        }
        if breakLock { PlanLock.breakLock(file) }
        var locked = false
        if readOnly == nil {
            switch PlanLock.acquire(file, user: user, now: now) {
            case .acquired:
                locked = true
            case .heldBy(let holder) where ignoreLock:
                printError("\(file): \(holder.summary); editing anyway (--ignore-lock)")
            case .heldBy(let holder) where askAboutStaleLock && holder.isStale && askToTakeOver(holder, file: file):
                // The process that held it is gone (a crash): this session takes the lock over.
                PlanLock.breakLock(file)
                locked = PlanLock.acquire(file, user: user, now: now) == .acquired
                if !locked { readOnly = "read-only: someone else took the lock first" }
            case .heldBy(let holder):
                readOnly = holder.isStale
                    ? "read-only: a lock was left by process \(holder.pid), which has gone; reopen with --break-lock"
                    : "read-only: \(holder.summary); reopen with --ignore-lock to edit anyway"
            }
        }
        if locked { releaseLockOnSignal(file) }
        return (document, readOnly, locked)
    }
}

/// The lock file this process holds, as a C string made before the screen opens, for the signal
/// handler (which may not allocate).
nonisolated(unsafe) private var heldLockPath: UnsafeMutablePointer<CChar>?

/// Closing the terminal (SIGHUP), SIGTERM, SIGINT or SIGQUIT releases the lock as a clean exit
/// does; the swap journal is kept, so the next open offers the unsaved edits back.
private func releaseLockOnSignal(_ file: String) {
    heldLockPath = strdup(PlanLock.path(for: file))
    TerminalSignals.beforeExit = {
        if let path = heldLockPath { unlink(path) }
    }
}

/// Headline counts: per group, overdue, stale, owners with most reds.
func summaryText(_ plan: Plan, today: Day) -> String {
    let summary = plan.summary(on: today)
    func counts(_ byStatus: [Status: Int]) -> String {
        Status.allCases.map { "\($0.letter) \(byStatus[$0, default: 0])" }.joined(separator: "  ")
    }
    var rows: [[String]] = []
    for group in plan.orderedGroups {
        rows.append([clean(plan.name(of: group)), counts(summary.byGroup[group] ?? [:])])
    }
    rows.append(["All actions (\(summary.total))", counts(summary.byStatus)])
    var lines = ["\(clean(plan.title)) — \(clean(plan.partnership))",
                 "Quarter \(summary.quarter) · today \(today)", "", table(rows), "",
                 "Overdue: \(summary.overdue)   No update this quarter: \(summary.stale)"]
    let reds = summary.ownersByReds.prefix(3).map { "\(ownerName($0.owner, in: plan)) (\($0.reds))" }
    if !reds.isEmpty { lines.append("Most reds: " + reds.joined(separator: ", ")) }
    return lines.joined(separator: "\n")
}
