import Foundation
import PlanModel
import PlanStore

/// Reads a plan for a command that only reads it. A plan with unresolved merge conflicts is read
/// (it holds our side of each), with a warning to show.
public func readPlan(_ path: String) throws(DplanError) -> (plan: Plan, warning: String?) {
    let plan: Plan
    do { plan = try PlanFile.load(path) } catch { throw .file(error) }
    let problems = plan.loadProblems()
    guard problems.isEmpty else { throw .unusablePlan(path: path, problems: problems) }
    guard !plan.conflicts.isEmpty else { return (plan, nil) }
    let count = plan.conflicts.count
    return (plan, "warning: \(path): \(count) unresolved merge conflict\(count == 1 ? "" : "s"), "
        + "showing our side; see them with: dplan resolve \(path)")
}

/// Opens a plan that is about to be changed: it must be valid, so a change never builds on (or
/// hides) broken data. The document remembers what was read, so the save can merge a change
/// someone else made meanwhile instead of overwriting it.
///
/// Fields dplan does not know would be lost by saving, so a plan with any is refused unless
/// `dropUnknown` (`dplan format --drop-unknown`). A plan with unresolved merge conflicts is
/// refused unless `allowConflicts` (the front end, which opens on its conflict screen).
public func openForEditing(_ path: String, dropUnknown: Bool = false, allowConflicts: Bool = false) throws(DplanError) -> PlanDocument {
    let document: PlanDocument
    do { document = try PlanDocument.open(path) } catch { throw .file(error) }
    let conflicts = document.base.conflicts
    guard conflicts.isEmpty || allowConflicts else { throw .unresolvedConflicts(path: path, conflicts: conflicts) }
    let problems = document.base.validate().filter { !allowConflicts || !$0.path.hasPrefix("conflicts") }
    guard problems.isEmpty else { throw .invalidPlan(path: path, problems: problems) }
    guard document.unknownFields.isEmpty || dropUnknown else { throw .unknownFields(path: path, fields: document.unknownFields) }
    return document
}
