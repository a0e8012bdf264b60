import Foundation
import PlanApp
import PlanModel
import PlanStore

/// Who is making changes: `--by`, else `$DPLAN_USER`, else `$USER`.
func resolveUser(_ by: String?) -> String {
    let env = ProcessInfo.processInfo.environment
    for candidate in [by, env["DPLAN_USER"], env["USER"]] {
        if let name = candidate?.trimmingCharacters(in: .whitespaces), !name.isEmpty { return name }
    }
    return "unknown"
}

/// The current time, or `$DPLAN_NOW` (`YYYY-MM-DDTHH:MM:SSZ`) when set, so that scripted runs,
/// tests and demos give the same output every time.
func currentTime() throws(DplanError) -> Timestamp {
    if let fixed = ProcessInfo.processInfo.environment["DPLAN_NOW"], !fixed.isEmpty {
        guard let time = Timestamp(iso: fixed) else {
            throw .refused("DPLAN_NOW must be a UTC time such as 2026-11-22T10:00:00Z, found \"\(fixed)\"")
        }
        return time
    }
    return Timestamp(secondsSinceEpoch: Int(Date().timeIntervalSince1970))
}

/// Loads a plan for a reading command, printing the warning a plan with unresolved merge
/// conflicts carries.
func loadPlan(_ path: String) throws -> Plan {
    let (plan, warning) = try readPlan(path)
    if let warning { printError(warning) }
    return plan
}

/// Opens a plan that is about to be changed (see `PlanApp.openForEditing`), with the plan as read.
func openForEditing(_ path: String, dropUnknown: Bool = false) throws -> (PlanDocument, Plan) {
    let document = try PlanApp.openForEditing(path, dropUnknown: dropUnknown)
    return (document, document.base)
}

/// Saves an edited plan (see `PlanApp.save`) and says what else happened: a merge with changes
/// saved meanwhile (and what it renumbered), a closed quarter's dated copy that could not be kept.
@discardableResult
func save(_ plan: Plan, in document: inout PlanDocument, keepingConflicts: Bool = false) throws -> SaveReport {
    let report = try PlanApp.save(plan, in: &document, keepingConflicts: keepingConflicts)
    for notice in report.notices(for: document.path) { printError(notice) }
    return report
}
