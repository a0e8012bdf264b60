import ArgumentParser
import Foundation
import PlanModel
import PlanTUI

/// `dplan FILE`: opens the plan in the interactive front end. When input or output is not a
/// terminal (a pipe, a script) it prints the summary instead.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open a plan in the interactive front end (the default when only a file is given).",
        discussion: "Press ? inside for every key. Without a terminal, prints the plan summary.")

    @Argument(help: "The plan file.")
    var file: String

    @Option(help: "Who is making changes (default $DPLAN_USER, else $USER).")
    var by: String?

    func run() throws {
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else {
            let plan = try loadPlan(file)
            print(summaryText(plan, today: try currentTime().day))
            return
        }
        let plan = try loadPlanForEditing(file)
        let user = resolveUser(by)
        _ = try currentTime()  // a bad DPLAN_NOW is reported before the screen opens
        MainActor.assumeIsolated {
            runInteractive(plan: plan, path: file, user: user, clock: { (try? currentTime()) ?? Timestamp(secondsSinceEpoch: 0) })
        }
    }
}

/// Headline counts: per group, overdue, stale, owners with most reds.
func summaryText(_ plan: Plan, today: Day) -> String {
    let summary = plan.summary(on: today)
    func counts(_ byStatus: [Status: Int]) -> String {
        Status.allCases.map { "\($0.letter) \(byStatus[$0, default: 0])" }.joined(separator: "  ")
    }
    var rows: [[String]] = []
    for group in PreventionGroup.allCases {
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
