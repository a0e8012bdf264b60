import Foundation
import PlanModel
import PlanReports
import PlanStore

/// An export made in memory: the bytes, and what they cover for the message that reports them.
public struct RenderedExport: Sendable {
    public var data: Data
    /// The quarter (or year's last quarter) each plan's report is on, in plan order.
    public var quarters: [String]
    /// Actions covered, over every plan.
    public var actions: Int
    public var plans: Int
    public var isPublic: Bool
    /// Things the reader should know that did not stop the export (a printed paper whose text
    /// some writing system has no font for).
    public var warnings: [String] = []

    /// "2026/27 Q3, 36 actions, public version".
    public var summary: String {
        "\(Set(quarters).sorted().joined(separator: ", ")), \(actions) actions\(plans > 1 ? " in \(plans) plans" : "")\(isPublic ? ", public version" : "")"
    }
}

/// Makes the report `request` asks for, over one plan or several (labelled), as it is in memory;
/// a closed quarter's paper from the plan as it stood at the close (`paperSource(for:now:)`).
/// PDF and Word run an outside program: `cancellation` stops it.
public func renderExport(_ plans: [LabelledPlan], _ request: ExportRequest, now: Timestamp,
                         cancellation: Cancellation? = nil) throws(DplanError) -> RenderedExport {
    try request.validate(plans: plans.count)
    let portfolio = request.isPortfolioPaper(plans: plans.count)
    var perPlan = request
    if portfolio { perPlan.owner = nil }  // a portfolio's --owner picks the lead's actions out; each plan reports in full
    var reports: [(label: String, report: Report)] = []
    var sources: [PaperSource] = []
    for entry in plans {
        let (source, planRequest) = perPlan.paperSource(for: entry.plan, now: now)
        sources.append(source)
        do {
            reports.append((entry.label, Report(plan: source.plan, options: try planRequest.reportOptions(for: source.plan, now: source.now))))
        } catch {
            guard plans.count > 1, case .usage(let message) = error else { throw error }
            throw .usage("\(entry.label): \(message)")
        }
    }
    let data: Data
    do {
        if portfolio {
            let asReported = zip(plans, sources).map { LabelledPlan(label: $0.label, plan: $1.plan, file: $0.file) }
            data = try portfolioPaper(asReported, reports.map(\.report), request, now: now).rendered(
                as: request.format!, programs: ExternalPrograms(browser: request.browser, cancellation: cancellation))
        } else {
            data = plans.count > 1 ? try combined(reports, request) : try single(sources[0].plan, reports[0].report, request, cancellation)
        }
    } catch let error as DplanError {
        throw error
    } catch let error as ConversionError {
        throw error.wasCancelled ? .cancelled : .conversion(error)
    } catch let error as PlanFileError {
        throw .file(error)
    } catch {
        throw .refused("\(error)")
    }
    var rendered = RenderedExport(data: data, quarters: reports.map(\.report.quarter), actions: reports.map(\.report.overall.total).reduce(0, +),
                                  plans: plans.count, isPublic: request.isPublic)
    if request.template == nil, request.format == .pdf || request.format == .docx {
        rendered.warnings = reports.compactMap { $0.report.missingFontWarning() }
    }
    if request.template == nil, request.format == .pdf, let warning = ExternalPrograms().pdfFinishingWarning() {
        rendered.warnings.append(warning)
    }
    return rendered
}

/// The paper across `plans`, each with its report: the cover's board, meeting and marking, the
/// public version's rules, and `--owner` as the lead agency whose actions are listed across plans.
private func portfolioPaper(_ plans: [LabelledPlan], _ reports: [Report], _ request: ExportRequest, now: Timestamp) -> PortfolioPaper {
    var options = ReportOptions(now: now)
    options.isPublic = request.isPublic
    options.board = request.board
    options.meeting = request.meeting
    options.marking = request.marking
    return PortfolioPaper(name: request.portfolioName, plans: plans, reports: reports, lead: request.owner, options: options)
}

private func single(_ plan: Plan, _ report: Report, _ request: ExportRequest, _ cancellation: Cancellation?) throws -> Data {
    if let template = request.template {
        let source = String(decoding: try PlanFile.read(template), as: UTF8.self)
        return Data(try report.render(template: source, name: template).utf8)
    }
    if request.indicators { return try report.indicatorsCSV(excel: request.excel) }
    if request.history {
        return try plan.historyCSV(excel: request.excel, isPublic: request.isPublic, withNames: request.withNames,
                                   actionIDs: Set(report.groups.flatMap(\.actions).map(\.id)))
    }
    return try report.rendered(as: request.format!, excel: request.excel,
                               programs: ExternalPrograms(browser: request.browser, cancellation: cancellation, wordStyles: request.referenceDoc))
}

/// Several plans in one file: Markdown reports one after another, one CSV table with a Plan
/// column, or a JSON list of each plan's label and report.
private func combined(_ reports: [(label: String, report: Report)], _ request: ExportRequest) throws -> Data {
    switch request.format {
    case .csv?: return try Report.csv(reports, excel: request.excel)
    case .json?:
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return escapingInvisibleControls(try encoder.encode(reports.map { LabelledReport(plan: $0.label, report: $0.report) })) + Data("\n".utf8)
    default: return Data(reports.map { $0.report.markdown() }.joined(separator: "\n---\n\n").utf8)
    }
}

/// One plan's report in a JSON export of several plans.
private struct LabelledReport: Encodable {
    var plan: String
    var report: Report
}

/// Writes an export atomically to `path`: never over a plan file it was made from, never over a
/// device, FIFO, socket or folder, and over an existing file only when `overwrite`.
public func writeExport(_ data: Data, to path: String, planFiles: [String], overwrite: Bool) throws(DplanError) {
    try checkExportPath(path, planFiles: planFiles, overwrite: overwrite)
    do { try AtomicFile.write(data, to: path) } catch { throw .file(error) }
}

/// The rules for where an export may be written (see `writeExport`).
func checkExportPath(_ path: String, planFiles: [String], overwrite: Bool) throws(DplanError) {
    if let kind = AtomicFile.nonRegularKind(path) { throw .notRegularFile(path: path, kind: kind) }
    if planFiles.contains(where: { AtomicFile.sameFile(path, $0) }) { throw .exportOverPlanFile(path: path) }
    if !overwrite, FileManager.default.fileExists(atPath: path) { throw .wouldOverwrite(path: path) }
}

/// Renders and writes in one step (the front end's export, run off its input loop).
public func export(_ plan: LabelledPlan, _ request: ExportRequest, to path: String, overwrite: Bool, now: Timestamp,
                   cancellation: Cancellation? = nil) throws(DplanError) -> RenderedExport {
    let planFiles = plan.file.map { [$0] } ?? []
    // Refuse the path before the (perhaps long) conversion, and again before writing.
    try checkExportPath(path, planFiles: planFiles, overwrite: overwrite)
    let rendered = try renderExport([plan], request, now: now, cancellation: cancellation)
    if cancellation?.isCancelled == true { throw .cancelled }
    try writeExport(rendered.data, to: path, planFiles: planFiles, overwrite: overwrite)
    return rendered
}
