import Foundation
import PlanModel

/// The plan fields a tracker column can fill, and how column headers are recognised.
public enum TrackerField: String, CaseIterable, Sendable {
    case id, title, description, group, owner, partners, workstreams, start, due, status, leadStatus, commentary, outcome, funding, reason

    /// Whole headers, normalised (lower case, letters and digits only), that name a field.
    static let synonyms: [TrackerField: Set<String>] = [
        .id: ["id", "ref", "reference", "no", "number", "actionid", "actionref", "actionno", "actionnumber", "refno"],
        .title: ["action", "actions", "title", "actiontitle", "activity", "intervention", "whatwewilldo", "task"],
        .description: ["description", "detail", "details"],
        .group: ["preventiongroup", "group", "theme", "pillar", "priority", "objective", "strand", "prevention"],
        .owner: ["owner", "lead", "leadagency", "leadofficer", "responsible", "actionowner", "leadpartner", "agency"],
        .partners: ["partners", "supportingpartners", "partneragencies", "supportingagencies", "support", "supportedby"],
        .workstreams: ["workstream", "workstreams", "crimetype", "vvraptheme"],
        .start: ["start", "startdate"],
        .due: ["due", "duedate", "targetdate", "deadline", "completiondate", "bywhen", "target", "timescale", "timescales"],
        .status: ["rag", "status", "ragstatus", "ragrating", "rating", "progressrating"],
        .leadStatus: ["leadsstatus", "leadstatus"],
        .commentary: ["commentary", "progressupdate", "update", "comments", "comment", "progress", "latestupdate"],
        .outcome: ["outcome", "outcomemeasure", "outcomes", "successcriteria", "measure", "measures", "milestones", "keymilestones"],
        .funding: ["funding", "fundingsource", "budget", "cost", "costs"],
        .reason: ["reason", "reasonfordatechange", "reasonfortargetdatechange", "reasonifthetargetdatechanged"],
    ]

    /// Words that make a longer header mean a field, tried in this order (so "Reason if the target
    /// date changed" is a reason, "Supporting agencies" partners, "Lead Officer / Agency" the owner
    /// and "Progress Update Q2 25/26" the commentary).
    static let words: [(TrackerField, Set<String>)] = [
        (.reason, ["reason"]),
        (.status, ["rag", "status", "rating"]),
        (.partners, ["partners", "partner", "supporting", "support", "supported"]),
        (.commentary, ["progress", "update", "commentary", "comments", "comment"]),
        (.outcome, ["outcome", "outcomes", "measure", "measures", "milestones", "milestone", "success", "kpi", "kpis"]),
        (.start, ["start"]),
        (.due, ["due", "deadline", "completion", "timescale", "timescales", "target", "when"]),
        (.funding, ["funding", "budget", "cost", "costs", "grant"]),
        (.id, ["ref", "reference", "id", "no", "number"]),
        (.owner, ["lead", "owner", "responsible", "agency", "officer"]),
        (.group, ["priority", "theme", "pillar", "objective", "strand", "prevention", "group"]),
        (.workstreams, ["workstream", "workstreams"]),
        (.description, ["description", "detail", "details"]),
        (.title, ["action", "actions", "activity", "activities", "intervention", "interventions", "task", "title"]),
    ]

    /// The field a header names, or nil.
    static func recognise(_ header: String) -> TrackerField? {
        let key = header.lowercased().filter { $0.isLetter || $0.isNumber }
        guard !key.isEmpty else { return nil }
        if let field = allCases.first(where: { synonyms[$0]?.contains(key) ?? false }) { return field }
        let headerWords = Set(header.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init))
        return words.first { !$0.1.isDisjoint(with: headerWords) }?.0
    }

    /// What the field is, for the mapping printed before an import.
    public var meaning: String {
        switch self {
        case .id: "matches returns to actions"
        case .title: "action title"
        case .description: "description"
        case .group: "prevention group, or a workstream"
        case .owner: "lead owner"
        case .partners: "partners"
        case .workstreams: "workstreams"
        case .start: "start date"
        case .due: "due date"
        case .status: "status"
        case .leadStatus: "the lead's status where the board gave its own (Status is then the board's)"
        case .commentary: "commentary"
        case .outcome: "outcome measure"
        case .funding: "funding"
        case .reason: "reason for a due-date change"
        }
    }
}

/// Finds a financial-year quarter written in a header or a cell: "Q2 25/26", "Q2 2025/26",
/// "2025/26 Q2", "Quarter 2 2025-26".
func quarter(in text: String) -> Quarter? {
    let lower = text.lowercased()
    let quarterPattern = try! Regex(#"\b(?:q|quarter\s*)([1-4])\b"#)
    let yearPattern = try! Regex(#"\b(20\d{2}|\d{2})\s*[/-]\s*(20\d{2}|\d{2})\b"#)
    guard let q = lower.firstMatch(of: quarterPattern), let number = Int(q.output[1].substring ?? ""),
          let y = lower.firstMatch(of: yearPattern), let first = Int(y.output[1].substring ?? ""),
          let second = Int(y.output[2].substring ?? "") else { return nil }
    let start = first < 100 ? 2000 + first : first
    guard (start + 1) % 100 == second % 100 else { return nil }
    return Quarter(year: start, number: number)
}
