import ArgumentParser
import PlanModel

/// `dplan set FILE ACTION-ID [--status] [--comment] [--due --reason]`: a recorded update.
struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Update an action's status, commentary or due date for the current quarter.",
        discussion: "A status that gets worse needs --comment; a due-date change needs --reason.")

    @Argument(help: "The plan file.")
    var file: String

    @Argument(help: "The action id, e.g. PRI-03.")
    var actionID: String

    @Option(help: "New status: not-started, red, amber, green, complete (or N/R/A/G/C).")
    var status: String?

    @Option(help: "Commentary for this quarter.")
    var comment: String?

    @Option(help: "New due date, YYYY-MM-DD (needs --reason).")
    var due: String?

    @Option(help: "Why the due date moves.")
    var reason: String?

    @Option(help: "Who is making the change (default $DPLAN_USER, else $USER).")
    var by: String?

    @Flag(inversion: .prefixedNo, help: "Mark the commentary as restricted: `export --public` leaves it out.")
    var restricted: Bool?

    func validate() throws {
        if status == nil, comment == nil, due == nil, restricted == nil {
            throw ValidationError("nothing to change: give --status, --comment, --due and/or --restricted")
        }
        if reason != nil, due == nil { throw ValidationError("--reason goes with --due") }
    }

    func run() throws {
        var (document, plan) = try openForEditing(file)
        let context = EditContext(by: resolveUser(by), now: try currentTime())
        let newStatus = try status.map { word in
            guard let s = Status(word: word) else {
                throw Failure("--status: unknown status \"\(word)\"; expected one of \(Status.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return s
        }
        do {
            if let due {
                let day = try parseDay(due, option: "--due")
                try plan.moveDue(actionID: actionID, to: day, reason: reason ?? "", context: context)
            }
            if newStatus != nil || comment != nil {
                try plan.recordUpdate(actionID: actionID, status: newStatus, commentary: comment, context: context)
            }
            if let restricted {
                try plan.setCommentaryRestricted(actionID: actionID, restricted, context: context)
            }
        } catch let error as PlanEditError {
            throw Failure("\(file): \(actionID): \(error) (nothing was written)")
        }
        try save(plan, in: &document)
        let action = plan.actions[plan.actionIndex(id: actionID)!]
        print("\(clean(action.id)): \(statusCell(action.status)), due \(action.due?.description ?? "-"), recorded for \(plan.editingQuarter(on: context.now.day)) by \(clean(context.by))\(action.commentaryRestricted == true ? "; commentary restricted" : "")")
    }
}
