import Foundation
import PlanApp
import PlanModel

/// Records on the plan file, per lead owner, that their return was written to a file to be sent
/// on by hand: when, by whom, which file. Saved through `PlanApp.save` (the plan opened for
/// editing, merged with anything saved meanwhile); when that fails the returns stay written and
/// the error says they were not recorded.
func recordWritten(_ returns: [PreparedReturn], planFile: String, now: Timestamp) throws {
    guard !returns.isEmpty else { return }
    do {
        var (document, plan) = try openForEditing(planFile)
        let by = resolveUser(nil)
        for item in returns {
            let file = (item.path as NSString).lastPathComponent
            plan.recordReturnSent(.written(owner: item.owner.id, file: file, on: now, by: by), quarter: item.quarter)
        }
        try save(plan, in: &document)
    } catch {
        let reason = (error as? DplanError)?.message ?? "\(error)"
        throw DplanError.refused("the returns were written but not recorded as sent on \(planFile): \(reason)")
    }
    print("recorded \(returns.count) return\(returns.count == 1 ? "" : "s") as written on \(planFile) (dplan chase shows them)")
}
