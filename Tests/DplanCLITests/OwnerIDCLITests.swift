import Foundation
import PlanStore
import Testing
import TestSupport

/// Owner ids become file names (`<id>.xlsx`, `<id>.eml`): a path is refused where it enters.
@Suite struct OwnerIDCLITests {
    @Test(arguments: ["../../escaped", "a/b", ".hidden", "has space", "-dash"])
    func ownerAddRefusesAnIdThatIsNotASafeFileName(id: String) throws {
        let plan = try temporaryCopy(of: hillingdonPlan)
        let before = try Data(contentsOf: URL(fileURLWithPath: plan))
        let result = try runDplan(["owner", "add", plan, "Escaped Agency", "--id=\(id)"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("owner id \"\(id)\""), "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: plan)) == before)
    }

    @Test func aHandEditedPathIdIsAValidationProblemAndNoReturnIsWritten() throws {
        let plan = try temporaryCopy(of: hillingdonPlan)
        let text = try String(contentsOfFile: plan, encoding: .utf8).replacingOccurrences(of: "\"yjs\"", with: "\"../../escaped\"")
        try text.write(toFile: plan, atomically: true, encoding: .utf8)
        let validate = try runDplan(["validate", plan])
        #expect(validate.status == 1)
        #expect((validate.stdout + validate.stderr).contains("owners[3].id: \"../../escaped\" must start with a letter or digit"))
        let folder = (plan as NSString).deletingLastPathComponent + "/returns"
        #expect(try runDplan(["export", plan, "--format", "xlsx", "--returns", folder]).status == 1)
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test func aMergeBringingInAPathIdIsRefusedAndWritesNothing() throws {
        let plan = try temporaryCopy(of: hillingdonPlan)
        let other = (plan as NSString).deletingLastPathComponent + "/other copy.json"
        let text = try String(contentsOfFile: plan, encoding: .utf8)
            .replacingOccurrences(of: "\"owners\" : [", with: "\"owners\" : [ { \"id\" : \"../../escaped\", \"name\" : \"Escaped\" },")
        try text.write(toFile: other, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: plan))
        let result = try runDplan(["merge", plan, other, "--base", hillingdonPlan])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\"../../escaped\" must start with a letter or digit"), "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: plan)) == before)
    }

    @Test func anImportedLeadThatLooksLikeAPathGetsASafeId() throws {
        let plan = try temporaryCopy(of: hillingdonPlan)
        let csv = (plan as NSString).deletingLastPathComponent + "/tracker.csv"
        try "Ref,Action,Lead,RAG\nNEW-01,Street lighting,../../Escaped Agency,Green\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let result = try runDplan(["import", csv, "--into", plan, "--group", "primary"])
        #expect(result.status == 0, "\(result.stderr)")
        let owner = try #require(try PlanFile.load(plan).owners.first { $0.name == "../../Escaped Agency" })
        #expect(owner.id == "escaped-agency")
    }
}
