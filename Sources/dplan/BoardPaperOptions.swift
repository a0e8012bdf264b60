import ArgumentParser
import Foundation
import PlanModel
import PlanReports

/// `dplan export` options for board papers: the annual report, sections, the cover and footer,
/// landscape pages, and the browser that prints PDFs.
struct BoardPaperOptions: ParsableArguments {
    @Option(help: "Annual report on a financial year, e.g. \"2025/26\" (instead of --quarter).") var year: FinancialYear?
    @Option(name: .customLong("by"), help: "Sections of the full table: group, owner (lead agency) or workstream (theme).")
    var sectionsBy: ReportSections = .group
    @Option(help: "The board the paper goes to (default: the board on record for the quarter, else the partnership).") var board: String?
    @Option(help: "The meeting day, YYYY-MM-DD, named on the cover.") var meeting: Day?
    @Option(help: "Protective marking printed at the top and foot of every page, e.g. \"OFFICIAL\" or \"OFFICIAL-SENSITIVE\".")
    var marking: String?
    @Flag(help: "Print on A4 landscape (HTML, PDF and Word).") var landscape = false
    @Option(help: "The Chromium-family browser that prints --format pdf (default: chromium, google-chrome or microsoft-edge found on the PATH).")
    var browser: String?

    func validate(format: ReportFormat?, quarter: Quarter?, from: Quarter?, history: Bool) throws {
        if year != nil && (quarter != nil || from != nil) { throw ValidationError("--year makes an annual report; give it or --quarter/--from, not both") }
        if year != nil && history { throw ValidationError("--year and --history do not go together (the history CSV already holds every quarter)") }
        if browser != nil && format != .pdf { throw ValidationError("--browser goes with --format pdf") }
        if let marking, marking.isBlank { throw ValidationError("--marking must not be empty") }
    }

    /// Puts the options into the report options, refusing a year the plan cannot report on.
    func apply(to options: inout ReportOptions, plan: Plan) throws {
        if let year, let problem = plan.annualReportProblem(with: year, on: options.now.day) { throw UsageFailure("--year: \(problem)") }
        options.year = year
        options.sectionsBy = sectionsBy
        options.board = board
        options.meeting = meeting
        options.marking = marking
        options.landscape = landscape
    }

    /// The report in `format`; a PDF or Word document that cannot be made is a refusal (exit 1)
    /// with what to install.
    func render(_ report: Report, as format: ReportFormat, excel: Bool) throws -> Data {
        do {
            return try report.rendered(as: format, excel: excel, programs: ExternalPrograms(browser: browser))
        } catch let error as ConversionError {
            throw Failure("\(error.description) (nothing was written)")
        }
    }
}

extension ReportSections: ExpressibleByArgument {}
