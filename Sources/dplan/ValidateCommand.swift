import ArgumentParser
import PlanModel
import PlanStore

/// `dplan validate FILE…`: every problem in every file, exit 1 when there is any.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check plan files and list every problem with its JSON path.")

    @Argument(help: "Plan files to check.")
    var files: [String]

    func run() throws {
        var failed = false
        for file in files {
            if mergeDidNotFinish(file) {
                failed = true
                printError("\(file): git has this file as unmerged, and it is still only our side: the merge did not finish "
                           + "(its merge driver was stopped). " + MergeDriver.howToMergeAgain(file))
                continue
            }
            do {
                var unknown: [PlanFileError] = []
                let plan = try PlanFile.load(file, unknownFields: &unknown)
                // Unknown fields are warnings: the plan is usable, but saving it would drop them.
                for field in unknown { printError("warning: \(clean(field.description))") }
                // An id a deleted action had: valid (older dplan reused ids), but the histories mix.
                for reused in plan.reusedActionIDs() { printError("warning: \(file): \(clean(reused.description))") }
                let problems = plan.validate()
                if problems.isEmpty {
                    let note = unknown.isEmpty ? "" : "; \(unknown.count) unknown field\(unknown.count == 1 ? "" : "s"), see the warnings"
                    print("\(file): ok (\(plan.actions.count) action\(plan.actions.count == 1 ? "" : "s")\(note))")
                } else {
                    failed = true
                    for problem in problems { printError("\(file): \(clean(problem.description))") }
                    printError("\(file): \(problems.count) problem\(problems.count == 1 ? "" : "s")")
                    if !plan.conflicts.isEmpty { printError(PlanDocument.howToResolve(file)) }
                }
            } catch {
                failed = true
                printError(clean(error.description))
            }
        }
        if failed { throw ExitCode(1) }
    }
}
