import Foundation
import PlanModel
import PlanStore
@testable import PlanApp
import Testing

/// A folder of plans with the bad input a VRU's shared folder collects: each bad file is named
/// with why, and the rest are read.
@Suite struct PortfolioReadingTests {
    private func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-portfolio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["hillingdon-serious-violence-2024-27.json", "north-warwickshire-serious-violence-2023-27.json", "london-vru-2019-22.json"] {
            try FileManager.default.copyItem(at: plansFolder.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }

    @Test func eachBadFileIsNamedWithWhyAndTheRestAreRead() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("{\"rows\": [1, 2]}".utf8).write(to: folder.appendingPathComponent("a-lookup.json"))
        var invalid = try PlanFile.load(hillingdonSample)
        invalid.id = "invalid-plan"
        invalid.actions[0].owner = "nobody"
        try PlanFile.save(invalid, to: folder.appendingPathComponent("b-invalid.json").path)
        try FileManager.default.copyItem(at: folder.appendingPathComponent("london-vru-2019-22.json"),
                                         to: folder.appendingPathComponent("m-london-vru-copy.json"))
        var october = Plan(id: "october", title: "October", partnership: "CSP",
                           period: Period(start: Day(iso: "2025-10-01")!, end: Day(iso: "2026-09-30")!), financialYearStartMonth: 10)
        october.owners = [Owner(id: "o", name: "O")]
        try PlanFile.save(october, to: folder.appendingPathComponent("z-october.json").path)
        try Data("{}".utf8).write(to: folder.appendingPathComponent(".hidden.json"))

        let read = try readPortfolio([folder.path])
        #expect(read.plans.map(\.plan.id) == ["hillingdon-serious-violence-2024-27", "london-vru-2019-22", "north-warwickshire-serious-violence-2023-27"])
        #expect(read.skipped.count == 4, "\(read.skipped)")
        #expect(read.skipped[0].contains("a-lookup.json"), "\(read.skipped[0])")
        #expect(read.skipped[1].contains("b-invalid.json: not a valid plan (actions[0].owner: unknown owner \"nobody\""), "\(read.skipped[1])")
        #expect(read.skipped[2].contains("m-london-vru-copy.json: a second copy of plan london-vru-2019-22 (first read from"), "\(read.skipped[2])")
        #expect(read.skipped[3].contains("z-october.json: its financial year starts in October, the other plans' in April"), "\(read.skipped[3])")
    }

    @Test func aFolderWithNoPlanIsRefusedNamingEveryFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-portfolio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("[]".utf8).write(to: folder.appendingPathComponent("list.json"))
        do {
            _ = try readPortfolio([folder.path])
            Issue.record("a folder with no plan was read")
        } catch {
            #expect(error.message.contains("no plan could be read") && error.message.contains("list.json"), "\(error.message)")
        }
    }
}
