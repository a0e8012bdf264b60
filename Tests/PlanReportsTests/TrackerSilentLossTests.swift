import Foundation
import PlanModel
@testable import PlanReports
import PropertyBased
import Spreadsheet
import Testing

/// Tracker rows are read as the file means or refused with where they are: a quarter's own
/// columns, one row per action, no cell outside the header, no encoding guessed over a bad byte.
@Suite struct TrackerSilentLossTests {
    func returnsPlan() throws -> Plan {
        try importing("Ref,Action,Lead,RAG\nA1,Mentoring,Borough Council,Green\nA2,Lighting,Borough Council,Red\n",
                      options: .init(defaultGroup: .primary, quarter: Quarter("2026/27 Q1"))).plan
    }

    static let quarterly = "Ref,Action,RAG Q1,Progress Update Q1 26/27,Progress Update Q2 26/27,RAG Q2\r\nA1,x,G,Q1 words,Q2 words,A\r\n"

    @Test(arguments: [("2026/27 Q1", Status.green, "Q1 words"), ("2026/27 Q2", .amber, "Q2 words")])
    func eachQuartersColumnsAreReadForThatQuarter(quarter: String, status: Status, words: String) throws {
        let result = try importing(Self.quarterly, into: try returnsPlan(), options: .init(quarter: Quarter(quarter), update: true))
        #expect(result.problems.isEmpty)
        let review = try #require(result.plan.actions.first { $0.id == "A1" }?.review(for: Quarter(quarter)!))
        #expect(review.status == status && review.commentary == words)
        #expect(result.tables[0].columns.filter { [.status, .commentary].contains($0.field) }.allSatisfy { $0.header.contains(quarter.suffix(2)) })
    }

    @Test func withoutAQuarterSeveralQuartersColumnsAreRefused() throws {
        #expect(throws: TrackerImportError("tracker.csv: the sheet has status or progress columns for more than one quarter (C \"RAG Q1\", "
            + "D \"Progress Update Q1 26/27\", E \"Progress Update Q2 26/27\", F \"RAG Q2\"); give --quarter to say which quarter's columns to read")) {
            try importing(Self.quarterly, into: try returnsPlan(), options: .init(update: true))
        }
        #expect(throws: TrackerImportError.self) {
            try importing(Self.quarterly, into: try returnsPlan(), options: .init(quarter: Quarter("2026/27 Q3"), update: true))
        }
    }

    @Test func aSecondRowForAnActionIsAProblemAndTheFirstIsNamed() throws {
        let result = try importing("Ref,Action,RAG\nA1,Mentoring,Green\nA2,Lighting,Red\nA1,Mentoring,Amber\n", into: try returnsPlan(),
                                   options: .init(quarter: Quarter("2026/27 Q3"), update: true))
        #expect(result.problems.map(\.row) == [4])
        #expect(result.problems.first?.kind == .problem(["column A \"Ref\": a second row for A1 (the first is tracker.csv, row 2); give each action one row"]))
    }

    @Test func aCellWithNoHeaderIsAProblemNotDropped() throws {
        let result = try importing("Ref,Action,,RAG\nA1,Mentoring,stray words,Green,more\n", into: try returnsPlan(),
                                   options: .init(quarter: Quarter("2026/27 Q3"), update: true))
        #expect(result.problems.first?.kind == .problem([
            "column C: \"stray words\" has no header above it, so it would be lost (in a CSV file an unquoted comma splits a cell: put the cell in quotes)",
            "column E: \"more\" has no header above it, so it would be lost (in a CSV file an unquoted comma splits a cell: put the cell in quotes)",
        ]))
        #expect(result.plan.actions.first { $0.id == "A1" }?.review(for: Quarter("2026/27 Q3")!) == nil)
    }

    /// Any UTF-8 sheet with one byte that is not UTF-8 put in any cell is refused at that cell.
    @Test func aStrayByteInAUTF8FileIsRefusedAtItsCell() async {
        let texts = ["plain", "£12,000", "a – b", "quoted \"\"x\"\"", "line\nbreak", "Café"]
        let grid = Gen.int(in: 0...(texts.count - 1)).array(of: 1...4).array(of: 1...5)
        await propertyCheck(count: 100, input: grid, Gen.int(in: 0...1000), Gen.int(in: 0...1000)) { grid, r, c in
            let rows = grid.map { $0.map { "\"\(texts[$0])\"" } }
            let row = r % rows.count, column = c % rows[row].count
            var bytes = Array("\"£\"\r\n".utf8)  // at least one UTF-8 character, in a header cell
            for (i, cells) in rows.enumerated() {
                for (j, cell) in cells.enumerated() {
                    if j > 0 { bytes += Array(",".utf8) }
                    var cellBytes = Array(cell.utf8)
                    if i == row && j == column { cellBytes.insert(0x96, at: 1) }
                    bytes += cellBytes
                }
                bytes += Array("\r\n".utf8)
            }
            let expected = "row \(row + 2), column \(CellReference.letters(ofColumn: column)): byte 96 is not UTF-8"
            #expect {
                try Workbook.read(Data(bytes), fileName: "t.csv")
            } throws: { ($0 as? SpreadsheetError)?.description.hasPrefix(expected) == true }
        }
    }
}
