import ArgumentParser
import Foundation
import PlanModel
import PlanStore

/// `dplan merge PLAN OTHER [--base BASE]`: brings a sync-conflict copy ("plan (1).json",
/// "plan-LAPTOP-123.json") back into the plan, field by field, as git's merge driver does.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge a sync-conflict copy (OneDrive, SharePoint, Dropbox) into the plan, field by field.",
        discussion: """
            Without --base the common version is the newest backup in .dplan/ beside the plan that is older than \
            both files. A field both changed differently keeps the plan's value and is recorded for dplan resolve \
            (exit 1). The copy is never changed; delete it once the merge is done.
            """)

    @OptionGroup var plan: PlanFileArgument
    @Argument(help: "The other copy of the plan.") var other: String
    @Option(help: "The version both started from (default: the newest backup in .dplan/ older than both).") var base: String?

    func run() throws {
        let file = plan.file
        if AtomicFile.sameFile(file, other) { throw Failure("\(other): that is the plan itself; give the other copy (nothing was written)") }
        var (document, ours) = try openForEditing(file)
        let theirs = try loadWhole(other)
        let basePath = try base ?? newestBackup(olderThan: [file, other])
        let common = try loadWhole(basePath)
        if base == nil { print("common version: \(basePath) (saved \(PlanDocument.modificationTime(basePath).map(describeTime) ?? "at an unknown time"))") }
        let result = PlanMerge.mergeRecordingConflicts(base: common, ours: ours, theirs: theirs)
        let problems = result.plan.validate().filter { !$0.path.hasPrefix("conflicts[") }
        guard problems.isEmpty else {
            throw Failure((["\(file): merging \(other) would leave the plan with problems (nothing was written):"]
                + problems.map { "\(file): \(clean($0.description))" }).joined(separator: "\n"))
        }
        guard result.plan != ours else {
            print("\(file): \(other) has nothing the plan lacks; nothing to merge (you can delete the copy)")
            return
        }
        do { _ = try document.save(result.plan, keepingConflicts: true) } catch { throw Failure(error.description) }
        let changed = result.plan.actions.filter { action in ours.actions.first { $0.id == action.id } != action }.count
        print("\(file): merged \(other): \(changed) action\(changed == 1 ? "" : "s") added or changed")
        for renumbering in result.renumbered { print("\(file): \(renumbering.description)") }
        guard result.conflicts.isEmpty else {
            for conflict in result.plan.conflicts { printError("\(file): conflict: \(describe(conflict))") }
            printError("\(file): saved with our value in each conflicting field. " + PlanDocument.howToResolve(file))
            throw ExitCode(1)
        }
        print("You can delete \(other) now.")
    }

    /// A plan with every field dplan knows; one with others would lose them in the merge.
    private func loadWhole(_ path: String) throws -> Plan {
        var unknown: [PlanFileError] = []
        let plan: Plan
        do { plan = try PlanFile.load(path, unknownFields: &unknown) } catch { throw Failure(error.description) }
        if let first = unknown.first {
            throw Failure("\(clean(first.description)); merging would drop fields dplan does not know (nothing was written)")
        }
        return plan
    }

    /// The newest version kept in `.dplan/` beside the plan last written before every one of `files`.
    private func newestBackup(olderThan files: [String]) throws -> String {
        guard let limit = files.compactMap(PlanDocument.modificationTime).min() else { throw Failure("cannot read the files' modification times") }
        guard let newest = PlanDocument.keptVersions(of: plan.file).first(where: { $0.modified < limit }) else {
            throw Failure("\(plan.file): no backup in .dplan/ beside it older than both files to merge from; "
                          + "give the version both started from with --base (nothing was written)")
        }
        return newest.path
    }
}

private func describeTime(_ seconds: Double) -> String {
    Timestamp(secondsSinceEpoch: Int(seconds)).readable
}
