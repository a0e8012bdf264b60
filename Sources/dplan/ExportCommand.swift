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
            filled in and read back with dplan import DIR/*.xlsx --into PLAN --update. With --email each return gets
            an email beside it (DIR/<owner id>.eml) to the owner's contact address, the return attached; --send hands
            them to a sendmail-compatible program and records on the plan each one sent. Leads without an address
            are listed and the exit status is 1. Without --send, the plan records each return as written (to send on
            by hand), so dplan chase shows it; --no-record leaves the plan alone.
            """)

    @OptionGroup var plans: PlanFilesArgument
    @Option(help: "markdown, html, pdf (printed by Chromium), docx (made by pandoc), csv, json or xlsx (not needed with --template).")
    var format: ReportFormat?
    @Option(help: "Mustache template to render against the report model (docs/templates.md).") var template: String?
    @Option(help: "Quarter to report on (default: the latest quarter that has ended and is not closed, else the current one).") var quarter: Quarter?
    @Option(help: "Compare with this quarter (default: the quarter before).") var from: Quarter?
    @OptionGroup var paper: BoardPaperOptions
    @Option(help: "Only this prevention group.") var group: String?
    @Option(name: [.customLong("owner"), .customLong("lead")],
            help: "Only this owner (id or name); in a portfolio paper, list the actions of every lead owner whose name contains this, across plans.")
    var owner: String?
    @Option(help: "A portfolio paper's name on its cover (several plans or a folder; default \"Portfolio of N plans\").") var portfolio: String?
    @Option(help: "Only this workstream (id or name).") var workstream: String?
    @Flag(help: "For publication: withhold commentary marked restricted (shown as \"withheld\"), leave out who made each update and the board's asks.")
    var `public` = false
    @Flag(help: "With --public: keep who made each update (personal data).") var withNames = false
    @Flag(help: "With --public: keep the board's asks (each action's decision or help needed, and the decisions section).")
    var withDecisions = false
    @Flag(help: "CSV: start with a UTF-8 byte-order mark so Excel reads accents and £ correctly.") var excel = false
    @Flag(help: "CSV: the review history as a long table (action, quarter, status, commentary, by, on).") var history = false
    @Flag(help: "CSV: the outcome indicators' values as a long table (indicator, quarter, value, provisional, note, by, on).")
    var indicators = false
    @Option(help: "xlsx: write one return per lead owner into this folder instead of -o.") var returns: String?
    @Flag(help: "With --returns: write an email for each return beside it (DIR/<owner id>.eml), the return attached.")
    var email = false
    @Flag(help: "With --returns: do not record on the plan that the returns were written (a trial run).")
    var noRecord = false
    @OptionGroup var mail: MailOptions
    @Option(name: .shortAndLong, help: "Where to write (\"-\" for standard output).") var output: String?
    @OptionGroup var asAt: AsAtOption

    /// The request these options make (the same type the front end's export dialog fills in).
    private var request: ExportRequest {
        var request = ExportRequest(format: format, template: template)
        request.quarter = quarter
        request.from = from
        request.isPublic = `public`
        request.withNames = withNames
        request.withDecisions = withDecisions
        request.group = group
        request.owner = owner
        request.workstream = workstream
        request.excel = excel
        request.history = history
        request.indicators = indicators
        request.portfolioName = portfolio
        paper.apply(to: &request)
        return request
    }

    func validate() throws {
        // A folder is a portfolio however many plans it holds; its plans are counted once read.
        do { try request.validate(plans: isPortfolio(plans.files) ? max(2, plans.files.count) : 1) } catch { throw ValidationError(error.message) }
        if returns != nil && format != .xlsx { throw ValidationError("--returns goes with --format xlsx") }
        if returns != nil && output != nil { throw ValidationError("give -o or --returns, not both") }
        if returns == nil && output == nil { throw ValidationError("give -o PATH (\"-\" for standard output)") }
        if returns != nil && asAt.asAt != nil { throw ValidationError("--as-at makes papers; returns are for the quarter being updated now") }
        if returns != nil && owner != nil { throw ValidationError("--returns writes every owner's return; use -o with --owner for one") }
        if returns == nil && noRecord { throw ValidationError("--no-record goes with --returns DIR") }
        if returns == nil && (email || mail.anyGiven) { throw ValidationError("--email, --send and the mail options go with --returns DIR") }
        if returns != nil && isPortfolio(plans.files) { throw ValidationError("--returns takes one plan") }
    }

    func run() throws {
        let portfolio = isPortfolio(self.plans.files)
        let read = portfolio ? try readPortfolio(self.plans.files) : PortfolioRead(plans: try self.plans.load(), skipped: [])
        var plans = read.plans
        var now = try currentTime()
        for index in plans.indices where asAt.asAt != nil {  // as it stood at the end of --as-at; public: as restricted now
            let current = plans[index].plan
            let past: Plan
            (past, now) = try asAt.apply(to: current, file: plans[index].file ?? plans[index].label, now: now)
            plans[index].plan = request.published(past, current: current)
        }
        if let returns {
            try exportReturns(plans[0].plan, to: returns, now: now)
            return
        }
        let output = self.output!
        let rendered = try renderExport(plans, request, now: now)
        for warning in rendered.warnings { printError(warning) }
        if output == "-" {
            try writeStandardOutput(rendered.data)
        } else {
            try writeExport(rendered.data, to: output, planFiles: self.plans.files + plans.compactMap { $0.file }, overwrite: true)
            print("wrote \(output) (\(rendered.data.count) bytes): \(rendered.summary)")
        }
        for skipped in read.skipped { printError("skipped \(clean(skipped))") }
        if !read.skipped.isEmpty {
            throw DplanError.refused("\(read.skipped.count) file\(read.skipped.count == 1 ? " was" : "s were") left out (named above); "
                                     + "the export covers the other \(plans.count) plan\(plans.count == 1 ? "" : "s")")
        }
    }

    /// Writes the returns (and with --email their emails) all or none, then sends with --send.
    private func exportReturns(_ plan: Plan, to folder: String, now: Timestamp) throws {
        let planFile = self.plans.files[0]
        let prepared = try prepareReturns(plan, request, to: folder, planFile: planFile, now: now)
        guard email || mail.send else {
            try writeAll(prepared.map { ($0.path, $0.data) }, in: folder)
            prepared.forEach { print($0.summary) }
            if !noRecord { try recordWritten(prepared, planFile: planFile, now: now) }
            return
        }
        let batch = try prepareMails(for: prepared, kind: .request, plan: plan, settings: try mail.settings(today: now.day),
                                     folder: folder, now: now)
        try writeAll(prepared.map { ($0.path, $0.data) } + (email ? batch.mails.map { ($0.path, $0.data) } : []), in: folder)
        prepared.forEach { print($0.summary) }
        if email { batch.mails.forEach { print("wrote \($0.path): to \($0.to.address)") } }
        if mail.send {
            try sendAndRecord(batch, planFile: planFile, options: mail, now: now)
        } else {
            if !noRecord { try recordWritten(prepared, planFile: planFile, now: now) }
            try finishMail(batch)
        }
    }
}
