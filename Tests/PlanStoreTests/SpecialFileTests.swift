import Foundation
import PlanModel
@testable import PlanStore
import Testing

/// Files beside a plan that are not what dplan expects (issue 22, item 10): a FIFO or a device
/// in place of the lock, the swap journal or a file to read is refused at once, never waited
/// on; a folder the user cannot write says so; every lock message fits 80 columns.
@Suite struct SpecialFileTests {
    let now = Timestamp(iso: "2026-11-22T10:42:00Z")!

    /// What `body` returns, run on a thread of its own; nil, recording an issue, when it has not
    /// returned within a minute: it is waiting on a FIFO it should have refused. (The thread is
    /// left blocked; the suite goes on.)
    func promptly<T: Sendable>(_ what: String, _ body: @escaping @Sendable () -> T) -> T? {
        let slot = Slot<T>(), done = DispatchSemaphore(value: 0)
        Thread { slot.value = body(); done.signal() }.start()
        guard done.wait(timeout: .now() + 60) == .success else {
            Issue.record("\(what) waited instead of refusing at once")
            return nil
        }
        return slot.value
    }

    func planInFreshFolder() throws -> String {
        let path = try temporaryFolder().appendingPathComponent("plan.json").path
        try FileManager.default.copyItem(atPath: hillingdonSample, toPath: path)
        return path
    }

    @Test func aFIFOAsTheLockIsRefusedAtOnce() throws {
        let path = try planInFreshFolder()
        #expect(mkfifo(PlanLock.path(for: path), 0o644) == 0)
        let now = self.now
        #expect(promptly("take") { PlanLock.take(path, user: "Sam", now: now) }
                == .refused("read-only: plan.json.lock is not a lock file; remove it, then reopen"))
        #expect(promptly("release") { PlanLock.release(path) } != nil)
        #expect(AtomicFile.nonRegularKind(PlanLock.path(for: path)) == "a FIFO (named pipe)")
    }

    @Test func aFIFOAsTheSwapJournalIsRefusedAtOnce() throws {
        let path = try planInFreshFolder()
        let journal = SwapJournal(planPath: path)
        #expect(mkfifo(journal.path, 0o600) == 0)
        #expect(promptly("read") { journal.read() == nil } == true)
        #expect(journal.problem == ".plan.json.dplan-swap is a FIFO (named pipe); remove it to keep a swap file")
        let plan = try PlanFile.load(path)
        let now = self.now
        #expect(promptly("append") { (try? journal.append(from: nil, to: plan, label: "edit", by: "Jo", on: now)) == nil } == true)
    }

    @Test func devicesAndFIFOsAreNeverRead() throws {
        let fifo = try temporaryFolder().appendingPathComponent("template.mustache").path
        #expect(mkfifo(fifo, 0o644) == 0)
        for (path, kind) in [(fifo, "a FIFO (named pipe)"), ("/dev/null", "a character device")] {
            let refusal = promptly("read") { () -> PlanFileError? in
                do throws(PlanFileError) { _ = try PlanFile.read(path) } catch { return error }
                return nil
            }
            #expect(refusal == PlanFileError(file: path, message: "is \(kind), not a regular file; dplan reads only regular files"))
        }
    }

    /// Makes `folder` unwritable even for root (the immutable attribute) or, run by someone
    /// else, by its mode; nil, having said why, when that cannot be done.
    private func makeUnwritable(_ folder: String) -> (() -> Void)? {
        guard getuid() == 0 else {
            chmod(folder, 0o555)
            return { chmod(folder, 0o755) }
        }
        guard run("chattr", "+i", folder) else {
            // chattr (e2fsprogs) is missing, or the file system has no immutable attribute.
            let reason = "cannot make \(folder) immutable (chattr, from e2fsprogs, on ext4)"
            if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record("CI needs: \(reason)") } else { print("skipped: \(reason)") }
            return nil
        }
        return { _ = run("chattr", "-i", folder) }
    }

    private func run(_ arguments: String...) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    @Test func aFolderTheUserCannotWriteSaysSo() throws {
        let path = try planInFreshFolder()
        let folder = PathParts.folder(of: path)
        guard let undo = makeUnwritable(folder) else { return }
        defer { undo() }
        #expect(PlanLock.take(path, user: "Sam", now: now) == .refused("read-only: you cannot write in the folder of plan.json, so cannot save it"))
        var document = try PlanDocument.open(path)
        do {
            _ = try document.save(document.base)
            Issue.record("saved into a folder that cannot be written")
        } catch {
            #expect(error.description.contains("you cannot write in the folder"), "\(error)")
        }
    }

    /// Every lock message is one whole line (what happened and what to do) of at most 80
    /// columns, however long the names in it.
    @Test func lockMessagesFitEightyColumns() throws {
        let long = String(repeating: "Alexandria-Constantinople ", count: 3)
        let host = ProcessInfo.processInfo.hostName
        let holders = [PlanLock.Holder(user: long, host: long, pid: Int32.max, since: now),
                       PlanLock.Holder(user: long, host: host, pid: 999_999, since: now)]  // a lock left by a crash
        var texts = holders.map(\.readOnlyReason) + holders.flatMap { $0.takeOverQuestion.split(separator: "\n").map(String.init) }
        #expect(texts[0].hasSuffix("; --ignore-lock to edit") && texts[1].hasSuffix("reopen with --break-lock"))
        let path = try temporaryFolder().appendingPathComponent(long.replacingOccurrences(of: " ", with: "") + ".json").path
        try FileManager.default.copyItem(atPath: hillingdonSample, toPath: path)
        #expect(mkfifo(PlanLock.path(for: path), 0o644) == 0)
        guard case .refused(let refusal) = PlanLock.take(path, user: "Sam", now: now) else { Issue.record("not refused"); return }
        texts.append(refusal)
        #expect(mkfifo(SwapJournal(planPath: path).path, 0o600) == 0)
        texts += [try #require(SwapJournal(planPath: path).problem)]
        for text in texts { #expect(text.count <= 80, "\(text.count) columns: \(text)") }
        // Short names are not cut.
        let jo = PlanLock.Holder(user: "Jo", host: "laptop-3", pid: 4242, since: now)
        #expect(jo.readOnlyReason == "read-only: open by Jo on laptop-3 (22 Nov 10:42); --ignore-lock to edit")
    }
}

/// A value one thread leaves for another, which reads it after a semaphore says it is there.
private final class Slot<T>: @unchecked Sendable {
    var value: T?
}
