import Foundation
import PlanModel
import PlanReports
import PlanStore
import Spreadsheet

/// A tracker read for a new plan, before anything is written: its table and the column mapping
/// in words, as `dplan import` prints it first. The start screen shows it and asks to go on.
public struct TrackerPreview: Sendable {
    public let file: String
    public let table: TrackerTable
    /// Which sheet and header row, each column's field, the columns ignored, how many rows.
    public let lines: [String]

    /// Reads `file` (.xlsx or .csv) and finds its table; throws with the file and what is wrong.
    public init(file: String) throws(DplanError) {
        let data: Data
        do { data = try PlanFile.read(file) } catch { throw .refused("\(error.description) (nothing was written)") }
        do {
            table = try TrackerTable.locate(in: try Workbook.read(data, fileName: file), file: file, sheet: nil, map: nil)
        } catch let error as SpreadsheetError {
            throw .refused("\(file): \(error) (nothing was written)")
        } catch {
            throw .refused("\(error) (nothing was written)")
        }
        self.file = file
        var lines = ["Sheet \"\(table.sheet)\", header in row \(table.headerRow)" + (table.title.map { ", title \"\($0)\"" } ?? "")]
        for column in table.columns {
            let meaning = column.field.meaning == column.field.rawValue ? "" : " (\(column.field.meaning))"
            lines.append("\(TrackerTable.letter(column.column)) \"\(column.header)\" → \(column.field.rawValue)\(meaning)")
        }
        if !table.ignored.isEmpty {
            lines.append("Ignored: " + table.ignored.map { "\(TrackerTable.letter($0.column)) \"\($0.header)\"" }.joined(separator: ", "))
        }
        self.lines = lines
    }

    /// Creates the plan `into` (which must not exist) from the tracker, as `dplan import TRACKER
    /// --into PLAN --partnership …` does: all rows or nothing. Returns what was done, in words.
    public func createPlan(into: String, partnership: String, title: String?, context: EditContext) throws(DplanError) -> String {
        guard !FileManager.default.fileExists(atPath: into) else {
            throw .refused("\(into) exists; choose another name for the new plan (nothing was written)")
        }
        let id = String((into as NSString).lastPathComponent).replacingOccurrences(of: ".json", with: "")
        let result: TrackerImport.Result
        do {
            let empty = try TrackerImport.newPlan(id: id, title: title, partnership: partnership, period: nil, quarter: nil,
                                                  tables: [table], today: context.now.day)
            result = try TrackerImport.apply([table], to: empty, options: TrackerImport.Options(), context: context)
        } catch {
            throw .refused("\(into): \(error) (nothing was written)")
        }
        if let problem = result.problems.first, case .problem(let messages) = problem.kind {
            throw .refused("\(file): row \(problem.row): \(messages.joined(separator: "; ")); \(result.problems.count) row(s) with problems, "
                           + "nothing was written (see them all with dplan import \(file) --into \(into) --dry-run)")
        }
        let invalid = result.plan.validate()
        guard invalid.isEmpty else { throw .invalidPlan(path: into, problems: invalid) }
        do { try PlanFile.create(result.plan, at: into) } catch { throw .file(error) }
        let added = result.rows.filter { if case .added = $0.kind { true } else { false } }.count
        return "Created \(into) with \(added) actions from \((file as NSString).lastPathComponent)"
    }
}
