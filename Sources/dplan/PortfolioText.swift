import Foundation
import PlanApp
import PlanModel
import PlanReports

/// The plans of a portfolio: the `.json` files of each folder given (not hidden, by name) and
/// each file given. A file in a folder that is not a readable plan is reported and skipped; a
/// file named on its own must be one.
///
/// Plans that cannot be read are skipped, and said so on stderr unless `quiet` (the screen is up).
func loadPortfolio(_ paths: [String], quiet: Bool = false) throws -> [LabelledPlan] {
    var plans: [(file: String, plan: Plan)] = []
    for path in paths {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            plans.append((path, try loadPlan(path)))
            continue
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
        for name in names {
            let file = (path as NSString).appendingPathComponent(name)
            do { plans.append((file, try loadPlan(file))) } catch let error as DplanError {
                if !quiet { printError("skipped: \(clean(error.message))") }
            }
        }
    }
    guard !plans.isEmpty else { throw DplanError.refused("\(paths.joined(separator: ", ")): no plan files (.json) found") }
    return LabelledPlan.labelled(plans)
}

/// One line per plan: status counts, overdue, no update this quarter, and who owes updates.
func portfolioText(_ plans: [LabelledPlan], today: Day) -> String {
    var rows = [["PLAN", "QUARTER", "ACTIONS", "N", "R", "A", "G", "C", "OVERDUE", "STALE", "OWES UPDATES"]]
    for entry in plans.portfolio(on: today) {
        let owed = entry.owesUpdates.prefix(3).map { "\(clean($0.owner)) (\($0.actions))" }.joined(separator: ", ")
            + (entry.owesUpdates.count > 3 ? ", +\(entry.owesUpdates.count - 3) more" : "")
        rows.append([clean(entry.label) + (entry.conflicts > 0 ? " (\(entry.conflicts) conflicts)" : ""), entry.quarter.description,
                     String(entry.total)] + Status.allCases.map { String(entry.byStatus[$0, default: 0]) }
                    + [String(entry.overdue), String(entry.stale), owed.isEmpty ? "-" : owed])
    }
    return "Portfolio: \(plans.count) plan\(plans.count == 1 ? "" : "s") · today \(today)\n\n" + table(rows, maxWidths: [10: 70])
}
