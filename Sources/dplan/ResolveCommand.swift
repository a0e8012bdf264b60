import ArgumentParser
import PlanApp
import PlanModel
import PlanStore

/// `dplan resolve PLAN [--ours|--theirs] [ID [FIELD] --take ours|theirs]`: lists or settles the
/// merge conflicts a git merge or `dplan merge` recorded in a plan.
struct Resolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List or settle the merge conflicts recorded in a plan.",
        discussion: """
            With no choice, lists the conflicts. --ours keeps our value everywhere, --theirs takes theirs everywhere; \
            ID FIELD --take ours|theirs decides one field (FIELD as listed, e.g. title, due, reviews; leave it out to \
            decide every conflict of that action, owner or workstream; the plan's own fields use ID plan).
            """)

    /// Which side a decision keeps.
    enum Take: String, ExpressibleByArgument, CaseIterable {
        case ours, theirs
    }

    @OptionGroup var plan: PlanFileArgument
    @Argument(help: "The action, owner or workstream id (plan for the plan's own fields).") var id: String?
    @Argument(help: "The field, e.g. title, due, reviews[quarter=2026/27 Q3].status.") var field: String?
    @Option(help: "Which value to keep for ID FIELD: ours or theirs.") var take: Take?
    @Flag(help: "Keep our value in every conflict.") var ours = false
    @Flag(help: "Take their value in every conflict.") var theirs = false
    @OptionGroup var author: AuthorOption

    func validate() throws {
        if ours && theirs { throw ValidationError("give --ours or --theirs, not both") }
        if (ours || theirs) && (id != nil || take != nil) { throw ValidationError("--ours and --theirs settle every conflict; leave out ID, FIELD and --take") }
        if id != nil && take == nil { throw ValidationError("say which value to keep: --take ours or --take theirs") }
        if take != nil && id == nil { throw ValidationError("--take needs the ID (and FIELD) of the conflict") }
    }

    func run() throws {
        let file = plan.file
        var document: PlanDocument
        do { document = try PlanDocument.open(file) } catch { throw DplanError.file(error) }
        guard document.unknownFields.isEmpty else {
            throw DplanError.refused("\(file): the plan has fields dplan does not know, and saving would drop them (nothing was written); "
                          + "see dplan validate \(file)")
        }
        var plan = document.base
        guard !plan.conflicts.isEmpty else {
            print("\(file): no unresolved merge conflicts")
            return
        }
        let side: MergeConflict.Side
        let selects: (MergeConflict) -> Bool
        if ours || theirs {
            side = ours ? .ours : .theirs
            selects = { _ in true }
        } else if let id, let take {
            side = take == .ours ? .ours : .theirs
            selects = { $0.matches(subject: id, field: field) }
        } else {
            list(plan.conflicts, file: file)
            return
        }
        let problemsBefore = Set(otherProblems(plan))
        let context = EditContext(by: author.name, now: try currentTime())
        let settled: [MergeConflict]
        do {
            settled = try plan.resolveConflicts(take: side, context: context, where: selects)
        } catch {
            throw DplanError.refused("\(file): \(clean(error.description)) (nothing was written)")
        }
        guard !settled.isEmpty else {
            throw DplanError.refused((["\(file): no conflict on \(clean(id ?? ""))\(field.map { " " + clean($0) } ?? "") (nothing was written); the conflicts are:"]
                + plan.conflicts.map { "  \(clean($0.subject)) \(clean($0.field))  \(describeConflict($0))" }).joined(separator: "\n"))
        }
        let added = otherProblems(plan).filter { !problemsBefore.contains($0) }
        guard added.isEmpty else {
            throw DplanError.refused((["\(file): taking \(side == .ours ? "ours" : "theirs") would leave the plan with problems (nothing was written):"]
                + added.map { "\(file): \(clean($0))" }).joined(separator: "\n"))
        }
        try save(plan, in: &document, keepingConflicts: true)
        for conflict in settled {
            print("\(clean(conflict.label)): kept \(side == .ours ? "ours" : "theirs")")
        }
        if plan.conflicts.isEmpty {
            let remaining = plan.validate()
            print("\(file): every conflict is resolved\(remaining.isEmpty ? " and the plan validates" : "; \(remaining.count) problem\(remaining.count == 1 ? "" : "s") left (dplan validate \(file))")"
                  + "; if git reported the conflict, git add \(file) and commit")
        } else {
            print("\(file): \(plan.conflicts.count) conflict\(plan.conflicts.count == 1 ? "" : "s") left (dplan resolve \(file) lists them)")
        }
    }

    private func otherProblems(_ plan: Plan) -> [String] {
        plan.validate().filter { !$0.path.hasPrefix("conflicts[") }.map(\.description)
    }

    private func list(_ conflicts: [MergeConflict], file: String) {
        print("\(file): \(conflicts.count) unresolved merge conflict\(conflicts.count == 1 ? "" : "s"):")
        var rows = [["ID", "FIELD", "CONFLICT"]]
        for conflict in conflicts {
            rows.append([clean(conflict.subject), clean(conflict.field.isEmpty ? "-" : conflict.field), describeConflict(conflict)])
        }
        print(table(rows))
        print(PlanDocument.howToResolve(file))
    }
}
