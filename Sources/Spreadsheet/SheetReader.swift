import Foundation

/// One worksheet part (`xl/worksheets/sheetN.xml`) into rows of cells.
enum SheetReader {
    static func read(_ xml: Data, name: String, part: String, strings: [String], dateStyles: [Bool],
                     system: DateSystem, limits: ReadLimits) throws(SpreadsheetError) -> Sheet {
        var rows: [[CellValue]] = []
        var merges: [CellRange] = []
        var cellCount = 0
        var rowIndex = -1
        var column = -1
        var type = "n", style = 0, reference = ""
        var value = "", inline = ""
        var inValue = false, inInlineText = false, inPhonetic = false

        func where_() -> String { "sheet \"\(name)\", cell \(reference.isEmpty ? CellReference(row: max(rowIndex, 0), column: max(column, 0)).description : reference)" }

        func finishCell() throws {
            let cell: CellValue
            switch type {
            case "s":
                guard let index = Int(value.trimmingCharacters(in: .whitespaces)), strings.indices.contains(index) else {
                    throw SpreadsheetError("\(where_()): refers to shared string \"\(value)\", which the workbook does not have; it may be damaged")
                }
                cell = strings[index].isEmpty ? .empty : .text(strings[index])
            case "inlineStr": cell = inline.isEmpty ? .empty : .text(inline)
            case "str": cell = value.isEmpty ? .empty : .text(value)
            case "b": cell = .bool(value.trimmingCharacters(in: .whitespaces) == "1" || value.lowercased() == "true")
            case "e": cell = .error(value)
            case "d":
                cell = isoDate(value).map(CellValue.date) ?? .text(value)
            default:
                let trimmed = value.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty {
                    cell = .empty
                } else if let number = Double(trimmed), number.isFinite {
                    let isDate = dateStyles.indices.contains(style) && dateStyles[style]
                    cell = isDate ? CalendarDate(serial: number, system: system).map(CellValue.date) ?? .number(number) : .number(number)
                } else {
                    throw SpreadsheetError("\(where_()): expected a number, found \"\(trimmed.prefix(40))\"; the workbook may be damaged")
                }
            }
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

        try XMLEvents.walk(xml, part: part, start: { element, attributes in
            switch element {
            case "row":
                if let r = attributes["r"] {
                    guard let number = Int(r), (1...CellReference.maxRows).contains(number) else {
                        throw SpreadsheetError("sheet \"\(name)\": row number \"\(r)\" is not one a sheet can have; the workbook may be damaged")
                    }
                    rowIndex = number - 1
                } else {
                    rowIndex += 1
                }
                column = -1
            case "c":
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
            case "v": inValue = true
            case "rPh": inPhonetic = true
            case "t": inInlineText = !inPhonetic
            case "mergeCell":
                if let ref = attributes["ref"], let range = CellRange(reference: ref) { merges.append(range) }
            default: break
            }
        }, end: { element in
            switch element {
            case "c": try finishCell()
            case "v": inValue = false
            case "t": inInlineText = false
            case "rPh": inPhonetic = false
            default: break
            }
        }, text: { text in
            if inValue { value += text } else if inInlineText { inline += text }
        })
        return Sheet(name: name, rows: rows, merges: merges)
    }

    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS` (cells of type `d`).
    private static func isoDate(_ text: String) -> CalendarDate? {
        let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        return CalendarDate(year: parts[0], month: parts[1], day: parts[2])
    }
}
