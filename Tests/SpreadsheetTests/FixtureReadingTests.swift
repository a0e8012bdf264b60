import Foundation
import Spreadsheet
import Testing

let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

func fixture(_ name: String) throws -> Data {
    try Data(contentsOf: fixtures.appendingPathComponent(name))
}

/// Workbooks LibreOffice wrote (scripts/make-xlsx-fixtures) read cell by cell.
@Suite struct FixtureReadingTests {
    @Test func councilTrackerWithTitleRowsMergesDatesFormulasAndRichText() throws {
        let workbook = try Workbook.read(try fixture("council-tracker.xlsx"), fileName: "council-tracker.xlsx")
        #expect(workbook.dateSystem == .from1900)
        let sheet = try #require(workbook.sheets.first)
        #expect(sheet.name == "Delivery plan")
        #expect(sheet[0, 0] == .text("Borough Serious Violence Duty Delivery Plan 2025-28"))
        #expect(sheet.rows[2].allSatisfy { $0.isBlank })
        #expect((0..<10).map { sheet[3, $0].text } == ["Ref", "Priority", "Action", "Lead Officer / Agency", "Supporting agencies",
                                                        "Target date", "RAG", "Progress Update Q2 25/26", "Key milestones", "Funding"])
        #expect(sheet[4, 5] == .date(CalendarDate(year: 2026, month: 3, day: 31)))
        #expect(sheet[4, 7] == .text("Delivered in 9 of 12 schools; the rest booked for spring"))
        #expect(sheet[4, 9] == .number(12000))
        #expect(sheet[5, 1] == .empty)  // covered by the merge
        #expect(sheet.merges.contains(CellRange(firstRow: 4, firstColumn: 1, lastRow: 6, lastColumn: 1)))
        #expect(sheet.merges.contains(CellRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 9)))
        #expect(sheet[11, 9] == .number(21500))  // =SUM(J5:J11), by its cached value
        #expect(sheet[12, 0].text.hasPrefix("Notes: RAG"))
    }

    @Test func everyKindOfCell() throws {
        let workbook = try Workbook.read(try fixture("cell-types.xlsx"), fileName: "cell-types.xlsx")
        #expect(workbook.sheets.map(\.name) == ["Read me", "Cells"])
        let cells = workbook.sheets[1]
        #expect(cells[1, 0] == .text("plain & <escaped>"))
        #expect(cells[1, 1] == .number(3.25))
        #expect(cells[1, 2] == .date(CalendarDate(year: 2026, month: 3, day: 31)))
        #expect(cells[1, 3] == .bool(true))
        #expect(cells[1, 4] == .number(6.5))
        #expect(cells[1, 5] == .text("bold part here"))
        #expect(cells[2, 0] == .text("  spaces kept  "))
        #expect(cells[2, 1] == .number(-7))
        #expect(cells[2, 2] == .date(CalendarDate(year: 1900, month: 3, day: 1)))
        #expect(cells[2, 3] == .bool(false))
        #expect(cells[2, 4] == .text("plain & <escaped>!"))
    }

    @Test func the1904DateSystem() throws {
        let workbook = try Workbook.read(try fixture("dates-1904.xlsx"), fileName: "dates-1904.xlsx")
        #expect(workbook.dateSystem == .from1904)
        #expect(workbook.sheets[0][1, 1] == .date(CalendarDate(year: 2026, month: 3, day: 31)))
        #expect(workbook.sheets[0][2, 1] == .date(CalendarDate(year: 2027, month: 1, day: 15)))
    }

    @Test func serialNumbersInBothSystems() {
        #expect(CalendarDate(serial: 1, system: .from1900) == CalendarDate(year: 1900, month: 1, day: 1))
        #expect(CalendarDate(serial: 59, system: .from1900) == CalendarDate(year: 1900, month: 2, day: 28))
        #expect(CalendarDate(serial: 61, system: .from1900) == CalendarDate(year: 1900, month: 3, day: 1))
        #expect(CalendarDate(serial: 46112, system: .from1900) == CalendarDate(year: 2026, month: 3, day: 31))
        #expect(CalendarDate(serial: 46112.5, system: .from1900) == CalendarDate(year: 2026, month: 3, day: 31, secondsOfDay: 43_200))
        #expect(CalendarDate(serial: 0, system: .from1904) == CalendarDate(year: 1904, month: 1, day: 1))
        #expect(CalendarDate(serial: 0, system: .from1900) == nil)
        #expect(CalendarDate(serial: .nan, system: .from1900) == nil)
        for serial in [1.0, 59, 61, 46112, 2_958_465] {
            #expect(CalendarDate(serial: serial, system: .from1900)?.serial(in: .from1900) == serial)
            #expect(CalendarDate(serial: serial, system: .from1904)?.serial(in: .from1904) == serial)
        }
    }

    @Test func csvIsOneSheetOfText() throws {
        let csv = "\u{FEFF}Title row,,\r\n\r\nAction,Lead,Due\r\n\"Knife, phase 1\",Police,31/03/2026\r\n"
        let workbook = try Workbook.read(Data(csv.utf8), fileName: "tracker.csv")
        #expect(workbook.sheets.map(\.name) == ["tracker"])
        #expect(workbook.sheets[0].rows == [[.text("Title row")], [], [.text("Action"), .text("Lead"), .text("Due")],
                                            [.text("Knife, phase 1"), .text("Police"), .text("31/03/2026")]])
        let latin1 = Data([0x41, 0x2C, 0xA3, 0x35, 0x0D, 0x0A])  // "A,£5" in Windows-1252
        #expect(try Workbook.read(latin1, fileName: "x.csv").sheets[0][0, 1] == .text("£5"))
    }
}
