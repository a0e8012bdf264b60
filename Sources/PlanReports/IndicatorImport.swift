import CSV
import Foundation
import PlanModel
import Spreadsheet

/// Reads the quarterly data file an analyst sends (one row per indicator and quarter: indicator,
/// quarter, value, note, and optionally provisional) into indicator values. Every bad cell is
/// reported with its row and column; the caller writes nothing unless there are none.
public enum IndicatorImport {
    /// The columns the file can have.
    public enum Column: String, CaseIterable, Sendable {
        case indicator, quarter, value, note, provisional
    }

    /// A bad cell (or row): its row number, header and what is wrong.
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        public var row: Int
        public var column: String?
        public var message: String
        public var description: String { "row \(row)" + (column.map { ", column \"\($0)\"" } ?? "") + ": \(message)" }
    }

    public struct Result: Sendable {
        public var plan: Plan
        /// How many values were recorded (new or revised).
        public var recorded: Int
        public var problems: [Problem]
    }

    /// Header spellings, normalised (lower case, letters and digits only).
    static let synonyms: [Column: [String]] = [
        .indicator: ["indicator", "indicatorid", "id", "measure", "kpi"],
        .quarter: ["quarter", "period", "dataquarter"],
        .value: ["value", "figure", "count", "result", "actual"],
        .note: ["note", "notes", "comment", "comments"],
        .provisional: ["provisional", "isprovisional", "status"],
    ]

    /// Records every row of `data` in `plan`, or reports why not.
    public static func run(_ data: Data, into plan: Plan, context: EditContext) throws -> Result {
        let reader = try reader(data)
        guard let headers = reader.headerRow, !headers.isEmpty else { throw IndicatorImportError("the file has no header row") }
        var columnOf: [Column: Int] = [:]
        for (index, header) in headers.enumerated() {
            let key = header.lowercased().filter { $0.isLetter || $0.isNumber }
            if let column = Column.allCases.first(where: { synonyms[$0]!.contains(key) }), columnOf[column] == nil {
                columnOf[column] = index
            }
        }
        for column in [Column.indicator, .quarter, .value] where columnOf[column] == nil {
            throw IndicatorImportError("no \(column.rawValue) column (looked for headers \(synonyms[column]!.joined(separator: ", ")); "
                                 + "found \(headers.joined(separator: ", ")))")
        }
        var result = Result(plan: plan, recorded: 0, problems: [])
        var seen: [String: Int] = [:]
        var rowNumber = 1
        while let row = reader.next() {
            rowNumber += 1
            if row.allSatisfy({ $0.trimmingSpaces().isEmpty }) { continue }
            func cell(_ column: Column) -> String {
                guard let index = columnOf[column], index < row.count else { return "" }
                return row[index].trimmingSpaces()
            }
            var problems = row.indices.dropFirst(headers.count).filter { !row[$0].trimmingSpaces().isEmpty }.map {
                Problem(row: rowNumber, column: nil, message: "column \(CellReference.letters(ofColumn: $0)): \"\(row[$0].prefix(60))\" has no "
                    + "header above it, so it would be lost (an unquoted comma splits a cell: put the cell in quotes)")
            }
            func problem(_ column: Column, _ message: String) {
                problems.append(Problem(row: rowNumber, column: headers[columnOf[column]!], message: message))
            }
            let id = cell(.indicator)
            let indicator = plan.indicatorIndex(id: id).map { plan.indicators[$0] }
            if indicator == nil {
                problem(.indicator, id.isEmpty ? "no indicator id" : "no indicator \"\(id)\"; indicators are \(plan.indicators.map(\.id).joined(separator: ", "))")
            }
            let quarter = Quarter(cell(.quarter))
            if let quarter {
                do { try plan.checkValueQuarter(quarter, today: context.now.day) } catch { problem(.quarter, error.description) }
            } else {
                problem(.quarter, "expected \(Quarter.expectedFormat), found \"\(cell(.quarter))\"")
            }
            var value: Decimal?
            do {
                value = try Indicator.number(from: cell(.value))
                if let value, let indicator { try indicator.check(value) }
            } catch {
                problem(.value, error.description)
            }
            let provisionalText = cell(.provisional).lowercased()
            let provisional = ["yes", "y", "true", "provisional", "p", "1"].contains(provisionalText)
            if columnOf[.provisional] != nil, !provisional, !["", "no", "n", "false", "final", "0"].contains(provisionalText) {
                problem(.provisional, "expected yes or no, found \"\(cell(.provisional))\"")
            }
            if let quarter, indicator != nil {
                let key = "\(id)\u{0}\(quarter)"
                if let first = seen[key] {
                    problem(.quarter, "a second value for \(id) in \(quarter) (the first is on row \(first))")
                } else {
                    seen[key] = rowNumber
                }
            }
            guard problems.isEmpty, let quarter, let value else {
                result.problems += problems
                continue
            }
            let before = result.plan.indicators
            do {
                try result.plan.recordIndicatorValue(id: id, quarter: quarter, value: value, note: cell(.note), provisional: provisional,
                                                     context: context)
            } catch {
                result.problems.append(Problem(row: rowNumber, column: nil, message: error.description))
            }
            if result.plan.indicators != before { result.recorded += 1 }
        }
        return result
    }

    /// A reader of the file's rows, its text decoded as `CSVText` says.
    private static func reader(_ data: Data) throws -> CSVReader {
        let text: String
        do { text = try CSVText.decode(data) } catch { throw IndicatorImportError(error.description) }
        do { return try CSVReader(string: text, hasHeaderRow: true) } catch { throw IndicatorImportError("not a readable CSV file: \(error)") }
    }
}

/// Why a file of indicator values could not be read at all.
public struct IndicatorImportError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
