import Foundation
import PlanModel
import PlanStore
@testable import PlanApp
import Testing

/// Opening a plan for editing: the same refusals and the same lock for both front ends.
@Suite struct OpeningTests {
    @Test func anInvalidPlanIsRefusedWithEveryProblem() throws {
        let path = try copyOfHillingdon()
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"owner\" : \"shp\"", with: "\"owner\" : \"nobody-at-all\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: DplanError.self) { try openForEditing(path) }
        do {
            _ = try openForEditing(path)
        } catch {
            guard case .invalidPlan(let file, let problems) = error else { Issue.record("expected invalidPlan, got \(error)"); return }
            #expect(file == path)
            #expect(problems.contains { $0.description.contains("nobody-at-all") })
            #expect(error.exitCode == 1)
            #expect(error.message.hasPrefix("\(path): the plan has problems; fix them before changing it (nothing was written):"))
        }
    }

    @Test func unknownFieldsAreRefusedUnlessDropped() throws {
        let path = try copyOfHillingdon()
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "{\n  \"actions\" :", with: "{\n  \"agencyNotes\" : \"kept by hand\",\n  \"actions\" :")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try openForEditing(path)
            Issue.record("opened a plan whose unknown field a save would drop")
        } catch {
            guard case .unknownFields(_, let fields) = error else { Issue.record("expected unknownFields, got \(error)"); return }
            #expect(fields.map(\.path) == ["agencyNotes"])
        }
        #expect(try openForEditing(path, dropUnknown: true).unknownFields.count == 1)
    }

    @Test func aSessionTakesTheLockAndClosingReleasesIt() throws {
        let path = try copyOfHillingdon()
        let opened = try openForSession(path, user: "Jo", now: fixedNow)
        #expect(opened.readOnly == nil)
        #expect(opened.holdsLock)
        #expect(FileManager.default.fileExists(atPath: PlanLock.path(for: path)))
        // A second session (another person) opens read-only, saying who has it.
        let second = try openForSession(path, user: "Sam", now: fixedNow)
        #expect(!second.holdsLock)
        #expect(second.readOnly?.hasPrefix("read-only: open by Jo on ") == true)
        #expect(second.readOnly?.hasSuffix("; --ignore-lock to edit") == true)
        let ignoring = try openForSession(path, user: "Sam", now: fixedNow, lock: .ignore)
        #expect(ignoring.readOnly == nil && !ignoring.holdsLock)
        #expect(ignoring.notices.first?.hasSuffix("editing anyway (--ignore-lock)") == true)
        opened.close()
        #expect(!FileManager.default.fileExists(atPath: PlanLock.path(for: path)))
    }

    @Test func aLockLeftByAProcessThatHasGoneIsTakenOverOnlyWhenAgreed() throws {
        let path = try copyOfHillingdon()
        // A holder on this computer whose process does not exist.
        let gone = PlanLock.Holder(user: "Crashed", host: ProcessInfo.processInfo.hostName, pid: 999_999, since: fixedNow)
        try JSONEncoder().encode(gone).write(to: URL(fileURLWithPath: PlanLock.path(for: path)))
        let declined = try openForSession(path, user: "Jo", now: fixedNow, takeOverStaleLock: { _ in false })
        #expect(declined.readOnly == "read-only: a lock left by process 999999 (gone); reopen with --break-lock")
        var asked: PlanLock.Holder?
        let agreed = try openForSession(path, user: "Jo", now: fixedNow, takeOverStaleLock: { asked = $0; return true })
        #expect(asked == gone)
        #expect(agreed.readOnly == nil && agreed.holdsLock)
        agreed.close()
    }
}
