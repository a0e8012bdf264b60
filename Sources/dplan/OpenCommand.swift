import ArgumentParser
import PlanModel

/// `dplan FILE`: opens the plan. Prints the summary until the interactive front end lands.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open a plan (the default when only a file is given).")

    @Argument(help: "The plan file.")
    var file: String

    func run() throws {
        let plan = try loadPlan(file)
        print(summaryText(plan, today: try currentTime().day))
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
