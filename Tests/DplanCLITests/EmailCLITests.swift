import Foundation
import PlanModel
import PlanStore
import Spreadsheet
import Testing
import TestSupport

/// Returns and reminders emailed for real: `dplan` hands each message to msmtp, which delivers it
/// to a local SMTP server (`scripts/mail-sink`, aiosmtpd); what arrived is read back by Python's
/// own email parser and the attachment by dplan's xlsx reader.
@Suite(.serialized, .requires(.msmtp, .aiosmtpd))
struct EmailCLITests {
    let sender = "Community Safety <csp@hillingdon.gov.uk>"

    /// The sample plan with two leads given addresses, one with a non-ASCII name.
    func planWithContacts() throws -> String {
        let plan = try temporaryCopy(of: hillingdonPlan)
        #expect(try runDplan(["owner", "set", plan, "mps", "--contact", "Met Police <sv@met.police.uk>"]).status == 0)
        #expect(try runDplan(["owner", "set", plan, "yjs", "--contact", "Jörg Ñame <yjs@hillingdon.gov.uk>"]).status == 0)
        return plan
    }

    @Test func returnsSentThroughMsmtpArriveWithTheReturnAttachedAndAreRecorded() throws {
        _ = try ExternalProgram.msmtp.path()
        let sink = try MailSink()
        defer { sink.stop() }
        let plan = try planWithContacts()
        let folder = (plan as NSString).deletingLastPathComponent + "/returns"
        let msmtp = "msmtp -C \(try sink.msmtpConfiguration(from: "csp@hillingdon.gov.uk"))"
        let result = try runDplan(["export", plan, "--format", "xlsx", "--returns", folder, "--email", "--send", "--mail-from", sender,
                                   "--sendmail", msmtp, "--deadline", "2026-12-04"])
        // Nine leads have no address: listed by name, and the exit status says not everyone was emailed.
        #expect(result.status == 1)
        #expect(result.stderr.contains("no email for 9 lead owners"))
        #expect(result.stderr.contains("Probation Service (probation): no contact address"))
        #expect(result.stdout.contains("sent the return to Metropolitan Police Service (West Area BCU) <sv@met.police.uk>"))

        let received = try sink.received()
        #expect(received.map(\.rcptTos) == [["sv@met.police.uk"], ["yjs@hillingdon.gov.uk"]])
        #expect(received.map(\.to) == ["Met Police <sv@met.police.uk>", "Jörg Ñame <yjs@hillingdon.gov.uk>"])
        #expect(received.allSatisfy { $0.from == sender && $0.defects.isEmpty })
        #expect(received.first?.subject == "Hillingdon Serious Violence Delivery Plan 2024-27: your 2026/27 Q3 return, due 4 Dec 2026")
        let body = received.first?.body ?? ""
        #expect(body.contains("- SEC-03 Agree a multi-agency knife crime and violent crime reduction plan: Amber, due 31 Dec 2025 (OVERDUE)"))
        #expect(body.contains("- TER-04 "))

        // The attachment is the return written beside the email, and dplan's reader opens it.
        let attachment = try #require(received.first?.attachments.first)
        #expect(attachment.filename == "mps.xlsx")
        let data = try Data(contentsOf: URL(fileURLWithPath: attachment.path))
        #expect(data == (try Data(contentsOf: URL(fileURLWithPath: "\(folder)/mps.xlsx"))))
        let cells = try Workbook.read(data, fileName: "mps.xlsx").sheets.flatMap(\.rows).flatMap { $0 }.map { "\($0)" }
        #expect(["SEC-03", "SEC-04", "TER-04"].allSatisfy { id in cells.contains { $0.contains(id) } })
        #expect(FileManager.default.fileExists(atPath: "\(folder)/mps.eml"))

        // Recorded: to whom, when, by whom; the chase list shows it.
        let sent = try PlanFile.load(plan).quarters.first { $0.quarter.description == "2026/27 Q3" }?.returnsSent ?? []
        #expect(sent == [ReturnSent(owner: "mps", to: "sv@met.police.uk", on: Timestamp(iso: "2026-11-22T10:00:00Z")!, by: "Test Officer",
                                    via: .email),
                         ReturnSent(owner: "yjs", to: "yjs@hillingdon.gov.uk", on: Timestamp(iso: "2026-11-22T10:00:00Z")!, by: "Test Officer",
                                    via: .email)])
        let chase = try runDplan(["chase", plan], now: "2026-11-29T09:00:00Z")
        #expect(chase.stdout.contains("Metropolitan Police Service (West Area BCU) (mps): emailed 2026-11-22 to sv@met.police.uk; 2 updates back, last 2026-11-12; none outstanding"))
        #expect(chase.stdout.contains("Probation Service (probation): not sent;"))
    }

    @Test func remindersGoOnlyToLeadsStillOwingAndAFailedSendIsNotRecorded() throws {
        _ = try ExternalProgram.msmtp.path()
        let plan = try planWithContacts()
        #expect(try runDplan(["owner", "set", plan, "thh", "--contact", "trust@thh.nhs.uk"]).status == 0)
        let sink = try MailSink()
        let configuration = try sink.msmtpConfiguration(from: "csp@hillingdon.gov.uk")
        let result = try runDplan(["chase", plan, "--send", "--mail-from", sender, "--sendmail", "msmtp -C \(configuration)"])
        // Of the leads with an address only thh still owes an update (mps and yjs do not): only thh is reminded,
        // and the leads owing updates without an address are listed (exit status 1).
        let received = try sink.received()
        #expect(received.map(\.rcptTos) == [["trust@thh.nhs.uk"]])
        #expect(received.first?.subject.hasPrefix("Reminder: Hillingdon Serious Violence Delivery Plan 2024-27: your 2026/27 Q3 return") == true)
        #expect(result.status == 1)
        #expect(result.stdout.contains("sent a reminder to The Hillingdon Hospital NHS Foundation Trust <trust@thh.nhs.uk>"))
        let recorded = try PlanFile.load(plan).quarters.flatMap { $0.returnsSent ?? [] }
        #expect(recorded.map(\.owner) == ["thh"] && recorded.first?.reminder == true)

        // With the server gone, msmtp cannot deliver: the lead and msmtp's words are named, nothing more recorded.
        sink.stop()
        let failed = try runDplan(["chase", plan, "--send", "--mail-from", sender, "--sendmail", "msmtp -C \(configuration)"],
                                  now: "2026-11-23T10:00:00Z")
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("The Hillingdon Hospital NHS Foundation Trust (thh): not sent: msmtp -C \(configuration) -t failed"))
        #expect(failed.stderr.contains("msmtp: "))
        #expect(try PlanFile.load(plan).quarters.flatMap { $0.returnsSent ?? [] } == recorded)
    }
}
