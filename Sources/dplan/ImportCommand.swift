import ArgumentParser
import Foundation
import PlanApp
import PlanModel
import PlanReports
import PlanStore
import Spreadsheet

/// `dplan import TRACKER… --into PLAN`: bring council trackers (.xlsx or .csv) into a plan, new or
/// existing, or record the quarterly returns with `--update`.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import actions, or quarterly returns, from tracker spreadsheets (.xlsx or .csv).",
        discussion: """
            The header row is found below any title rows; columns are recognised by their headers (Ref, Priority,
            Action, Lead Officer / Agency, Supporting agencies, Target date, RAG, Progress Update Q2 25/26, Key
            milestones, Funding, …) and the mapping is printed first; --map names others. Every data row is
            either imported or skipped with its row and reason. Nothing is written unless every row is valid
            (or --skip-invalid is given, which still exits 1). --into a file that does not exist creates the plan.
            """,
        aliases: ["import-csv"])

    @Argument(help: "Tracker files (.xlsx or .csv); several are imported together, all or nothing.") var trackers: [String]
    @Option(help: "The plan file; created when it does not exist.") var into: String
    @Option(help: "The sheet to read (default: the first sheet with a header row).") var sheet: String?
    @Option(help: "Column mapping, e.g. \"What=title,Who=owner,Notes=ignore\". Fields: \(TrackerField.allCases.map(\.rawValue).joined(separator: ", ")).")
    var map: String?
    @Option(help: "Prevention group for rows whose priority is not one (default whole-system).") var group: GroupArgument?
    @Option(help: "Quarter the statuses and commentary are for, e.g. \"2025/26 Q2\" (default: a quarter in a header, else the current one).")
    var quarter: Quarter?
    @Flag(help: "Match rows to existing actions (by id, else exact title) and record their status and commentary for the quarter.")
    var update = false
    @Option(help: "Reason for due-date changes in rows without a reason column (--update).") var reason: String?
    @Flag(help: "Show what would be imported; write nothing.") var dryRun = false
    @Flag(help: "Write the valid rows even when others have problems (the exit status is still 1).") var skipInvalid = false
    @Option(help: "New plan: its title (default: the tracker's title row).") var title: String?
    @Option(help: "New plan: the partnership that owns it.") var partnership: String?
    @Option(help: "New plan: its period, START..END as YYYY-MM-DD (default: worked out from the quarter and the dates).")
    var period: PeriodArgument?
    @OptionGroup var author: AuthorOption

    func validate() throws {
        if trackers.isEmpty { throw ValidationError("give at least one tracker file") }
    }

    func run() throws {
        let now = try currentTime()
        let context = EditContext(by: author.name, now: now)
        var tables: [TrackerTable] = []
        for file in trackers {
            let data: Data
            do { data = try PlanFile.read(file) } catch { throw DplanError.refused("\(error.description) (nothing was written)") }
            do {
                let workbook = try Workbook.read(data, fileName: file)
                tables.append(try TrackerTable.locate(in: workbook, file: file, sheet: sheet, map: map))
            } catch let error as SpreadsheetError {
                throw DplanError.refused("\(file): \(error) (nothing was written)")
            } catch let error as TrackerImportError {
                throw DplanError.refused("\(error) (nothing was written)")
            }
        }

        let isNew = !FileManager.default.fileExists(atPath: into)
        var document: PlanDocument?
        let plan: Plan
        if isNew {
            if update { throw DplanError.refused("\(into): does not exist; --update records returns in an existing plan (nothing was written)") }
            guard let partnership else { throw DplanError.usage("\(into) does not exist: to create it, give --partnership (and --title unless the tracker has a title row)") }
            let id = String((into as NSString).lastPathComponent).replacingOccurrences(of: ".json", with: "")
            do {
                plan = try TrackerImport.newPlan(id: id, title: title, partnership: partnership, period: period?.period,
                                                 quarter: quarter, tables: tables, today: now.day)
            } catch { throw DplanError.refused("\(into): \(error) (nothing was written)") }
        } else {
            if title != nil || partnership != nil || period != nil {
                throw DplanError.usage("--title, --partnership and --period are for a new plan; \(into) exists")
            }
            let opened = try openForEditing(into)
            document = opened.0
            plan = opened.1
        }
        let options = TrackerImport.Options(defaultGroup: try group?.resolve(in: plan), quarter: quarter, update: update, reason: reason)
        let result: TrackerImport.Result
        do { result = try TrackerImport.apply(tables, to: plan, options: options, context: context) } catch {
            throw DplanError.refused("\(error) (nothing was written)")
        }
        report(result.tables, result, isNew: isNew, plan: plan)

        let problems = result.problems.count
        let invalid = result.plan.validate()
        guard invalid.isEmpty else {
            throw DplanError.refused((invalid.map { "\(into): \($0)" } + ["\(into): the import would make the plan invalid; nothing was written"]).joined(separator: "\n"))
        }
        if problems > 0 && !skipInvalid {
            throw DplanError.refused("\(problems) row\(problems == 1 ? " has a problem" : "s have problems") (listed above); nothing was written (fix them, or use --skip-invalid)")
        }
        if dryRun {
            print("dry run: nothing was written")
            if problems > 0 { throw DplanError.refused("\(problems) row\(problems == 1 ? "" : "s") would be skipped with problems") }
            return
        }
        if !isNew && result.plan == plan {
            print("\(into): nothing to change; the plan was not written")
        } else if var document {
            try save(result.plan, in: &document)
            print("wrote \(into)")
        } else {
            do { try PlanFile.create(result.plan, at: into) } catch { throw DplanError.file(error) }
            print("created \(into): \(clean(result.plan.title)), \(result.plan.period.start) to \(result.plan.period.end)")
        }
        if problems > 0 {
            throw DplanError.refused("\(problems) row\(problems == 1 ? " was" : "s were") skipped with problems (listed above); the other rows were written")
        }
    }

    /// The mapping, every row's fate and notes, and the accounting.
    private func report(_ tables: [TrackerTable], _ result: TrackerImport.Result, isNew: Bool, plan: Plan) {
        for (table, quarter) in zip(tables, result.quarters) {
            print("\(table.file): sheet \"\(clean(table.sheet))\", header in row \(table.headerRow), updates for \(quarter)")
            for column in table.columns {
                let meaning = column.field.meaning == column.field.rawValue ? "" : " (\(column.field.meaning))"
                print("  \(TrackerTable.letter(column.column)) \"\(clean(column.header))\" → \(column.field.rawValue)\(meaning)")
            }
            if !table.ignored.isEmpty {
                print("  ignoring: " + table.ignored.map { "\(TrackerTable.letter($0.column)) \"\(clean($0.header))\"" }.joined(separator: ", "))
            }
        }
        for row in result.rows {
            let place = "\(row.file): row \(row.row)"
            switch row.kind {
            case .added(let id): print("\(place): added \(clean(id))")
            case .updated(let id): print("\(place): updated \(clean(id)) for \(quarter(of: row, tables, result))")
            case .unchanged(let id): print("\(place): \(clean(id)) unchanged")
            case .notAnAction(let reason): print("\(place): skipped: \(clean(reason))")
            case .problem(let messages):
                for message in messages { printError("\(row.file): sheet \"\(clean(row.sheet))\", row \(row.row): \(clean(message))") }
            }
            for note in row.notes { print("\(place): note: \(clean(note))") }
        }
        if !result.createdOwners.isEmpty { print("new owners: \(result.createdOwners.joined(separator: ", "))") }
        if !result.createdWorkstreams.isEmpty { print("new workstreams: \(result.createdWorkstreams.joined(separator: ", "))") }
        if update {
            print(result.noReturn.isEmpty ? "no return: none (every action had a row)"
                  : "no return (\(result.noReturn.count)): \(result.noReturn.map(clean).joined(separator: ", "))")
        }
        let count = { (test: (TrackerImport.RowOutcome.Kind) -> Bool) in result.rows.filter { test($0.kind) }.count }
        let added = count { if case .added = $0 { true } else { false } }
        let updated = count { if case .updated = $0 { true } else { false } }
        let unchanged = count { if case .unchanged = $0 { true } else { false } }
        let notActions = count { if case .notAnAction = $0 { true } else { false } }
        let problems = result.problems.count
        print("\(result.rows.count) data row\(result.rows.count == 1 ? "" : "s"): \(added + updated + unchanged) imported "
              + "(\(added) added, \(updated) updated, \(unchanged) unchanged), \(notActions + problems) skipped "
              + "(\(notActions) not actions, \(problems) with problems)")
    }

    private func quarter(of row: TrackerImport.RowOutcome, _ tables: [TrackerTable], _ result: TrackerImport.Result) -> String {
        zip(tables, result.quarters).first { $0.0.file == row.file }.map { "\($0.1)" } ?? ""
    }
}

/// `--period 2025-04-01..2028-03-31`.
struct PeriodArgument: ExpressibleByArgument {
    var period: Period

    init?(argument: String) {
        let parts = argument.components(separatedBy: "..")
        guard parts.count == 2, let start = Day(iso: parts[0]), let end = Day(iso: parts[1]), start <= end else { return nil }
        period = Period(start: start, end: end)
    }

    static var defaultValueDescription: String { "YYYY-MM-DD..YYYY-MM-DD" }
}
