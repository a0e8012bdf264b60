import ArgumentParser
import Foundation
import PlanApp
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
    @Flag(help: "Mark the paper \"Draft\" with figures \"so far\" although its quarter has ended (a running quarter's paper always is).")
    var draft = false
    @Option(help: "The Chromium-family browser that prints --format pdf (default: chromium, google-chrome or microsoft-edge found on the PATH).")
    var browser: String?
    @Option(help: "A Word document (.docx) whose styles (fonts, headings, tables) --format docx takes, for a council's house style; the page, header and footer stay dplan's.")
    var referenceDoc: String?

    /// Puts these options into an export request (its `validate` checks how they combine).
    func apply(to request: inout ExportRequest) {
        request.year = year
        request.sectionsBy = sectionsBy
        request.board = board
        request.meeting = meeting
        request.marking = marking
        request.landscape = landscape
        request.draft = draft
        request.browser = browser
        request.referenceDoc = referenceDoc
    }
}

extension ReportSections: ExpressibleByArgument {}
