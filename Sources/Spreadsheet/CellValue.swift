/// What one cell of a spreadsheet holds, as the file stores it.
///
/// A number with a date format is a `.date`; a formula is its cached result; rich text is its
/// runs joined. `.empty` stands for a cell that is missing or blank.
public enum CellValue: Equatable, Sendable {
    case empty
    case text(String)
    case number(Double)
    case date(CalendarDate)
    case bool(Bool)
    /// An error value such as `#REF!` or `#DIV/0!`.
    case error(String)

    /// True for a missing cell and for text that is only spaces and line breaks.
    public var isBlank: Bool {
        switch self {
        case .empty: true
        case .text(let text): text.allSatisfy(\.isWhitespace)
        default: false
        }
    }

    /// The value as a person reads it: text as is, whole numbers without a decimal point,
    /// dates as `YYYY-MM-DD` (with the time when there is one), booleans as TRUE/FALSE.
    public var text: String {
        switch self {
        case .empty: ""
        case .text(let text): text
        case .number(let number): CellValue.format(number)
        case .date(let date): date.description
        case .bool(let value): value ? "TRUE" : "FALSE"
        case .error(let code): code
        }
    }

    /// 12 → "12", 1.5 → "1.5", 0.1 + 0.2 → "0.3" (15 significant digits, as spreadsheets show).
    static func format(_ number: Double) -> String {
        if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
        var text = String(format: "%.15g", number)
        if text.contains("e") { return text }
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

/// A rectangle of cells, zero-based and inclusive, e.g. `B5:B7` is rows 4…6 of column 1.
public struct CellRange: Equatable, Sendable {
    public var firstRow, firstColumn, lastRow, lastColumn: Int

    public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        self.firstRow = firstRow
        self.firstColumn = firstColumn
        self.lastRow = lastRow
        self.lastColumn = lastColumn
    }

    /// Parses `B5:D7` or a single `B5`; nil when it is neither.
    public init?(reference: String) {
        let parts = reference.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let first = CellReference(String(parts[0])),
              let last = CellReference(String(parts[parts.count - 1])) else { return nil }
        self.init(firstRow: min(first.row, last.row), firstColumn: min(first.column, last.column),
                  lastRow: max(first.row, last.row), lastColumn: max(first.column, last.column))
    }
}

/// A cell's address: zero-based row and column, written `B5` (column B, row 5).
public struct CellReference: Equatable, Sendable, CustomStringConvertible {
    public var row: Int
    public var column: Int

    /// The largest row and column numbers a spreadsheet has (Excel: 1,048,576 rows, XFD columns).
    public static let maxRows = 1_048_576
    public static let maxColumns = 16_384

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses `B5` or `$B$5`; nil for anything else or beyond the largest sheet.
    public init?(_ text: String) {
        var letters = 0, digits = 0, column = 0, row = 0
        for byte in text.utf8 where byte != UInt8(ascii: "$") {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default: return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0, digits > 0, (1...CellReference.maxRows).contains(row), column <= CellReference.maxColumns else { return nil }
        self.init(row: row - 1, column: column - 1)
    }

    /// Column letters for a zero-based column: 0 → A, 26 → AA.
    public static func letters(ofColumn column: Int) -> String {
        var n = column + 1
        var letters: [Character] = []
        while n > 0 {
            let remainder = (n - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + remainder))), at: 0)
            n = (n - 1) / 26
        }
        return String(letters)
    }

    public var description: String { CellReference.letters(ofColumn: column) + String(row + 1) }
}
