import Foundation
import PlanModel
import PlanStore
@testable import PlanApp
import Testing

/// A save whose merge renumbers a new action says so: which action, its old and new id.
@Suite struct SaveRenumberingTests {
    @Test func twoSavesAddingTheSameIdReportTheRenumbering() throws {
        let path = try copyOfHillingdon()
        var council = try openForEditing(path)
        var police = try openForEditing(path)
        let id = council.base.nextActionID(in: .primary)
        var councilPlan = council.base
        try councilPlan.addAction(Action(id: id, group: .primary, title: "Council campaign", owner: councilPlan.owners[0].id),
                                  context: EditContext(by: "Council", now: fixedNow))
        let first = try save(councilPlan, in: &council)
        #expect(first.renumbered.isEmpty)
        var policePlan = police.base
        try policePlan.addAction(Action(id: id, group: .primary, title: "Police campaign", owner: policePlan.owners[0].id),
                                 context: EditContext(by: "Police", now: fixedNow))
        let report = try save(policePlan, in: &police)
        let next = policePlan.nextActionID(in: .primary)  // one past the id both took
        #expect(report.renumbered.map { "\($0.kind) \($0.ours) \($0.from) \($0.to)" } == ["action true \(id) \(next)"])
        #expect(report.ourActionMoves == [id: next])
        #expect(report.notices(for: path) == ["\(path): the file had changed on disk; those changes were merged with yours",
                                              "\(path): our new action \(id) is now \(next) (the other side also added a \(id))"])
        let saved = try PlanFile.load(path)
        #expect(saved.actions.first { $0.id == id }?.title == "Council campaign")
        #expect(saved.actions.first { $0.id == next }?.title == "Police campaign")
    }
}
