import ArgumentParser
import Foundation
import PlanApp
import PlanModel
import PlanStore
import PlanTUI

/// `dplan FILE`: opens the plan in the interactive front end. When input or output is not a
/// terminal (a pipe, a script) it prints the summary instead.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open a plan in the interactive front end (the default when only a file is given).",
        discussion: "Press ? inside for every key. Without a terminal, prints the plan summary.")

    @Argument(help: "The plan file; or a folder of plans, or several files, for the portfolio. None: the start screen.")
    var files: [String] = []

    @OptionGroup var author: AuthorOption

    private var file: String { files[0] }

    /// A folder or several files: the portfolio.
    private var isPortfolio: Bool {
        var isFolder: ObjCBool = false
        return files.count > 1 || (FileManager.default.fileExists(atPath: files[0], isDirectory: &isFolder) && isFolder.boolValue)
    }

    @Flag(help: "Edit even though someone else has the plan open (their lock stays; saving merges).")
    var ignoreLock = false

    @Flag(help: "Remove a lock left behind (e.g. by a crashed dplan), then open normally.")
    var breakLock = false

    @Flag(help: "High contrast: no colours and no dim text; statuses in reverse video beside their letters (NO_COLOR=1 also turns colours off).")
    var mono = false

    /// Asks on the terminal, before the screen opens, whether to take over a lock whose process
    /// has gone. Only a typed "y" takes it over.
    private func askToTakeOver(_ holder: PlanLock.Holder) -> Bool {
        printError(holder.takeOverQuestion, terminator: "")
        return readLine()?.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("y") == true
    }

    func run() throws {
        let terminal = isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0
        if files.isEmpty {
            guard terminal else { throw DplanError.usage(startUsage) }
            let user = author.name
            let services = StartServices(user: user, clock: { (try? currentTime()) ?? Timestamp(secondsSinceEpoch: 0) }, prepare: { path in
                do throws(DplanError) {
                    return .success(try openForSession(path, user: user, now: currentTime(), lock: lockChoice))
                } catch {
                    return .failure(error)
                }
            }, portfolio: { paths in
                let plans = (try? loadPortfolio(paths, quiet: true)) ?? []
                return (plans.portfolio(on: (try? currentTime().day) ?? Timestamp(secondsSinceEpoch: 0).day), plans.map { $0.file ?? $0.label })
            })
            MainActor.assumeIsolated {
                runStart(folder: FileManager.default.currentDirectoryPath, samples: samplePlansFolder(), services: services)
            }
            return
        }
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
                    do throws(DplanError) {
                        return .success(try openForSession(path, user: user, now: currentTime(), lock: lockChoice))
                    } catch {
                        return .failure(error)
                    }
                }, clock: { (try? currentTime()) ?? Timestamp(secondsSinceEpoch: 0) }, mono: mono)
            }
            return
        }
        guard terminal else {
            let plan = try loadPlan(file)
            print(summaryText(plan, today: try currentTime().day))
            return
        }
        let opened = try openForSession(file, user: author.name, now: currentTime(), lock: lockChoice,
                                        takeOverStaleLock: askToTakeOver)
        RecentPlans.record(file)
        defer { opened.close() }
        for notice in opened.notices { printError(notice) }
        MainActor.assumeIsolated {
            runInteractive(opened, user: author.name, clock: { (try? currentTime()) ?? Timestamp(secondsSinceEpoch: 0) }, mono: mono)
        }
    }

    /// What to do about someone else's lock: `--ignore-lock`, `--break-lock`, or respect it.
    private var lockChoice: LockChoice { ignoreLock ? .ignore : breakLock ? .breakFirst : .respect }
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
