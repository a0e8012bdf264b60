import ArgumentParser
import PlanStore

/// `dplan format FILE…`: rewrites hand-edited plans in the canonical layout (sorted keys,
/// two-space indents, defaults written out) so later changes are one-line diffs.
struct Format: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rewrite plan files in dplan's canonical layout (after hand edits).")

    @Argument(help: "Plan files to rewrite.")
    var files: [String]

    @Flag(help: "Drop fields dplan does not know (listed first) instead of refusing.")
    var dropUnknown = false

    func run() throws {
        for file in files {
            var (document, plan) = try openForEditing(file, dropUnknown: dropUnknown)
            for field in document.unknownFields { printError("dropping \(clean(field.description))") }
            let before = try? PlanFile.read(file)
            let after = PlanCoding.encode(plan)
            if before == after {
                print("\(file): already canonical")
            } else {
                try save(plan, in: &document)
                print("\(file): rewritten")
            }
        }
    }
}
