import ArgumentParser
import PlanModel

/// `dplan owner add|set|merge FILE …`: the lead agencies and officers actions belong to.
struct OwnerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "owner",
        abstract: "Add or change owners (agencies, officers), or fold a duplicate into another.",
        subcommands: [AddOwner.self, SetOwner.self, MergeOwner.self])

    struct AddOwner: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add an owner: dplan owner add PLAN \"Metropolitan Police Service\" --role \"Lead agency\".")

        @OptionGroup var plan: PlanFileArgument
        @Argument(help: "The owner's name.") var name: String
        @Option(help: "Its id (default: made from the name).") var id: String?
        @Option(help: "Role, e.g. \"Responsible authority\".") var role: String?
        @Option(help: "Contact, e.g. a team mailbox.") var contact: String?
        @OptionGroup var author: AuthorOption

        func run() throws {
            let file = self.plan.file
            var (document, plan) = try openForEditing(file)
            let context = EditContext(by: author.name, now: try currentTime())
            let newID = try refusing(file) { try plan.addOwner(name: name, id: self.id, role: role, contact: contact, context: context) }
            try save(plan, in: &document)
            print("added owner \(clean(newID)): \(clean(plan.ownerName(newID)))")
        }
    }

    struct SetOwner: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Change an owner's name, role or contact (\"\" removes a role or contact).")

        @OptionGroup var plan: PlanFileArgument
        @Argument(help: "The owner's id or name.") var owner: String
        @Option(help: "New name.") var name: String?
        @Option(help: "Role.") var role: String?
        @Option(help: "Contact.") var contact: String?
        @OptionGroup var author: AuthorOption

        func validate() throws {
            if name == nil, role == nil, contact == nil { throw ValidationError("nothing to change: give --name, --role and/or --contact") }
        }

        func run() throws {
            let file = self.plan.file
            var (document, plan) = try openForEditing(file)
            let before = plan
            try refusing(file) {
                try plan.setOwner(owner, name: name, role: role, contact: contact, context: EditContext(by: author.name, now: try currentTime()))
            }
            guard plan != before else { print("the owner already has those values; nothing to change"); return }
            try save(plan, in: &document)
            let changed = plan.findOwner(name ?? owner)
            print("owner \(clean(changed?.id ?? owner)): \(clean(changed?.name ?? ""))"
                  + (changed?.role.map { ", \(clean($0))" } ?? "") + (changed?.contact.map { ", \(clean($0))" } ?? ""))
        }
    }

    struct MergeOwner: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Fold a duplicate owner into another everywhere: dplan owner merge PLAN MPS --into \"Metropolitan Police Service\".",
            discussion: """
                Every action led or supported by the duplicate moves to the other owner (on each action's audit
                trail), reviews and deletion records name the other owner, and the duplicate is removed.
                """)

        @OptionGroup var plan: PlanFileArgument
        @Argument(help: "The duplicate owner's id or name.") var duplicate: String
        @Option(help: "The owner to keep (id or name).") var into: String
        @OptionGroup var author: AuthorOption

        func run() throws {
            let file = self.plan.file
            var (document, plan) = try openForEditing(file)
            let moved = plan.findOwner(duplicate).map { id in plan.actions.filter { $0.owner == id.id || $0.partners.contains(id.id) }.count } ?? 0
            try refusing(file) { try plan.mergeOwner(duplicate, into: into, context: EditContext(by: author.name, now: try currentTime())) }
            try save(plan, in: &document)
            let kept = plan.findOwner(into)
            print("merged \(clean(duplicate)) into \(clean(kept?.id ?? into)) (\(clean(kept?.name ?? ""))): \(moved) action\(moved == 1 ? "" : "s") changed")
        }
    }
}
