import ArgumentParser
import PlanModel

/// `dplan milestone add|set|done|remove FILE ACTION-ID …`: an action's key milestones.
struct MilestoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "milestone",
        abstract: "Add, change, tick off or remove an action's key milestones.",
        subcommands: [AddMilestone.self, SetMilestone.self, DoneMilestone.self, RemoveMilestone.self])

    struct AddMilestone: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a milestone: dplan milestone add PLAN PRI-01 --title \"Pilot in two schools\" --due 2026-03-31.")

        @OptionGroup var plan: PlanFileArgument
        @Argument(help: "The action id.") var actionID: String
        @Option(help: "What will have happened.") var title: String
        @Option(help: "When, YYYY-MM-DD.") var due: Day
        @OptionGroup var author: AuthorOption

        func run() throws {
            let file = self.plan.file
            var (document, plan) = try openForEditing(file)
            let context = EditContext(by: author.name, now: try currentTime())
            let id = try refusing(file) { try plan.addMilestone(actionID: actionID, title: title, due: due, context: context) }
            try save(plan, in: &document)
            print("\(clean(actionID)): added milestone \(id) \(clean(title)), due \(due)")
        }
    }

    struct SetMilestone: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Change a milestone's title or due date.")

        @OptionGroup var plan: PlanFileArgument
        @Argument(help: "The action id.") var actionID: String
        @Argument(help: "The milestone: its id (M1) or title.") var milestone: String
        @Option(help: "New title.") var title: String?
        @Option(help: "New due date, YYYY-MM-DD.") var due: Day?
        @OptionGroup var author: AuthorOption

        func validate() throws {
            if title == nil, due == nil { throw ValidationError("nothing to change: give --title and/or --due") }
        }

        func run() throws {
            let file = self.plan.file
            var (document, plan) = try openForEditing(file)
            let context = EditContext(by: author.name, now: try currentTime())
            try refusing(file) { try plan.editMilestone(actionID: actionID, milestone: milestone, title: title, due: due, context: context) }
            try save(plan, in: &document)
            print("\(clean(actionID)): milestone \(clean(milestone)) changed")
        }
    }

    struct DoneMilestone: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "done", abstract: "Mark a milestone done (who and when are recorded); --undo marks it open again.")

        @OptionGroup var plan: PlanFileArgument
        @Argument(help: "The action id.") var actionID: String
        @Argument(help: "The milestone: its id (M1) or title.") var milestone: String
        @Flag(help: "Mark it not done.") var undo = false
        @OptionGroup var author: AuthorOption

        func run() throws {
            let file = self.plan.file
            var (document, plan) = try openForEditing(file)
            let context = EditContext(by: author.name, now: try currentTime())
            let before = plan
            try refusing(file) { try plan.setMilestoneDone(actionID: actionID, milestone: milestone, done: !undo, context: context) }
            guard plan != before else { print("\(clean(actionID)): milestone \(clean(milestone)) is already \(undo ? "open" : "done")"); return }
            try save(plan, in: &document)
            print("\(clean(actionID)): milestone \(clean(milestone)) \(undo ? "open again" : "done") by \(clean(context.by))")
        }
    }

    struct RemoveMilestone: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a milestone (the audit trail keeps it).")

        @OptionGroup var plan: PlanFileArgument
        @Argument(help: "The action id.") var actionID: String
        @Argument(help: "The milestone: its id (M1) or title.") var milestone: String
        @OptionGroup var author: AuthorOption

        func run() throws {
            let file = self.plan.file
            var (document, plan) = try openForEditing(file)
            let context = EditContext(by: author.name, now: try currentTime())
            try refusing(file) { try plan.removeMilestone(actionID: actionID, milestone: milestone, context: context) }
            try save(plan, in: &document)
            print("\(clean(actionID)): milestone \(clean(milestone)) removed")
        }
    }
}
