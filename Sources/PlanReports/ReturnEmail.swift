import Foundation
import PlanModel

/// The email that carries a lead owner's quarterly return, or chases it: a subject naming the
/// plan, quarter and deadline, a plain-text body listing their actions with status and due date
/// (and which are overdue), and the return attached.
public struct ReturnEmail: Sendable {
    /// A return sent out, or a reminder for one not yet back.
    public enum Kind: Sendable { case request, reminder }

    public var kind: Kind
    public var plan: Plan
    public var owner: Owner
    /// The actions the message lists: all in the return, or (a reminder) those still owing an update.
    public var actions: [Action]
    public var quarter: Quarter
    public var deadline: Day
    public var today: Day

    public init(kind: Kind, plan: Plan, owner: Owner, actions: [Action], quarter: Quarter, deadline: Day, today: Day) {
        self.kind = kind
        self.plan = plan
        self.owner = owner
        self.actions = actions
        self.quarter = quarter
        self.deadline = deadline
        self.today = today
    }

    /// "Hillingdon SVD plan: your 2026/27 Q3 return, due 5 Dec 2026" (a reminder starts "Reminder: ").
    public var subject: String {
        let plain = oneLine(plan.title) + ": your \(quarter) return, due \(deadline.longLabel)"
        return kind == .reminder ? "Reminder: " + plain : plain
    }

    /// The message's words, lines separated by "\n".
    public var body: String {
        var lines = ["Dear \(oneLine(owner.name)),", ""]
        switch kind {
        case .request:
            lines.append("Please fill in the attached return for \(oneLine(plan.title)), \(quarter), and send it back by \(deadline.longLabel).")
            lines.append("For each action give its status and your update for the quarter; leave the Ref column as it is.")
            lines += ["", "Your actions (\(actions.count)):"]
        case .reminder:
            lines.append("We have not yet had your update for \(quarter) on \(actions.count == 1 ? "this action" : "these \(actions.count) actions") "
                         + "in \(oneLine(plan.title)). Please fill in the attached return and send it back by \(deadline.longLabel).")
            lines += ["", "Still to update (\(actions.count)):"]
        }
        let live = plan.editingQuarter(on: today)
        for action in actions {
            let due = action.due.map { ", due \($0.longLabel)\(action.isOverdue(on: today) ? " (OVERDUE)" : "")" } ?? ""
            // The status the attached return shows: the lead's for the return's quarter.
            let status = plan.returnAnswer(for: action, in: quarter, live: live).status
            lines.append("- \(oneLine(action.id)) \(oneLine(action.title)): \(oneLine(plan.statusLabel(status)))\(due)")
        }
        let overdue = actions.filter { $0.isOverdue(on: today) }.count
        if overdue > 0 {
            lines += ["", "\(overdue) of these \(overdue == 1 ? "is" : "are") past \(overdue == 1 ? "its" : "their") due date: "
                      + "please say what is being done and when it will be finished."]
        }
        lines += ["", "Thank you.", "", "Sent with dplan for \(oneLine(plan.partnership))."]
        return lines.joined(separator: "\n")
    }

    /// The message, from `from` to `to`, with `attachment` (the return workbook).
    public func message(from: MailAddress, to: MailAddress, attachment: MailMessage.Attachment, now: Timestamp) -> MailMessage {
        MailMessage(from: from, to: to, subject: subject, date: now, messageID: MailMessage.newMessageID(from: from), body: body,
                    attachments: [attachment])
    }

    private func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isNewline }).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}
