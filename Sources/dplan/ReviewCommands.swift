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

        @Argument(help: "The plan file.") var file: String
        @Argument(help: "The quarter, e.g. \"2025/26 Q2\".") var quarter: String
        @Option(help: "The board that reviewed it, e.g. \"Safer Hillingdon Partnership\".") var board: String?
        @Option(help: "Who is closing it (default $DPLAN_USER, else $USER).") var by: String?

        func run() throws {
            var (document, plan) = try openForEditing(file)
            let q = try parseQuarter(quarter)
            let context = EditContext(by: resolveUser(by), now: try currentTime())
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

        @Argument(help: "The plan file.") var file: String
        @Argument(help: "The quarter, e.g. \"2025/26 Q2\".") var quarter: String
        @Option(help: "Why it is reopened.") var reason: String
        @Option(help: "Who is reopening it (default $DPLAN_USER, else $USER).") var by: String?

        func run() throws {
            var (document, plan) = try openForEditing(file)
            let q = try parseQuarter(quarter)
            do {
                try plan.reopenQuarter(q, reason: reason, context: EditContext(by: resolveUser(by), now: try currentTime()))
            } catch let error as PlanEditError {
                throw Failure("\(file): \(error) (nothing was written)")
            }
            try save(plan, in: &document)
            print("reopened \(q)")
        }
    }
}

func parseQuarter(_ text: String) throws -> Quarter {
    guard let quarter = Quarter(text) else { throw Failure("expected a quarter such as \"2025/26 Q2\", found \"\(text)\"") }
    return quarter
}

/// `dplan changes FILE [--from Q] [--to Q]`: what changed, action by action.
struct Changes: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "What changed since the last quarter, action by action.")

    @Argument(help: "The plan file.") var file: String
    @Option(help: "Earlier quarter (default: the quarter before --to).") var from: String?
    @Option(help: "Later quarter (default: the current quarter).") var to: String?

    func run() throws {
        let plan = try loadPlan(file)
        let live = plan.editingQuarter(on: try currentTime().day)
        let toQuarter = try to.map(parseQuarter) ?? live
        let fromQuarter = try from.map(parseQuarter) ?? toQuarter.previous
        let changes = plan.changes(from: fromQuarter, to: toQuarter, live: live)
        print("Changes from \(fromQuarter) to \(toQuarter)\(toQuarter == live ? " (so far)" : "")")
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

    @Argument(help: "The plan file.") var file: String

    func run() throws {
        let plan = try loadPlan(file)
        let today = try currentTime().day
        let quarter = plan.editingQuarter(on: today)
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
