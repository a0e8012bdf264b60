import Foundation

/// One sheet as rows of cells. `rows[0]` is the sheet's row 1 and `rows[r][0]` its column A;
/// rows are as long as their last non-empty cell, so read cells with the subscript.
public struct Sheet: Equatable, Sendable {
    public var name: String
    public var rows: [[CellValue]]
    /// Merged areas; only the top-left cell of each holds the value.
    public var merges: [CellRange]

    public init(name: String, rows: [[CellValue]], merges: [CellRange] = []) {
        self.name = name
        self.rows = rows
        self.merges = merges
    }

    /// The cell at a zero-based row and column, `.empty` outside the data.
    public subscript(row: Int, column: Int) -> CellValue {
        guard rows.indices.contains(row), rows[row].indices.contains(column) else { return .empty }
        return rows[row][column]
    }
}

/// A workbook as sheets of cells, read from `.xlsx` or `.csv`.
public struct Workbook: Equatable, Sendable {
    public var sheets: [Sheet]
    public var dateSystem: DateSystem

    public init(sheets: [Sheet], dateSystem: DateSystem = .from1900) {
        self.sheets = sheets
        self.dateSystem = dateSystem
    }

    /// Reads a spreadsheet file's bytes: an `.xlsx` workbook (recognised by its content, whatever
    /// the name) or CSV text (one sheet named after the file). Other spreadsheet formats (`.xls`,
    /// `.ods`, password-protected workbooks) are refused with what to do instead.
    public static func read(_ data: Data, fileName: String, limits: ReadLimits = .standard) throws(SpreadsheetError) -> Workbook {
        switch FileKind(data) {
        case .zip:
            var reader = try XLSXReader(data: data, limits: limits)
            return try reader.read()
        case .compoundDocument:
            throw SpreadsheetError("this is an Excel 97-2003 (.xls) workbook or a password-protected workbook; "
                + "open it in Excel or LibreOffice, remove any password and save it as .xlsx (or .csv)")
        case .text:
            let extensionName = (fileName as NSString).pathExtension.lowercased()
            if ["xlsx", "xlsm", "xls", "ods"].contains(extensionName) {
                throw SpreadsheetError("the file is not a workbook (it should be a ZIP archive of XML parts); it may be damaged or only partly copied")
            }
            let name = ((fileName as NSString).lastPathComponent as NSString).deletingPathExtension
            return Workbook(sheets: [try CSVSheet.read(data, name: name, limits: limits)])
        }
    }
}

/// How large a file may grow once decompressed, so a small hostile file cannot exhaust memory.
public struct ReadLimits: Sendable {
    /// Largest uncompressed size of one part of a workbook.
    public var partBytes: Int
    /// Largest uncompressed size of all parts read.
    public var totalBytes: Int
    /// Largest number of cell slots held for one sheet (rows × used columns).
    public var cells: Int

    public init(partBytes: Int, totalBytes: Int, cells: Int) {
        self.partBytes = partBytes
        self.totalBytes = totalBytes
        self.cells = cells
    }

    /// 64 MB a part, 256 MB in all, five million cells a sheet: far beyond any delivery plan.
    public static let standard = ReadLimits(partBytes: 64 << 20, totalBytes: 256 << 20, cells: 5_000_000)
}

/// Why a spreadsheet could not be read, in words for the person who gave the file.
public struct SpreadsheetError: Error, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// What a file is, from its first bytes.
enum FileKind {
    case zip, compoundDocument, text

    init(_ data: Data) {
        let head = [UInt8](data.prefix(8))
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            self = .zip
        } else if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            self = .compoundDocument
        } else {
            self = .text
        }
    }
}
