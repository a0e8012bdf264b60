import Foundation  // Decimal

/// The rules for a plan's indicators, part of `Plan.validate()`.
extension Plan {
    /// Indicator values, baselines and targets out of range (`Indicator.rangeProblem`), which no
    /// report can be worked out from.
    func indicatorValueProblems() -> [Problem] {
        indicators.enumerated().flatMap { i, indicator in
            let values = [("baseline.value", indicator.baseline?.value), ("target.value", indicator.target?.value)]
                + indicator.values.enumerated().map { ("values[\($0.offset)].value", $0.element.value) }
            return values.compactMap { field, value in
                value.flatMap(Indicator.rangeProblem).map { Problem(path: "indicators[\(i)].\(field)", message: $0) }
            }
        }
    }

    func indicatorProblems(ownerIDs: Set<String>, workstreamIDs: Set<String>, inPeriod: (Quarter) -> Bool) -> [Problem] {
        guard !indicators.isEmpty else { return [] }
        var problems: [Problem] = []
        func report(_ path: String, _ message: String) { problems.append(Problem(path: path, message: message)) }
        _ = checkIDs(indicators.map(\.id), list: "indicators", report: report)
        // A link may name an action deleted since (kept in `removedActions`): deleting an action,
        // by hand, by a merge or by resolving one, does not break the indicators that measured it.
        let actionIDs = indicators.contains { !$0.actions.isEmpty } ? Set(actions.map(\.id) + removedActions.map(\.id)) : []
        let groupKeys = PreventionGroup.allCases.map(\.rawValue)
        for (i, indicator) in indicators.enumerated() {
            func path(_ field: String) -> String { "indicators[\(i)].\(field)" }
            func checkValue(_ value: Decimal, _ field: String) {
                if let problem = Indicator.rangeProblem(value) { report(path(field), problem) }
                if value < 0, indicator.isNonNegative { report(path(field), "\(value) is negative, which a \(indicator.unit) cannot be") }
            }
            if indicator.name.isBlank { report(path("name"), "must not be empty") }
            if indicator.unit.isBlank { report(path("unit"), "must not be empty (count, rate per 1,000, %, £ …)") }
            if let owner = indicator.owner, !ownerIDs.contains(owner) { report(path("owner"), "unknown owner \"\(owner)\"") }
            for (j, group) in indicator.groups.enumerated() where !groupKeys.contains(group) {
                report(path("groups[\(j)]"), "unknown prevention group \"\(group)\"; expected one of \(groupKeys.joined(separator: ", "))")
            }
            for (j, workstream) in indicator.workstreams.enumerated() where !workstreamIDs.contains(workstream) {
                report(path("workstreams[\(j)]"), "unknown workstream \"\(workstream)\"")
            }
            for (j, action) in indicator.actions.enumerated() where !actionIDs.contains(action) {
                report(path("actions[\(j)]"), "unknown action \"\(action)\"")
            }
            if let tolerance = indicator.tolerance, tolerance < 0 {
                report(path("tolerance"), "\(tolerance) is negative; expected a percentage of the target such as 10")
            }
            if let n = indicator.suppressBelow, n < 2 { report(path("suppressBelow"), "\(n) would hide nothing; expected 2 or more") }
            if let baseline = indicator.baseline { checkValue(baseline.value, "baseline.value") }
            if let target = indicator.target {
                checkValue(target.value, "target.value")
                if !inPeriod(target.by) { report(path("target.by"), "\(target.by) is outside the plan period \(period.start) to \(period.end)") }
            }
            var seen: [Quarter: Int] = [:]
            for (j, value) in indicator.values.enumerated() {
                if let first = seen[value.quarter] {
                    report(path("values[\(j)].quarter"), "second value for \(value.quarter) (first is values[\(first)])")
                } else {
                    seen[value.quarter] = j
                }
                if !inPeriod(value.quarter) {
                    report(path("values[\(j)].quarter"), "\(value.quarter) is outside the plan period \(period.start) to \(period.end)")
                }
                checkValue(value.value, "values[\(j)].value")
            }
        }
        return problems
    }
}
