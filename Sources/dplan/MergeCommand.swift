import ArgumentParser
import Foundation
import PlanApp
import PlanModel
import PlanStore

/// `dplan merge PLAN OTHER [--base BASE]`: brings a sync-conflict copy ("plan (1).json",
/// "plan-LAPTOP-123.json") back into the plan, field by field, as git's merge driver does.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge a sync-conflict copy (OneDrive, SharePoint, Dropbox) into the plan, field by field.",
        discussion: """
            Without --base the common version is found from content: among the versions kept in .dplan/ beside the \
            plan (and the two files themselves), the one whose audit trail both files contain, with the longest such \
            trail; when none is, or two different ones tie, nothing is merged. A field both changed differently keeps the plan's value and is recorded for dplan resolve \
            (exit 1). The copy is never changed; delete it once the merge is done.
            """)

    @OptionGroup var plan: PlanFileArgument
    @Argument(help: "The other copy of the plan.") var other: String
    @Option(help: "The version both started from (default: found from the audit trails, see below).") var base: String?

    func run() throws {
        let file = plan.file
        if AtomicFile.sameFile(file, other) { throw DplanError.refused("\(other): that is the plan itself; give the other copy (nothing was written)") }
        var (document, ours) = try openForEditing(file)
        let theirs = try loadWhole(other)
        let common = try base.map(loadWhole) ?? commonVersion(ours: ours, theirs: theirs)
        let result = PlanMerge.mergeRecordingConflicts(base: common, ours: ours, theirs: theirs)
        let problems = result.plan.validate().filter { !$0.path.hasPrefix("conflicts[") }
        guard problems.isEmpty else {
            throw DplanError.refused((["\(file): merging \(other) would leave the plan with problems (nothing was written):"]
                + problems.map { "\(file): \(clean($0.description))" }).joined(separator: "\n"))
        }
        guard result.plan != ours else {
            print("\(file): \(other) has nothing the plan lacks; nothing to merge (you can delete the copy)")
            return
        }
        try save(result.plan, in: &document, keepingConflicts: true)
        let changed = result.plan.actions.filter { action in ours.actions.first { $0.id == action.id } != action }.count
        print("\(file): merged \(other): \(changed) action\(changed == 1 ? "" : "s") added or changed")
        for renumbering in result.renumbered { print("\(file): \(renumbering.description)") }
        guard result.conflicts.isEmpty else {
            for conflict in result.plan.conflicts { printError("\(file): conflict: \(describeConflict(conflict))") }
            printError("\(file): saved with our value in each conflicting field. " + PlanDocument.howToResolve(file))
            throw ExitCode(1)
        }
        print("You can delete \(other) now.")
    }

    /// A plan with every field dplan knows; one with others would lose them in the merge.
    private func loadWhole(_ path: String) throws -> Plan {
        var unknown: [PlanFileError] = []
        let plan: Plan
        do { plan = try PlanFile.load(path, unknownFields: &unknown) } catch { throw DplanError.file(error) }
        if let first = unknown.first {
            throw DplanError.refused("\(clean(first.description)); merging would drop fields dplan does not know (nothing was written)")
        }
        return plan
    }

    /// The version both files grew from, found from their audit trails among the versions kept in
    /// `.dplan/` and the two files themselves; says which it used, and refuses rather than guess.
    private func commonVersion(ours: Plan, theirs: Plan) throws -> Plan {
        var candidates: [(name: String, plan: Plan)] = [(plan.file, ours), (other, theirs)]
        for kept in PlanDocument.keptVersions(of: plan.file) {
            if let version = try? PlanFile.load(kept.path) { candidates.append((kept.path, version)) }
        }
        switch CommonVersion.find(ours: ours, theirs: theirs, among: candidates) {
        case .found(let name, let entries):
            guard let found = candidates.first(where: { $0.name == name }) else { throw DplanError.refused("\(name): not among the versions read") }
            print("common version: \(name) (the version with the longest audit trail both files contain: \(entries) entr\(entries == 1 ? "y" : "ies"))")
            return found.plan
        case .none:
            throw DplanError.refused("\(plan.file): no version kept in .dplan/ beside it is one both files grew from (each file's audit trail "
                          + "lacks entries it has); give the version both started from with --base (nothing was written)")
        case .ambiguous(let names):
            throw DplanError.refused("\(plan.file): \(names.joined(separator: ", ")) share the longest audit trail both files contain but differ; "
                          + "give the version both started from with --base (nothing was written)")
        }
    }
}
