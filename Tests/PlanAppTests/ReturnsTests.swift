import Foundation
import PlanApp
import PlanModel
import PlanReports
import PlanStore
import Testing

/// Returns are written all or none, never outside their folder, and emails only go to addresses
/// that are safe to put in a header.
@Suite struct ReturnsTests {
    func folder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("dplan-returns-\(UUID().uuidString)").path
    }

    @Test func anOwnerIdThatIsAPathWritesNoReturnAnywhere() throws {
        var plan = try PlanFile.load(hillingdonSample)
        let index = try #require(plan.owners.firstIndex { $0.id == "yjs" })
        plan.owners[index].id = "../../escaped"  // as a hand edit could, before validate sees it
        for a in plan.actions.indices where plan.actions[a].owner == "yjs" { plan.actions[a].owner = "../../escaped" }
        let out = folder()
        #expect(throws: DplanError.self) {
            try writeReturns(plan, ExportRequest(format: .xlsx, template: nil), to: out, planFile: hillingdonSample, now: fixedNow)
        }
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(!FileManager.default.fileExists(atPath: (out as NSString).appendingPathComponent("../../escaped.xlsx")))
        #expect(plan.validate().contains { $0.path == "owners[\(index)].id" && $0.message.contains("an owner's return is written as <id>.xlsx") })
    }

    @Test func whenOneReturnCannotBeWrittenNoneIsLeft() throws {
        let plan = try PlanFile.load(hillingdonSample)
        let out = folder()
        try FileManager.default.createDirectory(atPath: "\(out)/probation.xlsx", withIntermediateDirectories: true)  // in the way
        #expect(throws: DplanError.self) {
            try writeReturns(plan, ExportRequest(format: .xlsx, template: nil), to: out, planFile: hillingdonSample, now: fixedNow)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["probation.xlsx"])
    }

    @Test func contactsThatCouldInjectHeadersOrAreNotAddressesGetNoEmailAndAreListed() throws {
        var plan = try PlanFile.load(hillingdonSample)
        let contacts = ["mps": "x@y.invalid\nBcc: victim@example.org", "yjs": "City Hall", "thh": "Zoë Ødegård <trust@thh.nhs.uk>"]
        for (id, contact) in contacts { plan.owners[plan.owners.firstIndex { $0.id == id }!].contact = contact }
        let out = folder()
        let returns = try prepareReturns(plan, ExportRequest(format: .xlsx, template: nil), to: out, planFile: hillingdonSample, now: fixedNow)
        let settings = try MailSettings(from: "csp@hillingdon.gov.uk", deadline: nil, today: fixedNow.day)
        let batch = try prepareMails(for: returns, kind: .request, plan: plan, settings: settings, folder: out, now: fixedNow)
        #expect(batch.mails.map(\.owner.id) == ["thh"])
        let text = String(decoding: try #require(batch.mails.first?.data), as: UTF8.self)
        #expect(text.contains("To: =?UTF-8?B?") && text.contains(" <trust@thh.nhs.uk>") && !text.contains("Bcc"))
        let reasons = Dictionary(uniqueKeysWithValues: batch.unaddressed.map { ($0.owner.id, $0.reason) })
        #expect(reasons["mps"]?.contains("line break") == true)
        #expect(reasons["yjs"]?.contains("not an email address") == true)
        #expect(reasons["probation"] == "no contact address")
        #expect(batch.unaddressed.count == returns.count - 1)
        #expect(settings.deadline == Day(iso: "2026-12-06"))
    }

    @Test func aSenderThatIsNotOneAddressIsRefused() {
        #expect(throws: DplanError.self) { try MailSettings(from: "csp@x.org\r\nBcc: a@b.org", deadline: nil, today: fixedNow.day) }
        #expect(throws: DplanError.self) { try MailSettings(from: nil, deadline: nil, today: fixedNow.day, environment: [:]) }
    }
}

/// The returns written as `dplan export --returns` writes them: every one made first, then all
/// written or none.
private func writeReturns(_ plan: Plan, _ request: ExportRequest, to folder: String, planFile: String, now: Timestamp) throws {
    try writeAll(try prepareReturns(plan, request, to: folder, planFile: planFile, now: now).map { ($0.path, $0.data) }, in: folder)
}
