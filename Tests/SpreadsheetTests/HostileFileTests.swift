import Foundation
@testable import Spreadsheet
import Testing
import ZIPFoundation

/// A ZIP archive of the given parts, as a hostile or broken workbook would be built.
func zip(_ parts: [(String, Data)]) throws -> Data {
    let archive = try Archive(data: Data(), accessMode: .create)
    for (path, bytes) in parts {
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
            bytes.subdata(in: Int(position)..<Int(position) + size)
        }
    }
    return try #require(archive.data)
}

/// The parts of a minimal one-sheet workbook, with `sheet` as its worksheet XML.
func minimalWorkbook(sheet: String, extra: [(String, Data)] = []) -> [(String, Data)] {
    [("_rels/.rels", Data("""
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """.utf8)),
     ("xl/workbook.xml", Data("""
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
        <sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>
        """.utf8)),
     ("xl/_rels/workbook.xml.rels", Data("""
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
        """.utf8)),
     ("xl/worksheets/sheet1.xml", Data(sheet.utf8))] + extra
}

func sheetXML(_ rows: String) -> String {
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>\(rows)</sheetData></worksheet>"
}

/// Files built to hurt: each is refused with a message, or read without following the trick.
@Suite struct HostileFileTests {
    @Test func aZIPBombIsRefusedBeforeItIsDecompressed() throws {
        let huge = Data(count: 3 << 20)  // 3 MB of zeros: a few kB compressed
        let data = try zip(minimalWorkbook(sheet: sheetXML(""), extra: [("xl/sharedStrings.xml", huge)])
            .map { $0.0 == "xl/worksheets/sheet1.xml" ? ($0.0, huge) : $0 })
        #expect(data.count < 100_000)
        let limits = ReadLimits(partBytes: 1 << 20, totalBytes: 4 << 20, cells: 1000)
        #expect(throws: SpreadsheetError.self) { try Workbook.read(data, fileName: "bomb.xlsx", limits: limits) }
        do {
            _ = try Workbook.read(data, fileName: "bomb.xlsx", limits: limits)
        } catch {
            #expect(error.description.contains("xl/worksheets/sheet1.xml would be larger than dplan reads"))
        }
    }

    @Test func tooManyCellsAreRefused() throws {
        let row = (0..<50).map { "<c r=\"\(CellReference.letters(ofColumn: $0))1\"><v>1</v></c>" }.joined()
        let data = try zip(minimalWorkbook(sheet: sheetXML("<row r=\"1\">\(row)</row><row r=\"2\"><c r=\"XFD2\"><v>1</v></c></row>")))
        #expect(throws: SpreadsheetError("sheet \"S\" has more than 1000 cells; dplan does not read sheets that large")) {
            try Workbook.read(data, fileName: "wide.xlsx", limits: ReadLimits(partBytes: 1 << 20, totalBytes: 4 << 20, cells: 1000))
        }
    }

    @Test func entityDeclarationsAreNeverExpanded() throws {
        let laughs = """
            <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>
            """
        let data = try zip(minimalWorkbook(sheet: laughs))
        #expect(throws: SpreadsheetError("xl/worksheets/sheet1.xml declares a document type or entities, which workbooks never do; the file was not read")) {
            try Workbook.read(data, fileName: "laughs.xlsx")
        }
        let external = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + sheetXML("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&e;</t></is></c></row>")
        #expect(throws: SpreadsheetError.self) { try Workbook.read(try zip(minimalWorkbook(sheet: external)), fileName: "x.xlsx") }
    }

    @Test func relationshipsThatLeaveThePackageAreNotFollowed() throws {
        var parts = minimalWorkbook(sheet: sheetXML("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>inside</t></is></c></row>"))
        parts[2] = ("xl/_rels/workbook.xml.rels", Data("""
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="../../../etc/passwd"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="file:///etc/passwd" TargetMode="External"/>\
            </Relationships>
            """.utf8))
        parts.append(("../etc/passwd", Data("<worksheet/>".utf8)))
        #expect(throws: SpreadsheetError("the workbook has no worksheets")) { try Workbook.read(try zip(parts), fileName: "trick.xlsx") }
        #expect(XLSXArchive.resolve("worksheets/sheet1.xml", from: "xl/workbook.xml") == "xl/worksheets/sheet1.xml")
        #expect(XLSXArchive.resolve("/xl/worksheets/sheet1.xml", from: "xl/workbook.xml") == "xl/worksheets/sheet1.xml")
        #expect(XLSXArchive.resolve("../../etc/passwd", from: "xl/workbook.xml") == nil)
        #expect(XLSXArchive.resolve("C:\\evil.xml", from: "xl/workbook.xml") == nil)
    }

    @Test func otherFormatsAndDamagedFilesSayWhatToDo() throws {
        let xls = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(count: 512)
        #expect(throws: SpreadsheetError.self) { try Workbook.read(xls, fileName: "old.xls") }
        do { _ = try Workbook.read(xls, fileName: "old.xls") } catch { #expect(error.description.contains("save it as .xlsx")) }
        let ods = try zip([("mimetype", Data("application/vnd.oasis.opendocument.spreadsheet".utf8)), ("content.xml", Data("<x/>".utf8))])
        do { _ = try Workbook.read(ods, fileName: "plan.ods"); Issue.record("read an .ods") } catch {
            #expect(error.description.contains("OpenDocument (.ods)"))
        }
        let real = try fixture("council-tracker.xlsx")
        do { _ = try Workbook.read(real.prefix(real.count / 2), fileName: "cut.xlsx"); Issue.record("read half a file") } catch {
            #expect(error.description.contains("damaged"))
        }
        do { _ = try Workbook.read(Data("just text".utf8), fileName: "renamed.xlsx"); Issue.record("read text as xlsx") } catch {
            #expect(error.description.contains("not a workbook"))
        }
    }
}

/// Large but honest workbooks are read: workbook parts are written on one line, and libxml2
/// refuses more than 10 MB of one line when given it whole.
@Suite struct LargePartTests {
    @Test func aSheetPartOfMoreThanTenMegabytesOnOneLine() throws {
        let text = String(repeating: "knife crime prevention ", count: 3)
        let rows = (1...40_000).map { r in
            "<row r=\"\(r)\"><c r=\"A\(r)\" t=\"inlineStr\"><is><t>\(text)\(r)</t></is></c><c r=\"B\(r)\"><v>\(r)</v></c><c r=\"C\(r)\" t=\"inlineStr\"><is><t>\(text)</t></is></c></row>"
        }.joined()
        let xml = sheetXML(rows)
        #expect(xml.utf8.count > 10_500_000)
        let workbook = try Workbook.read(try zip(minimalWorkbook(sheet: xml)), fileName: "large.xlsx")
        #expect(workbook.sheets[0].rows.count == 40_000)
        #expect(workbook.sheets[0][39_999, 1] == .number(40_000))
    }
}
