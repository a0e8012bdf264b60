import Foundation
import PlanModel
import Spreadsheet

/// The table of actions found in one tracker file: which sheet, which row is the header, which
/// column fills which field, and the data rows below it (merged cells filled in).
public struct TrackerTable: Sendable {
    /// The file as named on the command line, for messages.
    public var file: String
    public var sheet: String
    /// One-based row number of the header, as the spreadsheet shows it.
    public var headerRow: Int
    /// Columns used, in sheet order: zero-based column, its header, the field it fills.
    public var columns: [(column: Int, header: String, field: TrackerField)]
    /// Columns with a header that fill nothing (listed before importing).
    public var ignored: [(column: Int, header: String)]
    /// Text above the header (a title row), if any.
    public var title: String?
    /// A quarter named in a header ("Progress Update Q2 25/26").
    public var headerQuarter: Quarter?
    /// Every status and progress column, used or not: a sheet may have one of each per quarter.
    var quarterCandidates: [(column: Int, header: String, field: TrackerField)]
    var dateSystem: DateSystem
    /// The rows below the header: one-based row number and cells.
    var rows: [(number: Int, cells: [CellValue])]

    /// Spreadsheet column letters for a zero-based column.
    public static func letter(_ column: Int) -> String { CellReference.letters(ofColumn: column) }

    /// The column that fills `field`, if any.
    func column(of field: TrackerField) -> Int? { columns.first { $0.field == field }?.column }

    /// Whether the header row has text above zero-based `column`.
    func hasHeader(_ column: Int) -> Bool { columns.contains { $0.column == column } || ignored.contains { $0.column == column } }

    /// Finds the table in a workbook: on sheet `sheetName`, or on the first sheet with a header
    /// row (a row within the first 50 naming an action or ref column and at least one other
    /// known column). `map` ("Header=field,…") names columns the synonyms do not know.
    public static func locate(in workbook: Workbook, file: String, sheet sheetName: String?, map: String?) throws(TrackerImportError) -> TrackerTable {
        let explicit = try parseMap(map)
        var sheets = workbook.sheets
        if let sheetName {
            guard let chosen = sheets.first(where: { $0.name == sheetName }) ?? sheets.first(where: { $0.name.lowercased() == sheetName.lowercased() }) else {
                throw TrackerImportError("\(file): no sheet \"\(sheetName)\"; the sheets are \(sheets.map { "\"\($0.name)\"" }.joined(separator: ", "))")
            }
            sheets = [chosen]
        }
        for sheet in sheets {
            guard let table = table(in: sheet, file: file, explicit: explicit, dateSystem: workbook.dateSystem) else { continue }
            let headers = Set((table.columns.map(\.header) + table.ignored.map(\.header)).map { $0.lowercased() })
            if let missing = explicit.keys.sorted().first(where: { !headers.contains($0) }) {
                throw TrackerImportError("--map: no column \"\(missing)\" in the header row (row \(table.headerRow) of sheet \"\(table.sheet)\"); "
                    + "the columns are \((table.columns.map(\.header) + table.ignored.map(\.header)).map { "\"\($0)\"" }.joined(separator: ", "))")
            }
            return table
        }
        let looked = sheets.count == 1 ? "sheet \"\(sheets[0].name)\"" : "any sheet (\(sheets.map { "\"\($0.name)\"" }.joined(separator: ", ")))"
        var message = "\(file): no header row found in the first 50 rows of \(looked): expected a row with an action "
            + "or ref column (Action, Activity, Intervention, Ref, …) and at least one other known column (Lead, RAG, Progress update, Target date, …); "
            + "name your columns with --map \"Your header=title,Other header=owner\""
        if !explicit.isEmpty {
            message += " (the --map headers \(explicit.keys.sorted().map { "\"\($0)\"" }.joined(separator: ", ")) were not found together with an action column)"
        }
        throw TrackerImportError(message)
    }

    private static func parseMap(_ map: String?) throws(TrackerImportError) -> [String: TrackerField?] {
        var explicit: [String: TrackerField?] = [:]
        for pair in (map ?? "").split(separator: ",") where !pair.allSatisfy(\.isWhitespace) {
            let sides = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard sides.count == 2, !sides[0].isEmpty, sides[1] == "ignore" || TrackerField(rawValue: sides[1]) != nil else {
                throw TrackerImportError("--map: expected Header=field with field one of \(TrackerField.allCases.map(\.rawValue).joined(separator: ", ")) or ignore, found \"\(pair)\"")
            }
            explicit.updateValue(TrackerField(rawValue: sides[1]), forKey: sides[0].lowercased())  // nil: ignore
        }
        return explicit
    }

    private static func table(in sheet: Sheet, file: String, explicit: [String: TrackerField?], dateSystem: DateSystem) -> TrackerTable? {
        for r in 0..<min(sheet.rows.count, 50) {
            var columns: [(column: Int, header: String, field: TrackerField)] = []
            var ignored: [(column: Int, header: String)] = []
            var candidates: [(column: Int, header: String, field: TrackerField)] = []
            for (c, cell) in sheet.rows[r].enumerated() where !cell.isBlank {
                let header = cell.text.trimmingCharacters(in: .whitespacesAndNewlines)
                let field: TrackerField?
                if let chosen = explicit[header.lowercased()] { field = chosen } else { field = TrackerField.recognise(header) }
                if let field, [.status, .commentary].contains(field) { candidates.append((c, header, field)) }
                if let field, !columns.contains(where: { $0.field == field }) {
                    columns.append((c, header, field))
                } else {
                    ignored.append((c, header))
                }
            }
            guard columns.contains(where: { $0.field == .title || $0.field == .id }), columns.count >= 2 else { continue }
            let title = sheet.rows[..<r].lazy.flatMap { $0 }.first { !$0.isBlank && $0.text.contains(where: \.isLetter) }?.text
            var rows: [(number: Int, cells: [CellValue])] = []
            for index in (r + 1)..<max(sheet.rows.count, r + 1) { rows.append((index + 1, sheet.rows[index])) }
            // A merged cell (a priority spanning its actions) applies to every row it spans.
            for merge in sheet.merges where merge.lastRow > merge.firstRow && merge.firstRow > r {
                let value = sheet[merge.firstRow, merge.firstColumn]
                for row in (merge.firstRow + 1)...merge.lastRow where row - r - 1 < rows.count {
                    var cells = rows[row - r - 1].cells
                    if cells.count <= merge.firstColumn { cells += Array(repeating: .empty, count: merge.firstColumn + 1 - cells.count) }
                    if cells[merge.firstColumn].isBlank { cells[merge.firstColumn] = value }
                    rows[row - r - 1].cells = cells
                }
            }
            let headerQuarter = columns.lazy.filter { [.commentary, .status].contains($0.field) }.compactMap { quarter(in: $0.header) }.first
            return TrackerTable(file: file, sheet: sheet.name, headerRow: r + 1, columns: columns, ignored: ignored, title: title,
                                headerQuarter: headerQuarter, quarterCandidates: candidates, dateSystem: dateSystem, rows: rows)
        }
        return nil
    }
}

/// The tracker as a whole cannot be used (unreadable, no header, bad options); nothing is written.
public struct TrackerImportError: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
