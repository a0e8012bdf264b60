import ArgumentParser
import PlanApp
import PlanModel

/// `dplan set FILE ACTION-ID [--status] [--comment] [--due --reason]`: a recorded update.
struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Update an action's status, commentary or due date for the current quarter, or change its other fields.",
        discussion: """
            A status that gets worse needs --comment; a due-date change needs --reason. --partner and --workstream add
            to the action's lists (--remove-partner and --remove-workstream take off); --new-owner, --new-partner and
            --new-workstream create what the plan does not have yet. Every change is on the action's audit trail.
            """)

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
    @Option(help: "New title.") var title: String?
    @Option(help: "New description.") var description: String?
    @Option(help: "New outcome measure.") var outcome: String?
    @Option(help: "New start date, YYYY-MM-DD.") var start: Day?
    @Option(help: "New lead owner (id or name).") var owner: String?
    @Flag(help: "Create the lead owner when no owner has that id or name.") var newOwner = false
    @Option(help: "Add a supporting partner (owner id or name); repeat for several.") var partner: [String] = []
    @Flag(help: "Create each partner no owner has that id or name for.") var newPartner = false
    @Option(help: "Take a partner off (owner id or name); repeat for several.") var removePartner: [String] = []
    @Option(help: "Add a workstream (id or name); repeat for several.") var workstream: [String] = []
    @Flag(help: "Create each workstream the plan does not have.") var newWorkstream = false
    @Option(help: "Take a workstream off (id or name); repeat for several.") var removeWorkstream: [String] = []

    @OptionGroup var author: AuthorOption

    @Flag(inversion: .prefixedNo, help: "Mark the commentary as restricted: `export --public` leaves it out.")
    var restricted: Bool?

    func validate() throws {
        if status == nil, comment == nil, due == nil, restricted == nil, decision == nil, !changesFields {
            throw ValidationError("nothing to change: give --status, --comment, --due, --decision, --restricted, --title, --description, "
                                  + "--outcome, --start, --owner, --partner, --remove-partner, --workstream and/or --remove-workstream")
        }
        if reason != nil, due == nil { throw ValidationError("--reason goes with --due") }
    }

    /// Whether any option other than status, commentary, due date and restriction is given.
    private var changesFields: Bool {
        title != nil || description != nil || outcome != nil || start != nil || owner != nil
            || !partner.isEmpty || !removePartner.isEmpty || !workstream.isEmpty || !removeWorkstream.isEmpty
    }

    func run() throws {
        let file = self.plan.file
        var (document, plan) = try openForEditing(file)
        let context = EditContext(by: author.name, now: try currentTime())
        var done: [String] = []
        if changesFields {
            guard let index = plan.actionIndex(id: actionID) else { throw DplanError.refused("\(file): no action with id \"\(clean(actionID))\" (nothing was written)") }
            var lead = plan.actions[index].owner
            if let owner { lead = try plan.ownerID(owner, option: "--owner", create: newOwner, flag: "--new-owner", context: context) }
            let added = try partner.map { try plan.ownerID($0, option: "--partner", create: newPartner, flag: "--new-partner", context: context) }
            let removed = try removePartner.map { name in
                guard let found = plan.findOwner(name) else { throw DplanError.refused("--remove-partner: no owner with id or name \"\(clean(name))\"") }
                return found.id
            }
            let joined = try workstream.map { try plan.workstreamID($0, create: newWorkstream, context: context) }
            let left = try removeWorkstream.map { try plan.workstreamID($0, create: false, context: context) }
            let before = plan.actions[index]
            try refusing(file) {
                try plan.editAction(id: actionID, context: context) { action in
                    if let title { action.title = title.trimmingSpaces() }
                    if let description { action.description = description.trimmingSpaces() }
                    if let outcome { action.outcomeMeasure = outcome.trimmingSpaces() }
                    if let start { action.start = start }
                    action.owner = lead
                    for id in added where !action.partners.contains(id) { action.partners.append(id) }
                    action.partners.removeAll { removed.contains($0) || $0 == action.owner }
                    for id in joined where !action.workstreams.contains(id) { action.workstreams.append(id) }
                    action.workstreams.removeAll { left.contains($0) }
                }
                let after = plan.actions[index]
                if let start = after.start, let due = after.due, due < start { throw PlanEditError.dueBeforeStart(due: due, start: start) }
            }
            let changed = (plan.actions[index].changeLog ?? []).dropFirst(before.changeLog?.count ?? 0).map(\.field)
            done.append(changed.isEmpty ? "fields already had those values" : "changed " + changed.joined(separator: ", "))
        }
        do {
            if let due {
                let before = plan.actions[plan.actionIndex(id: actionID) ?? 0].due
                try plan.moveDue(actionID: actionID, to: due, reason: reason ?? "", context: context)
                done.append(before == due ? "due date already \(due)" : "due date moved \(before?.description ?? "none") → \(due)"
                            + (plan.dueNote(due).map { " (\($0))" } ?? ""))
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
            throw DplanError.edit(file: "\(file): \(actionID)", error)
        }
        try save(plan, in: &document)
        let action = plan.actions[plan.actionIndex(id: actionID)!]
        print("\(clean(action.id)): \(statusCell(action.status)), due \(action.due?.description ?? "-"); "
              + done.joined(separator: "; ") + " by \(clean(context.by))")
    }
}
