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

/// Loads a plan, turning file errors into a refusal. A plan with unresolved merge conflicts is
/// read (it holds our side of each) with a warning.
func loadPlan(_ path: String) throws -> Plan {
    let plan: Plan
    do { plan = try PlanFile.load(path) } catch { throw Failure(error.description) }
    if !plan.conflicts.isEmpty {
        printError("warning: \(path): \(plan.conflicts.count) unresolved merge conflict\(plan.conflicts.count == 1 ? "" : "s"), "
                   + "showing our side; see them with: dplan resolve \(path)")
    }
    return plan
}

/// Opens a plan that is about to be changed: it must be valid, so a change never builds on
/// (or hides) broken data. The document remembers what was read, so the save can merge a
/// change someone else made meanwhile instead of overwriting it.
///
/// Fields dplan does not know would be lost by saving, so a plan with any is refused unless
/// `dropUnknown` (`dplan format --drop-unknown`) says to drop them.
///
/// A plan with unresolved merge conflicts is refused unless `allowConflicts` (the front end, which
/// opens on its conflict screen so they can be decided).
func openForEditing(_ path: String, dropUnknown: Bool = false, allowConflicts: Bool = false) throws -> (PlanDocument, Plan) {
    let document: PlanDocument
    do { document = try PlanDocument.open(path) } catch { throw Failure(error.description) }
    let conflicts = document.base.conflicts
    guard conflicts.isEmpty || allowConflicts else {
        throw Failure((["\(path): the plan has \(conflicts.count) unresolved merge conflict\(conflicts.count == 1 ? "" : "s") from a merge; "
            + "resolve them before changing it (nothing was written):"]
            + conflicts.map { "\(path): \(describe($0))" } + [PlanDocument.howToResolve(path)]).joined(separator: "\n"))
    }
    let problems = document.base.validate().filter { !allowConflicts || !$0.path.hasPrefix("conflicts") }
    guard problems.isEmpty else {
        throw Failure((["\(path): the plan has problems; fix them before changing it (nothing was written):"]
            + problems.map { "\(path): \($0)" }).joined(separator: "\n"))
    }
    guard document.unknownFields.isEmpty || dropUnknown else {
        throw Failure((["\(path): the plan has fields dplan does not know, and saving would drop them (nothing was written):"]
            + document.unknownFields.map { clean($0.description) }
            + ["Move what they hold into a description or commentary, or drop them with: dplan format --drop-unknown \(path)"])
            .joined(separator: "\n"))
    }
    return (document, document.base)
}

/// Saves an edited plan through its document (backups, merge with outside changes).
func save(_ plan: Plan, in document: inout PlanDocument) throws {
    do {
        if case .merged = try document.save(plan) {
            printError("\(document.path): the file had changed on disk; those changes were merged with yours")
        }
    } catch {
        throw Failure(error.description)
    }
}
