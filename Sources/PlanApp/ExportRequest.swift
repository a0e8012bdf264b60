import PlanModel
import PlanReports

/// Everything a report export can ask for, from `dplan export` or the front end's export dialog:
/// one request type, so the two offer the same papers and apply the same rules.
public struct ExportRequest: Equatable, Sendable {
    /// A built-in format; nil when `template` is given.
    public var format: ReportFormat?
    /// A Mustache template file to render against the report model (docs/templates.md).
    public var template: String?
    /// The quarter reported on (default: `Plan.reportingQuarter(on:)`, the latest quarter that has
    /// ended and is not closed, else the current one).
    public var quarter: Quarter?
    /// The quarter compared with (default: the quarter before).
    public var from: Quarter?
    /// An annual report on a financial year instead of a quarter.
    public var year: FinancialYear?
    /// For publication: restricted commentary withheld and who made each update left out.
    public var isPublic = false
    /// With `isPublic`: keep who made each update.
    public var withNames = false
    /// With `isPublic`: keep the board's asks (each action's decision or help needed, and the
    /// "Decisions and recommendations for the board" section).
    public var withDecisions = false
    /// Sections of the full table.
    public var sectionsBy = ReportSections.group
    /// The board the paper goes to, the meeting day and the protective marking on every page.
    public var board: String?
    public var meeting: Day?
    public var marking: String?
    public var landscape = false
    /// Mark the paper a draft ("so far") even for a quarter or year that has ended; a running
    /// one's paper is always a draft.
    public var draft = false
    /// The Chromium-family browser that prints a PDF (nil: found on the PATH).
    public var browser: String?
    /// A Word document whose styles the Word paper takes (nil: dplan's own).
    public var referenceDoc: String?
    /// Only these actions: a group, owner or workstream as the user typed it (id or name).
    public var group: String?
    public var owner: String?
    public var workstream: String?
    /// CSV only: a byte-order mark for Excel; the review history or the indicator values as a long table.
    public var excel = false
    public var history = false
    public var indicators = false
    /// A portfolio paper's name on its cover (default "Portfolio of N plans").
    public var portfolioName: String?

    public init(format: ReportFormat? = nil, template: String? = nil) {
        self.format = format
        self.template = template
    }

    /// Refuses options that do not go together, before any plan is read (usage errors, exit 2).
    /// `plans` is how many plans the export covers.
    public func validate(plans: Int) throws(DplanError) {
        if format == nil && template == nil { throw .usage("give --format or --template") }
        if format != nil && template != nil { throw .usage("give --format or --template, not both") }
        if (excel || history || indicators) && format != .csv { throw .usage("--excel, --history and --indicators go with --format csv") }
        if history && indicators { throw .usage("give --history or --indicators, not both") }
        if withNames && !isPublic { throw .usage("--with-names goes with --public (other exports always name who made each update)") }
        if withDecisions && !isPublic { throw .usage("--with-decisions goes with --public (other exports always carry the board's asks)") }
        if plans > 1 && (template != nil || history || indicators) {
            throw .usage("--template, --history and --indicators take one plan; several plans make a portfolio paper (html, pdf, docx, xlsx, markdown) or one table (csv, json)")
        }
        if plans > 1, isPortfolioPaper(plans: plans), group != nil || workstream != nil || from != nil || year != nil || sectionsBy != .group {
            throw .usage("--group, --workstream, --sections, --from and --year take one plan; a portfolio paper reports each plan's own quarter")
        }
        if portfolioName != nil && !isPortfolioPaper(plans: plans) { throw .usage("--portfolio names a portfolio paper: give several plans or a folder, and html, pdf, docx, xlsx or markdown") }
        if year != nil && (quarter != nil || from != nil) { throw .usage("--year makes an annual report; give it or --quarter/--from, not both") }
        if year != nil && history { throw .usage("--year and --history do not go together (the history CSV already holds every quarter)") }
        if browser != nil && format != .pdf { throw .usage("--browser goes with --format pdf") }
        if referenceDoc != nil && format != .docx { throw .usage("--reference-doc goes with --format docx") }
        if let marking, marking.isBlank { throw .usage("--marking must not be empty") }
        if draft && (format == .csv || format == .xlsx) {
            throw .usage("--draft marks a paper (markdown, html, pdf, docx, json or --template); csv and xlsx have no cover to mark")
        }
    }

    /// Whether the export over `plans` plans is a portfolio paper (several plans in a paper
    /// format) rather than one plan's report or one table across plans.
    public func isPortfolioPaper(plans: Int) -> Bool {
        plans > 1 && template == nil && format.map(PortfolioPaper.formats.contains) == true
    }

    /// The report options for one plan: the quarter or year it can report on and the actions in
    /// scope, or a usage error naming the option the plan cannot use.
    public func reportOptions(for plan: Plan, now: Timestamp) throws(DplanError) -> ReportOptions {
        try checkReportQuarters(plan, quarter: quarter, from: from, on: now.day)
        if let year, let problem = plan.annualReportProblem(with: year, on: now.day) { throw .usage("--year: \(problem)") }
        var options = ReportOptions(now: now)
        options.quarter = quarter
        options.from = from
        options.year = year
        options.isPublic = isPublic
        options.withNames = withNames
        options.withDecisions = withDecisions
        options.sectionsBy = sectionsBy
        options.board = board
        options.meeting = meeting
        options.marking = marking
        options.landscape = landscape
        options.draft = draft
        let scope = try actionCriteria(plan: plan, group: group, owner: owner, workstream: workstream)
        options.group = scope.group
        options.owner = scope.owner
        options.workstream = scope.workstream
        return options
    }

    /// The file name an export is offered under: `<plan id>-<quarter or year>[-public].<ext>`.
    public func suggestedFileName(planID: String, reporting quarter: Quarter) -> String {
        let period = year.map { "\($0)-annual" } ?? quarter.description
        let words = period.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: " ", with: "-")
        return "\(planID)-\(words)" + (isPublic ? "-public" : "") + ".\(format?.fileExtension ?? "txt")"
    }
}

/// Refuses quarters a report cannot use: outside the plan period, not started yet, or a comparison
/// quarter that is not earlier (a usage error naming the option).
public func checkReportQuarters(_ plan: Plan, quarter: Quarter?, quarterOption: String = "--quarter", from: Quarter?,
                                on day: Day) throws(DplanError) {
    for case let (option, value?) in [(quarterOption, quarter), ("--from", from)] {
        if let problem = plan.reportProblem(with: value, on: day) { throw .usage("\(option): \(problem)") }
    }
    let reported = quarter ?? plan.reportingQuarter(on: day)
    if let from, from >= reported {
        throw .usage("--from: \(from) is not earlier than the quarter reported on (\(reported))")
    }
}
