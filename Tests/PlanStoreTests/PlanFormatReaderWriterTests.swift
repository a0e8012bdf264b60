import Foundation
import PlanModel
@testable import PlanStore
import Testing

/// The hand-written reader and writer against the format Foundation's `JSONEncoder` produced
/// before them: `Fixtures/edge-cases.json` was written by that encoder from
/// `Fixtures/edge-cases-input.json` (compact, `\u` escapes, a byte-order mark, an escaped key),
/// and holds control characters, quotes, non-ASCII text, decimals and every optional field.
@Suite struct PlanFormatReaderWriterTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: Self.fixtures.appendingPathComponent(name))
    }

    func decode(_ text: String) throws(PlanFileError) -> Plan {
        try PlanCoding.decode(Data(text.utf8), file: "p.json")
    }

    /// A minimal valid plan's text with `actions` spliced in.
    func planText(actions: String = "[]", extra: String = "") -> String {
        """
        {"schemaVersion": 1, "id": "p", "title": "T", "partnership": "CSP",
         "period": {"start": "2025-04-01", "end": "2026-03-31"}, "owners": [{"id": "o", "name": "O"}],
         \(extra)"actions": \(actions)}
        """
    }

    @Test func edgeCasesRoundTripByteForByte() throws {
        let canonical = try fixture("edge-cases.json")
        let plan = try PlanCoding.decode(canonical, file: "edge-cases.json")
        #expect(PlanCoding.encode(plan) == canonical)
        #expect(plan.actions[0].commentary.hasPrefix("ctl:\u{1}\u{1F}\u{8}\u{C}\t\r\n quote:\" back:\\ slash:/ del:\u{7F} é € 😀"))
        #expect(plan.actions[1].funding?.amount == Decimal(string: "1234.5"))
        #expect(plan.actions[1].changeLog?.first?.by == "Jo \"Smith\"")
        #expect(plan.quarters[0].reopenings?.first?.reason == "late update")
        #expect(plan.removedActions.map(\.id) == ["PRI-99"])
    }

    @Test func nonCanonicalInputReadsToTheSamePlan() throws {
        let input = try PlanCoding.decode(try fixture("edge-cases-input.json"), file: "edge-cases-input.json")
        let canonical = try PlanCoding.decode(try fixture("edge-cases.json"), file: "edge-cases.json")
        #expect(input == canonical)
        #expect(PlanCoding.encode(input) == (try fixture("edge-cases.json")))
    }

    @Test func everyASCIICharacterIsEscapedAsJSONEncoderDid() throws {
        var plan = try decode(planText())
        plan.title = String(decoding: (0..<0x80).map { UInt8($0) }, as: UTF8.self)
        let text = String(decoding: PlanCoding.encode(plan), as: UTF8.self)
        let expected = ##""title" : "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"##
            + "\u{7F}\""
        #expect(text.contains(expected))
        #expect(try PlanCoding.decode(PlanCoding.encode(plan), file: "x") == plan)
    }

    @Test func mapKeysAreSortedByteWise() throws {
        var plan = try decode(planText())
        plan.ragDefinitions = ["b": "1", "B": "2", "a10": "3", "a9": "4", "_z": "5", "é": "6", "a-b": "7"]
        let lines = String(decoding: PlanCoding.encode(plan), as: UTF8.self).split(separator: "\n")
        let start = try #require(lines.firstIndex { $0.contains("\"ragDefinitions\"") })
        let keys = lines[(start + 1)...].prefix(7).map { $0.split(separator: "\"")[1] }
        #expect(keys == ["B", "_z", "a-b", "a10", "a9", "b", "é"])
    }

    @Test func randomTextSurvivesARoundTrip() throws {
        var state: UInt64 = 2026
        func next(_ bound: UInt32) -> UInt32 {
            state = state &* 6_364_136_223_846_793_005 &+ 1
            return UInt32(truncatingIfNeeded: state >> 33) % bound
        }
        var plan = try decode(planText())
        for _ in 0..<200 {
            var text = ""
            for _ in 0..<Int(next(40)) {
                let ranges: [ClosedRange<UInt32>] = [0...0x7F, 0x80...0x7FF, 0x800...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF]
                let range = ranges[Int(next(UInt32(ranges.count)))]
                text.unicodeScalars.append(Unicode.Scalar(range.lowerBound + next(range.upperBound - range.lowerBound + 1))!)
            }
            plan.description = text
            let decoded = try PlanCoding.decode(PlanCoding.encode(plan), file: "x")
            #expect(decoded.description.unicodeScalars.elementsEqual(text.unicodeScalars))
        }
    }

    @Test func optionalFieldsMayBeNullAndUnknownFieldsAreSkipped() throws {
        let plan = try decode(planText(
            actions: #"[{"id": "A-1", "group": "primary", "title": "t", "owner": "o", "status": "red", "due": null, "funding": null, "future": {"x": [1, 2, {"y": null}]}, "reviews": null}]"#,
            extra: #""description": null, "financialYearStartMonth": 4.0, "somethingNew": true, "#))
        #expect(plan.actions[0].due == nil)
        #expect(plan.actions[0].reviews.isEmpty)
        #expect(plan.description == "")
        #expect(plan.financialYearStartMonth == 4)
    }

    @Test func contentErrorsGiveLineColumnAndPath() throws {
        let nullTitle = planText(actions: "[\n  {\"id\": \"A-1\", \"group\": \"primary\", \"title\": null, \"owner\": \"o\", \"status\": \"red\"}]")
        #expect(throws: PlanFileError(file: "p.json", line: 4, column: 46, path: "actions[0].title", message: "expected text (a string), found null")) {
            try decode(nullTitle)
        }
        let missingBy = planText(actions: #"[{"id": "A-1", "group": "primary", "title": "t", "owner": "o", "status": "red", "reviews": [{"quarter": "2025/26 Q1", "status": "red", "commentary": "", "on": "2025-06-30T00:00:00Z"}]}]"#)
        let error = try #require(throws: PlanFileError.self) { try decode(missingBy) }
        #expect(error.path == "actions[0].reviews[0].by")
        #expect(error.message == "missing required field")
        #expect(error.line == 3)
        let fraction = try #require(throws: PlanFileError.self) { try decode(planText(extra: #""financialYearStartMonth": 4.5, "#)) }
        #expect(fraction.path == "financialYearStartMonth")
        #expect(fraction.message == "expected a whole number, found 4.5")
        let version = try #require(throws: PlanFileError.self) { try decode(planText().replacingOccurrences(of: #""schemaVersion": 1"#, with: #""schemaVersion": 1.5"#)) }
        #expect(version.description == "p.json:1:19: schemaVersion: expected a whole number, found 1.5")
        let notAPlan = try #require(throws: PlanFileError.self) { try decode("[1, 2]") }
        #expect(notAPlan.path == "(top level)")
        #expect(notAPlan.message == "expected the plan (an object), found a list")
        let badQuarter = try #require(throws: PlanFileError.self) {
            try decode(planText(extra: #""quarters": [{"quarter": "2025/27 Q1", "state": "open"}], "#))
        }
        #expect(badQuarter.path == "quarters[0].quarter")
        #expect(badQuarter.message == "expected a quarter such as \"2025/26 Q2\", found \"2025/27 Q1\"")
    }

    @Test func badEscapesAreSyntaxErrors() throws {
        let lone = try #require(throws: PlanFileError.self) { try decode(planText(extra: #""description": "\udc00", "#)) }
        #expect(lone.message == "invalid JSON: expected a high surrogate before a low surrogate")
        #expect(lone.line == 3)
        let pair = try decode(planText(extra: #""description": "\ud83d\ude00 \u00e9", "#))
        #expect(pair.description == "😀 é")
        let trailing = try #require(throws: PlanFileError.self) { try decode(planText() + " x") }
        #expect(trailing.message == "invalid JSON: expected end of file after the top-level value")
    }
}

@Suite struct UnknownFieldTests {
    @Test func unknownFieldsAreListedWithLineColumnAndPath() throws {
        let text = """
        {"schemaVersion": 1, "id": "p", "title": "T", "partnership": "CSP", "x-colour": "teal",
         "period": {"start": "2025-04-01", "end": "2026-03-31", "note": null}, "owners": [{"id": "o", "name": "O"}],
         "actions": [{"id": "A-1", "group": "primary", "title": "t", "owner": "o", "status": "red",
                      "reviews": [{"quarter": "2025/26 Q1", "status": "red", "commentary": "", "by": "b", "on": "2025-06-30T00:00:00Z", "mood": 3}]}]}
        """
        var unknown: [PlanFileError] = []
        let plan = try PlanCoding.decode(Data(text.utf8), file: "p.json", unknownFields: &unknown)
        #expect(plan.actions.count == 1)
        #expect(unknown.map(\.path) == ["x-colour", "period.note", "actions[0].reviews[0].mood"])
        #expect(unknown.map(\.line) == [1, 2, 4])
        #expect(unknown[0].description == "p.json:1:81: x-colour: unknown field; dplan does not keep it when it saves the plan")
        var none: [PlanFileError] = []
        _ = try PlanCoding.decode(PlanCoding.encode(plan), file: "p.json", unknownFields: &none)
        #expect(none.isEmpty)
    }
}

extension UnknownFieldTests {
    @Test func everyUnknownFieldIsLocatedInOneFile() throws {
        var plan = try PlanCoding.decode(Data(planWithOneAction.utf8), file: "p.json")
        plan.actions = (0..<500).map { Action(id: "A-\($0)", group: .primary, title: "Action \($0)", owner: "o") }
        let text = String(decoding: PlanCoding.encode(plan), as: UTF8.self)
            .replacingOccurrences(of: "      \"commentary\" : ", with: "      \"notes\" : \"x\",\n      \"commentary\" : ")
        var unknown: [PlanFileError] = []
        _ = try PlanCoding.decode(Data(text.utf8), file: "p.json", unknownFields: &unknown)
        #expect(unknown.map(\.path) == (0..<500).map { "actions[\($0)].notes" })
        #expect(unknown.compactMap(\.line) == unknown.compactMap(\.line).sorted() && Set(unknown.compactMap(\.line)).count == 500)
        #expect(unknown.allSatisfy { $0.column == 17 })  // the value after `      "notes" : `
    }

    var planWithOneAction: String {
        """
        {"schemaVersion": 1, "id": "p", "title": "T", "partnership": "CSP",
         "period": {"start": "2025-04-01", "end": "2026-03-31"}, "owners": [{"id": "o", "name": "O"}], "actions": []}
        """
    }
}
