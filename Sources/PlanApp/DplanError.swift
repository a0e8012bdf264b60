import Foundation
import PlanModel
import PlanReports
import PlanStore
import TerminalText

/// Why dplan refused a request, whichever front end made it. Each case keeps the error it wraps
/// (the store's, the model's, a conversion's) so callers can decide by kind; `message` and
/// `exitCode` turn it into words and a process status in this one place.
public enum DplanError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A file could not be read, parsed or written (the store's error, with file and position).
    case file(PlanFileError)
    /// A save did not happen: conflicts with what someone else saved, or unresolved conflicts.
    case save(PlanDocument.SaveError)
    /// A PDF or Word document could not be made; nothing was written.
    case conversion(ConversionError)
    /// The plan has problems; changing it would build on broken data. Nothing was written.
    case invalidPlan(path: String, problems: [Problem])
    /// The plan has a problem no command can work past (`Plan.loadProblems`: its period, the
    /// financial year's first month, an indicator value out of range).
    case unusablePlan(path: String, problems: [Problem])
    /// The plan holds merge conflicts nobody has decided yet. Nothing was written.
    case unresolvedConflicts(path: String, conflicts: [MergeConflict])
    /// The plan has fields dplan does not know, which a save would drop. Nothing was written.
    case unknownFields(path: String, fields: [PlanFileError])
    /// An export aimed at the plan file itself.
    case exportOverPlanFile(path: String)
    /// An output path that is a device, FIFO, socket or folder.
    case notRegularFile(path: String, kind: String)
    /// An export's file exists and replacing it was not confirmed.
    case wouldOverwrite(path: String)
    /// The user cancelled a running export; nothing was written.
    case cancelled
    /// A rule of the plan refused an edit of the plan in `file` (the model's error); nothing was written.
    case edit(file: String, PlanEditError)
    /// A refused operation, in words (a value the plan does not have, a file that is not a plan…).
    case refused(String)
    /// A request that cannot be carried out as asked: an option the plan cannot use (exit 2).
    case usage(String)

    /// The process status a command exits with: 2 for a usage error, 1 for everything refused.
    public var exitCode: Int32 {
        if case .usage = self { return 2 }
        return 1
    }

    public var description: String { message }

    /// What to tell the user: what went wrong, where, and what was (not) written.
    public var message: String {
        switch self {
        case .file(let error): error.description
        case .save(let error): error.description
        case .conversion(let error): "\(error.description) (nothing was written)"
        case .invalidPlan(let path, let problems):
            (["\(path): the plan has problems; fix them before changing it (nothing was written):"]
                + problems.map { "\(path): \($0)" }).joined(separator: "\n")
        case .unusablePlan(let path, let problems):
            (["\(path): the plan cannot be used until this is put right in the file (dplan validate lists every problem):"]
                + problems.map { "\(path): \($0)" }).joined(separator: "\n")
        case .unresolvedConflicts(let path, let conflicts):
            (["\(path): the plan has \(conflicts.count) unresolved merge conflict\(conflicts.count == 1 ? "" : "s") from a merge; "
                + "resolve them before changing it (nothing was written):"]
                + conflicts.map { "\(path): \(describeConflict($0))" } + [PlanDocument.howToResolve(path)]).joined(separator: "\n")
        case .unknownFields(let path, let fields):
            (["\(path): the plan has fields dplan does not know, and saving would drop them (nothing was written):"]
                + fields.map { sanitizedForTerminal($0.description) }
                + ["Move what they hold into a description or commentary, or drop them with: dplan format --drop-unknown \(path)"])
                .joined(separator: "\n")
        case .exportOverPlanFile(let path): "\(path): that is the plan file; choose another output path (nothing was written)"
        case .notRegularFile(let path, let kind):
            "\(path): is \(kind), not a regular file; exports replace only regular files (-o - writes to standard output); nothing was written"
        case .wouldOverwrite(let path): "\(path) exists; nothing was written"
        case .cancelled: "Export cancelled; nothing was written"
        case .edit(let file, let error): "\(file): \(error) (nothing was written)"
        case .refused(let words): words
        case .usage(let words): words
        }
    }
}

/// "action SEC-06: title: ours "A" (Police, 2026-11-20T10:00:00Z), theirs "B" (Council, …), base "C"".
public func describeConflict(_ conflict: MergeConflict) -> String {
    func side(_ value: String?, _ by: String?, _ on: Timestamp?) -> String {
        let who = [by.map(sanitizedForTerminal), on?.description].compactMap { $0 }.joined(separator: ", ")
        let shown = conflict.wholeReview == nil ? value : value.map(reviewInWords)
        return truncated(sanitizedForTerminal(shown ?? "(absent)"), toWidth: 100) + (who.isEmpty ? "" : " (\(who))")
    }
    return "\(sanitizedForTerminal(conflict.label)): ours \(side(conflict.ours, conflict.oursBy, conflict.oursOn)), "
        + "theirs \(side(conflict.theirs, conflict.theirsBy, conflict.theirsOn)), base \(side(conflict.base, nil, nil))"
}

/// A review a conflict holds (JSON text) as its status and words: `red — IDVA post vacant`.
public func reviewInWords(_ json: String) -> String {
    guard let review = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any],
          let status = review["status"] as? String else { return json }
    let words = review["commentary"] as? String ?? ""
    let said = !words.isEmpty ? words : review["noUpdateProvided"] as? Bool == true ? "(no update provided)" : "(no commentary)"
    return "\(status) — \(said)" + (review["restricted"] as? Bool == true ? " (restricted)" : "")
}
