import ArgumentParser
import Foundation
import PlanApp
import PlanModel
import PlanStore
import TerminalText

/// `dplan merge-driver %O %A %B %P`: git's custom merge driver for plan files (set up by
/// `dplan git-setup`). Writes the merge into the `%A` file; exit 0 when clean, 1 when git must
/// report a conflict. Files that are not plans are merged by `git merge-file` instead.
struct MergeDriverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-driver",
        abstract: "git's merge driver for plan files (registered by dplan git-setup).",
        discussion: """
            git runs it as: dplan merge-driver %O %A %B %P. Plans are merged field by field and written to %A in the \
            canonical layout; new actions, milestones or funding lines both sides gave one id are both kept, ours \
            renumbered (said here and on the audit trail); a field both sides changed differently keeps our value and is recorded in the plan \
            (dplan resolve settles it), and the exit code is 1 so git reports the conflict. Other files fall back to \
            git merge-file.
            """)

    @Argument(help: "The common ancestor's version (git's %O).") var base: String
    @Argument(help: "Our version, which receives the result (git's %A).") var ours: String
    @Argument(help: "Their version (git's %B).") var theirs: String
    @Argument(help: "The file's path in the repository, for messages (git's %P).") var path: String

    func run() throws {
        let versions: [Data]
        do { versions = try [base, ours, theirs].map { path throws(PlanFileError) in try PlanFile.read(path) } } catch {
            throw DplanError.file(error)
        }
        // Until the result replaces it, %A says the merge did not finish: if this process dies
        // meanwhile, git keeps that as the file (marked conflicted) and dplan refuses it.
        try write(MergeDriver.unfinishedMarker(file: path))
        switch MergeDriver.merge(base: versions[0], ours: versions[1], theirs: versions[2], file: path) {
        case .merged(let bytes, let renumbered):
            try write(bytes)
            for renumbering in renumbered { printError("\(path): \(renumbering.description)") }
        case .conflicted(let bytes, let conflicts, let problems, let renumbered):
            try write(bytes)
            for renumbering in renumbered { printError("\(path): \(renumbering.description)") }
            for conflict in conflicts { printError("\(path): conflict: \(describeConflict(conflict))") }
            for problem in problems { printError("\(path): after the merge: \(clean(problem.description))") }
            if !conflicts.isEmpty {
                printError("\(path): the file is a valid plan holding our value in each conflicting field. " + PlanDocument.howToResolve(path))
            }
            if !problems.isEmpty {
                printError("\(path): the merged plan has problems to fix (dplan validate \(path) lists them)")
            }
            throw ExitCode(1)
        case .notAPlan(let reason):
            printError("\(clean(reason)); merging \(path) line by line with git merge-file")
            try write(versions[1])  // git merge-file merges into our version
            throw ExitCode(try textMerge())
        }
    }

    private func write(_ bytes: Data) throws {
        do { try AtomicFile.write(bytes, to: ours) } catch { throw DplanError.file(error) }
    }

    /// git's own line merge into %A; its exit code is the number of conflicts.
    private func textMerge() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "merge-file", "-L", "ours", "-L", "base", "-L", "theirs", ours, base, theirs]
        do { try process.run() } catch { throw DplanError.refused("\(path): cannot run git merge-file: \(error.localizedDescription)") }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? 0 : 1
    }
}
