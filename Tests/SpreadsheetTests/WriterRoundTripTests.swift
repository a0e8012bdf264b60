import Foundation
import Spreadsheet
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
