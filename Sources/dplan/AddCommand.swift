import ArgumentParser
import PlanModel
import PlanReports

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

    @Option(help: "Workstream id; repeat for several.")
    var workstream: [String] = []

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
        let ownerID: String
        if let found = plan.findOwner(owner) {
            ownerID = found.id
        } else if newOwner {
            ownerID = ownerSlug(owner, existing: Set(plan.owners.map(\.id)))
            plan.owners.append(Owner(id: ownerID, name: owner))
        } else {
            throw Failure("--owner: no owner with id or name \"\(owner)\"; owners are: \(plan.owners.map(\.id).joined(separator: ", ")). Add --new-owner to create it.")
        }
        let partners = try partner.map { name in
            guard let found = plan.findOwner(name) else { throw Failure("--partner: no owner with id or name \"\(name)\"") }
            return found.id
        }
        for ws in workstream where !plan.workstreams.contains(where: { $0.id == ws }) {
            throw Failure("--workstream: no workstream \"\(ws)\"; workstreams are: \(plan.workstreams.map(\.id).joined(separator: ", "))")
        }
        let action = Action(
            id: id ?? plan.nextActionID(in: groupValue), group: groupValue, title: title, owner: ownerID,
            workstreams: workstream, description: description, partners: partners,
            start: start, due: due, outcomeMeasure: outcome)
        do {
            try plan.addAction(action, context: context)
        } catch let error as PlanEditError {
            throw Failure("\(file): \(error) (nothing was written)")
        }
        try save(plan, in: &document)
        print("added \(action.id) to \(clean(plan.name(of: groupValue))): \(clean(title))")
    }
}
