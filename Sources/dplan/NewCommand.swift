import ArgumentParser
import PlanApp
import PlanModel
import PlanStore

/// `dplan new FILE --title … --partnership …`: an empty plan with the default groups and RAG text.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a new, empty plan file.")

    @Argument(help: "The plan file to create (must not exist).")
    var file: String

    @Option(help: "Plan title, e.g. \"Serious Violence Delivery Plan 2025-28\".")
    var title: String

    @Option(help: "The Community Safety Partnership that owns the plan.")
    var partnership: String

    @Option(help: "Plan id (default: derived from the file name).")
    var id: String?

    @Option(help: "First day of the plan, YYYY-MM-DD (default: start of the current financial year).")
    var start: Day?

    @Option(help: "Last day of the plan, YYYY-MM-DD (default: three financial years after the start).")
    var end: Day?

    @Option(help: "Month the financial year starts, 1-12.")
    var fyStartMonth: Int = 4

    func validate() throws {
        guard (1...12).contains(fyStartMonth) else { throw ValidationError("--fy-start-month must be 1 to 12") }
        for (option, day) in [("--start", start), ("--end", end)] {
            if let day, let problem = Period.problem(with: day) { throw ValidationError("\(option): \(problem)") }
        }
    }

    func run() throws {
        let today = try currentTime().day
        let startDay = start
            ?? Quarter.containing(today, fyStartMonth: fyStartMonth).firstDay(fyStartMonth: fyStartMonth)
                .firstOfMonth(adding: -((Quarter.containing(today, fyStartMonth: fyStartMonth).number - 1) * 3))
        let endDay = end ?? startDay.firstOfMonth(adding: 36).adding(days: -1)
        let planID = id ?? String(file.split(separator: "/").last ?? "plan").replacingOccurrences(of: ".json", with: "")
        let plan = Plan(id: planID, title: title, partnership: partnership,
                        period: Period(start: startDay, end: endDay), financialYearStartMonth: fyStartMonth)
        let problems = plan.validate()
        guard problems.isEmpty else {
            throw DplanError.refused(problems.map { "\(file): \($0)" }.joined(separator: "\n") + "\n(nothing was written)")
        }
        do {
            try PlanFile.create(plan, at: file)
        } catch {
            throw DplanError.file(error)
        }
        print("created \(file): \(clean(title)), \(startDay) to \(endDay)")
    }
}
