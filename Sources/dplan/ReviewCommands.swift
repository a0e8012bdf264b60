import ArgumentParser
import PlanModel
import PlanReports

/// `dplan review close|reopen`: the board's quarterly review cycle.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Close a quarter after the board review, or reopen one.",
        subcommands: [Close.self, Reopen.self])

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
            let owed = plan.actions.filter { $0.isStale(in: q) }.count
            do { try plan.closeQuarter(q, board: board, context: context) } catch let error as PlanEditError {
                throw Failure("\(file): \(error) (nothing was written)")
            }
            try save(plan, in: &document)
            do { try document.keepClosedQuarterSnapshot(q) } catch { printError("\(error.description) (the quarter is closed; no snapshot kept)") }
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
                throw Failure("\(file): \(error) (nothing was written)")
            }
            try save(plan, in: &document)
            print("reopened \(q)")
        }
    }
}

/// `dplan changes FILE [--from Q] [--to Q]`: what changed, action by action.
struct Changes: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "What changed since the last quarter, action by action.")

    @OptionGroup var plan: PlanFileArgument
    @Option(help: "Earlier quarter (default: the latest earlier quarter with reviews).") var from: Quarter?
    @Option(help: "Later quarter (default: the current quarter).") var to: Quarter?

    func run() throws {
        let plan = try loadPlan(self.plan.file)
        let today = try currentTime().day
        try checkReportQuarters(plan, quarter: to, quarterOption: "--to", from: from, on: today)
        let live = plan.editingQuarter(on: today)
        let toQuarter = to ?? live
        let fromQuarter = from ?? plan.comparisonQuarter(for: toQuarter)
        let changes = plan.changes(from: fromQuarter, to: toQuarter, live: live)
        let skipped = from == nil && fromQuarter != toQuarter.previous ? " (the latest quarter with reviews; \(toQuarter.previous) has none)" : ""
        print("Changes from \(fromQuarter) to \(toQuarter)\(plan.isClosed(toQuarter) ? "" : " (so far)")\(skipped)")
        guard !changes.isEmpty else { print("No changes."); return }
        var rows = [["ID", "STATUS", "CHANGE", "OWNER", "TITLE"]]
        for change in changes {
            let status = "\(change.from.map { String($0.letter) } ?? "-") → \(change.to.map { String($0.letter) } ?? "-")"
            rows.append([clean(change.id), status, change.kinds.map(\.label).joined(separator: ", "),
                         ownerName(change.owner, in: plan), clean(change.title)])
            for move in change.dueDateChanges {
                rows.append(["", "", "  due \(move.from?.description ?? "none") → \(move.to): \(clean(move.reason))", "", ""])
            }
        }
        print(table(rows, maxWidths: [2: 60, 3: 28]))
    }
}

/// `dplan chase FILE`: who still owes an update, grouped by owner, ready for an email.
struct Chase: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List who still owes an update this quarter, by owner.")

    @OptionGroup var plan: PlanFileArgument

    func run() throws {
        let plan = try loadPlan(self.plan.file)
        let today = try currentTime().day
        let quarter = plan.editingQuarter(on: today)
        guard plan.isInPeriod(quarter) else {
            print("Every quarter left in the plan period (to \(plan.period.end)) is closed: no update is owed.")
            return
        }
        let list = plan.chaseList(for: quarter)
        guard !list.isEmpty else { print("Every action has an update for \(quarter)."); return }
        print("Updates still needed for \(quarter) (\(list.map(\.actions.count).reduce(0, +)) actions):")
        for (owner, actions) in list {
            print("")
            print("\(clean(owner.name))\(owner.contact.map { " <\(clean($0))>" } ?? "")")
            for action in actions {
                let due = action.due.map { ", due \($0)\(action.isOverdue(on: today) ? " (overdue)" : "")" } ?? ""
                print("  - \(clean(action.id)) \(clean(action.title)) (now \(action.status.label)\(due))")
            }
        }
    }
}
