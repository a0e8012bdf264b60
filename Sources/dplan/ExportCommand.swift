import ArgumentParser
import Foundation
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
    @Option(help: "Quarter to report on (default: the current quarter).") var quarter: Quarter?
    @Option(help: "Compare with this quarter (default: the quarter before).") var from: Quarter?
    @OptionGroup var paper: BoardPaperOptions
    @Option(help: "Only this prevention group.") var group: GroupArgument?
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

    func validate() throws {
        if format == nil && template == nil { throw ValidationError("give --format or --template") }
        if format != nil && template != nil { throw ValidationError("give --format or --template, not both") }
        if (excel || history || indicators) && format != .csv { throw ValidationError("--excel, --history and --indicators go with --format csv") }
        if history && indicators { throw ValidationError("give --history or --indicators, not both") }
        if withNames && !`public` { throw ValidationError("--with-names goes with --public (other exports always name who made each update)") }
        if plans.several && (template != nil || history || indicators || format == .html || format == .xlsx || format?.needsExternalProgram == true) {
            throw ValidationError("several plans export as markdown, csv (a Plan column) or json; html, pdf, docx, xlsx, --template, --history and --indicators take one plan")
        }
        if returns != nil && format != .xlsx { throw ValidationError("--returns goes with --format xlsx") }
        if returns != nil && output != nil { throw ValidationError("give -o or --returns, not both") }
        if returns == nil && output == nil { throw ValidationError("give -o PATH (\"-\" for standard output)") }
        if returns != nil && owner != nil { throw ValidationError("--returns writes every owner's return; use -o with --owner for one") }
        try paper.validate(format: format, quarter: quarter, from: from, history: history)
    }

    func run() throws {
        let plans = try self.plans.load()
        var options = ReportOptions(now: try currentTime())
        options.quarter = quarter
        options.from = from
        options.isPublic = `public`
        options.withNames = withNames
        var reports: [(label: String, report: Report)] = []
        var scopes: [ReportOptions] = []
        for entry in plans {
            try checkReportQuarters(entry.plan, quarter: quarter, from: from, on: options.now.day)
            var scoped = options
            try paper.apply(to: &scoped, plan: entry.plan)
            let filter = try actionCriteria(plan: entry.plan, group: group, owner: owner, status: nil, workstream: workstream,
                                            overdue: false, stale: false)
            scoped.group = filter.group
            scoped.owner = filter.owner
            scoped.workstream = filter.workstream
            reports.append((entry.label, Report(plan: entry.plan, options: scoped)))
            scopes.append(scoped)
        }
        if let returns {
            try writeReturns(plans[0].plan, options: scopes[0], to: returns, planFile: self.plans.files[0])
            return
        }
        let output = self.output!
        let data: Data
        if plans.count > 1 {
            data = try combined(reports)
        } else if let template {
            let source: String
            do { source = String(decoding: try PlanFile.read(template), as: UTF8.self) } catch { throw Failure(error.description) }
            do { data = Data(try reports[0].report.render(template: source, name: template).utf8) } catch { throw Failure("\(error)") }
        } else {
            let (plan, report) = (plans[0].plan, reports[0].report)
            data = indicators ? try report.indicatorsCSV(excel: excel)
                : history
                ? try plan.historyCSV(excel: excel, isPublic: `public`, withNames: withNames,
                                      actionIDs: Set(report.groups.flatMap(\.actions).map(\.id)))
                : try paper.render(report, as: format!, excel: excel)
        }
        if output == "-" {
            FileHandle.standardOutput.write(data)
            return
        }
        if let kind = AtomicFile.nonRegularKind(output) {
            throw Failure("\(output): is \(kind), not a regular file; exports replace only regular files (-o - writes to standard output); nothing was written")
        }
        if self.plans.files.contains(where: { AtomicFile.sameFile(output, $0) }) {
            throw Failure("\(output): that is the plan file; choose another output path (nothing was written)")
        }
        do { try AtomicFile.write(data, to: output) } catch { throw Failure(error.description) }
        let actions = reports.map(\.report.overall.total).reduce(0, +)
        let quarters = Set(reports.map { $0.report.quarter.description }).sorted().joined(separator: ", ")
        print("wrote \(output) (\(data.count) bytes): \(quarters), \(actions) actions\(plans.count > 1 ? " in \(plans.count) plans" : "")\(`public` ? ", public version" : "")")
    }

    /// One return per lead owner with actions in scope: `DIR/<owner id>.xlsx`.
    private func writeReturns(_ plan: Plan, options: ReportOptions, to folder: String, planFile: String) throws {
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw Failure("\(folder): cannot create the folder: \(error.localizedDescription)")
        }
        let owners = plan.owners.filter { owner in Report(plan: plan, options: with(options, owner: owner.id)).overall.total > 0 }
        guard !owners.isEmpty else { throw Failure("no actions to export; nothing was written") }
        for owner in owners {
            let report = Report(plan: plan, options: with(options, owner: owner.id))
            let path = (folder as NSString).appendingPathComponent("\(owner.id).xlsx")
            if AtomicFile.sameFile(path, planFile) { throw Failure("\(path): that is the plan file (nothing more was written)") }
            do { try AtomicFile.write(try report.xlsx(), to: path) } catch { throw Failure("\(path): \(error)") }
            print("wrote \(path): \(clean(owner.name)), \(report.overall.total) action\(report.overall.total == 1 ? "" : "s"), \(report.quarter)")
        }
    }

    private func with(_ options: ReportOptions, owner: String) -> ReportOptions {
        var copy = options
        copy.owner = owner
        return copy
    }

    /// Several plans in one file: Markdown reports one after another, one CSV table with a Plan
    /// column, or a JSON list of each plan's label and report.
    private func combined(_ reports: [(label: String, report: Report)]) throws -> Data {
        switch format {
        case .csv?: return try Report.csv(reports, excel: excel)
        case .json?:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return try encoder.encode(reports.map { LabelledReport(plan: $0.label, report: $0.report) }) + Data("\n".utf8)
        default: return Data(reports.map { $0.report.markdown() }.joined(separator: "\n---\n\n").utf8)
        }
    }
}

/// One plan's report in a JSON export of several plans.
private struct LabelledReport: Encodable {
    var plan: String
    var report: Report
}
