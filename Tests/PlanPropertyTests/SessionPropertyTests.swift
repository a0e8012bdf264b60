import Foundation
import PlanModel
import PlanReports
import PlanStore
import PropertyBased
import Testing

/// Cases per run: a few in `swift test`, more from `scripts/property-tests` (DPLAN_PROPERTY_CASES).
private let cases = ProcessInfo.processInfo.environment["DPLAN_PROPERTY_CASES"].flatMap(Int.init) ?? 10

/// A one-year plan (2025/26) with three owners, three actions and a restricted indicator; the
/// clock starts two months before the period and random steps move it across quarter and period
/// boundaries.
func propertyPlan() -> Plan {
    var plan = Plan(id: "prop", title: "Property plan", partnership: "CSP",
         period: Period(start: Day(iso: "2025-04-01")!, end: Day(iso: "2026-03-31")!),
         owners: [Owner(id: "police", name: "Police"), Owner(id: "council", name: "Council"), Owner(id: "yjs", name: "Youth Justice")],
         actions: [
            Action(id: "WSA-01", group: .wholeSystem, title: "Needs assessment", owner: "council", status: .green),
            Action(id: "PRI-01", group: .primary, title: "Schools", owner: "police", status: .amber, commentary: "first words"),
            Action(id: "TER-01", group: .tertiary, title: "Offenders", owner: "yjs", status: .red),
         ])
    plan.indicators = [
        Indicator(id: "restricted-indicator", name: restrictedIndicatorName, unit: "count", better: .lower,
                  description: "restricted-description-words", restricted: true),
        Indicator(id: "public-indicator", name: "Public knife crime", unit: "count", better: .lower, suppressBelow: 5,
                  values: [IndicatorValue(quarter: Quarter("2025/26 Q1")!, value: 3, by: "a", on: Timestamp(iso: "2025-01-01T00:00:00Z")!)]),
    ]
    return plan
}

/// The restricted indicator's name: it must never reach a public output.
let restrictedIndicatorName = "restricted-indicator-name"


/// Every promise that must hold after any step; the first one broken, or nil.
func brokenPromise(_ model: SessionModel) -> String? {
    let plan = model.state.plan
    if let problem = plan.validate().first { return "the plan fails validation: \(problem)" }
    let bytes = PlanCoding.encode(plan)
    guard let reread = try? PlanCoding.decode(bytes, file: "p") else { return "the saved plan does not load" }
    if reread != plan { return "the plan changed through save and reload" }
    if PlanCoding.encode(reread) != bytes { return "saving the reloaded plan gives other bytes" }
    for (quarter, recorded) in model.state.closed {
        let now = SessionModel.history(of: quarter, in: plan)
        for (id, review) in now where recorded[id] != review {
            return "closed \(quarter) history of \(id) changed: \(String(describing: recorded[id])) → \(review)"
        }
    }
    return leakedText(model)
}

/// A restricted text found in a public output (every format, the history CSV and a template),
/// for the quarter being edited and every earlier quarter a report can be made on. An output
/// that cannot be made is a broken promise too (a valid plan always renders), never skipped.
func leakedText(_ model: SessionModel) -> String? {
    do {
        return try leakedTextOrThrow(model)
    } catch {
        return "a public output could not be made: \(error)"
    }
}

private func leakedTextOrThrow(_ model: SessionModel) throws -> String? {
    let plan = model.state.plan
    var quarters: [Quarter?] = [nil]
    quarters += plan.periodQuarters.filter { plan.reportProblem(with: $0, on: model.now.day) == nil }
    var outputs = [("history", String(decoding: try plan.historyCSV(excel: false, isPublic: true), as: UTF8.self))]
    let years = Set(quarters.compactMap { $0.flatMap { FinancialYear(startYear: $0.year) } }).sorted()
    var reports: [(Quarter?, FinancialYear?)] = quarters.map { ($0, nil) }
    reports += years.map { (nil, $0) }
    for (index, (quarter, year)) in reports.enumerated() {
        var options = ReportOptions(now: model.now)
        options.isPublic = true
        options.quarter = quarter
        options.year = year
        options.sectionsBy = ReportSections.allCases[index % ReportSections.allCases.count]
        let report = Report(plan: plan, options: options)
        let name = year.map { "year \($0)" } ?? quarter?.description ?? "live"
        // PDF and Word print html() and convert markdown(): the same text, so the text formats cover them.
        for format in ReportFormat.allCases where !format.needsExternalProgram {
            outputs.append(("\(format) \(name)", String(decoding: try report.rendered(as: format), as: UTF8.self)))
        }
        outputs.append(("indicators csv \(name)", String(decoding: try report.indicatorsCSV(excel: false), as: UTF8.self)))
        // The public indicator's only value, 3, is a small count: no public output may show it.
        let suppressed = report.indicators.flatMap(\.values).filter { $0.quarter == "2025/26 Q1" }
        if suppressed.contains(where: { $0.value != "fewer than 5" || $0.number != nil }) { return "a small count was shown in public" }
        let template = "{{#exceptions}}{{commentary}}{{/exceptions}}{{#groups}}{{#actions}}{{commentary}}{{/actions}}{{/groups}}"
            + "{{#indicators}}{{name}}{{description}}{{#values}}{{note}}{{/values}}{{/indicators}}"
        outputs.append(("template \(name)", try report.render(template: template, name: "t")))
    }
    for (name, text) in outputs {
        for secret in model.state.restricted.union([restrictedIndicatorName, "restricted-description-words"]) where text.contains(secret) {
            return "\(name) shows restricted text \(secret)"
        }
    }
    return nil
}

/// Runs a session of encoded steps from the start and returns the first broken promise.
func runSession(_ codes: [Int]) -> String? {
    var model = SessionModel(plan: propertyPlan(), now: Timestamp(iso: "2025-02-01T09:00:00Z")!)
    for (index, code) in codes.enumerated() {
        let (days, step) = SessionStep.decode(code)
        model.now = Timestamp(secondsSinceEpoch: model.now.secondsSinceEpoch + days * 86_400)
        if let broken = model.apply(step) ?? brokenPromise(model) {
            return "step \(index) \(step) on \(model.now.day): \(broken)"
        }
    }
    return nil
}

@Suite struct SessionPropertyTests {
    /// Random sessions of edits, closes, reopens, imports, period changes and undo/redo while the
    /// clock crosses quarter and period boundaries: after every step the plan validates, survives
    /// save and reload byte for byte, closed quarters' history is unchanged, and no public output
    /// shows restricted text.
    @Test func everyPromiseHoldsAfterEveryStep() async {
        await propertyCheck(count: cases, input: Gen.int(in: 0...(1 << 20)).array(of: 1...40)) { codes in
            let broken = runSession(codes)
            #expect(broken == nil, "\(codes.map { SessionStep.decode($0).step.description })")
        }
    }
}
