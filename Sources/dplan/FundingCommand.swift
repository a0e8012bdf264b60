import ArgumentParser
import PlanModel

/// `dplan funding add|remove FILE [--action ID] …`: funding lines of the plan or of an action.
struct FundingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "funding",
        abstract: "Add or remove funding lines (source, financial year, amount, labour / non-labour split).",
        subcommands: [AddFunding.self, RemoveFunding.self])

    struct AddFunding: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a funding line to the plan, or to an action with --action.",
            discussion: """
                e.g. dplan funding add PLAN --action PRI-01 --source "Home Office SVD grant" --year 2023/24 --amount 10000 --labour 4000
                Give --labour or --non-labour and the other part is the rest of the amount; give both and they must
                add up to it.
                """)

        @OptionGroup var plan: PlanFileArgument
        @Option(help: "The action the money is for (default: the plan as a whole).") var action: String?
        @Option(help: "Where the money comes from.") var source: String
        @Option(help: "Financial year, e.g. 2025/26.") var year: FinancialYear
        @Option(help: "Amount in pounds.") var amount: Money
        @Option(help: "Of which labour costs, in pounds.") var labour: Money?
        @Option(name: .customLong("non-labour"), help: "Of which non-labour costs, in pounds.") var nonLabour: Money?
        @OptionGroup var author: AuthorOption

        func run() throws {
            let file = self.plan.file
            var (document, plan) = try openForEditing(file)
            let context = EditContext(by: author.name, now: try currentTime())
            let holder: FundingHolder = action.map { .action($0) } ?? .plan
            let id = try refusing(file) {
                try plan.addFundingLine(to: holder, source: source, year: year, amount: amount.amount, labour: labour?.amount,
                                        nonLabour: nonLabour?.amount, context: context)
            }
            try save(plan, in: &document)
            let line = try plan.fundingLines(of: holder).first { $0.id == id }
            print("\(clean(action ?? "plan")): added funding line \(clean(line?.summary ?? id))")
        }
    }

    struct RemoveFunding: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a funding line (the audit trail keeps it).")

        @OptionGroup var plan: PlanFileArgument
        @Argument(help: "The funding line's id, e.g. F2.") var line: String
        @Option(help: "The action the line belongs to (default: the plan as a whole).") var action: String?
        @OptionGroup var author: AuthorOption

        func run() throws {
            let file = self.plan.file
            var (document, plan) = try openForEditing(file)
            let context = EditContext(by: author.name, now: try currentTime())
            try refusing(file) { try plan.removeFundingLine(from: action.map { .action($0) } ?? .plan, id: line, context: context) }
            try save(plan, in: &document)
            print("\(clean(action ?? "plan")): removed funding line \(clean(line))")
        }
    }
}
