import Foundation
import PlanModel
import PlanStore
import Testing

/// Returns read back by the real `dplan`, as the tester ran it.
@Suite struct ReturnReadBackCLITests {
    // The board said Red over the lead's Amber; the return was read back without being touched.
    @Test func anUntouchedReturnLeavesTheLeadsUpdateAndTheAuditTrailAsTheyWere() throws {
        let plan = try temporaryCopy(of: hillingdonPlan)
        let folder = (plan as NSString).deletingLastPathComponent + "/returns"
        let now = "2026-11-25T10:00:00Z"
        #expect(try runDplan(["board-view", plan, "SEC-05", "--status", "red", "--reason", "Board: outreach too slow"], now: now).status == 0)
        #expect(try runDplan(["export", plan, "--format", "xlsx", "--returns", folder, "--no-record"], now: now).status == 0)
        let before = try PlanFile.load(plan)
        let log = try runDplan(["log", plan, "SEC-05"], now: now).stdout
        let read = try runDplan(["import", folder + "/hdaas.xlsx", "--into", plan, "--update"], now: now)
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.contains("row 2: SEC-05 unchanged"), "\(read.stdout)")
        #expect(try PlanFile.load(plan) == before)
        #expect(try runDplan(["log", plan, "SEC-05"], now: now).stdout == log)
        let shown = try runDplan(["show", plan, "SEC-05"], now: now).stdout
        #expect(shown.contains("A Amber        Lead's update: Outreach worker started in Hayes"), "\(shown)")
    }

    // A contact with its own display name was printed inside the owner's: "Name <DA Exec <da@…>>".
    @Test func chasePrintsAnOwnersContactAddressOnce() throws {
        let plan = try temporaryCopy(of: hillingdonPlan)
        #expect(try runDplan(["owner", "set", plan, "da-steering", "--contact", "DA Exec <da@hillingdon.gov.uk>"]).status == 0)
        #expect(try runDplan(["owner", "set", plan, "probation", "--contact", "sv@probation.gov.uk"]).status == 0)
        let chase = try runDplan(["chase", plan], now: "2026-11-29T09:00:00Z").stdout
        #expect(chase.contains("\nDomestic Abuse Steering Executive (DA Exec) <da@hillingdon.gov.uk>\n"), "\(chase)")
        #expect(chase.contains("\nProbation Service <sv@probation.gov.uk>\n"), "\(chase)")
        #expect(!chase.contains("<DA Exec"))
    }
}
