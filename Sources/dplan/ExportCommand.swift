import ArgumentParser
import Foundation
import PlanModel
import PlanReports
import PlanStore

/// `dplan export FILE --format … -o PATH`: board papers and data from one report model.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a progress report: markdown, html, csv or json, or your own Mustache template.",
        discussion: "The output is written atomically; the plan file is never touched.")

    @OptionGroup var plan: PlanFileArgument
    @Option(help: "markdown, html, csv or json (not needed with --template).") var format: ReportFormat?
    @Option(help: "Mustache template to render against the report model (docs/templates.md).") var template: String?
    @Option(help: "Quarter to report on (default: the current quarter).") var quarter: Quarter?
    @Option(help: "Compare with this quarter (default: the quarter before).") var from: Quarter?
    @Option(help: "Only this prevention group.") var group: GroupArgument?
    @Option(help: "Only this owner (id or name).") var owner: String?
    @Option(help: "Only this workstream (id or name).") var workstream: String?
    @Flag(help: "For publication: withhold commentary marked restricted (shown as \"withheld\") and leave out who made each update.")
    var `public` = false
    @Flag(help: "With --public: keep who made each update (personal data).") var withNames = false
    @Flag(help: "CSV: start with a UTF-8 byte-order mark so Excel reads accents and £ correctly.") var excel = false
    @Flag(help: "CSV: the review history as a long table (action, quarter, status, commentary, by, on).") var history = false
    @Option(name: .shortAndLong, help: "Where to write (\"-\" for standard output).") var output: String

    func validate() throws {
        if format == nil && template == nil { throw ValidationError("give --format or --template") }
        if format != nil && template != nil { throw ValidationError("give --format or --template, not both") }
        if (excel || history) && format != .csv { throw ValidationError("--excel and --history go with --format csv") }
        if withNames && !`public` { throw ValidationError("--with-names goes with --public (other exports always name who made each update)") }
    }

    func run() throws {
        let file = self.plan.file
        let plan = try loadPlan(file)
        var options = ReportOptions(now: try currentTime())
        try checkReportQuarters(plan, quarter: quarter, from: from, on: options.now.day)
        options.quarter = quarter
        options.from = from
        options.isPublic = `public`
        options.withNames = withNames
        let filter = try actionCriteria(plan: plan, group: group, owner: owner, status: nil, workstream: workstream,
                                        overdue: false, stale: false)
        options.group = filter.group
        options.owner = filter.owner
        options.workstream = filter.workstream
        let report = Report(plan: plan, options: options)
        let data: Data
        if let template {
            let source: String
            do { source = String(decoding: try PlanFile.read(template), as: UTF8.self) } catch { throw Failure(error.description) }
            do { data = Data(try report.render(template: source, name: template).utf8) } catch { throw Failure("\(error)") }
        } else {
            data = history
                ? try plan.historyCSV(excel: excel, isPublic: `public`, withNames: withNames, actionIDs: Set(report.groups.flatMap(\.actions).map(\.id)))
                : try report.rendered(as: format!, excel: excel)
        }
        if output == "-" {
            FileHandle.standardOutput.write(data)
            return
        }
        if let kind = AtomicFile.nonRegularKind(output) {
            throw Failure("\(output): is \(kind), not a regular file; exports replace only regular files (-o - writes to standard output); nothing was written")
        }
        if AtomicFile.sameFile(output, file) {
            throw Failure("\(output): that is the plan file; choose another output path (nothing was written)")
        }
        do { try AtomicFile.write(data, to: output) } catch { throw Failure(error.description) }
        print("wrote \(output) (\(data.count) bytes): \(report.quarter), \(report.overall.total) actions\(`public` ? ", public version" : "")")
    }
}
