import Foundation
import PlanStore
import TestSupport
import Testing

@Suite struct BenchmarkToolTests {
    @Test func generateIsDeterministicAndValid() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-gen-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in ["a", "b"] {
            let result = try runDplan(["generate", "--actions", "150", "--quarters", "6", "--seed", "42", "-o", "\(folder)/\(name).json"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let a = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/a.json"))
        #expect(a == (try Data(contentsOf: URL(fileURLWithPath: "\(folder)/b.json"))))
        let plan = try PlanFile.load("\(folder)/a.json")
        #expect(plan.actions.count == 150)
        #expect(plan.actions.allSatisfy { $0.reviews.count == 6 })
        #expect(plan.validate().isEmpty)
        _ = try runDplan(["generate", "--actions", "150", "--quarters", "6", "--seed", "43", "-o", "\(folder)/c.json"])
        #expect(a != (try Data(contentsOf: URL(fileURLWithPath: "\(folder)/c.json"))))
        #expect(try runDplan(["generate", "--actions", "0", "-o", "\(folder)/d.json"]).status == 2)
        #expect(plan.indicators.isEmpty)
    }

    @Test func generateAddsIndicatorsWithQuartersOfValuesInsideThePeriod() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-gen-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let result = try runDplan(["generate", "--actions", "20", "--indicators", "7", "--indicator-quarters", "40", "-o", "\(folder)/i.json"])
        #expect(result.status == 0, "\(result.stderr)")
        let plan = try PlanFile.load("\(folder)/i.json")
        #expect(plan.indicators.count == 7)
        #expect(plan.indicators.allSatisfy { $0.values.count == 40 })
        #expect(plan.validate().isEmpty)
    }

    @Test func benchTUIRunsTheRealUpdateAndRenderPath() throws {
        let result = try runDplan(["bench-tui", hillingdonPlan, "--keys", "⏎jjjj/knife⏎r", "--repeat", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        let fields = Dictionary(uniqueKeysWithValues: result.stdout.split(separator: "\n").map { line in
            let parts = line.split(separator: " ")
            return (String(parts[0]), String(parts[1]))
        })
        #expect(fields["keys"] == "26")  // 13 keys, twice
        for name in ["load+validate_ms", "first_frame_ms", "median_ms", "p99_ms", "max_ms"] {
            #expect(Double(fields[name] ?? "") != nil, "\(name)")
        }
    }
}
