import PlanModel
import PlanStore

/// What a save did, for either front end to report.
public struct SaveReport: Equatable, Sendable {
    /// The plan as written when the file had changed on disk and those changes were merged in;
    /// nil when the plan was written as it was.
    public var merged: Plan?
    /// Quarters this save closed; each has its dated copy in `.dplan/` unless a problem says why not.
    public var closedQuarters: [Quarter]
    /// Dated copies of closed quarters that could not be kept (the save itself happened).
    public var snapshotProblems: [PlanFileError]
    /// New actions, milestones and funding lines the merge gave another id, ours (this save's)
    /// or theirs (what was on disk): both sides had added one under the same id.
    public var renumbered: [Renumbering]

    public init(merged: Plan? = nil, closedQuarters: [Quarter] = [], snapshotProblems: [PlanFileError] = [],
                renumbered: [Renumbering] = []) {
        self.merged = merged
        self.closedQuarters = closedQuarters
        self.snapshotProblems = snapshotProblems
        self.renumbered = renumbered
    }

    /// Where the merge moved the actions of this save: old id → new id.
    public var ourActionMoves: [String: String] { renumbered.ourActionMoves }

    /// Lines to tell the user besides "saved": the merge and what it renumbered, and copies that
    /// could not be kept.
    public func notices(for path: String) -> [String] {
        (merged == nil ? [] : ["\(path): the file had changed on disk; those changes were merged with yours"])
            + renumbered.map { "\(path): \($0.description)" }
            + snapshotProblems.map { "\($0.description) (the quarter is closed; no dated copy kept)" }
    }
}

/// Saves an edited plan through its document: merged with whatever someone else saved meanwhile,
/// validated, the replaced version kept as a backup, written atomically; and for every quarter the
/// save closes, the dated copy that reproduces the board's papers later. Both front ends save here.
public func save(_ plan: Plan, in document: inout PlanDocument, resolving resolutions: [String: MergeConflict.Side] = [:],
                 decidedBy: EditContext? = nil, keepingConflicts: Bool = false) throws(DplanError) -> SaveReport {
    let closedBefore = Set(document.base.quarters.filter { $0.state == .closed }.map(\.quarter))
    let outcome: PlanDocument.SaveOutcome
    do { outcome = try document.save(plan, resolving: resolutions, decidedBy: decidedBy, keepingConflicts: keepingConflicts) } catch { throw .save(error) }
    var report = SaveReport()
    if case .merged(let merged, let renumbered) = outcome {
        report.merged = merged
        report.renumbered = renumbered
    }
    for record in document.base.quarters where record.state == .closed && !closedBefore.contains(record.quarter) {
        report.closedQuarters.append(record.quarter)
        do { try document.keepClosedQuarterSnapshot(record.quarter) } catch { report.snapshotProblems.append(error) }
    }
    return report
}
