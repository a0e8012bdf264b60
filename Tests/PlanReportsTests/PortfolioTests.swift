import Foundation
import PlanModel
import PlanReports
import PlanStore
import Testing

@Suite struct PortfolioTests {
    let today = Day(iso: "2026-11-22")!

    func plans() throws -> [LabelledPlan] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("plans")
        let files = ["hillingdon-serious-violence-2024-27.json", "north-warwickshire-serious-violence-2023-27.json"]
            .map { folder.appendingPathComponent($0).path }
        return LabelledPlan.labelled(try files.map { ($0, try PlanFile.load($0)) })
    }

    @Test func eachPlansCountsMatchItsSummary() throws {
        let plans = try plans()
        let entries = plans.portfolio(on: today)
        #expect(entries.map(\.label) == plans.map { $0.plan.id })
        for (entry, labelled) in zip(entries, plans) {
            let summary = labelled.plan.summary(on: today)
            #expect(entry.total == summary.total && entry.byStatus == summary.byStatus)
            #expect(entry.overdue == summary.overdue && entry.stale == summary.stale)
            let owed = labelled.plan.chaseList(for: summary.quarter)
            #expect(entry.owesUpdates.map(\.actions).reduce(0, +) == owed.map(\.actions.count).reduce(0, +))
            #expect(Set(entry.owesUpdates.map(\.owner)) == Set(owed.map(\.owner.name)))
        }
    }

    @Test func oneChaseListPerOwnerAcrossPlans() throws {
        var plans = try plans()
        // The same agency under another id in the second plan is the same person to chase.
        let shared = plans[0].plan.chaseList(for: plans[0].plan.editingQuarter(on: today))[0].owner
        let owing = try #require(plans[1].plan.chaseList(for: plans[1].plan.editingQuarter(on: today)).first)
        let index = try #require(plans[1].plan.owners.firstIndex { $0.id == owing.owner.id })
        plans[1].plan.owners[index].name = shared.name.uppercased()
        let chase = plans.chase(on: today)
        let entry = try #require(chase.first { $0.owner == shared.name })
        #expect(chase.filter { $0.owner.lowercased() == shared.name.lowercased() }.count == 1)
        #expect(entry.plans.map(\.label) == [plans[0].label, plans[1].label])
        #expect(entry.plans[1].actions.map(\.id) == owing.actions.map(\.id))
    }

    @Test func plansSharingAnIdAreLabelledByFile() throws {
        let plan = try plans()[0].plan
        #expect(LabelledPlan.labelled([("a.json", plan), ("b.json", plan)]).map(\.label) == ["a.json", "b.json"])
    }
}
