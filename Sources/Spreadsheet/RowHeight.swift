/// Row heights that fit wrapped text, since neither Excel nor LibreOffice reliably sizes rows of a
/// written workbook when it prints: the lines a cell's text needs in its column (or merged
/// columns), word by word, paragraph by paragraph, erring on the generous side because the
/// printing font may be wider than Calibri (LibreOffice without Carlito uses Noto Sans or DejaVu).
enum RowHeight {
    /// Points per line of 11-point text, with its leading.
    static let line = 15.0
    /// Excel's largest row height.
    static let largest = 409.0

    /// The height row `row` of `sheet` needs, or nil when every cell fits on one line.
    static func fitting(row: Int, of sheet: SheetDraft) -> Double? {
        var lines = 1
        for (column, cell) in sheet.rows[row].enumerated() where cell.style.wrap {
            guard case .text(let text) = cell.value else { continue }
            let merged = sheet.merges.first { $0.firstRow == row && $0.firstColumn == column }
            let columns = column...(merged?.lastColumn ?? column)
            let width = columns.reduce(0.0) { $0 + (sheet.columnWidths.indices.contains($1) ? sheet.columnWidths[$1] : 8.43) }
            lines = max(lines, count(text, charactersPerLine: max(1, Int(width * (cell.style.bold ? 0.8 : 0.88)) - 1)))
        }
        guard lines > 1 else { return nil }
        return min(largest, Double(lines) * line + 3)
    }

    /// Lines `text` takes wrapped at `width` characters: each paragraph on new lines, words kept
    /// whole unless longer than a line.
    static func count(_ text: String, charactersPerLine width: Int) -> Int {
        var total = 0
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var lines = 1, used = 0
            for word in paragraph.split(separator: " ") {
                let length = word.count
                if used > 0, used + 1 + length > width {
                    lines += 1
                    used = 0
                }
                used += (used > 0 ? 1 : 0) + length
                while used > width {  // a word longer than the line breaks where the line ends
                    lines += 1
                    used -= width
                }
            }
            total += lines
        }
        return total
    }
}
