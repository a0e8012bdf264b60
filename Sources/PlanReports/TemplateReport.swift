import Foundation
import Mustache
import PlanModel
import TerminalText

/// A user's Mustache template that cannot be rendered, with the reason.
public struct TemplateError: Error, CustomStringConvertible {
    public var description: String
}

extension Report {
    /// Renders a user's Mustache template against the report model (see docs/templates.md).
    /// A tag naming a field the report does not have is an error, not a blank.
    public func render(template source: String, name: String) throws -> String {
        if let limit = templateLimitExceeded(source) { throw TemplateError(description: "\(name): \(limit)") }
        let problems = TemplateCheck(root: Report.shape).problems(in: source)
        guard problems.isEmpty else {
            throw TemplateError(description: problems.map { "\(name): \($0)" }.joined(separator: "\n"))
        }
        let template: MustacheTemplate
        do {
            template = try MustacheTemplate(string: source)
        } catch let error as MustacheTemplate.ParserError {
            throw TemplateError(description: "\(name): line \(error.context.lineNumber), column \(error.context.columnNumber): \(words(for: error.error)) near \"\(clean(String(error.context.line)))\"")
        } catch {
            throw TemplateError(description: "\(name): not a valid Mustache template (\(error))")
        }
        return template.render(try contextObject())
    }

    /// The report as nested dictionaries and arrays, the shape templates see: every string made
    /// safe (escape sequences, control, C1 and bidi override characters removed; lines kept), as
    /// a template's output goes wherever its author sends it, a terminal included.
    func contextObject() throws -> Any {
        let encoder = JSONEncoder()
        return cleaned(try JSONSerialization.jsonObject(with: encoder.encode(self)))
    }
}

/// `value` (from `JSONSerialization`) with every string passed through `sanitizedKeepingLines`.
private func cleaned(_ value: Any) -> Any {
    switch value {
    case let text as String: sanitizedKeepingLines(text)
    case let list as [Any]: list.map(cleaned)
    case let object as [String: Any]: object.mapValues(cleaned)
    default: value
    }
}

/// The most lines a template may have: checking and rendering take time that grows faster than
/// the template (20,000 lines took 10–18 s), and a board paper's template is a few hundred.
let templateLineLimit = 5_000
/// The deepest sections may nest: deeper ones would exhaust the stack of the checker and parser.
let templateNestingLimit = 100

/// Why a template is too large or too deeply nested to render, or nil. Sections are counted by
/// their `{{#`, `{{^` and `{{/` tags (a template that changes its delimiters is counted by the
/// usual ones only).
func templateLimitExceeded(_ source: String) -> String? {
    var lines = 1
    for byte in source.utf8 where byte == 0x0A { lines += 1 }
    if lines > templateLineLimit { return "\(lines) lines; a template may have at most \(templateLineLimit)" }
    var depth = 0, line = 1
    var bytes = source.utf8.makeIterator()
    var previous: (UInt8, UInt8) = (0, 0)
    while let byte = bytes.next() {
        if byte == 0x0A { line += 1 }
        if previous == (UInt8(ascii: "{"), UInt8(ascii: "{")) {
            if byte == UInt8(ascii: "#") || byte == UInt8(ascii: "^") { depth += 1 }
            if byte == UInt8(ascii: "/") { depth = max(0, depth - 1) }
            if depth > templateNestingLimit { return "line \(line): sections nested more than \(templateNestingLimit) deep" }
        }
        previous = (previous.1, byte)
    }
    return nil
}

/// A Mustache parse error in words.
private func words(for error: any Error) -> String {
    switch error as? MustacheTemplate.Error {
    case .sectionCloseNameIncorrect?: "a closing tag does not match the section that is open"
    case .unfinishedName?: "a tag is not finished (missing }})"
    case .expectedSectionEnd?: "a section is never closed"
    case .invalidSetDelimiter?: "the new delimiters are not valid"
    default: "the template cannot be read (\(error))"
    }
}

extension Report {
    /// The shape of the report model at every depth: taken from reports of a small plan in which
    /// every list has an entry and every field a value (an annual report, so its fields are known
    /// too; full and public, as some fields are only in one), so the check does not depend on
    /// what today's plan holds.
    static let shape = shapeExamples.map { TemplateCheck.Shape((try? $0.contextObject()) ?? [:]) }
        .reduce(TemplateCheck.Shape.scalar) { $0.merged(with: $1) }

    /// The reports `shape` is taken from, full and public (tests check that no list of theirs is
    /// empty and no field nil in both).
    static let shapeExamples: [Report] = {
        let now = Timestamp(iso: "2025-08-01T10:00:00Z")!
        let context = EditContext(by: "b", now: now)
        var plan = Plan(id: "p", title: "t", partnership: "p",
                        period: Period(start: Day(iso: "2025-04-01")!, end: Day(iso: "2026-03-31")!),
                        owners: [Owner(id: "o", name: "o")])
        var action = Action(id: "A-1", group: .primary, title: "t", owner: "o", status: .red, due: Day(iso: "2025-09-30"),
                            created: now)
        action.dueDateChanges = [DueDateChange(from: nil, to: Day(iso: "2025-09-30")!, reason: "r", by: "b", on: now)]
        action.decisionNeeded = "d"
        action.milestones = [Milestone(id: "M-1", title: "m", due: Day(iso: "2025-09-01")!)]
        var complete = Action(id: "A-2", group: .primary, title: "t", owner: "o", status: .complete, created: now)
        complete.dueDateChanges = action.dueDateChanges
        plan.actions = [action, complete]
        plan.fundingLines = [FundingLine(id: "F-1", source: "s", year: FinancialYear(startYear: 2025), amount: 1)]
        plan.indicators = [Indicator(id: "i", name: "i", unit: "count", better: .lower, owner: "o", baseline: Baseline(value: 2, period: "p"),
                                     target: Target(value: 1, by: Quarter(year: 2025, number: 4)!), tolerance: 1, suppressBelow: 5,
                                     values: [IndicatorValue(quarter: Quarter(year: 2025, number: 1)!, value: 3, by: "b", on: now),
                                              IndicatorValue(quarter: Quarter(year: 2025, number: 2)!, value: 1, by: "b", on: now)])]
        // Q1 closed (so Q2 is reported on), and its value revised since (so `revisions` has an entry).
        plan.quarters = [QuarterRecord(quarter: Quarter(year: 2025, number: 1)!, state: .closed, closedOn: Timestamp(iso: "2025-07-15T10:00:00Z")!)]
        try? plan.setSummary("s", for: Quarter(year: 2025, number: 2)!, context: context)
        plan.indicators[0].changeLog = [FieldChange(field: "value 2025/26 Q1", from: "4", to: "3", by: "b", on: now)]
        var options = ReportOptions(now: now)
        options.year = FinancialYear(startYear: 2025)
        var published = options
        published.isPublic = true
        return [Report(plan: plan, options: options), Report(plan: plan, options: published)]
    }()
}
