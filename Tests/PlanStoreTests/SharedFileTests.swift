import Foundation
import PlanModel
@testable import PlanStore
import Testing

@Suite struct SharedFileTests {
    let me = EditContext(by: "Me", now: Timestamp(iso: "2026-11-22T10:00:00Z")!)
    let colleague = EditContext(by: "Colleague", now: Timestamp(iso: "2026-11-22T10:05:00Z")!)

    func copyOfSample() throws -> String {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("plan.json").path
        try FileManager.default.copyItem(atPath: hillingdonSample, toPath: path)
        return path
    }

    @Test func changesToDifferentActionsMerge() throws {
        let path = try copyOfSample()
        var document = try PlanDocument.open(path)
        var mine = document.base
        try mine.recordUpdate(actionID: "SEC-06", status: .amber, commentary: "IDVA funding ends", context: me)
        // A colleague saves a change to another action meanwhile.
        var theirs = try PlanFile.load(path)
        try theirs.recordUpdate(actionID: "TER-04", status: .complete, commentary: "Closure orders done", context: colleague)
        try theirs.addAction(Action(id: "PRI-07", group: .primary, title: "New campaign", owner: "shp"), context: colleague)
        try PlanFile.save(theirs, to: path)
        #expect(document.changedOnDisk())
        let outcome = try document.save(mine)
        guard case .merged(let merged, _) = outcome else { Issue.record("expected a merge"); return }
        let onDisk = try PlanFile.load(path)
        #expect(onDisk == merged)
        #expect(onDisk.actions.first { $0.id == "SEC-06" }?.status == .amber)
        #expect(onDisk.actions.first { $0.id == "TER-04" }?.status == .complete)
        #expect(onDisk.actionIndex(id: "PRI-07") != nil)
        #expect(onDisk.validate().isEmpty)
        #expect(!document.changedOnDisk())
    }

    @Test func differentFieldsOfOneActionMergeWithTheirBookkeeping() throws {
        let path = try copyOfSample()
        var document = try PlanDocument.open(path)
        var mine = document.base
        try mine.editAction(id: "SEC-06", context: me) { $0.title = "My title" }
        var theirs = try PlanFile.load(path)
        try theirs.moveDue(actionID: "SEC-06", to: Day(iso: "2027-02-26")!, reason: "Funding moved", context: colleague)
        try PlanFile.save(theirs, to: path)
        let merge = PlanMerge.merge(base: document.base, mine: mine, theirs: theirs)
        #expect(merge.conflicts.isEmpty, "\(merge.conflicts.map(\.path))")
        _ = try document.save(mine)
        let action = try #require(try PlanFile.load(path).actions.first { $0.id == "SEC-06" })
        #expect(action.title == "My title")
        #expect(action.due == Day(iso: "2027-02-26"))
        #expect(action.updated == colleague.now && action.updatedBy == "Colleague")  // the later edit
        #expect(action.changeLog?.map(\.field) == ["title", "due"])  // both, in time order
        #expect(action.changeLog?.map(\.by) == ["Me", "Colleague"])
    }

