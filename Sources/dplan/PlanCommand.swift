import ArgumentParser
import PlanModel

/// `dplan plan set FILE [--title] [--partnership] [--description] [--author] [--contact] [--start] [--end] [--fy-start]
/// [--status-word] [--rag-definition] [--population]`: change the plan itself, on the record.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Change the plan itself (title, partnership, description, paper's author, period, financial year, status words).",
        subcommands: [SetPlan.self])

    struct SetPlan: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Change the plan's details, e.g. to extend it: dplan plan set PLAN --end 2028-03-31.",
            discussion: """
                Every change is recorded in the plan's audit trail (dplan log). A period that would leave out a
                quarter with reviews or a closed-quarter record is refused, naming it; the financial year's start
                month can change only while no quarter has history. --status-word gives the plan's own word for a
                status, shown beside its letter (--status-word complete=Blue); --rag-definition says what a status
                means for this partnership. An empty text goes back to the usual word or no definition. --author and
                --contact name who the board paper is from and how to reach them, on its cover (an empty text removes them).
                """)

        @OptionGroup var plan: PlanFileArgument
        @Option(help: "The plan's title.") var title: String?
        @Option(help: "The Community Safety Partnership (or board) that owns the plan.") var partnership: String?
        @Option(help: "A description of the plan.") var description: String?
        @Option(name: .customLong("author"), help: "Who the board paper is from, e.g. \"Jane Smith, Community Safety Manager\" (on its cover).")
        var paperAuthor: String?
        @Option(help: "How to reach the author, e.g. an email address and telephone number (on the paper's cover).") var contact: String?
        @Option(help: "First day of the plan, YYYY-MM-DD.") var start: Day?
        @Option(help: "Last day of the plan, YYYY-MM-DD.") var end: Day?
        @Option(name: .customLong("fy-start"), help: "Month the financial year starts: 1-12 or its name (April).")
        var fyStart: MonthArgument?
        @Option(help: "The plan's own word for a status, STATUS=WORD (repeat for several).") var statusWord: [StatusText] = []
        @Option(help: "What a status means for this plan, STATUS=TEXT (repeat for several).") var ragDefinition: [StatusText] = []
        @Option(help: "The population the plan covers, for rates per 100,000 in a portfolio (none: not recorded).")
        var population: PopulationArgument?
        @OptionGroup var author: AuthorOption

        func validate() throws {
            if title == nil, partnership == nil, description == nil, paperAuthor == nil, contact == nil, start == nil, end == nil,
               fyStart == nil, statusWord.isEmpty, ragDefinition.isEmpty, population == nil {
                throw ValidationError("nothing to change: give --title, --partnership, --description, --author, --contact, --start, --end, --fy-start, "
                                      + "--status-word, --rag-definition and/or --population")
            }
        }

        func run() throws {
            let file = self.plan.file
            var (document, plan) = try openForEditing(file)
            let before = plan
            let context = EditContext(by: author.name, now: try currentTime())
            try refusing(file) {
                try plan.setDetails(title: title, partnership: partnership, description: description, fyStartMonth: fyStart?.month,
                                    context: context)
                plan.setPaperAuthor(author: paperAuthor, contact: contact, context: context)
                if start != nil || end != nil { try plan.setPeriod(start: start, end: end, context: context) }
                if let population { try plan.setPopulation(population.value, context: context) }
                for word in statusWord { plan.setStatusWording(word.status, word: word.text, definition: nil, context: context) }
                for definition in ragDefinition {
                    plan.setStatusWording(definition.status, word: nil, definition: definition.text, context: context)
                }
            }
            guard plan != before else { print("the plan already has those values; nothing to change"); return }
            try save(plan, in: &document)
            let changes = (plan.changeLog ?? []).dropFirst(before.changeLog?.count ?? 0)
            for change in changes {
                print("\(change.field): \(clean(change.from.isEmpty ? "(empty)" : change.from)) → \(clean(change.to.isEmpty ? "(empty)" : change.to))")
            }
            if plan.period != before.period {
                print("plan period \(plan.period.start) to \(plan.period.end) (was \(before.period.start) to \(before.period.end)), "
                      + "quarters \(plan.firstQuarter) to \(plan.lastQuarter)")
            }
        }
    }
}

/// A population: a whole number of 1 or more, or `none` (not recorded).
struct PopulationArgument: ExpressibleByArgument {
    var value: Int?

    init?(argument: String) {
        let key = argument.trimmingSpaces().lowercased()
        if key == "none" {
            value = nil
        } else if let number = Int(key.replacingOccurrences(of: ",", with: "")), number >= 1 {
            value = number
        } else {
            return nil
        }
    }
}
