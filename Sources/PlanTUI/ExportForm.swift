import Foundation
import PlanApp
import PlanModel
import PlanReports

/// The export dialog: every option `dplan export` offers one plan's paper (format, quarter or
/// year, audience, sections, board, marking, meeting day, landscape, draft, browser, Word styles) as fields, filling
/// in the same `ExportRequest` the command line makes.
public struct ExportForm: Equatable, Sendable {
    /// A line of the dialog.
    public enum Field: CaseIterable, Equatable, Sendable {
        case format, period, audience, sections, board, marking, meeting, landscape, draft, browser, wordStyles, file, export

        /// Fields whose value is typed (Enter opens a prompt); the rest are chosen from a list.
        var isText: Bool { [.board, .marking, .meeting, .browser, .wordStyles, .file].contains(self) }

        var label: String {
            switch self {
            case .format: "Format"
            case .period: "Quarter or year"
            case .audience: "For"
            case .sections: "Sections by"
            case .board: "Board"
            case .marking: "Marking"
            case .meeting: "Meeting day"
            case .landscape: "Pages"
            case .draft: "Draft"
            case .browser: "Browser"
            case .wordStyles: "Word styles from"
            case .file: "File"
            case .export: ""
            }
        }
    }

    /// What is reported on: a quarter, or a financial year (the annual report).
    public enum Period: Equatable, Sendable {
        case quarter(Quarter)
        case year(FinancialYear)
    }

    public internal(set) var request: ExportRequest
    /// The quarters and years the plan can report on, the current quarter first.
    let periods: [Period]
    /// The period chosen: at first the quarter reported on by default (`Plan.reportingQuarter(on:)`).
    var periodIndex = 0
    /// The quarter reported on by default.
    let reporting: Quarter
    /// The quarter still running, if one is offered ("so far" beside it).
    let running: Quarter?
    public internal(set) var path: String
    /// The user typed a file name: changing the format or quarter no longer renames it.
    var pathEdited = false
    let folder: String
    let planID: String
    public internal(set) var selection = Field.format

    init(plan: Plan, planPath: String, today: Day) {
        reporting = plan.reportingQuarter(on: today)
        let current = plan.currentQuarter(on: today)
        running = plan.isRunning(current, on: today) ? current : nil
        let offered = plan.reportableQuarters(upTo: current).map(Period.quarter) + plan.reportableYears(on: today).map(Period.year)
        periods = offered.isEmpty ? [.quarter(reporting)] : offered  // never empty: the dialog indexes it
        periodIndex = periods.firstIndex(of: .quarter(reporting)) ?? 0
        request = ExportRequest(format: .pdf)
        folder = (planPath as NSString).deletingLastPathComponent
        planID = plan.id
        path = ""
        applyPeriod()
    }

    /// The fields shown: the browser only for a PDF, the Word styles only for Word, the draft mark
    /// only for a paper (not csv or xlsx).
    var fields: [Field] {
        Field.allCases.filter {
            ($0 != .browser || request.format == .pdf) && ($0 != .wordStyles || request.format == .docx) && ($0 != .draft || hasCover)
        }
    }

    /// Whether the format is a paper with a cover a draft mark goes on.
    private var hasCover: Bool { request.format != .csv && request.format != .xlsx }

    /// A field's value as shown.
    func value(of field: Field) -> String {
        switch field {
        case .format: request.format?.rawValue ?? ""
        case .period: periodLabel(periods[periodIndex])
        case .audience: audience.label
        case .sections: request.sectionsBy.label.lowercased()
        case .board: request.board ?? "(the board on record, else the partnership)"
        case .marking: request.marking ?? "(none)"
        case .meeting: request.meeting?.description ?? "(none)"
        case .landscape: request.landscape ? "A4 landscape" : "A4 portrait"
        case .draft: request.draft ? "marked draft, figures so far" : "only while the quarter runs"
        case .browser: request.browser ?? "(found on the PATH)"
        case .wordStyles: request.referenceDoc ?? "(dplan's own)"
        case .file: path
        case .export: "Export ▸"
        }
    }

