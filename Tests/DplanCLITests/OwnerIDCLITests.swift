import Foundation
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
}
