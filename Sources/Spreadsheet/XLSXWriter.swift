import Foundation
import ZIPFoundation

/// Writes sheets as an `.xlsx` workbook that Excel and LibreOffice open: inline strings, dates as
/// serial numbers with a `yyyy-mm-dd` format, styles, frozen panes, drop-downs, conditional fills,
/// sheet protection.
public enum XLSXWriter {
    public static func write(_ sheets: [SheetDraft]) throws(SpreadsheetError) -> Data {
        var styles = StyleTable()
        var sheetParts: [String] = []
        for sheet in sheets { sheetParts.append(worksheet(sheet, styles: &styles)) }
        let names = uniqueNames(sheets.map(\.name))

        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", """
                \(header)<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                </Relationships>
                """),
            ("xl/workbook.xml", """
                \(header)<workbook xmlns="\(mainNS)" xmlns:r="\(relNS)"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>\
                \(names.enumerated().map { "<sheet name=\"\(escape($1))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined())\
                </sheets></workbook>
                """),
            ("xl/_rels/workbook.xml.rels", """
                \(header)<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                \(sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(relNS)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined())\
                <Relationship Id="rId\(sheets.count + 1)" Type="\(relNS)/styles" Target="styles.xml"/>\
                </Relationships>
                """),
            ("xl/styles.xml", styles.xml()),
        ]
        for (index, part) in sheetParts.enumerated() { parts.append(("xl/worksheets/sheet\(index + 1).xml", part)) }

        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            let date = Date(timeIntervalSince1970: 1_735_689_600)  // fixed, so the same sheets give the same bytes
            for (path, text) in parts {
                let bytes = Data(text.utf8)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: date,
                                     compressionMethod: .deflate) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw SpreadsheetError("the workbook could not be assembled") }
            return data
        } catch let error as SpreadsheetError {
            throw error
        } catch {
            throw SpreadsheetError("the workbook could not be assembled: \(error)")
        }
    }

    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private static func contentTypes(sheetCount: Int) -> String {
        let sheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
        return header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + (1...max(sheetCount, 1)).prefix(sheetCount).map { "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"\(sheet)\"/>" }.joined()
            + "</Types>"
    }

    /// Sheet names as spreadsheets allow them: 31 characters, no `[]:*?/\`, unique, not blank.
    static func uniqueNames(_ names: [String]) -> [String] {
        var used = Set<String>()
        return names.enumerated().map { index, name in
            var base = String(name.map { "[]:*?/\\".contains($0) ? "-" : $0 }.prefix(31)).trimmingCharacters(in: .whitespaces)
            if base.isEmpty { base = "Sheet\(index + 1)" }
            var candidate = base, n = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(n))"
                candidate = String(base.prefix(31 - suffix.count)) + suffix
                n += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    /// A sheet's XML, its parts in the order the schema requires; printed on A4, as wide as the page.
    private static func worksheet(_ sheet: SheetDraft, styles: inout StyleTable) -> String {
        var xml = header + "<worksheet xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\"><sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        xml += "<sheetViews><sheetView workbookViewId=\"0\">"
        if sheet.frozenRows > 0 {
            xml += "<pane ySplit=\"\(sheet.frozenRows)\" topLeftCell=\"A\(sheet.frozenRows + 1)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        }
        xml += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"\(CellValue.format(RowHeight.line))\"/>"
        if !sheet.columnWidths.isEmpty {
            xml += "<cols>"
            for (index, width) in sheet.columnWidths.enumerated() {
                xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(CellValue.format(width))\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        for (r, row) in sheet.rows.enumerated() {
            let height = RowHeight.fitting(row: r, of: sheet).map { " ht=\"\(CellValue.format($0))\" customHeight=\"1\"" } ?? ""
            xml += "<row r=\"\(r + 1)\"\(height)>"
            for (c, cell) in row.enumerated() { xml += cellXML(cell, at: CellReference.letters(ofColumn: c) + String(r + 1), styles: &styles) }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if sheet.isProtected {
            xml += "<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" formatColumns=\"0\" formatRows=\"0\" autoFilter=\"0\" sort=\"0\"/>"
        }
        if !sheet.merges.isEmpty {
            xml += "<mergeCells count=\"\(sheet.merges.count)\">" + sheet.merges.map { "<mergeCell ref=\"\(reference($0))\"/>" }.joined() + "</mergeCells>"
        }
        xml += validationsXML(sheet, styles: &styles)
        xml += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
        xml += "<pageSetup paperSize=\"9\" orientation=\"\(sheet.landscape ? "landscape" : "portrait")\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        return xml + "</worksheet>"
    }

    /// One cell (nothing for an empty cell in the default style).
    private static func cellXML(_ cell: StyledCell, at reference: String, styles: inout StyleTable) -> String {
        let s = styles.index(of: cell.style, date: { if case .date = cell.value { true } else { false } }(),
                             formulaLike: { if case .text(let text) = cell.value { looksLikeFormula(text) } else { false } }())
        switch cell.value {
        case .empty:
            return s != 0 ? "<c r=\"\(reference)\" s=\"\(s)\"/>" : ""
        case .text(let text):
            return "<c r=\"\(reference)\" s=\"\(s)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(text))</t></is></c>"
        case .number(let number):
            return "<c r=\"\(reference)\" s=\"\(s)\"><v>\(number.isFinite ? CellValue.format(number) : "0")</v></c>"
        case .date(let date):
            return "<c r=\"\(reference)\" s=\"\(s)\"><v>\(CellValue.format(date.serial(in: .from1900)))</v></c>"
        case .bool(let value):
            return "<c r=\"\(reference)\" s=\"\(s)\" t=\"b\"><v>\(value ? 1 : 0)</v></c>"
        case .error(let code):
            return "<c r=\"\(reference)\" s=\"\(s)\" t=\"inlineStr\"><is><t>\(escape(code))</t></is></c>"
        }
    }

    /// Conditional fills and drop-downs.
    private static func validationsXML(_ sheet: SheetDraft, styles: inout StyleTable) -> String {
        var xml = ""
        for (index, highlight) in sheet.highlights.enumerated() {
            let dxf = styles.highlight(highlight.fill)
            xml += "<conditionalFormatting sqref=\"\(reference(highlight.range))\"><cfRule type=\"cellIs\" dxfId=\"\(dxf)\" priority=\"\(index + 1)\" operator=\"equal\">"
                + "<formula>\(escape(quoted(highlight.value)))</formula></cfRule></conditionalFormatting>"
        }
        if !sheet.dropDowns.isEmpty {
            xml += "<dataValidations count=\"\(sheet.dropDowns.count)\">"
            for dropDown in sheet.dropDowns {
                xml += "<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" sqref=\"\(reference(dropDown.range))\">"
                    + "<formula1>\(escape(quoted(dropDown.values.joined(separator: ","))))</formula1></dataValidation>"
            }
            xml += "</dataValidations>"
        }
        return xml
    }

    private static func reference(_ range: CellRange) -> String {
        CellReference(row: range.firstRow, column: range.firstColumn).description + ":"
            + CellReference(row: range.lastRow, column: range.lastColumn).description
    }

    private static func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// Text a spreadsheet would take for a formula once someone edits its cell: starting with
    /// `=`, `+`, `-` or `@` as written out (controls dropped, leading spaces and breaks skipped).
    /// Such cells get a style with `quotePrefix`, which keeps them text in Excel and LibreOffice
    /// without changing the value (a return read back gets the same words).
    static func looksLikeFormula(_ text: String) -> Bool {
        guard let first = escape(text).unicodeScalars.first(where: { !" \t\n\r".unicodeScalars.contains($0) }) else { return false }
        return "=+-@".unicodeScalars.contains(first)
    }

    /// Text safe inside XML 1.0 markup: the five special characters escaped, characters XML
    /// cannot hold (controls other than tab, LF, CR) dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// The styles part: one cell format per distinct style (and date-ness) used, and one
/// differential format per highlight colour.
struct StyleTable {
    private var formats: [Key] = [Key(style: CellStyle(locked: true), date: false, formulaLike: false)]
    private var indexes: [Key: Int] = [Key(style: CellStyle(locked: true), date: false, formulaLike: false): 0]
    private var fills: [String] = []
    private var highlights: [String] = []

    private struct Key: Hashable {
        var style: CellStyle
        var date: Bool
        /// Text that starts like a formula: shown and kept as text (`quotePrefix`).
        var formulaLike: Bool
    }

    mutating func index(of style: CellStyle, date: Bool, formulaLike: Bool = false) -> Int {
        let key = Key(style: style, date: date, formulaLike: formulaLike)
        if let index = indexes[key] { return index }
        if let fill = style.fill, !fills.contains(fill) { fills.append(fill) }
        formats.append(key)
        indexes[key] = formats.count - 1
        return formats.count - 1
    }

    mutating func highlight(_ fill: String) -> Int {
        if let index = highlights.firstIndex(of: fill) { return index }
        highlights.append(fill)
        return highlights.count - 1
    }

    func xml() -> String {
        var xml = XLSXWriter.header + "<styleSheet xmlns=\"\(XLSXWriter.mainNS)\">"
        xml += "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/></numFmts>"
        xml += "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        xml += "<fills count=\"\(fills.count + 2)\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        for fill in fills { xml += "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF\(fill)\"/><bgColor indexed=\"64\"/></patternFill></fill>" }
        xml += "</fills><borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        xml += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        xml += "<cellXfs count=\"\(formats.count)\">"
        for key in formats {
            let fillID = key.style.fill.flatMap { fills.firstIndex(of: $0) }.map { $0 + 2 } ?? 0
            xml += "<xf numFmtId=\"\(key.date ? 164 : 0)\" fontId=\"\(key.style.bold ? 1 : 0)\" fillId=\"\(fillID)\" borderId=\"0\" xfId=\"0\""
                + (key.date ? " applyNumberFormat=\"1\"" : "") + (key.style.bold ? " applyFont=\"1\"" : "")
                + (fillID != 0 ? " applyFill=\"1\"" : "") + (key.formulaLike ? " quotePrefix=\"1\"" : "") + " applyAlignment=\"1\" applyProtection=\"1\">"
                + "<alignment vertical=\"top\"\(key.style.wrap ? " wrapText=\"1\"" : "")/>"
                + "<protection locked=\"\(key.style.locked ? 1 : 0)\" hidden=\"0\"/></xf>"
        }
        xml += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        xml += "<dxfs count=\"\(highlights.count)\">"
        for fill in highlights { xml += "<dxf><fill><patternFill patternType=\"solid\"><bgColor rgb=\"FF\(fill)\"/></patternFill></fill></dxf>" }
        return xml + "</dxfs></styleSheet>"
    }
}
