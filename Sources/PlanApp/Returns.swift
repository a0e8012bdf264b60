import Foundation
import PlanModel
import PlanReports
import PlanStore
import TerminalText

/// Writes one quarterly return per lead owner with actions in scope, `FOLDER/<owner id>.xlsx`,
/// to be filled in and read back with `dplan import --update`. Returns a line per file written.
public func writeReturns(_ plan: Plan, _ request: ExportRequest, to folder: String, planFile: String,
                         now: Timestamp) throws(DplanError) -> [String] {
    try request.validate(plans: 1)
    let options = try request.reportOptions(for: plan, now: now)
    do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
        throw .refused("\(folder): cannot create the folder: \(error.localizedDescription)")
    }
    func report(for owner: Owner) -> Report {
        var scoped = options
        scoped.owner = owner.id
        return Report(plan: plan, options: scoped)
    }
    let owners = plan.owners.filter { report(for: $0).overall.total > 0 }
    guard !owners.isEmpty else { throw .refused("no actions to export; nothing was written") }
    var lines: [String] = []
    for owner in owners {
        let report = report(for: owner)
        let path = (folder as NSString).appendingPathComponent("\(owner.id).xlsx")
        if AtomicFile.sameFile(path, planFile) { throw .refused("\(path): that is the plan file (nothing more was written)") }
        let data: Data
        do { data = try report.xlsx() } catch { throw .refused("\(path): \(error)") }
        do { try AtomicFile.write(data, to: path) } catch { throw .file(error) }
        let count = report.overall.total
        lines.append("wrote \(path): \(sanitizedForTerminal(owner.name)), \(count) action\(count == 1 ? "" : "s"), \(report.quarter)")
    }
    return lines
}
