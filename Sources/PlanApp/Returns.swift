import Foundation
import PlanModel
import PlanReports
import PlanStore
import TerminalText

/// One lead owner's quarterly return, made but not yet written.
public struct PreparedReturn: Sendable {
    public var owner: Owner
    /// The actions in the return, in the return's order.
    public var actions: [Action]
    public var quarter: Quarter
    /// `FOLDER/<owner id>.xlsx`.
    public var path: String
    public var data: Data
}

/// Makes one quarterly return per lead owner with actions in scope, to be written as
/// `FOLDER/<owner id>.xlsx`. Nothing is written; every return is made first so that a problem
/// with any (an owner id that is not a safe file name, the plan file in the way) writes none.
public func prepareReturns(_ plan: Plan, _ request: ExportRequest, to folder: String, planFile: String,
                           now: Timestamp) throws(DplanError) -> [PreparedReturn] {
    try request.validate(plans: 1)
    let options = try request.reportOptions(for: plan, now: now)
    let quarter = options.quarter ?? plan.reportingQuarter(on: now.day)
    func report(for owner: Owner) -> Report {
        var scoped = options
        scoped.owner = owner.id
        return Report(plan: plan, options: scoped)
    }
    var prepared: [PreparedReturn] = []
    for owner in plan.owners {
        let report = report(for: owner)
        guard report.overall.total > 0 else { continue }
        if let problem = Owner.idProblem(owner.id) {
            throw .refused("owner \"\(sanitizedForTerminal(owner.id))\" (\(sanitizedForTerminal(owner.name))): \(problem); "
                           + "add it again with a safe id and fold this one into it (dplan owner add --id NEW, dplan owner merge OLD --into NEW); "
                           + "no return was written")
        }
        let path = (folder as NSString).appendingPathComponent("\(owner.id).xlsx")
        if AtomicFile.sameFile(path, planFile) { throw .refused("\(path): that is the plan file (no return was written)") }
        let data: Data
        do { data = try report.xlsx() } catch { throw .refused("\(path): \(error) (no return was written)") }
        let ids = report.groups.flatMap(\.actions).map(\.id)
        let actions = ids.compactMap { id in plan.actionIndex(id: id).map { plan.actions[$0] } }
        prepared.append(PreparedReturn(owner: owner, actions: actions, quarter: quarter, path: path, data: data))
    }
    guard !prepared.isEmpty else { throw .refused("no actions to export; nothing was written") }
    return prepared
}

/// Writes files into `folder` (created when missing): all of them, or (when one cannot be
/// written) none, removing those this call wrote.
public func writeAll(_ files: [(path: String, data: Data)], in folder: String) throws(DplanError) {
    do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
        throw .refused("\(folder): cannot create the folder: \(error.localizedDescription)")
    }
    var written: [String] = []
    for file in files {
        do {
            try AtomicFile.write(file.data, to: file.path)
            written.append(file.path)
        } catch {
            for path in written { try? FileManager.default.removeItem(atPath: path) }
            throw .refused("\(error.description) (none of the \(files.count) files was left: the \(written.count) written were removed)")
        }
    }
}

extension PreparedReturn {
    /// "wrote DIR/police.xlsx: Police, 3 actions, 2026/27 Q2".
    public var summary: String {
        "wrote \(path): \(sanitizedForTerminal(owner.name)), \(actions.count) action\(actions.count == 1 ? "" : "s"), \(quarter)"
    }
}
