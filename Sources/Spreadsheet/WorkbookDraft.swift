/// A workbook to write: sheets of styled cells with the touches a tracker needs (column widths,
/// a frozen header, drop-down lists, colours that follow a cell's value, protection).
public struct SheetDraft: Sendable {
    /// At most 31 characters; `[]:*?/\` are replaced when written.
    public var name: String
    public var columnWidths: [Double]
    public var rows: [[StyledCell]]
    /// Rows kept in view when scrolling (1 freezes a header row).
    public var frozenRows: Int
    public var dropDowns: [DropDown]
    public var highlights: [Highlight]
    /// Cells whose style is locked cannot be edited (no password: this prevents accidents only).
    public var isProtected: Bool
    /// Cells shown as one (the top-left cell holds the value).
    public var merges: [CellRange] = []
    /// Printed on A4 landscape rather than portrait (always scaled to the page's width).
    public var landscape = false

    public init(name: String, columnWidths: [Double] = [], rows: [[StyledCell]], frozenRows: Int = 0,
                dropDowns: [DropDown] = [], highlights: [Highlight] = [], isProtected: Bool = false) {
        self.name = name
        self.columnWidths = columnWidths
        self.rows = rows
        self.frozenRows = frozenRows
        self.dropDowns = dropDowns
        self.highlights = highlights
        self.isProtected = isProtected
    }
}

/// A value and how it looks.
public struct StyledCell: Sendable {
    public var value: CellValue
    public var style: CellStyle

    public init(_ value: CellValue, style: CellStyle = CellStyle()) {
        self.value = value
        self.style = style
    }
}

/// How a cell looks and whether it may be edited on a protected sheet.
public struct CellStyle: Hashable, Sendable {
    public var bold: Bool
    public var wrap: Bool
    /// Background colour as six hex digits (`"C00000"`), or nil.
    public var fill: String?
    public var locked: Bool

    public init(bold: Bool = false, wrap: Bool = false, fill: String? = nil, locked: Bool = true) {
        self.bold = bold
        self.wrap = wrap
        self.fill = fill
        self.locked = locked
    }
}

/// A list of allowed values offered as a drop-down in a rectangle of cells.
public struct DropDown: Sendable {
    public var range: CellRange
    public var values: [String]

    public init(range: CellRange, values: [String]) {
        self.range = range
        self.values = values
    }
}

/// Cells in `range` get the `fill` colour while they hold exactly `value` (conditional formatting,
/// so the colour follows a value chosen from a drop-down).
public struct Highlight: Sendable {
    public var range: CellRange
    public var value: String
    public var fill: String

    public init(range: CellRange, value: String, fill: String) {
        self.range = range
        self.value = value
        self.fill = fill
    }
}