    /// Who the paper is for: the board, or the public with or without the board's asks.
    enum Audience: CaseIterable {
        case board, publicVersion, publicWithDecisions

        var label: String {
            switch self {
            case .board: "the board (everything)"
            case .publicVersion: "the public (restricted commentary withheld, no names, no asks of the board)"
            case .publicWithDecisions: "the public, with the board's asks (restricted commentary withheld, no names)"
            }
        }
    }

    /// The audience the request is for.
    var audience: Audience {
        get { !request.isPublic ? .board : request.withDecisions ? .publicWithDecisions : .publicVersion }
        set {
            request.isPublic = newValue != .board
            request.withDecisions = newValue == .publicWithDecisions
        }
    }

    func periodLabel(_ period: Period) -> String {
        switch period {
        case .quarter(let q): q == running ? "\(q) (so far)" : q.description
        case .year(let year): "\(year) annual report"
        }
    }

    /// Moves the highlight by `step` lines.
    mutating func move(by step: Int) {
        let shown = fields
        let index = shown.firstIndex(of: selection) ?? 0
        selection = shown[min(max(0, index + step), shown.count - 1)]
    }

    /// Changes a chosen value to the next (or previous) choice.
    mutating func cycle(_ field: Field, by step: Int) {
        func next<T: Equatable>(_ value: T, in all: [T]) -> T {
            let index = all.firstIndex(of: value) ?? 0
            return all[(index + step + all.count) % all.count]
        }
        switch field {
        case .format: request.format = next(request.format ?? .pdf, in: ReportFormat.allCases)
        case .period: periodIndex = (periodIndex + step + periods.count) % periods.count
        case .audience: audience = next(audience, in: Audience.allCases)
        case .sections: request.sectionsBy = next(request.sectionsBy, in: ReportSections.allCases)
        case .landscape: request.landscape.toggle()
        case .draft: request.draft.toggle()
        default: return
        }
        if request.format != .pdf { request.browser = nil }
        if request.format != .docx { request.referenceDoc = nil }
        if !hasCover { request.draft = false }
        applyPeriod()
    }

    /// Puts the chosen period into the request and, unless the user named the file, renames it.
    mutating func applyPeriod() {
        switch periods[periodIndex] {
        case .quarter(let q):
            request.quarter = q
            request.year = nil
        case .year(let year):
            request.quarter = nil
            request.year = year
        }
        guard !pathEdited else { return }
        let name = request.suggestedFileName(planID: planID, reporting: request.quarter ?? reporting)
        path = folder.isEmpty ? name : folder + "/" + name
    }

    /// Sets a typed field; a message when the text is not a value the field takes.
    mutating func set(_ field: Field, to text: String) -> String? {
        let trimmed = text.trimmingSpaces()
        switch field {
        case .board: request.board = trimmed.isEmpty ? nil : trimmed
        case .marking: request.marking = trimmed.isEmpty ? nil : trimmed
        case .browser: request.browser = trimmed.isEmpty ? nil : (trimmed as NSString).expandingTildeInPath
        case .wordStyles: request.referenceDoc = trimmed.isEmpty ? nil : (trimmed as NSString).expandingTildeInPath
        case .meeting:
            guard !trimmed.isEmpty else { request.meeting = nil; return nil }
            guard let day = Day(iso: trimmed) else { return "The meeting day must be a date such as 2026-12-10" }
            request.meeting = day
        case .file:
            guard !trimmed.isEmpty else { return "An export needs a file name" }
            path = trimmed
            pathEdited = true
        default: break
        }
        return nil
    }

    /// The text a typed field's prompt starts with.
    func editableText(_ field: Field) -> String {
        switch field {
        case .board: request.board ?? ""
        case .marking: request.marking ?? ""
        case .meeting: request.meeting?.description ?? ""
        case .browser: request.browser ?? ""
        case .wordStyles: request.referenceDoc ?? ""
        case .file: path
        default: ""
        }
    }
}

extension ExportRequest {
    /// "2026/27 Q3" or "2025/26 (annual report)", for messages.
    var periodLabel: String {
        if let year { return "\(year) (annual report)" }
        return quarter?.description ?? "the current quarter"
    }
}
