import CSV
import Foundation

/// CSV text as one sheet of text cells.
enum CSVSheet {
    /// Reads UTF-8 (with or without a byte-order mark) or Windows-1252 CSV, as Excel saves it.
    static func read(_ data: Data, name: String, limits: ReadLimits) throws(SpreadsheetError) -> Sheet {
        guard data.count <= limits.partBytes else {
            throw SpreadsheetError("the file is \(data.count / 1_000_000) MB; dplan reads CSV files up to \(limits.partBytes / 1_000_000) MB")
        }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.contains(0) { throw SpreadsheetError("the file holds binary data; expected CSV text or an .xlsx workbook") }
        guard let text = String(data: bytes, encoding: .utf8) ?? String(data: bytes, encoding: .windowsCP1252) else {
            throw SpreadsheetError("the file is neither UTF-8 nor Windows-1252 text")
        }
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
}
