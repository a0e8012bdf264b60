import Foundation
import Spreadsheet
import TestSupport
import Testing

/// Damaged input of every kind: both readers either read it or throw a `SpreadsheetError`;
/// they never crash, hang or throw anything else.
@Suite struct ReaderFuzzTests {
    static let rounds = 300

    func mutate(_ data: Data, _ random: inout SplitMix64, alphabet: [UInt8]) -> Data {
        var bytes = [UInt8](data)
        for _ in 0..<Int.random(in: 1...8, using: &random) {
            switch Int.random(in: 0..<4, using: &random) {
            case 0 where !bytes.isEmpty: bytes[Int.random(in: 0..<bytes.count, using: &random)] = alphabet.randomElement(using: &random)!
            case 1: bytes.insert(alphabet.randomElement(using: &random)!, at: Int.random(in: 0...bytes.count, using: &random))
            case 2 where !bytes.isEmpty: bytes.remove(at: Int.random(in: 0..<bytes.count, using: &random))
            default: bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))
            }
        }
        return Data(bytes)
    }

    /// How many rounds read and how many were refused.
    struct Tally { var read = 0, refused = 0 }

    /// Reads damaged bytes. A workbook read keeps within the cell limit; a refusal is one line of
    /// words for the person who gave the file, never a system error's boilerplate or a type dump.
    func readOrRefuse(_ data: Data, fileName: String, into tally: inout Tally) {
        let limits = ReadLimits(partBytes: 1 << 20, totalBytes: 4 << 20, cells: 100_000)
        do {
            let workbook = try Workbook.read(data, fileName: fileName, limits: limits)
            for sheet in workbook.sheets {
                #expect(sheet.rows.reduce(0) { $0 + $1.count } <= limits.cells, "sheet \(sheet.name) holds more cells than the limit")
            }
            tally.read += 1
        } catch {
            let message = error.description
            #expect(!message.contains("\n"), "a refusal on several lines: \(message)")
            for boilerplate in ["could not be completed", "Error Domain", "ErrorDomain", "Optional(", "Error("] {
                #expect(!message.contains(boilerplate), "a refusal with \"\(boilerplate)\" in it: \(message)")
            }
            tally.refused += 1
        }
    }

    @Test func csvReader() {
        var random = SplitMix64(state: 14)
        let seed = Data("Title\r\n\r\nRef,Action,Lead,\"Due, date\"\r\n1,\"Knife \"\"crime\"\"\",Police,31/03/2026\r\n".utf8)
        let alphabet = Array("\",\r\n;aZ0 \u{0}".utf8) + [0xA3, 0xC3, 0xFF, 0xEF, 0xBB, 0xBF]
        var tally = Tally()
        for _ in 0..<Self.rounds { readOrRefuse(mutate(seed, &random, alphabet: alphabet), fileName: "fuzz.csv", into: &tally) }
        #expect(tally.read > 0 && tally.refused > 0, "\(tally)")
    }

    @Test func xlsxContainer() throws {
        var random = SplitMix64(state: 1414)
        let seed = try fixture("council-tracker.xlsx")
        var tally = Tally()
        for _ in 0..<Self.rounds { readOrRefuse(mutate(seed, &random, alphabet: Array(0...255)), fileName: "fuzz.xlsx", into: &tally) }
        #expect(tally.read > 0 && tally.refused > 0, "\(tally)")
    }

    @Test func xlsxPartsInsideAValidContainer() throws {
        var random = SplitMix64(state: 141_414)
        let sheet = sheetXML("""
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>46112</v></c><c r="C1" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c></row>\
            <row r="3"><c r="A3" t="b"><v>1</v></c><c r="D3"><f>A1</f><v>2.5</v></c></row></sheetData><mergeCells><mergeCell ref="A1:A3"/></mergeCells><sheetData>
            """)
        let strings = Data("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>x</t></si></sst>".utf8)
        let alphabet = Array("<>/=\"&; :abcrtvsiAZ019#".utf8)
        var tally = Tally()
        for round in 0..<Self.rounds {
            let mutatedSheet = mutate(Data(sheet.utf8), &random, alphabet: alphabet)
            let mutatedStrings = round % 3 == 0 ? mutate(strings, &random, alphabet: alphabet) : strings
            var parts = minimalWorkbook(sheet: String(decoding: mutatedSheet, as: UTF8.self), extra: [("xl/sharedStrings.xml", mutatedStrings)])
            parts[2].1 = Data(String(decoding: parts[2].1, as: UTF8.self).replacingOccurrences(of: "</Relationships>", with:
                "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>").utf8)
            readOrRefuse(try zip(parts), fileName: "fuzz.xlsx", into: &tally)
        }
        #expect(tally.read > 0 && tally.refused > 0, "\(tally)")
    }
}
