import ArgumentParser
import Foundation
import PlanApp

/// `dplan git-setup [--global] [--check]`: registers dplan as git's merge driver for plan files
/// and marks them in `.gitattributes`. Running it again changes nothing.
struct GitSetup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "git-setup",
        abstract: "Make git merge plan files with dplan (field by field, no conflict markers).",
        discussion: """
            In a repository: sets merge.dplan.name and merge.dplan.driver in .git/config, adds "*.json merge=dplan" \
            to .gitattributes and dplan's own files (.dplan/, *.dplan-swap, *.json.lock, and .merge_file_* left by a \
            merge driver that was stopped) to .gitignore. Commit the \
            two files; git does not copy merge settings, so everyone runs dplan git-setup once in their clone (or once \
            with --global). JSON files that are not plans are still merged by git's own text merge.
            """)

    @Flag(help: "Set it up for every repository of this user (~/.gitconfig and git's global attributes file).")
    var global = false

    @Flag(help: "Only say what is missing (exit 1 when anything is); change nothing.")
    var check = false

    static let attribute = "*.json merge=dplan"
    static let ignored = [".dplan/", "*.dplan-swap", "*.json.lock", ".merge_file_*"]

    func run() throws {
        let scope = global ? ["--global"] : []
        var files: [(path: String, lines: [String], what: String)]
        if global {
            files = [(try globalAttributesFile(), [Self.attribute], "git's global attributes file")]
        } else {
            let top = try git(["rev-parse", "--show-toplevel"])
            guard top.status == 0, !top.output.isEmpty else {
                throw DplanError.refused("git-setup: not inside a git repository (nothing was changed); run it in the repository, or use --global")
            }
            files = [("\(top.output)/.gitattributes", [Self.attribute], ".gitattributes"),
                     ("\(top.output)/.gitignore", Self.ignored, ".gitignore")]
        }
        var missing: [String] = []
        let settings = [("merge.dplan.name", "dplan plan merge"), ("merge.dplan.driver", "\(try dplanCommand()) merge-driver %O %A %B %P")]
        for (key, value) in settings {
            let current = try git(["config"] + scope + ["--get", key]).output
            let fine = key == "merge.dplan.driver" ? current.hasSuffix(" merge-driver %O %A %B %P") : !current.isEmpty
            if fine {
                print("ok: \(key) = \(current)")
            } else if check {
                missing.append("\(key) is not set")
            } else {
                guard try git(["config"] + scope + [key, value]).status == 0 else { throw DplanError.refused("git-setup: git config \(key) failed") }
                print("set: \(key) = \(value)")
            }
        }
        for file in files {
            let text = (try? String(contentsOfFile: file.path, encoding: .utf8)) ?? ""
            let present = Set(text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) })
            let absent = file.lines.filter { !present.contains($0) }
            if absent.isEmpty {
                print("ok: \(file.path) has \(file.lines.joined(separator: ", "))")
            } else if check {
                missing.append("\(file.what) lacks \(absent.joined(separator: ", "))")
            } else {
                let addition = (text.isEmpty || text.hasSuffix("\n") ? "" : "\n") + absent.joined(separator: "\n") + "\n"
                do {
                    try FileManager.default.createDirectory(atPath: (file.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                    try Data((text + addition).utf8).write(to: URL(fileURLWithPath: file.path), options: .atomic)
                } catch {
                    throw DplanError.refused("git-setup: cannot write \(file.path): \(error.localizedDescription)")
                }
                print("added to \(file.path): \(absent.joined(separator: ", "))")
            }
        }
        if check {
            guard missing.isEmpty else {
                for item in missing { print("missing: \(item)") }
                print("Run dplan git-setup\(global ? " --global" : "") to set it up.")
                throw ExitCode(1)
            }
            print("git merges plan files with dplan here.")
        } else if !global {
            print("Commit .gitattributes and .gitignore; everyone else runs dplan git-setup once in their clone.")
        }
    }

    /// `core.attributesFile`, else `$XDG_CONFIG_HOME/git/attributes`, else `~/.config/git/attributes`.
    private func globalAttributesFile() throws -> String {
        let configured = try git(["config", "--global", "--get", "core.attributesFile"]).output
        if !configured.isEmpty { return (configured as NSString).expandingTildeInPath }
        let env = ProcessInfo.processInfo.environment
        if let xdg = env["XDG_CONFIG_HOME"], !xdg.isEmpty { return "\(xdg)/git/attributes" }
        return ((env["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".config/git/attributes")
    }

    /// `dplan` when that name on PATH is this program, else this program's full path (quoted
    /// for the shell git runs drivers with).
    private func dplanCommand() throws -> String {
        let me = URL(fileURLWithPath: Bundle.main.executablePath ?? CommandLine.arguments[0]).resolvingSymlinksInPath().path
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("dplan")
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                if candidate.resolvingSymlinksInPath().path == me { return "dplan" }
                break
            }
        }
        return "'" + me.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
