import Foundation
import PlanModel
import PlanStore
@testable import PlanApp
import Testing

/// Saving through the application layer: the merge is reported and a quarter closed by the save
/// gets its dated copy, whichever front end saved.
@Suite struct SavingTests {
    @Test func aSaveThatClosesAQuarterKeepsItsDatedCopy() throws {
        let path = try copyOfHillingdon()
        var document = try openForEditing(path)
        var plan = document.base
        try plan.closeQuarter(Quarter("2026/27 Q3")!, board: "Safer Hillingdon Partnership", context: EditContext(by: "Jo", now: fixedNow))
        let report = try save(plan, in: &document)
        #expect(report.closedQuarters == [Quarter("2026/27 Q3")!])
        #expect(report.snapshotProblems.isEmpty)
        #expect(report.merged == nil)
        let copy = (path as NSString).deletingLastPathComponent + "/.dplan/plan.2026-27-Q3-closed.json"
        #expect(FileManager.default.contents(atPath: copy) == FileManager.default.contents(atPath: path))
        // A later save that closes nothing keeps no new copy.
        plan.title = "Renamed"
        let later = try save(plan, in: &document)
        #expect(later.closedQuarters.isEmpty)
        #expect(PlanDocument.keptVersions(of: path).filter { $0.path.hasSuffix("-closed.json") }.count == 1)
    }

    @Test func aSaveMergedWithSomeoneElsesSaysSo() throws {
        let path = try copyOfHillingdon()
        var mine = try openForEditing(path)
        var theirs = try openForEditing(path)
        var theirPlan = theirs.base
        theirPlan.title = "Their title"
        _ = try save(theirPlan, in: &theirs)
        var myPlan = mine.base
        myPlan.partnership = "My partnership"
        let report = try save(myPlan, in: &mine)
        #expect(report.merged?.title == "Their title")
        #expect(report.merged?.partnership == "My partnership")
        #expect(report.notices(for: path) == ["\(path): the file had changed on disk; those changes were merged with yours"])
        #expect(try PlanFile.load(path) == report.merged)
    }

    @Test func conflictingSavesAreTypedErrorsAndWriteNothing() throws {
        let path = try copyOfHillingdon()
        var mine = try openForEditing(path)
        var theirs = try openForEditing(path)
        var theirPlan = theirs.base
        theirPlan.title = "Their title"
        _ = try save(theirPlan, in: &theirs)
        let before = FileManager.default.contents(atPath: path)
        var myPlan = mine.base
        myPlan.title = "My title"
        do {
            _ = try save(myPlan, in: &mine)
            Issue.record("a save over someone else's change of the same field went through")
        } catch {
            guard case .save(.conflicts(_, let fields)) = error else { Issue.record("expected conflicts, got \(error)"); return }
            #expect(fields.map(\.path) == ["title"])
            #expect(error.exitCode == 1)
        }
        #expect(FileManager.default.contents(atPath: path) == before)
    }
}
