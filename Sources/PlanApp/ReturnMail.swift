import Foundation
import PlanModel
import PlanReports
import TerminalText

/// Who return emails come from and the day they ask for the return back.
public struct MailSettings: Sendable {
    public var from: MailAddress
    public var deadline: Day

    /// The sender from `option`, else `$DPLAN_MAIL_FROM`; refused with the reason when neither
    /// is given or it is not one safe address. The deadline defaults to two weeks after `today`.
    public init(from option: String?, deadline: Day?, today: Day,
                environment: [String: String] = ProcessInfo.processInfo.environment) throws(DplanError) {
        guard let text = option ?? environment["DPLAN_MAIL_FROM"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw .usage("give the sender with --mail-from ADDRESS (or $DPLAN_MAIL_FROM)")
        }
        do { from = try MailAddress(parsing: text) } catch {
            throw .usage("--mail-from \"\(sanitizedForTerminal(text))\" \(error.description)")
        }
        self.deadline = deadline ?? today.adding(days: 14)
    }
}

/// One lead owner's email, made but not yet written or sent.
public struct PreparedMail: Sendable {
    public var owner: Owner
    public var to: MailAddress
    public var quarter: Quarter
    public var reminder: Bool
    /// `FOLDER/<owner id>.eml`.
    public var path: String
    public var data: Data
}

/// The emails for a set of returns, and the owners who cannot be emailed, with why.
public struct MailBatch: Sendable {
    public var mails: [PreparedMail] = []
    public var unaddressed: [(owner: Owner, reason: String)] = []

    /// "no email for …" lines for the owners without a usable address ("" when none).
    public var unaddressedMessage: String {
        guard !unaddressed.isEmpty else { return "" }
        let lines = unaddressed.map { "  \(sanitizedForTerminal($0.owner.name)) (\($0.owner.id)): \(sanitizedForTerminal($0.reason))" }
        return "no email for \(unaddressed.count) lead owner\(unaddressed.count == 1 ? "" : "s") (give each a contact address with "
            + "dplan owner set OWNER --contact ADDRESS):\n" + lines.joined(separator: "\n")
    }
}

/// Makes the email for each return: to the owner's contact address, the return attached. An
/// owner without a usable address is listed in `unaddressed`, never skipped silently; a message
/// too large to send refuses the whole batch (nothing is written).
public func prepareMails(for returns: [PreparedReturn], kind: ReturnEmail.Kind, plan: Plan, settings: MailSettings,
                         folder: String, now: Timestamp) throws(DplanError) -> MailBatch {
    var batch = MailBatch()
    for item in returns {
        guard let contact = item.owner.contact, !contact.isBlank else {
            batch.unaddressed.append((item.owner, "no contact address"))
            continue
        }
        let to: MailAddress
        do { to = try MailAddress(parsing: contact) } catch {
            batch.unaddressed.append((item.owner, "the contact \"\(contact)\" \(error.description)"))
            continue
        }
        let actions = kind == .reminder ? item.actions.filter { $0.isStale(in: item.quarter) } : item.actions
        let email = ReturnEmail(kind: kind, plan: plan, owner: item.owner, actions: actions, quarter: item.quarter,
                                deadline: settings.deadline, today: now.day)
        let attachment = MailMessage.Attachment(filename: (item.path as NSString).lastPathComponent,
                                                contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                                data: item.data)
        let data: Data
        do { data = try email.message(from: settings.from, to: to, attachment: attachment, now: now).encoded() } catch {
            throw .refused("\(sanitizedForTerminal(item.owner.name)) (\(item.owner.id)): \(error.description); nothing was written")
        }
        let path = (folder as NSString).appendingPathComponent("\(item.owner.id).eml")
        batch.mails.append(PreparedMail(owner: item.owner, to: to, quarter: item.quarter, reminder: kind == .reminder, path: path, data: data))
    }
    return batch
}

/// What sending a batch did: a line per message sent, and each failure naming the owner and
/// the program's error.
public struct SendReport: Sendable {
    public var sent: [String] = []
    public var failed: [String] = []
}

/// Hands each message to `program`; each one the program accepted is recorded on `plan`'s
/// returns record (to whom, when, by whom). A message that failed is not recorded.
public func send(_ mails: [PreparedMail], with program: Sendmail, recordingOn plan: inout Plan, by: String,
                 now: Timestamp) -> SendReport {
    var report = SendReport()
    for mail in mails {
        do {
            try program.send(mail.data)
        } catch {
            report.failed.append("\(sanitizedForTerminal(mail.owner.name)) (\(mail.owner.id)): not sent: \(sanitizedForTerminal(error.description))")
            continue
        }
        plan.recordReturnSent(ReturnSent(owner: mail.owner.id, to: mail.to.address, on: now, by: by,
                                         reminder: mail.reminder ? true : nil, via: .email), quarter: mail.quarter)
        report.sent.append("sent \(mail.reminder ? "a reminder" : "the return") to \(sanitizedForTerminal(mail.owner.name)) <\(mail.to.address)>")
    }
    return report
}
