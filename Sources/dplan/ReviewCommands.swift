import ArgumentParser
import PlanApp
import PlanModel
import PlanReports

/// `dplan review close|reopen|summary`: the board's quarterly review cycle.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Close a quarter after the board review, reopen one, or write its executive summary.",
        subcommands: [Close.self, Reopen.self, Summary.self])

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Freeze a quarter: every action's status and commentary become its review entry.",
            discussion: "Actions with no update that quarter are recorded as \"no update provided\". Later edits go to the next quarter.")

        @OptionGroup var plan: PlanFileArgument
        @Argument(help: "The quarter, e.g. \"2025/26 Q2\".") var quarter: Quarter
        @Option(help: "The board that reviewed it, e.g. \"Safer Hillingdon Partnership\".") var board: String?
        @OptionGroup var author: AuthorOption

        func run() throws {
            let file = self.plan.file
            var (document, plan) = try openForEditing(file)
            let q = quarter
            let context = EditContext(by: author.name, now: try currentTime())
            do { try plan.closeQuarter(q, board: board, context: context) } catch let error as PlanEditError {
                throw DplanError.edit(file: file, error)
            }
            // Counted from what the quarter now holds: after a reopening, entries recorded as
            // "no update provided" at the first close are still owed.
            let owed = plan.actions.filter { $0.review(for: q)?.noUpdateProvided == true }.count
            try save(plan, in: &document)  // keeps the closed quarter's dated copy
            print("closed \(q)\(board.map { " for \(clean($0))" } ?? ""): \(plan.actions.count) actions recorded, \(owed) with no update provided")
        }
    }

    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reopen a closed quarter for corrections (recorded with the reason).")

        @OptionGroup var plan: PlanFileArgument
        @Argument(help: "The quarter, e.g. \"2025/26 Q2\".") var quarter: Quarter
        @Option(help: "Why it is reopened.") var reason: String
        @OptionGroup var author: AuthorOption

        func run() throws {
            let file = self.plan.file
            var (document, plan) = try openForEditing(file)
            let q = quarter
            do {
                try plan.reopenQuarter(q, reason: reason, context: EditContext(by: author.name, now: try currentTime()))
            } catch let error as PlanEditError {
                throw DplanError.edit(file: file, error)
            }
            try save(plan, in: &document)
            print("reopened \(q)")
        }
    }
}

extension ReviewCommand {
    /// `dplan review summary FILE QUARTER --text …`: the executive summary printed first in the
    /// quarter's board paper.
    struct Summary: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a quarter's executive summary for the board paper (printed first).",
            discussion: "An empty --text removes it. A closed quarter's summary is fixed: reopen the quarter to change it.")

        @OptionGroup var plan: PlanFileArgument
        @Argument(help: "The quarter, e.g. \"2026/27 Q3\".") var quarter: Quarter
        @Option(help: "The summary (blank lines separate paragraphs).") var text: String
        @OptionGroup var author: AuthorOption

        func run() throws {
            let file = self.plan.file
            var (document, plan) = try openForEditing(file)
            let before = plan.summary(for: quarter)
            do {
                try plan.setSummary(text, for: quarter, context: EditContext(by: author.name, now: try currentTime()))
            } catch {
                throw DplanError.refused("\(file): \(error) (nothing was written)")
            }
            let after = plan.summary(for: quarter)
            guard after != before else { print("summary of \(quarter) unchanged"); return }
            try save(plan, in: &document)
            print(after.isEmpty ? "removed the summary of \(quarter)" : "wrote the summary of \(quarter) (\(after.count) characters)")
        }
    }
}

/// `dplan changes FILE… [--from Q] [--to Q]`: what changed, action by action.
struct Changes: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "What changed since the last quarter, action by action.")

    @OptionGroup var plans: PlanFilesArgument
    @Option(help: "Earlier quarter (default: the latest earlier quarter with reviews).") var from: Quarter?
    @Option(help: "Later quarter (default: the quarter reported on: the latest ended and not closed, else the current one).") var to: Quarter?

    func run() throws {
        let plans = try self.plans.load()
        let today = try currentTime().day
        let several = self.plans.several
        var rows = [(several ? ["PLAN"] : []) + ["ID", "STATUS", "CHANGE", "OWNER", "TITLE"]]
        var periods: [String] = []
        for entry in plans {
            let plan = entry.plan
            try checkReportQuarters(plan, quarter: to, quarterOption: "--to", from: from, on: today)
            let live = plan.editingQuarter(on: today)
            let toQuarter = to ?? plan.reportingQuarter(on: today)
            let fromQuarter = from ?? plan.comparisonQuarter(for: toQuarter)
            let skipped = from == nil && fromQuarter != toQuarter.previous ? " (the latest quarter with reviews; \(toQuarter.previous) has none)" : ""
            let notice = to == nil ? plan.closedQuarterNotice(on: today).map { " (\($0))" } ?? "" : ""
            let label = several ? [clean(entry.label)] : []
            periods.append("\(several ? clean(entry.label) + ": " : "")from \(fromQuarter) to \(toQuarter)"
                           + "\(plan.isRunning(toQuarter, on: today) ? " (so far)" : "")\(skipped)\(notice)")
            for change in plan.changes(from: fromQuarter, to: toQuarter, live: live) {
                let status = "\(change.from.map { String($0.letter) } ?? "-") → \(change.to.map { String($0.letter) } ?? "-")"
                rows.append(label + [clean(change.id), status, change.kinds.map(\.label).joined(separator: ", "),
                                     ownerName(change.owner, in: plan), clean(change.title)])
                for move in change.dueDateChanges {
                    rows.append(label + ["", "", "  due \(move.from?.description ?? "none") → \(move.to): \(clean(move.reason))", "", ""])
                }
            }
        }
        print("Changes " + periods.joined(separator: "; "))
        let indicatorLines = try plans.flatMap { entry in
            try indicatorChangeLines(entry.plan, from: from, to: to, today: today, label: several ? clean(entry.label) + ": " : "")
        }
        guard rows.count > 1 || !indicatorLines.isEmpty else { print("No changes."); return }
        let shift = several ? 1 : 0
        if rows.count > 1 { print(table(rows, maxWidths: [2 + shift: 60, 3 + shift: 28])) }
        if !indicatorLines.isEmpty {
            print("")
            print("Indicators")
            indicatorLines.forEach { print($0) }
        }
    }
}
