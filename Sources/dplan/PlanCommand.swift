import ArgumentParser
import PlanModel

/// `dplan plan set FILE [--start] [--end]`: change the plan itself, on the record.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Change the plan itself (its period).",
        subcommands: [SetPeriod.self])

    struct SetPeriod: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Change the plan period, e.g. to extend it: dplan plan set PLAN --end 2028-03-31.",
            discussion: """
                The change is recorded in the plan's audit trail (dplan log). A period that would leave out a
                quarter with reviews or a closed-quarter record is refused.
                """)

        @OptionGroup var plan: PlanFileArgument
        @Option(help: "First day of the plan, YYYY-MM-DD.") var start: Day?
        @Option(help: "Last day of the plan, YYYY-MM-DD.") var end: Day?
        @OptionGroup var author: AuthorOption

        func validate() throws {
            if start == nil, end == nil { throw ValidationError("nothing to change: give --start and/or --end") }
        }

        func run() throws {
            let file = self.plan.file
            var (document, plan) = try openForEditing(file)
            let before = plan.period
            do {
                try plan.setPeriod(start: start, end: end, context: EditContext(by: author.name, now: try currentTime()))
            } catch {
                throw Failure("\(file): \(error) (nothing was written)")
            }
            guard plan.period != before else { print("the period is already \(before.start) to \(before.end); nothing to change"); return }
            try save(plan, in: &document)
            print("plan period \(plan.period.start) to \(plan.period.end) (was \(before.start) to \(before.end)), quarters \(plan.firstQuarter) to \(plan.lastQuarter)")
        }
    }
}
