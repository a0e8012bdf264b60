import ArgumentParser
import Foundation
import PlanApp
import PlanModel
import PlanReports
import PlanStore

/// `dplan export FILE --format … -o PATH`: board papers and data from one report model.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a progress report: markdown, html, pdf, docx, csv, json or xlsx, or your own Mustache template.",
        discussion: """
            The output is written atomically; the plan file is never touched. --format pdf prints the HTML paper with
            Chromium; --format docx makes a Word document with pandoc. --format xlsx writes the plan as an Excel tracker
            that is also the quarterly return; --returns DIR writes one per lead owner (DIR/<owner id>.xlsx), to be
            filled in and read back with dplan import DIR/*.xlsx --into PLAN --update.
            """)

    @OptionGroup var plans: PlanFilesArgument
    @Option(help: "markdown, html, pdf (printed by Chromium), docx (made by pandoc), csv, json or xlsx (not needed with --template).")
    var format: ReportFormat?
    @Option(help: "Mustache template to render against the report model (docs/templates.md).") var template: String?
    @Option(help: "Quarter to report on (default: the latest quarter that has ended and is not closed, else the current one).") var quarter: Quarter?
    @Option(help: "Compare with this quarter (default: the quarter before).") var from: Quarter?
    @OptionGroup var paper: BoardPaperOptions
    @Option(help: "Only this prevention group.") var group: String?
    @Option(help: "Only this owner (id or name).") var owner: String?
    @Option(help: "Only this workstream (id or name).") var workstream: String?
    @Flag(help: "For publication: withhold commentary marked restricted (shown as \"withheld\") and leave out who made each update.")
    var `public` = false
    @Flag(help: "With --public: keep who made each update (personal data).") var withNames = false
    @Flag(help: "CSV: start with a UTF-8 byte-order mark so Excel reads accents and £ correctly.") var excel = false
    @Flag(help: "CSV: the review history as a long table (action, quarter, status, commentary, by, on).") var history = false
    @Flag(help: "CSV: the outcome indicators' values as a long table (indicator, quarter, value, provisional, note, by, on).")
    var indicators = false
    @Option(help: "xlsx: write one return per lead owner into this folder instead of -o.") var returns: String?
    @Option(name: .shortAndLong, help: "Where to write (\"-\" for standard output).") var output: String?

    /// The request these options make (the same type the front end's export dialog fills in).
    private var request: ExportRequest {
        var request = ExportRequest(format: format, template: template)
        request.quarter = quarter
        request.from = from
        request.isPublic = `public`
        request.withNames = withNames
        request.group = group
        request.owner = owner
        request.workstream = workstream
        request.excel = excel
        request.history = history
        request.indicators = indicators
        paper.apply(to: &request)
        return request
    }

    func validate() throws {
        do { try request.validate(plans: plans.files.count) } catch { throw ValidationError(error.message) }
        if returns != nil && format != .xlsx { throw ValidationError("--returns goes with --format xlsx") }
        if returns != nil && output != nil { throw ValidationError("give -o or --returns, not both") }
        if returns == nil && output == nil { throw ValidationError("give -o PATH (\"-\" for standard output)") }
        if returns != nil && owner != nil { throw ValidationError("--returns writes every owner's return; use -o with --owner for one") }
    }

    func run() throws {
        let plans = try self.plans.load()
        let now = try currentTime()
        if let returns {
            for line in try writeReturns(plans[0].plan, request, to: returns, planFile: self.plans.files[0], now: now) { print(line) }
            return
        }
        let output = self.output!
        let rendered = try renderExport(plans, request, now: now)
        for warning in rendered.warnings { printError(warning) }
        if output == "-" {
            FileHandle.standardOutput.write(rendered.data)
            return
        }
        try writeExport(rendered.data, to: output, planFiles: self.plans.files, overwrite: true)
        print("wrote \(output) (\(rendered.data.count) bytes): \(rendered.summary)")
    }
}
