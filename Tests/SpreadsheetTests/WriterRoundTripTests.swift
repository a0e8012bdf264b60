import Foundation
import Spreadsheet
import ZIPFoundation
import Testing

/// What the writer puts in a workbook, the reader gets back.
@Suite struct WriterRoundTripTests {
    @Test func valuesStylesAndNamesSurviveARoundTrip() throws {
        let values: [CellValue] = [.text("Ref & <id>"), .number(1.5), .date(CalendarDate(year: 2027, month: 3, day: 31)), .bool(true),
                                   .empty, .text("line one\nline two"), .number(-12000)]
        let sheet = SheetDraft(
            name: "Returns: Q3/2026 [draft]", columnWidths: [8, 40], rows: [values.map { StyledCell($0, style: CellStyle(bold: true, wrap: true, fill: "C00000", locked: false)) },
                                                                         [StyledCell(.text("only\u{1}visible"))]],
            frozenRows: 1, dropDowns: [DropDown(range: CellRange(reference: "G2:G9")!, values: ["R Red", "A Amber"])],
            highlights: [Highlight(range: CellRange(reference: "G2:G9")!, value: "R Red", fill: "C00000")], isProtected: true)
        let data = try XLSXWriter.write([sheet, SheetDraft(name: "Returns: Q3/2026 [draft]", rows: [])])
        let workbook = try Workbook.read(data, fileName: "out.xlsx")
        #expect(workbook.sheets.map(\.name) == ["Returns- Q3-2026 -draft-", "Returns- Q3-2026 -draft- (2)"])
        #expect((0..<values.count).map { workbook.sheets[0][0, $0] } == values)
        #expect(workbook.sheets[0][1, 0] == .text("onlyvisible"))
    }

    @Test func theSameSheetsGiveTheSameBytes() throws {
        let sheet = SheetDraft(name: "S", rows: [[StyledCell(.text("a")), StyledCell(.number(2))]])
        #expect(try XLSXWriter.write([sheet]) == (try XLSXWriter.write([sheet])))
    }
}

/// The tracker touches are in the parts Excel and LibreOffice read.
@Suite struct WriterFeatureTests {
    @Test func frozenHeaderDropDownHighlightsWidthsAndProtection() throws {
        let sheet = SheetDraft(
            name: "Actions", columnWidths: [9, 45],
            rows: [[StyledCell(.text("Ref"), style: CellStyle(bold: true)), StyledCell(.text("RAG"), style: CellStyle(bold: true))],
                   [StyledCell(.text("A1")), StyledCell(.text("R Red"), style: CellStyle(fill: "FF5B5B", locked: false))]],
            frozenRows: 1, dropDowns: [DropDown(range: CellRange(reference: "B2:B2")!, values: ["R Red", "G Green"])],
            highlights: [Highlight(range: CellRange(reference: "B2:B2")!, value: "R Red", fill: "FF5B5B")], isProtected: true)
        let archive = try Archive(data: try XLSXWriter.write([sheet]), accessMode: .read)
        func part(_ path: String) throws -> String {
            var data = Data()
            _ = try archive.extract(try #require(archive[path])) { data.append($0) }
            return String(decoding: data, as: UTF8.self)
        }
        let xml = try part("xl/worksheets/sheet1.xml")
        #expect(xml.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(xml.contains("<col min=\"2\" max=\"2\" width=\"45\" customWidth=\"1\"/>"))
        #expect(xml.contains("<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" sqref=\"B2:B2\"><formula1>&quot;R Red,G Green&quot;</formula1>"))
        #expect(xml.contains("<cfRule type=\"cellIs\" dxfId=\"0\" priority=\"1\" operator=\"equal\"><formula>&quot;R Red&quot;</formula>"))
        #expect(xml.contains("<sheetProtection sheet=\"1\""))
        let styles = try part("xl/styles.xml")
        #expect(styles.contains("<fgColor rgb=\"FFFF5B5B\"/>") && styles.contains("<protection locked=\"0\" hidden=\"0\"/>"))
        #expect(styles.contains("<dxf><fill><patternFill patternType=\"solid\"><bgColor rgb=\"FFFF5B5B\"/>"))
    }
}

/// Text that a spreadsheet would turn into a formula when its cell is edited (the CSV guard's
/// cases, controls first included) is kept text by a `quotePrefix` style, its value unchanged.
@Suite struct WriterFormulaGuardTests {
    @Test func textStartingLikeAFormulaIsStyledToStayText() throws {
        let risky = ["=HYPERLINK(\"http://x\",\"y\")", "\u{07}=1+1", "  @cmd", "-1+2", "+SUM(A1)", "\n=2"]
        let plain = ["Agree a plan - by March", "plain", "", "a=b"]
        let sheet = SheetDraft(name: "S", rows: (risky + plain).map { [StyledCell(.text($0))] })
        let data = try XLSXWriter.write([sheet])
        let archive = try Archive(data: data, accessMode: .read)
        func part(_ path: String) throws -> String {
            var bytes = Data()
            _ = try archive.extract(try #require(archive[path])) { bytes.append($0) }
            return String(decoding: bytes, as: UTF8.self)
        }
        let formats = try part("xl/styles.xml").components(separatedBy: "<cellXfs")[1].components(separatedBy: "<xf ").dropFirst()
        let quoted = Set(formats.indices.map { $0 - 1 }.filter { formats[$0 + 1].contains("quotePrefix=\"1\"") })
        let sheetXML = try part("xl/worksheets/sheet1.xml")
        for row in 1...(risky.count + plain.count) {
            let style = sheetXML.components(separatedBy: "<c r=\"A\(row)\" s=\"")[1].prefix { $0 != "\"" }
            #expect(quoted.contains(Int(style)!) == (row <= risky.count), "row \(row): style \(style), quoted \(quoted)")
        }
        let back = try Workbook.read(data, fileName: "out.xlsx")
        #expect(back.sheets[0][0, 0] == .text(risky[0]), "the value itself is unchanged")
        #expect(back.sheets[0][3, 0] == .text("-1+2"))
    }
}
