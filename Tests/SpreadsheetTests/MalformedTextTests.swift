import Foundation
@testable import Spreadsheet
import Testing

/// Issue 23, item 5: malformed text files fail loudly, never silently losing rows or text.
@Suite struct MalformedTextTests {
    @Test func aCSVWithAnUnbalancedQuoteIsRefusedNamingWhereTheFieldBegan() throws {
        let csv = "Ref,Progress update\nA1,\"Started\nA2,\"Stalled, says \"\"who\"\"\nA3,Done\n"
        #expect(throws: SpreadsheetError("row 2, column B (line 2): a quoted field starts there and its closing quote is missing, "
            + "so every later row would run into it; nothing was read")) {
            try Workbook.read(Data("Ref,Progress update\nA1,\"Started\nA2,Stalled\nA3,Done\n".utf8), fileName: "r.csv")
        }
        // A quote closing the field early, then more text: refused too (the reader would drop a letter).
        #expect(throws: SpreadsheetError("row 2, column B (line 3): text follows the closing quote of a quoted field "
            + "(a quote inside one is written twice: \"\"); nothing was read")) {
            try Workbook.read(Data(csv.utf8), fileName: "r.csv")
        }
        // Quoted fields with line breaks, commas and doubled quotes are read as they are.
        let good = "Ref,Progress update\r\nA1,\"Started\r\n- two\",x\r\nA2,\"a, \"\"b\"\"\"\r\nA3,ab\"c\r\n"
        let rows = try Workbook.read(Data(good.utf8), fileName: "g.csv").sheets[0].rows.map { $0.map(\.text) }
        #expect(rows == [["Ref", "Progress update"], ["A1", "Started\r\n- two", "x"], ["A2", "a, \"b\""], ["A3", "ab\"c"]])
    }

    @Test func aUTF16PartWithADocumentTypeIsRefused() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE x [<!ENTITY e \"gone\">]>"
            + sheetXML("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>before &e; after</t></is></c></row>")
        for encoding in [String.Encoding.utf16LittleEndian, .utf16BigEndian, .utf16] {
            let part = try #require(xml.data(using: encoding))
            #expect(XMLEvents.declaresDocumentType(part), "\(encoding)")
            let data = try zip(minimalWorkbook(sheet: "").map { $0.0 == "xl/worksheets/sheet1.xml" ? ($0.0, part) : $0 })
            #expect(throws: SpreadsheetError("xl/worksheets/sheet1.xml declares a document type or entities, which workbooks never do; the file was not read")) {
                try Workbook.read(data, fileName: "u16.xlsx")
            }
        }
        #expect(!XMLEvents.declaresDocumentType(try #require(sheetXML("").data(using: .utf16LittleEndian))))
    }
}
