import Foundation
import PlanModel
import PlanStore
import TestSupport
import Testing

/// What a save promises beyond writing the file (issue 22): the clock, permissions, special
/// files, from the command line.
@Suite struct SaveSafetyCLITests {
    /// An update made with the clock gone back before the action's latest review is refused,
    /// saying the date and that quarter, and the file is not touched.
    @Test func anUpdateWithTheClockGoneBackIsRefused() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let update = try runDplan(["set", path, "WSA-02", "--comment", "January return"], now: "2027-01-15T10:00:00Z")
        #expect(update.status == 0, "\(update.stderr)")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let back = try runDplan(["set", path, "WSA-02", "--comment", "Written with the clock gone back"], now: "2026-11-22T10:00:00Z")
        #expect(back.status == 1)
        #expect(back.stderr.contains("today is 2026-11-22 (2026/27 Q3), but this action's latest review is for 2026/27 Q4"), "\(back.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    /// Runs a shell script with `$DPLAN` the dplan binary, in `folder`: how a test sets a umask
    /// (process-wide) or another user for dplan without changing its own.
    private func shell(_ script: String, in folder: String) throws -> RunResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["DPLAN": dplanBinary().path, "DPLAN_NOW": "2026-11-22T10:00:00Z", "DPLAN_USER": "Test Officer"]) { _, new in new }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile(), errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return RunResult(status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
                         stderr: String(decoding: errors, as: UTF8.self))
    }

    private func info(_ path: String) -> stat {
        var info = stat()
        #expect(stat(path, &info) == 0, "\(path)")
        return info
    }

    /// New files (a plan, exports) are created with mode 0666 less the umask.
    @Test func newFilesHonourTheUmask() throws {
        let folder = (try temporaryCopy(of: hillingdonPlan) as NSString).deletingLastPathComponent
        let script = """
            (umask 027; "$DPLAN" generate --actions 5 --quarters 4 --seed 1 -o new.json) &&
            (umask 077; "$DPLAN" export new.json --format csv -o private.csv) &&
            (umask 002; "$DPLAN" export new.json --format markdown -o shared.md)
            """
        let run = try shell(script, in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(info("\(folder)/new.json").st_mode & 0o7777 == 0o640)
        #expect(info("\(folder)/private.csv").st_mode & 0o7777 == 0o600)
        #expect(info("\(folder)/shared.md").st_mode & 0o7777 == 0o664)
    }

    /// A save keeps the plan's mode, group and (run by root) owner, whatever the umask; its
    /// backups and the closed-quarter copy have the plan's mode and group too.
    @Test func savesAndCopiesKeepThePlansModeAndGroup() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let folder = (path as NSString).deletingLastPathComponent
        let (owner, group): (uid_t, gid_t) = getuid() == 0 ? (65534, 100) : (getuid(), getgid())
        #expect(chown(path, owner, group) == 0 && chmod(path, 0o640) == 0)
        let run = try shell("""
            umask 022
            "$DPLAN" set plan.json WSA-02 --comment "Kept private" &&
            "$DPLAN" set plan.json TER-04 --comment "Still private" &&
            "$DPLAN" review close plan.json "2026/27 Q3"
            """.replacingOccurrences(of: "plan.json", with: (path as NSString).lastPathComponent), in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        for file in [path, "\(folder)/.dplan/\(name).1.json", "\(folder)/.dplan/\(name).2.json",
                     "\(folder)/.dplan/\(name).2026-27-Q3-closed.json"] {
            let kept = info(file)
            #expect(kept.st_mode & 0o7777 == 0o640, "\(file)")
            #expect(kept.st_gid == group, "\(file)")
        }
        #expect(info(path).st_uid == owner)
    }

    /// How to run `$DPLAN` as someone other than the plan's owner: as root, `setpriv` to user
    /// nobody with group `group`; otherwise as ourselves (the plan is then made read-only for
    /// us). As root without setpriv the test fails (its trait skips it on a laptop).
    private func asSomeoneElse(group: gid_t) throws -> String {
        guard getuid() == 0 else { return "" }
        return "\(try ExternalProgram.setpriv.path()) --reuid=65534 --regid=\(group) --clear-groups "
    }

    /// A save refuses a plan the user may not write, with a clear message, instead of
    /// replacing it (which the folder's permissions would allow); nothing is written.
    @Test(.requires(.setpriv)) func aPlanTheUserCannotWriteIsNotReplaced() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let folder = (path as NSString).deletingLastPathComponent
        let someoneElse = try asSomeoneElse(group: 65534)
        #expect(chmod(folder, 0o777) == 0 && chmod(path, getuid() == 0 ? 0o644 : 0o444) == 0)
        let before = info(path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let run = try shell("\(someoneElse)\"$DPLAN\" set \"\(path)\" WSA-02 --comment 'Not mine to change'", in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("you do not have permission to change this file"), "\(run.stderr)")
        let after = info(path)
        #expect(after.st_ino == before.st_ino && after.st_uid == before.st_uid)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/.dplan"))
    }

    /// In a folder shared by a group (setgid, group-writable), `.dplan` is made in that group
    /// with its group permissions and setgid bit, whatever the first saver's umask, so another
    /// member of the group can save (and back up) after them.
    @Test(.requires(.setpriv)) func aGroupSharedFolderLetsEveryMemberSave() throws {
        guard getuid() == 0 else { print("skipped: needs root to act as two users"); return }
        let member = try asSomeoneElse(group: 100)
        let path = try temporaryCopy(of: hillingdonPlan)
        let folder = (path as NSString).deletingLastPathComponent
        #expect(chown(folder, 0, 100) == 0 && chmod(folder, 0o2775) == 0)
        #expect(chown(path, 0, 100) == 0 && chmod(path, 0o664) == 0)
        let first = try shell("umask 022; \"$DPLAN\" set \"\(path)\" WSA-02 --comment 'First'", in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        let backups = info("\(folder)/.dplan")
        #expect(backups.st_gid == 100)
        #expect(backups.st_mode & 0o7777 == 0o2775)
        let second = try shell("umask 022; \(member)\"$DPLAN\" set \"\(path)\" TER-04 --comment 'Second'", in: folder)
        #expect(second.status == 0, "\(second.stderr)")
        let plan = try PlanFile.load(path)
        #expect(plan.actions.first { $0.id == "WSA-02" }?.commentary == "First")
        #expect(plan.actions.first { $0.id == "TER-04" }?.commentary == "Second")
        #expect(info(path).st_gid == 100 && info(path).st_mode & 0o7777 == 0o664)
    }

    /// A FIFO given as a template or as a tracker to import is refused at once with a message.
    /// A dplan that waits on it instead is killed after a minute, which fails the test.
    @Test func aFIFOAsTemplateOrImportIsRefusedAtOnce() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let fifo = (path as NSString).deletingLastPathComponent + "/input.csv"
        #expect(mkfifo(fifo, 0o644) == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for arguments in [["export", path, "--template", fifo, "-o", fifo + ".out"], ["import", fifo, "--into", path, "--update"]] {
            let process = Process()
            process.executableURL = dplanBinary()
            process.arguments = arguments
            process.environment = ["DPLAN_NOW": "2026-11-22T10:00:00Z", "DPLAN_USER": "Test Officer"]
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let pid = process.processIdentifier
            let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
            DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
            let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            watchdog.cancel()
            #expect(process.terminationReason == .exit && process.terminationStatus == 1, "\(arguments[0]) waited on the FIFO")
            #expect(errors.contains("\(fifo): is a FIFO (named pipe), not a regular file; dplan reads only regular files"), "\(errors)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}
