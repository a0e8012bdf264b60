import ArgumentParser
import Foundation
import PlanModel
import PlanReports
import PlanStore

/// `dplan import-csv TRACKER.csv --into PLAN`: bring an existing spreadsheet tracker into a plan.
struct ImportCSV: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-csv",
        abstract: "Import actions from a spreadsheet tracker saved as CSV.",
        discussion: """
            Columns are recognised by their headers (Action, Lead, RAG, Progress update, Due date, …);
            --map names them explicitly. Unknown owners are created. Nothing is written unless every
            row is valid, or --skip-invalid is given (which reports what was skipped).
            """)

    @Argument(help: "The CSV file (UTF-8 with or without BOM, or Windows-1252).") var tracker: String
    @Option(help: "The plan file to add the actions to.") var into: String
    @Option(help: "Column mapping, e.g. \"Action=title,Lead=owner,RAG=status\". Fields: \(CSVImport.Field.allCases.map(\.rawValue).joined(separator: ", ")).")
    var map: String?
    @Option(help: "Prevention group for rows without one (whole-system, primary, secondary, tertiary).") var group: GroupArgument?
    @Flag(help: "Import the valid rows and report the others instead of refusing the whole file.") var skipInvalid = false
    @OptionGroup var author: AuthorOption

    func run() throws {
        var (document, plan) = try openForEditing(into)
        let defaultGroup = try group?.resolve(in: plan)
        let data: Data
        do { data = try PlanFile.read(tracker) } catch { throw Failure(error.description) }
        let result: CSVImport.Result
        do {
            result = try CSVImport.run(data, into: plan, map: map, defaultGroup: defaultGroup,
                                       context: EditContext(by: author.name, now: try currentTime()))
        } catch let error as CSVImportError {
            throw Failure("\(tracker): \(error) (nothing was written)")
        }
        for problem in result.problems { printError("\(tracker): \(clean(problem.description))") }
        if !result.problems.isEmpty && !skipInvalid {
            throw Failure("\(tracker): \(result.problems.count) problem\(result.problems.count == 1 ? "" : "s"); nothing was written (fix them, or use --skip-invalid)")
        }
        guard !result.imported.isEmpty else { throw Failure("\(tracker): no actions to import; nothing was written") }
        try save(result.plan, in: &document)
        print("imported \(result.imported.count) action\(result.imported.count == 1 ? "" : "s") into \(into): \(result.imported.joined(separator: ", "))")
        print("columns: " + result.mapping.map { "\(clean($0.header)) → \($0.field.rawValue)" }.joined(separator: ", "))
        if !result.createdOwners.isEmpty { print("new owners: \(result.createdOwners.joined(separator: ", "))") }
        let skipped = Set(result.problems.map(\.row)).count
        if skipped > 0 { print("skipped \(skipped) row\(skipped == 1 ? "" : "s") with problems (listed above)") }
    }
}
