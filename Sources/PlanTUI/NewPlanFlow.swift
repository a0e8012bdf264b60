import Foundation
import PlanApp
import PlanModel
import PlanStore

/// The start screen's guided set-up of a new plan: one question at a time, each with a
/// suggested answer, then the plan made as `dplan new`, `dplan group set` and `dplan owner add`
/// would make it.
public struct NewPlanAnswers: Equatable, Sendable {
    public var title = ""
    public var partnership = ""
    /// `START..END`, YYYY-MM-DD each.
    public var period: String
    /// The partnership's own names for the four prevention groups, in the groups' order.
    public var groupNames = PreventionGroup.allCases.map(\.defaultName)
    /// Lead agencies or officers, separated by commas.
    public var owners = ""
    public var file = ""

    /// Suggests the three financial years from the one holding `today`.
    public init(today: Day) {
        let start = Quarter(year: Quarter.containing(today, fyStartMonth: 4).year, number: 1)!.firstDay(fyStartMonth: 4)
        period = "\(start)..\(start.firstOfMonth(adding: 36).adding(days: -1))"
    }

    /// The questions, in order.
    public enum Step: Equatable, Sendable {
        case title, partnership, period
        case groupName(Int)
        case owners, file

        var prompt: String {
            switch self {
            case .title: "New plan (1/6): its title"
            case .partnership: "New plan (2/6): the partnership that owns it"
            case .period: "New plan (3/6): its period, START..END"
            case .groupName(let index):
                "New plan (4/6): your name for \"\(PreventionGroup.allCases[index].defaultName)\""
            case .owners: "New plan (5/6): lead agencies or officers, separated by commas (may be empty)"
            case .file: "New plan (6/6): the file to create"
            }
        }

        var next: Step? {
            switch self {
            case .title: .partnership
            case .partnership: .period
            case .period: .groupName(0)
            case .groupName(let index): index + 1 < PreventionGroup.allCases.count ? .groupName(index + 1) : .owners
            case .owners: .file
            case .file: nil
            }
        }
    }

    /// The answer given so far (or suggested) for a step.
    func answer(_ step: Step) -> String {
        switch step {
        case .title: title
        case .partnership: partnership
        case .period: period
        case .groupName(let index): groupNames[index]
        case .owners: owners
        case .file: file.isEmpty ? Self.fileName(for: title) : file
        }
    }

    /// Takes an answer; returns why it cannot be taken, if it cannot.
    mutating func take(_ text: String, for step: Step) -> String? {
        let text = text.trimmingCharacters(in: .whitespaces)
        switch step {
        case .title, .partnership, .groupName, .file:
            if text.isEmpty { return "This cannot be empty" }
        case .period:
            if parsedPeriod(text) == nil { return "Write the period as START..END, e.g. 2026-04-01..2029-03-31" }
        case .owners:
            break
        }
        switch step {
        case .title: title = text
        case .partnership: partnership = text
        case .period: period = text
        case .groupName(let index): groupNames[index] = text
        case .owners: owners = text
        case .file: file = text.hasSuffix(".json") ? text : text + ".json"
        }
        return nil
    }

    private func parsedPeriod(_ text: String) -> Period? {
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2, let start = Day(iso: parts[0].trimmingCharacters(in: .whitespaces)),
              let end = Day(iso: parts[1].trimmingCharacters(in: .whitespaces)), start < end,
              Period.problem(with: start) == nil, Period.problem(with: end) == nil else { return nil }
        return Period(start: start, end: end)
    }

    /// A file name from a title: lower case, words joined by hyphens.
    static func fileName(for title: String) -> String {
        let words = title.lowercased().split { !$0.isLetter && !$0.isNumber }
        return (words.isEmpty ? "plan" : words.joined(separator: "-")) + ".json"
    }

    /// The plan the answers describe, valid, or the reason it cannot be made.
    public func plan(context: EditContext) throws(DplanError) -> Plan {
        guard let period = parsedPeriod(period) else { throw .usage("the period \"\(period)\" is not START..END") }
        let id = String((file as NSString).lastPathComponent).replacingOccurrences(of: ".json", with: "")
        var plan = Plan(id: id, title: title, partnership: partnership, period: period, financialYearStartMonth: 4)
        do {
            for (group, name) in zip(PreventionGroup.allCases, groupNames) where name != plan.name(of: group) {
                try plan.setGroup(group, name: name, aim: nil, position: nil, context: context)
            }
            for owner in owners.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !owner.isEmpty {
                try plan.addOwner(name: owner, context: context)
            }
        } catch {
            throw .edit(file: file, error)
        }
        let problems = plan.validate()
        guard problems.isEmpty else { throw .invalidPlan(path: file, problems: problems) }
        return plan
    }
}
