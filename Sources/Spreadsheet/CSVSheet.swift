import CSV
import Foundation

/// CSV text as one sheet of text cells.
enum CSVSheet {
    /// Reads UTF-8 (with or without a byte-order mark) or Windows-1252 CSV, as Excel saves it.
    static func read(_ data: Data, name: String, limits: ReadLimits) throws(SpreadsheetError) -> Sheet {
        guard data.count <= limits.partBytes else {
            throw SpreadsheetError("the file is \(data.count / 1_000_000) MB; dplan reads CSV files up to \(limits.partBytes / 1_000_000) MB")
        }
        if data.contains(0) { throw SpreadsheetError("the file holds binary data; expected CSV text or an .xlsx workbook") }
        let text = try CSVText.decode(data)
        try checkQuotes(text)
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: false) } catch {
            throw SpreadsheetError("not a readable CSV file: \(error)")
        }
        var rows: [[CellValue]] = []
        var cells = 0
        while let row = reader.next() {
            var values = row.map { $0.isEmpty ? CellValue.empty : .text($0) }
            while values.last?.isBlank == true { values.removeLast() }
            cells += values.count
            guard cells <= limits.cells else { throw SpreadsheetError("the file has more than \(limits.cells) cells") }
            rows.append(values)
        }
        if let error = reader.error { throw SpreadsheetError("not a readable CSV file: \(error)") }
        return Sheet(name: name, rows: rows)
    }

    /// Refuses text whose quoted field is never closed (read on, it would swallow every later
    /// row into one cell) or has text after its closing quote (which the reader would drop). Names the row and column where that field began (RFC 4180: a quote opens
    /// a field only at its start; inside one, two quotes are a quote).
    static func checkQuotes(_ text: String) throws(SpreadsheetError) {
        var row = 1, column = 1, line = 1
        var quoted = false, atFieldStart = true
        var opened = (row: 1, column: 1, line: 1)
        var bytes = text.utf8.makeIterator()
        var pending = bytes.next()
        while let byte = pending {
            pending = bytes.next()
            if byte == UInt8(ascii: "\n") { line += 1 }
            if quoted {
                guard byte == UInt8(ascii: "\"") else { continue }
                if pending == UInt8(ascii: "\"") {
                    pending = bytes.next()
                } else if let next = pending, ![UInt8(ascii: ","), UInt8(ascii: "\r"), UInt8(ascii: "\n")].contains(next) {
                    throw SpreadsheetError("row \(opened.row), column \(letter(opened.column)) (line \(line)): text follows the closing quote "
                        + "of a quoted field (a quote inside one is written twice: \"\"); nothing was read")
                } else {
                    quoted = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\"") where atFieldStart:
                quoted = true
                opened = (row, column, line)
            case UInt8(ascii: ","):
                column += 1
                atFieldStart = true
                continue
            case UInt8(ascii: "\n"):
                row += 1
                column = 1
                atFieldStart = true
                continue
            case UInt8(ascii: "\r"):
                continue
            default: break
            }
            atFieldStart = false
        }
        guard quoted else { return }
        throw SpreadsheetError("row \(opened.row), column \(letter(opened.column)) (line \(opened.line)): a quoted field starts there "
            + "and its closing quote is missing, so every later row would run into it; nothing was read")
    }

    /// The spreadsheet letter of a 1-based column: 1 → A, 27 → AA.
    private static func letter(_ column: Int) -> String {
        var n = column, out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }
}
