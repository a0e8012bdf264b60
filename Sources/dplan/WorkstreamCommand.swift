import ArgumentParser
import PlanModel

/// `dplan workstream add|set|remove FILE …`: the plan's cross-cutting workstreams.
struct WorkstreamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workstream",
        abstract: "Add, rename or remove the plan's workstreams (themes such as VVRAP's).",
        subcommands: [AddWorkstream.self, SetWorkstream.self, RemoveWorkstream.self])

    struct AddWorkstream: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a workstream: dplan workstream add PLAN \"Reducing access to weapons\".")

        @OptionGroup var plan: PlanFileArgument
        @Argument(help: "The workstream's name.") var name: String
        @Option(help: "Its id (default: made from the name).") var id: String?
        @Option(help: "What it covers.") var description: String?
        @OptionGroup var author: AuthorOption

        func run() throws {
            let file = self.plan.file
            var (document, plan) = try openForEditing(file)
            let context = EditContext(by: author.name, now: try currentTime())
            let newID = try refusing(file) { try plan.addWorkstream(name: name, id: self.id, description: description, context: context) }
            try save(plan, in: &document)
            print("added workstream \(clean(newID)): \(clean(plan.workstreamName(newID)))")
        }
    }

    struct SetWorkstream: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Rename a workstream or change its description (\"\" removes it).")

        @OptionGroup var plan: PlanFileArgument
        @Argument(help: "The workstream's id or name.") var workstream: String
        @Option(help: "New name.") var name: String?
        @Option(help: "New description.") var description: String?
        @OptionGroup var author: AuthorOption

        func validate() throws {
            if name == nil, description == nil { throw ValidationError("nothing to change: give --name and/or --description") }
        }

        func run() throws {
            let file = self.plan.file
            var (document, plan) = try openForEditing(file)
            let before = plan
            try refusing(file) {
                try plan.setWorkstream(workstream, name: name, description: description,
                                       context: EditContext(by: author.name, now: try currentTime()))
            }
            guard plan != before else { print("the workstream already has those values; nothing to change"); return }
            try save(plan, in: &document)
            let changed = plan.findWorkstream(name ?? workstream)
            print("workstream \(clean(changed?.id ?? workstream)): \(clean(changed?.name ?? ""))")
        }
    }

    struct RemoveWorkstream: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove a workstream; refused while actions use it unless --from-actions takes it off them too.")

        @OptionGroup var plan: PlanFileArgument
        @Argument(help: "The workstream's id or name.") var workstream: String
        @Flag(help: "Also take the workstream off every action that uses it (on each action's audit trail).")
        var fromActions = false
        @OptionGroup var author: AuthorOption

        func run() throws {
            let file = self.plan.file
            var (document, plan) = try openForEditing(file)
            let found = plan.findWorkstream(workstream)
            try refusing(file) {
                try plan.removeWorkstream(workstream, fromActions: fromActions, context: EditContext(by: author.name, now: try currentTime()))
            }
            try save(plan, in: &document)
            print("removed workstream \(clean(found?.id ?? workstream))")
        }
    }
}
