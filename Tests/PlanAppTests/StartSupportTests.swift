import Foundation
import PlanApp
import PlanModel
import PlanStore
import PropertyBased
import Testing

/// What the start screen stands on: a tracker's mapping before anything is written, the plan
/// made from it all or nothing, and the list of plans opened lately.
@Suite struct StartSupportTests {
    static func folder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-start-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    static let context = EditContext(by: "Test Officer", now: fixedNow)

    @Test func aTrackerShowsItsMappingThenBecomesAPlan() throws {
        let folder = try Self.folder()
        let csv = folder + "/tracker.csv"
        try "Borough SV Delivery Plan\r\n\r\nRef,Action,Lead,RAG,Due date,Priority,Notes\r\nP1,Street lighting audit,Borough Council,Amber,31/01/2027,Primary,x\r\nP2,Knife amnesty bins,Borough Police,Green,31/03/2027,Secondary,y\r\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let preview = try TrackerPreview(file: csv)
        #expect(preview.lines.first == "Sheet \"tracker\", header in row 3, title \"Borough SV Delivery Plan\"")
        #expect(preview.lines.contains("B \"Action\" → title (action title)"))
        #expect(preview.lines.last == "Ignored: G \"Notes\"")
        let into = folder + "/borough.json"
        let said = try preview.createPlan(into: into, partnership: "Safer Borough", title: nil, context: Self.context)
        #expect(said == "Created \(into) with 2 actions from tracker.csv")
        let plan = try PlanFile.load(into)
        #expect(plan.title == "Borough SV Delivery Plan")
        #expect(plan.partnership == "Safer Borough")
        #expect(plan.actions.map(\.title) == ["Street lighting audit", "Knife amnesty bins"])
        #expect(plan.validate().isEmpty)
        // The file exists now: a second time is refused and the plan is left as it was.
        let before = try Data(contentsOf: URL(fileURLWithPath: into))
        #expect(throws: DplanError.self) { try preview.createPlan(into: into, partnership: "Other", title: nil, context: Self.context) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: into)) == before)
    }

    @Test func aTrackerWithABadRowWritesNothing() throws {
        let folder = try Self.folder()
        let csv = folder + "/tracker.csv"
        try "Action,Lead,RAG\r\nStreet lighting audit,Council,Amber\r\nBroken,Nobody,purple\r\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let into = folder + "/new.json"
        do {
            _ = try TrackerPreview(file: csv).createPlan(into: into, partnership: "CSP", title: "Plan", context: Self.context)
            Issue.record("a tracker with a bad row was imported")
        } catch {
            #expect(error.message.contains("row 3"))
            #expect(error.message.contains("unknown status \"purple\""))
            #expect(error.message.contains("nothing was written"))
        }
        #expect(!FileManager.default.fileExists(atPath: into))
    }

    @Test func aFileThatIsNotATrackerIsRefusedWithItsName() throws {
        let folder = try Self.folder()
        #expect(throws: DplanError.self) { try TrackerPreview(file: folder + "/missing.xlsx") }
        let text = folder + "/notes.csv"
        try "just some words\r\nand more\r\n".write(toFile: text, atomically: true, encoding: .utf8)
        do {
            _ = try TrackerPreview(file: text)
            Issue.record("a file with no header row was read as a tracker")
        } catch {
            #expect(error.message.contains("nothing was written"))
        }
    }

    @Test func theRecentListIsKeptNewestFirstOnceEachAndShort() throws {
        let file = try Self.folder() + "/state/dplan/recent"
        #expect(RecentPlans.read(from: file).isEmpty)
        for index in 1...12 { RecentPlans.record("/plans/\(index).json", in: file) }
        RecentPlans.record("/plans/5.json", in: file)
        let list = RecentPlans.read(from: file)
        #expect(list == [5, 12, 11, 10, 9, 8, 7, 6, 4, 3].map { "/plans/\($0).json" })
        #expect(list.count == RecentPlans.limit)
        // A relative path is kept absolute, so it opens from any folder.
        RecentPlans.record("relative.json", in: file)
        #expect(RecentPlans.read(from: file).first == FileManager.default.currentDirectoryPath + "/relative.json")
    }

    /// Whatever the list was: the plan opened comes first, each plan once, the others in their
    /// order, never more than the limit.
    @Test func addingToTheRecentListKeepsItsPromises() async {
        await propertyCheck(count: 200, input: Gen<Int>.int(in: 0...14).array(of: 0...14), Gen<Int>.int(in: 0...14)) { numbers, opened in
            var existing: [String] = []
            for number in numbers where !existing.contains("/p/\(number)") { existing.append("/p/\(number)") }
            let path = "/p/\(opened)"
            let result = RecentPlans.adding(path, to: existing)
            #expect(result.first == path)
            #expect(Set(result).count == result.count)
            #expect(result.count == min(RecentPlans.limit, Set(existing + [path]).count))
            #expect(Array(result.dropFirst()) == Array(existing.filter { $0 != path }.prefix(RecentPlans.limit - 1)))
        }
    }

    @Test func theRecentListLivesInTheStateFolder() {
        #expect(RecentPlans.file(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/dplan/recent")
        #expect(RecentPlans.file(environment: ["HOME": "/h"]) == "/h/.local/state/dplan/recent")
        // A relative XDG_STATE_HOME is invalid by the XDG rules and ignored.
        #expect(RecentPlans.file(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"]) == "/h/.local/state/dplan/recent")
    }
}
