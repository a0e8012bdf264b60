import ArgumentParser
import PlanModel

/// `dplan add FILE --group primary --title … --owner …`: a new action with the next free id.
struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Add an action to a plan.")

    @OptionGroup var plan: PlanFileArgument

    @Option(help: "Prevention group: whole-system, primary, secondary or tertiary (or the plan's name for it).")
    var group: GroupArgument

    @Option(help: "What will be done.")
    var title: String

    @Option(help: "Lead owner: an existing owner's id or name.")
    var owner: String

    @Flag(help: "Create the owner when no owner has that id or name.")
    var newOwner = false

    @Option(help: "Action id (default: next free id in the group, e.g. PRI-07).")
    var id: String?

    @Option(help: "Supporting partner (owner id or name); repeat for several.")
    var partner: [String] = []

    @Flag(help: "Create each partner no owner has that id or name for.")
    var newPartner = false

    @Option(help: "Workstream id or name; repeat for several.")
    var workstream: [String] = []

    @Flag(help: "Create each workstream the plan does not have.")
    var newWorkstream = false

    @Option(help: "Start date, YYYY-MM-DD.")
    var start: Day?

    @Option(help: "Due date, YYYY-MM-DD.")
    var due: Day?

    @Option(help: "Longer description.")
    var description: String = ""

    @Option(help: "Outcome measure or success criteria.")
    var outcome: String = ""

    @OptionGroup var author: AuthorOption

    func run() throws {
        let file = self.plan.file
        var (document, plan) = try openForEditing(file)
        let context = EditContext(by: author.name, now: try currentTime())
        let groupValue = try group.resolve(in: plan)
        let ownerID = try plan.ownerID(owner, option: "--owner", create: newOwner, flag: "--new-owner", context: context)
        var partners: [String] = []
        for name in partner {
            let id = try plan.ownerID(name, option: "--partner", create: newPartner, flag: "--new-partner", context: context)
            if id != ownerID, !partners.contains(id) { partners.append(id) }
        }
        var workstreams: [String] = []
        for name in workstream {
            let id = try plan.workstreamID(name, create: newWorkstream, context: context)
            if !workstreams.contains(id) { workstreams.append(id) }
        }
        let action = Action(
            id: id ?? plan.nextActionID(in: groupValue), group: groupValue, title: title, owner: ownerID,
            workstreams: workstreams, description: description, partners: partners,
            start: start, due: due, outcomeMeasure: outcome)
        try refusing(file) { try plan.addAction(action, context: context) }
        let report = try save(plan, in: &document)
        // A merge with an add saved meanwhile under the same id moved ours on (said on stderr).
        print("added \(report.ourActionMoves[action.id] ?? action.id) to \(clean(plan.name(of: groupValue))): \(clean(title))"
              + (due.flatMap(plan.dueNote).map { "; due \(due!) is \($0)" } ?? ""))
    }
}
