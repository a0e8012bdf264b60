import ArgumentParser
import PlanModel

/// `dplan group set FILE GROUP [--name] [--aim] [--order N]`: the plan's own name, aim and
/// place for a prevention group.
struct GroupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "group",
        abstract: "Name, describe and order the plan's prevention groups.",
        subcommands: [SetGroup.self])

    struct SetGroup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Give a group the plan's own name and aim, or move it: dplan group set PLAN primary --name Prevention --order 1.",
            discussion: """
                GROUP is a key (whole-system, primary, secondary, tertiary), an id prefix (PRI) or a name the plan
                uses. --order N shows the group at position N (1 first) in the list, screens and reports; the other
                groups keep their order. Changes go on the plan's audit trail (dplan log).
                """)

        @OptionGroup var plan: PlanFileArgument
        @Argument(help: "The group: its key, id prefix or the plan's name for it.") var group: GroupArgument
        @Option(help: "The plan's name for the group.") var name: String?
        @Option(help: "What the group aims to do.") var aim: String?
        @Option(help: "Position the group is shown at, 1 to 4.") var order: Int?
        @OptionGroup var author: AuthorOption

        func validate() throws {
            if name == nil, aim == nil, order == nil { throw ValidationError("nothing to change: give --name, --aim and/or --order") }
            if let order, !(1...PreventionGroup.allCases.count).contains(order) {
                throw ValidationError("--order must be 1 to \(PreventionGroup.allCases.count)")
            }
        }

        func run() throws {
            let file = self.plan.file
            var (document, plan) = try openForEditing(file)
            let key = try group.resolve(in: plan, option: "GROUP")
            let before = plan
            try refusing(file) {
                try plan.setGroup(key, name: name, aim: aim, position: order, context: EditContext(by: author.name, now: try currentTime()))
            }
            guard plan != before else { print("\(key.rawValue) already has those values; nothing to change"); return }
            try save(plan, in: &document)
            print("\(key.rawValue): \(clean(plan.name(of: key))) — \(clean(plan.aim(of: key)))")
            print("groups in order: " + plan.orderedGroups.map { clean(plan.name(of: $0)) }.joined(separator: ", "))
        }
    }
}
