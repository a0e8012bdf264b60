import ArgumentParser
import Foundation
import PlanApp
import PlanModel
import PlanReports

/// `dplan chase FILE…`: who still owes an update, grouped by owner, ready for an email; across
/// several plans, one list per owner covering all their plans. With one plan, where returns were
/// sent: sent, received and outstanding per lead; `--email DIR` writes reminders, `--send` sends them.
struct Chase: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List who still owes an update this quarter, by owner (across plans with several files).",
        discussion: """
            With one plan: once returns have been sent (dplan export --returns DIR --send), lists per lead when the
            return was sent and chased, how many updates came back and how many are outstanding. --email DIR writes a
            reminder to each lead who still owes updates (DIR/<owner id>.eml, their return attached); --send hands
            the reminders to a sendmail-compatible program and records each one sent.
            """)

    @OptionGroup var plans: PlanFilesArgument
    @Option(help: "Write a reminder email for each lead still owing updates into this folder (DIR/<owner id>.eml).")
    var email: String?
    @OptionGroup var mail: MailOptions

    func validate() throws {
        if plans.several && (email != nil || mail.anyGiven) { throw ValidationError("--email and --send take one plan") }
        if email == nil && mail.anyGiven && !mail.send { throw ValidationError("the mail options go with --email DIR or --send") }
    }

    func run() throws {
        let plans = try self.plans.load()
        let now = try currentTime()
        let today = now.day
        let several = self.plans.several
        if !several, let notice = plans.first?.plan.closedQuarterNotice(on: today) {
            print("\(notice). No update is owed.")
            return
        }
        if !several { printReturnProgress(plans[0].plan, quarter: plans[0].plan.reportingQuarter(on: today)) }
        let list = plans.chase(on: today)
        let quarters = Set(plans.map { $0.plan.reportingQuarter(on: today) })
        let quarter = quarters.count == 1 ? quarters.first!.description : "the current quarter"
        guard !list.isEmpty else { print("Every action has an update for \(quarter)."); return }
        print("Updates still needed for \(quarter) (\(list.map(\.actionCount).reduce(0, +)) actions\(several ? " in \(plans.count) plans" : "")):")
        for owner in list {
            print("")
            print(clean(ownerLine(owner.owner, contact: owner.contact)))
            for (label, _, actions) in owner.plans {
                if several { print("  \(clean(label)):") }
                for action in actions {
                    let due = action.due.map { ", due \($0)\(action.isOverdue(on: today) ? " (overdue)" : "")" } ?? ""
                    print("\(several ? "    " : "  ")- \(clean(action.id)) \(clean(action.title)) (now \(action.status.label)\(due))")
                }
            }
        }
        if email != nil || mail.send { try remind(plans[0].plan, now: now) }
    }

    /// Sent, received and outstanding per lead, when any return was sent for the quarter.
    private func printReturnProgress(_ plan: Plan, quarter: Quarter) {
        let progress = plan.returnProgress(for: quarter)
        guard !progress.isEmpty else { return }
        print("Returns for \(quarter):")
        for lead in progress { print("  \(clean(lead.owner.name)) (\(clean(lead.owner.id))): \(lead.summary)") }
        print("")
    }

    /// Writes (`--email DIR`) and sends (`--send`) a reminder to each lead still owing updates.
    private func remind(_ plan: Plan, now: Timestamp) throws {
        let quarter = plan.reportingQuarter(on: now.day)
        let owing = Set(plan.chaseList(for: quarter).map(\.owner.id))
        let folder = email ?? FileManager.default.temporaryDirectory.appendingPathComponent("dplan-chase-\(UUID().uuidString)").path
        var request = ExportRequest(format: .xlsx, template: nil)
        request.quarter = quarter
        let returns = try prepareReturns(plan, request, to: folder, planFile: self.plans.files[0], now: now).filter { owing.contains($0.owner.id) }
        let batch = try prepareMails(for: returns, kind: .reminder, plan: plan, settings: try mail.settings(today: now.day),
                                     folder: folder, now: now)
        print("")
        if let email {
            try writeAll(batch.mails.map { ($0.path, $0.data) }, in: email)
            batch.mails.forEach { print("wrote \($0.path): reminder to \($0.to.address)") }
        }
        if mail.send {
            try sendAndRecord(batch, planFile: self.plans.files[0], options: mail, now: now)
        } else {
            try finishMail(batch)
        }
    }
}

/// "Youth Justice Service <yjs@borough.gov.uk>": an owner's name and contact address, each once.
/// A contact with its own display name keeps it beside the owner's ("Domestic Abuse Executive
/// (DA Exec) <da@borough.gov.uk>"); one that is not an address is shown as written.
func ownerLine(_ name: String, contact: String?) -> String {
    guard let contact, !contact.isBlank else { return name }
    guard let address = try? MailAddress(parsing: contact) else { return "\(name) <\(contact)>" }
    let display = address.name.isEmpty || address.name == name ? "" : " (\(address.name))"
    return "\(name)\(display) <\(address.address)>"
}
