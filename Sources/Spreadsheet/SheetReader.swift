import Foundation

/// One worksheet part (`xl/worksheets/sheetN.xml`) into rows of cells.
enum SheetReader {
    static func read(_ xml: Data, name: String, part: String, strings: [String], dateStyles: [Bool],
                     system: DateSystem, limits: ReadLimits) throws(SpreadsheetError) -> Sheet {
        let walk = SheetWalk(name: name, strings: strings, dateStyles: dateStyles, system: system, limits: limits)
        try XMLEvents.walk(xml, part: part, start: walk.start, end: walk.end, text: walk.text)
        return Sheet(name: name, rows: walk.rows, merges: walk.merges)
    }

    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS` (cells of type `d`).
    fileprivate static func isoDate(_ text: String) -> CalendarDate? {
        let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        return CalendarDate(year: parts[0], month: parts[1], day: parts[2])
    }
}

/// A walk through one worksheet's XML: where it is (row, column, the cell being read, its type
/// and style) and the rows and merged areas read so far.
private final class SheetWalk {
    let name: String
    let strings: [String]
    let dateStyles: [Bool]
    let system: DateSystem
    let limits: ReadLimits
    private(set) var rows: [[CellValue]] = []
    private(set) var merges: [CellRange] = []
    private var cellCount = 0
    private var rowIndex = -1
    private var column = -1
    private var type = "n", style = 0, reference = ""
    private var value = "", inline = ""
    private var inValue = false, inInlineText = false, inPhonetic = false

    init(name: String, strings: [String], dateStyles: [Bool], system: DateSystem, limits: ReadLimits) {
        self.name = name
        self.strings = strings
        self.dateStyles = dateStyles
        self.system = system
        self.limits = limits
    }

    func start(_ element: String, _ attributes: [String: String]) throws {
        switch element {
        case "row": try startRow(attributes)
        case "c": try startCell(attributes)
        case "v": inValue = true
        case "rPh": inPhonetic = true
        case "t": inInlineText = !inPhonetic
        case "mergeCell":
            if let ref = attributes["ref"], let range = CellRange(reference: ref) { merges.append(range) }
        default: break
        }
    }

    func end(_ element: String) throws {
        switch element {
        case "c": try finishCell()
        case "v": inValue = false
        case "t": inInlineText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }

    func text(_ text: String) {
        if inValue { value += text } else if inInlineText { inline += text }
    }

    private func startRow(_ attributes: [String: String]) throws {
        if let r = attributes["r"] {
            guard let number = Int(r), (1...CellReference.maxRows).contains(number) else {
                throw SpreadsheetError("sheet \"\(name)\": row number \"\(r)\" is not one a sheet can have; the workbook may be damaged")
            }
            rowIndex = number - 1
        } else {
            rowIndex += 1
        }
        column = -1
    }

    private func startCell(_ attributes: [String: String]) throws {
        reference = attributes["r"] ?? ""
        if let r = attributes["r"] {
            guard let at = CellReference(r) else {
                throw SpreadsheetError("sheet \"\(name)\": \"\(r)\" is not a cell reference; the workbook may be damaged")
            }
            column = at.column
            rowIndex = at.row
        } else {
            column += 1
            guard column < CellReference.maxColumns else {
                throw SpreadsheetError("sheet \"\(name)\", row \(rowIndex + 1): more cells than a sheet has columns")
            }
        }
        type = attributes["t"] ?? "n"
        style = attributes["s"].flatMap(Int.init) ?? 0
        value = ""
        inline = ""
    }

    /// Where the cell being read is, for messages.
    private var location: String {
        "sheet \"\(name)\", cell \(reference.isEmpty ? CellReference(row: max(rowIndex, 0), column: max(column, 0)).description : reference)"
    }

    /// The cell just read, by its type: a shared or inline string, a boolean, an error, an ISO
    /// date, or a number (a date when its style is one).
    private func cellValue() throws -> CellValue {
        switch type {
        case "s":
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), strings.indices.contains(index) else {
                throw SpreadsheetError("\(location): refers to shared string \"\(value)\", which the workbook does not have; it may be damaged")
            }
            return strings[index].isEmpty ? .empty : .text(strings[index])
        case "inlineStr": return inline.isEmpty ? .empty : .text(inline)
        case "str": return value.isEmpty ? .empty : .text(value)
        case "b": return .bool(value.trimmingCharacters(in: .whitespaces) == "1" || value.lowercased() == "true")
        case "e": return .error(value)
        case "d": return SheetReader.isoDate(value).map(CellValue.date) ?? .text(value)
        default:
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return .empty }
            guard let number = Double(trimmed), number.isFinite else {
                throw SpreadsheetError("\(location): expected a number, found \"\(trimmed.prefix(40))\"; the workbook may be damaged")
            }
            let isDate = dateStyles.indices.contains(style) && dateStyles[style]
            return isDate ? CalendarDate(serial: number, system: system).map(CellValue.date) ?? .number(number) : .number(number)
        }
    }

    /// Puts the cell just read in its row, within the cell limit.
    private func finishCell() throws {
        let cell = try cellValue()
        guard !cell.isBlank else { return }
        guard rowIndex >= 0 else { return }
        while rows.count <= rowIndex { rows.append([]) }
        if rows[rowIndex].count <= column {
            cellCount += column + 1 - rows[rowIndex].count
            guard cellCount <= limits.cells else {
                throw SpreadsheetError("sheet \"\(name)\" has more than \(limits.cells) cells; dplan does not read sheets that large")
            }
            rows[rowIndex] += Array(repeating: .empty, count: column + 1 - rows[rowIndex].count)
        }
        rows[rowIndex][column] = cell
    }
}
