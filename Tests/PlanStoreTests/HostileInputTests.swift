import Foundation
import PlanModel
import PlanStore
import Testing

/// Bad and hostile files: each gets a clear error (or loads), never a crash.
@Suite struct HostileInputTests {
    /// Seeded mutations of the sample plans (byte flips, deletions, insertions of JSON
    /// punctuation, truncations): decoding must return a plan or a PlanFileError that gives the
    /// line and column, and a plan that loads must be written back and read back unchanged. Runs
    /// `DPLAN_FUZZ_ITERATIONS` rounds (300 by default; scripts/fuzz runs many more).
    @Test func mutatedPlansNeverCrashTheLoader() throws {
        let iterations = Int(ProcessInfo.processInfo.environment["DPLAN_FUZZ_ITERATIONS"] ?? "") ?? 300
        let seeds = try samplePlanPaths().map { [UInt8](try Data(contentsOf: URL(fileURLWithPath: $0))) }
        var state: UInt64 = 0xD1A9_2026
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(max(1, bound)))
        }
        let tokens: [[UInt8]] = ["{", "}", "[", "]", ",", ":", "\"", "\\", "null", "-", "1e999", "\u{1B}[2J", "\u{FEFF}", "\u{0}"].map { Array($0.utf8) }
            + [[0xFF], [0xC3], [0xED, 0xA0, 0x80]]
        var loaded = 0, refused = 0
        for round in 0..<iterations {
            var bytes = seeds[round % seeds.count]
            for _ in 0..<(1 + next(8)) {
                switch next(4) {
                case 0: bytes[next(bytes.count)] = UInt8(next(256))
                case 1:
                    let start = next(bytes.count)
                    bytes.removeSubrange(start..<min(bytes.count, start + 1 + next(64)))
                case 2: bytes.insert(contentsOf: tokens[next(tokens.count)], at: next(bytes.count))
                default: bytes = Array(bytes.prefix(next(bytes.count)))
                }
                if bytes.isEmpty { bytes = [UInt8(ascii: "{")] }
            }
            do {
                let plan = try PlanCoding.decode(Data(bytes), file: "fuzz.json")
                _ = plan.validate()
                // Whatever loads is written back in canonical form and reads back the same.
                let canonical = PlanCoding.encode(plan)
                #expect(try PlanCoding.decode(canonical, file: "canonical.json") == plan)
                #expect(PlanCoding.encode(try PlanCoding.decode(canonical, file: "canonical.json")) == canonical)
                loaded += 1
            } catch {
                // A refusal says where: this file, and a line and column inside it.
                let lines = bytes.count { $0 == UInt8(ascii: "\n") } + 1
                #expect(error.file == "fuzz.json", "round \(round): \(error)")
                #expect(error.line.map { (1...lines).contains($0) } == true, "round \(round): no line in the file: \(error)")
                #expect(error.column.map { $0 >= 1 } == true, "round \(round): no column: \(error)")
                refused += 1
            }
        }
        // The mutations are mild enough that some plans still load, and harsh enough that some do not.
        #expect(loaded > 0)
        #expect(refused > 0)
    }

    @Test func deepNestingIsRefusedWithALocation() throws {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: PlanFileError.self) { try PlanCoding.decode(Data(text.utf8), file: "deep.json") }
        do { _ = try PlanCoding.decode(Data(text.utf8), file: "deep.json") } catch {
            #expect(error.description.hasPrefix("deep.json:1:"))
        }
    }

    /// A field written twice (a hand edit, a bad merge by another tool) once loaded with the
    /// last value and lost the other on the next save: now refused where the second one is, also
    /// when it is spelt with escapes, in a plan's own fields and in a review's.
    @Test(arguments: [("\"title\"", "title"), ("\"ti\\u0074le\"", "title"), ("\"commentary\"", "commentary")])
    func aFieldWrittenTwiceIsRefusedWithItsPlace(spelling: String, field: String) throws {
        let sample = try String(contentsOfFile: hillingdonSample, encoding: .utf8)
        var lines = sample.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("\"\(field)\" :") && $0.hasSuffix(",") })
        let indent = String(lines[index].prefix { $0 == " " })
        lines.insert(indent + spelling + " : \"the other value\",", at: index + 1)
        let text = lines.joined(separator: "\n")
        #expect(throws: PlanFileError.self) { try PlanCoding.decode(Data(text.utf8), file: "plan.json") }
        do { _ = try PlanCoding.decode(Data(text.utf8), file: "plan.json") } catch {
            #expect(error.description == "plan.json:\(index + 2):\(indent.count + 1): the field \"\(field)\" is written twice in one object; "
                    + "only one of its values could be kept, so remove the other")
        }
    }

    @Test func hugeStringsAndHugePlansLoad() throws {
        var plan = try PlanFile.load(hillingdonSample)
        plan.actions[0].commentary = String(repeating: "x", count: 50_000_000)
        let decoded = try PlanCoding.decode(PlanCoding.encode(plan), file: "big.json")
        #expect(decoded.actions[0].commentary.utf8.count == 50_000_000)

        var many = Plan(id: "m", title: "Many", partnership: "CSP",
                        period: Period(start: Day(iso: "2025-04-01")!, end: Day(iso: "2026-03-31")!), owners: [Owner(id: "o", name: "O")])
        many.actions = (0..<100_000).map { Action(id: "A-\($0)", group: .primary, title: "Action \($0)", owner: "o") }
        many.actions[99_999].id = "A-5"
        let reloaded = try PlanCoding.decode(PlanCoding.encode(many), file: "many.json")
        #expect(reloaded.actions.count == 100_000)
        #expect(reloaded.validate().map(\.path) == ["actions[99999].id"])
    }
}
