import Foundation
import Mustache
import PlanModel

/// A user's Mustache template that cannot be rendered, with the reason.
public struct TemplateError: Error, CustomStringConvertible {
    public var description: String
}

extension Report {
    /// Renders a user's Mustache template against the report model (see docs/templates.md).
    /// A tag naming a field the report does not have is an error, not a blank.
    public func render(template source: String, name: String) throws -> String {
        let template: MustacheTemplate
        do {
            template = try MustacheTemplate(string: source)
        } catch {
            throw TemplateError(description: "\(name): not a valid Mustache template: \(error)")
        }
        let context = try contextObject()
        let unknown = unknownFields(in: source, known: Report.fieldNames)
        guard unknown.isEmpty else {
            throw TemplateError(description: "\(name): unknown field\(unknown.count == 1 ? "" : "s") \(unknown.map { "{{\($0)}}" }.joined(separator: ", ")); see docs/templates.md for the fields a report has")
        }
        return template.render(context)
    }

    /// The report as nested dictionaries and arrays, the shape templates see.
    func contextObject() throws -> Any {
        let encoder = JSONEncoder()
        return try JSONSerialization.jsonObject(with: encoder.encode(self))
    }
}

/// Tag names in a template ({{name}}, {{#name}}, {{^name}}, {{{name}}}, {{&name}}) with a part
/// that is not a report field. Comments, partials, pragmas and closing tags are skipped.
func unknownFields(in source: String, known: Set<String>) -> [String] {
    var unknown: [String] = []
    var rest = source[...]
    while let open = rest.range(of: "{{") {
        guard let close = rest[open.upperBound...].range(of: "}}") else { break }
        var tag = String(rest[open.upperBound..<close.lowerBound])
        rest = rest[close.upperBound...]
        if tag.hasPrefix("{") { tag.removeFirst(); if rest.hasPrefix("}") { rest = rest.dropFirst() } }
        guard let sigil = tag.first else { continue }
        if "!>/=<%".contains(sigil) { continue }
        if "#^&".contains(sigil) { tag.removeFirst() }
        let name = tag.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name != "." else { continue }
        if name.split(separator: ".").contains(where: { !known.contains(String($0)) && $0 != "." }), !unknown.contains(name) {
            unknown.append(name)
        }
    }
    return unknown
}

extension Report {
    /// Every field name a report can have, at any depth: taken from a report of a small plan in
    /// which every list has an entry, so the check does not depend on what today's plan holds.
    static let fieldNames: Set<String> = {
        let now = Timestamp(iso: "2025-08-01T10:00:00Z")!
        var plan = Plan(id: "p", title: "t", partnership: "p",
                        period: Period(start: Day(iso: "2025-04-01")!, end: Day(iso: "2026-03-31")!),
                        owners: [Owner(id: "o", name: "o")])
        var action = Action(id: "A-1", group: .primary, title: "t", owner: "o", status: .red, due: Day(iso: "2025-09-30"),
                            created: now)
        action.dueDateChanges = [DueDateChange(from: nil, to: Day(iso: "2025-09-30")!, reason: "r", by: "b", on: now)]
        plan.actions = [action]
        plan.indicators = [Indicator(id: "i", name: "i", unit: "count", better: .lower, owner: "o", baseline: Baseline(value: 2, period: "p"),
                                     target: Target(value: 1, by: Quarter(year: 2025, number: 4)!), tolerance: 1, suppressBelow: 5,
                                     values: [IndicatorValue(quarter: Quarter(year: 2025, number: 1)!, value: 3, by: "b", on: now),
                                              IndicatorValue(quarter: Quarter(year: 2025, number: 2)!, value: 1, by: "b", on: now)])]
        let report = Report(plan: plan, options: ReportOptions(now: now))
        var names: Set<String> = []
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                for (key, child) in object { names.insert(key); collect(child) }
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect((try? report.contextObject()) ?? [:])
        return names
    }()
}
