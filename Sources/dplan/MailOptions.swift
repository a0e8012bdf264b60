import ArgumentParser
import Foundation
import PlanApp
import PlanModel
import PlanStore

/// The options for emailing returns and reminders: sender, deadline, and sending through a
/// sendmail-compatible program.
struct MailOptions: ParsableArguments {
    @Option(name: .customLong("mail-from"), help: "Emails: the sender's address (default $DPLAN_MAIL_FROM).") var mailFrom: String?
    @Option(help: "Emails: the day returns are due back, YYYY-MM-DD (default two weeks from today).") var deadline: Day?
    @Flag(help: "Hand each email to a sendmail-compatible program (msmtp, sendmail -t) and record it on the plan as sent.")
    var send = false
    @Option(help: "With --send: the program and its options, e.g. \"msmtp -C FILE\" (default $DPLAN_SENDMAIL, else sendmail or msmtp).")
    var sendmail: String?
    @Option(name: .customLong("send-timeout"), help: "With --send: seconds one message may take before the program is stopped and it counts as not sent.")
    var sendTimeout: Int = 60

    /// Whether any option of this group was given.
    var anyGiven: Bool { mailFrom != nil || deadline != nil || send || sendmail != nil || sendTimeout != 60 }

    func settings(today: Day) throws -> MailSettings {
        try MailSettings(from: mailFrom, deadline: deadline, today: today)
    }

    /// The program to send with; refused when none is configured or found.
    func program() throws -> Sendmail {
        guard var program = Sendmail.configured(sendmail) else {
            throw DplanError.usage("no sendmail-compatible program: give --sendmail \"msmtp -C FILE\" or set $DPLAN_SENDMAIL")
        }
        guard sendTimeout > 0 else { throw DplanError.usage("--send-timeout must be a number of seconds above 0") }
        program.timeout = TimeInterval(sendTimeout)
        return program
    }
}

/// Sends a batch of emails and records on the plan file each one the program accepted (the
/// plan is opened for editing first, so its lock is held while sending). Prints a line per
/// message; throws, naming each lead, when any was not sent or could not be addressed.
func sendAndRecord(_ batch: MailBatch, planFile: String, options: MailOptions, now: Timestamp) throws {
    let program = try options.program()
    var (document, plan) = try openForEditing(planFile)
    let report = send(batch.mails, with: program, recordingOn: &plan, by: resolveUser(nil), now: now)
    if !report.sent.isEmpty { try save(plan, in: &document) }
    report.sent.forEach { print($0) }
    try finishMail(batch, failed: report.failed, sent: report.sent.count)
}

/// Exits with the owners who could not be emailed, or whose message failed, when there are any.
func finishMail(_ batch: MailBatch, failed: [String] = [], sent: Int? = nil) throws {
    guard !failed.isEmpty || !batch.unaddressed.isEmpty else { return }
    var parts: [String] = []
    if !failed.isEmpty {
        parts.append("\(failed.count) email\(failed.count == 1 ? "" : "s") not sent (not recorded as sent):\n"
                     + failed.map { "  " + $0 }.joined(separator: "\n"))
    }
    if !batch.unaddressed.isEmpty { parts.append(batch.unaddressedMessage) }
    if let sent { parts.append("\(sent) sent and recorded") }
    throw DplanError.refused(parts.joined(separator: "\n"))
}
