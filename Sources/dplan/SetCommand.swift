import ArgumentParser
import PlanModel

/// `dplan set FILE ACTION-ID [--status] [--comment] [--due --reason]`: a recorded update.
struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Update an action's status, commentary or due date for the current quarter.",
        discussion: "A status that gets worse needs --comment; a due-date change needs --reason.")

    @OptionGroup var plan: PlanFileArgument

    @Argument(help: "The action id, e.g. PRI-03.")
    var actionID: String

    @Option(help: "New status: not-started, red, amber, green, complete (or N/R/A/G/C).")
    var status: Status?

    @Option(help: "Commentary for this quarter.")
    var comment: String?

    @Option(help: "New due date, YYYY-MM-DD (needs --reason).")
    var due: Day?

    @Option(help: "Why the due date moves.")
    var reason: String?

    @Option(help: "The decision or help needed from the board (\"\" removes it).")
    var decision: String?

    @OptionGroup var author: AuthorOption

    @Flag(inversion: .prefixedNo, help: "Mark the commentary as restricted: `export --public` leaves it out.")
    var restricted: Bool?

    func validate() throws {
        if status == nil, comment == nil, due == nil, restricted == nil, decision == nil {
            throw ValidationError("nothing to change: give --status, --comment, --due, --decision and/or --restricted")
        }
        if reason != nil, due == nil { throw ValidationError("--reason goes with --due") }
    }

    func run() throws {
        let file = self.plan.file
        var (document, plan) = try openForEditing(file)
        let context = EditContext(by: author.name, now: try currentTime())
        var done: [String] = []
        do {
            if let due {
                let before = plan.actions[plan.actionIndex(id: actionID) ?? 0].due
                try plan.moveDue(actionID: actionID, to: due, reason: reason ?? "", context: context)
                done.append(before == due ? "due date already \(due)" : "due date moved \(before?.description ?? "none") → \(due)")
            }
            if status != nil || comment != nil {
                try plan.recordUpdate(actionID: actionID, status: status, commentary: comment, context: context)
                done.append("update recorded for \(try plan.quarterForUpdates(on: context.now.day))")
            }
            if let decision {
                try plan.setDecisionNeeded(actionID: actionID, decision, context: context)
                done.append(decision.isBlank ? "no decision needed from the board" : "decision needed from the board recorded")
            }
            if let restricted {
                try plan.setCommentaryRestricted(actionID: actionID, restricted, context: context)
                done.append(restricted ? "commentary restricted" : "commentary no longer restricted")
            }
        } catch let error as PlanEditError {
            throw Failure("\(file): \(actionID): \(error) (nothing was written)")
        }
        try save(plan, in: &document)
        let action = plan.actions[plan.actionIndex(id: actionID)!]
        print("\(clean(action.id)): \(statusCell(action.status)), due \(action.due?.description ?? "-"); "
              + done.joined(separator: "; ") + " by \(clean(context.by))")
    }
}
