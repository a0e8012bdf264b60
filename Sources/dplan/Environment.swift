import Foundation
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
func currentTime() throws -> Timestamp {
    if let fixed = ProcessInfo.processInfo.environment["DPLAN_NOW"], !fixed.isEmpty {
        guard let time = Timestamp(iso: fixed) else {
            throw Failure("DPLAN_NOW must be a UTC time such as 2026-11-22T10:00:00Z, found \"\(fixed)\"")
        }
        return time
    }
    return Timestamp(secondsSinceEpoch: Int(Date().timeIntervalSince1970))
}

/// Loads a plan, turning file errors into a refusal.
func loadPlan(_ path: String) throws -> Plan {
    do {
        return try PlanFile.load(path)
    } catch {
        throw Failure(error.description)
    }
}

/// Loads a plan that is about to be changed: it must be valid, so a change never builds on
/// (or hides) broken data.
func loadPlanForEditing(_ path: String) throws -> Plan {
    let plan = try loadPlan(path)
    let problems = plan.validate()
    guard problems.isEmpty else {
        throw Failure((["\(path): the plan has problems; fix them before changing it (nothing was written):"]
            + problems.map { "\(path): \($0)" }).joined(separator: "\n"))
    }
    return plan
}

func savePlan(_ plan: Plan, to path: String) throws {
    do {
        try PlanFile.save(plan, to: path)
    } catch {
        throw Failure(error.description)
    }
}

/// Parses a `YYYY-MM-DD` option value.
func parseDay(_ text: String, option: String) throws -> Day {
    guard let day = Day(iso: text) else {
        throw Failure("\(option): expected a date as YYYY-MM-DD, found \"\(text)\"")
    }
    return day
}
