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

    /// Boroughs for the portfolio bench: ids of their own, a population, the national measures,
    /// and a folder of them that the portfolio paper and screen read without leaving any out.
    @Test func generatedBoroughsMakeAPortfolio() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-gen-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for i in 1...3 {
            let result = try runDplan(["generate", "--actions", "30", "--quarters", "4", "--seed", "\(100 + i)", "--indicators", "8",
                                       "--indicator-quarters", "12", "--borough", "Borough \(i)", "-o", "\(folder)/b\(i).json"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let plan = try PlanFile.load("\(folder)/b2.json")
        #expect(plan.id == "synthetic-borough-2" && plan.population == 150_000 + 102 * 1_000)
        #expect(plan.indicators.prefix(3).map { $0.measure?.rawValue } == ["hospital-knife-u25", "police-knife-u25", "homicide-u25"])
        #expect(plan.validate().isEmpty)
        let paper = try runDplan(["export", folder, "--format", "html", "-o", "\(folder)/p.html"])
        #expect(paper.status == 0 && paper.stdout.contains("in 3 plans"), "\(paper.stderr)")
        let screen = try runDplan(["bench-tui", folder, "--keys", "jsfiij", "--repeat", "2"])
        #expect(screen.status == 0 && screen.stdout.contains("keys 12"), "\(screen.stdout)\(screen.stderr)")
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