    @Test func aSaveNeverMergesAwayFieldsItDoesNotKnow() throws {
        let path = try copyOfSample()
        var document = try PlanDocument.open(path)
        var mine = document.base
        try mine.editAction(id: "SEC-06", context: me) { $0.title = "My title" }
        // Someone adds a field of their own by hand meanwhile.
        let edited = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "{\n  \"actions\" : [\n    {\n", with: "{\n  \"actions\" : [\n    {\n      \"notes\" : \"ask Jo\",\n")
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: PlanDocument.SaveError.self) { _ = try document.save(mine) }
        do { _ = try document.save(mine) } catch {
            #expect(error.description.contains("actions[0].notes: changed on disk by someone else, with fields dplan does not know (1)"))
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == edited)
    }

    @Test func theSameFieldChangedOnBothSidesIsRefused() throws {
        let path = try copyOfSample()
        var document = try PlanDocument.open(path)
        var mine = document.base
        try mine.editAction(id: "SEC-06", context: me) { $0.title = "My title" }
        var theirs = try PlanFile.load(path)
        try theirs.editAction(id: "SEC-06", context: colleague) { $0.title = "Their title" }
        try PlanFile.save(theirs, to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            _ = try document.save(mine)
            Issue.record("expected a conflict")
        } catch {
            guard case .conflicts(_, let fields) = error else { Issue.record("\(error)"); return }
            #expect(fields.map(\.path).contains("actions[id=SEC-06].title"))
            let title = try #require(fields.first { $0.path == "actions[id=SEC-06].title" })
            #expect((title.ours, title.theirs) == ("\"My title\"", "\"Their title\""))
            #expect(title.base == "\"Run weekly Safety Net meetings and a hospital IDVA at The Hillingdon Hospital\"")
            #expect((title.oursBy, title.oursOn, title.theirsBy, title.theirsOn) == ("Me", me.now, "Colleague", colleague.now))
            #expect(error.description.contains("nothing was written"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        // Resolving every conflict (here: theirs for the title, mine elsewhere) lets the save go ahead.
        let conflicts = PlanMerge.merge(base: document.base, mine: mine, theirs: theirs).conflicts.map(\.path)
        var resolutions = Dictionary(uniqueKeysWithValues: conflicts.map { ($0, MergeConflict.Side.ours) })
        resolutions["actions[id=SEC-06].title"] = .theirs
        _ = try document.save(mine, resolving: resolutions)
        #expect(try PlanFile.load(path).actions.first { $0.id == "SEC-06" }?.title == "Their title")
    }

    @Test func reloadBringsInTheirChangesAndKeepsMine() throws {
        let path = try copyOfSample()
        var document = try PlanDocument.open(path)
        var mine = document.base
        try mine.editAction(id: "WSA-02", context: me) { $0.description = "Mine" }
        var theirs = try PlanFile.load(path)
        try theirs.editAction(id: "WSA-03", context: colleague) { $0.description = "Theirs" }
        try PlanFile.save(theirs, to: path)
        let (merged, renumbered) = try document.reload(keeping: mine)
        #expect(renumbered.isEmpty)
        #expect(merged.actions.first { $0.id == "WSA-02" }?.description == "Mine")
        #expect(merged.actions.first { $0.id == "WSA-03" }?.description == "Theirs")
        #expect(document.base == theirs)
        #expect(!document.changedOnDisk())
    }

    /// Both sides added a primary action under one id: reloading keeps both, ours under the next
    /// free id, and says so, so a front end can follow ours and tell the user.
    @Test func reloadSaysWhichOfOurNewActionsItRenumbered() throws {
        let path = try copyOfSample()
        var document = try PlanDocument.open(path)
        var mine = document.base
        let id = mine.nextActionID(in: .primary)
        try mine.addAction(Action(id: id, group: .primary, title: "Mine", owner: "shp"), context: me)
        var theirs = try PlanFile.load(path)
        try theirs.addAction(Action(id: id, group: .primary, title: "Theirs", owner: "shp"), context: colleague)
        try PlanFile.save(theirs, to: path)
        let (merged, renumbered) = try document.reload(keeping: mine)
        let next = try #require(renumbered.ourActionMoves[id])
        #expect(merged.actions.first { $0.id == id }?.title == "Theirs")
        #expect(merged.actions.first { $0.id == next }?.title == "Mine")
    }

    @Test func backupIsTheReplacedFileItselfWhereLinksWork() throws {
        let path = try copyOfSample()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        var replaced = stat()
        #expect(stat(path, &replaced) == 0)
        var document = try PlanDocument.open(path)
        var plan = document.base
        try plan.editAction(id: "WSA-02", context: me) { $0.description = "Changed" }
        _ = try document.save(plan)
        let backup = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(".dplan/plan.1.json")
        var kept = stat(), current = stat()
        #expect(stat(backup, &kept) == 0 && stat(path, &current) == 0)
        #expect(kept.st_ino == replaced.st_ino, "the backup is a link to the replaced file, not a copy")
        #expect(current.st_ino != replaced.st_ino)
        #expect(try Data(contentsOf: URL(fileURLWithPath: backup)) == before)
    }

    @Test func deletionsOnOneSideAreKeptAndBackupsRotate() throws {
        let path = try copyOfSample()
        var document = try PlanDocument.open(path)
        document.backups = 3
        var plan = document.base
        for round in 1...5 {
            try plan.editAction(id: "WSA-02", context: me) { $0.description = "Round \(round)" }
            _ = try document.save(plan)
        }
        let folder = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(".dplan")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["plan.1.json", "plan.2.json", "plan.3.json", "plan.json.save-lock"])
        #expect(try PlanFile.load("\(folder)/plan.1.json").actions.first { $0.id == "WSA-02" }?.description == "Round 4")
        #expect(try PlanFile.load("\(folder)/plan.3.json").actions.first { $0.id == "WSA-02" }?.description == "Round 2")
        // They delete an action I did not touch: the merge deletes it too.
        var theirs = try PlanFile.load(path)
        try theirs.deleteAction(id: "TER-06", context: colleague)
        try PlanFile.save(theirs, to: path)
        try plan.editAction(id: "WSA-02", context: me) { $0.description = "Round 6" }
        _ = try document.save(plan)
        let merged = try PlanFile.load(path)
        #expect(merged.actionIndex(id: "TER-06") == nil)
        #expect(merged.removedActions.map(\.id) == ["TER-06"])
        #expect(merged.actions.first { $0.id == "WSA-02" }?.description == "Round 6")
    }

    @Test func lockSaysWhoHasThePlanOpen() throws {
        let path = try copyOfSample()
        let now = Timestamp(iso: "2026-11-22T10:42:00Z")!
        #expect(PlanLock.take(path, user: "Jo", now: now) == .acquired)
        guard case .heldBy(let holder) = PlanLock.take(path, user: "Sam", now: now) else { Issue.record("expected a lock"); return }
        #expect(holder.user == "Jo")
        #expect(holder.pid == getpid())
        #expect(!holder.isStale)
        #expect(holder.summary.hasPrefix("being edited by Jo on \(ProcessInfo.processInfo.hostName) since 2026-11-22 10:42 UTC"))
        PlanLock.release(path)
        #expect(!FileManager.default.fileExists(atPath: PlanLock.path(for: path)))
        // A lock whose process has gone is stale.
        let stale = PlanLock.Holder(user: "Old", host: ProcessInfo.processInfo.hostName, pid: 999_999, since: now)
        try JSONEncoder().encode(stale).write(to: URL(fileURLWithPath: PlanLock.path(for: path)))
        guard case .heldBy(let old) = PlanLock.take(path, user: "Sam", now: now) else { Issue.record("expected a lock"); return }
        #expect(old.isStale)
        PlanLock.release(path)  // not ours: stays
        #expect(FileManager.default.fileExists(atPath: PlanLock.path(for: path)))
        PlanLock.breakLock(path)
        #expect(PlanLock.take(path, user: "Sam", now: now) == .acquired)
    }
}
