import Foundation
import PlanModel
@testable import PlanStore
import Testing

/// The fields issue #17 added (group order, status words, funding lines, milestones) are written,
/// read back, left out when empty so older files are unchanged, and merged field by field.
@Suite struct SetupFieldsFormatTests {
    static let context = EditContext(by: "Tester", now: Timestamp(iso: "2026-11-22T10:00:00Z")!)

    func basePlan() throws -> Plan {
        var plan = Plan(id: "p", title: "T", partnership: "CSP",
                        period: Period(start: Day(iso: "2026-04-01")!, end: Day(iso: "2029-03-31")!))
        try plan.addOwner(name: "Council", context: Self.context)
        try plan.addAction(Action(id: "PRI-01", group: .primary, title: "A", owner: "council"), context: Self.context)
        return plan
    }

    @Test func newFieldsRoundTripAndAreLeftOutWhenEmpty() throws {
        let empty = String(decoding: PlanCoding.encode(try basePlan()), as: UTF8.self)
        for key in ["groupOrder", "statusWords", "fundingLines", "milestones"] { #expect(!empty.contains("\"\(key)\"")) }
        var plan = try basePlan()
        try plan.setGroup(.wholeSystem, name: "Partnership", aim: "Together", position: 4, context: Self.context)
        plan.setStatusWording(.complete, word: "Blue", definition: nil, context: Self.context)
        try plan.addFundingLine(to: .plan, source: "Mayor", year: FinancialYear("2026/27")!, amount: 6_800_000, labour: nil,
                                nonLabour: nil, context: Self.context)
        try plan.addFundingLine(to: .action("PRI-01"), source: "SVD grant", year: FinancialYear("2026/27")!, amount: Decimal(string: "10000.50")!,
                                labour: 4000, nonLabour: nil, context: Self.context)
        try plan.addMilestone(actionID: "PRI-01", title: "Pilot", due: Day(iso: "2027-01-31")!, context: Self.context)
        try plan.setMilestoneDone(actionID: "PRI-01", milestone: "M1", done: true, context: Self.context)
        let bytes = PlanCoding.encode(plan)
        let read = try PlanCoding.decode(bytes, file: "p.json")
        #expect(read == plan)
        #expect(PlanCoding.encode(read) == bytes)
        #expect(read.orderedGroups == [.primary, .secondary, .tertiary, .wholeSystem])
        #expect(read.actions[0].fundingLines[0].nonLabour == Decimal(string: "6000.50"))
        #expect(read.validate().isEmpty)
    }

    @Test func anOlderFileWithOneFundingObjectStillLoadsAndCountsInTotals() throws {
        let text = """
            {"schemaVersion": 1, "id": "p", "title": "T", "partnership": "CSP",
             "period": {"start": "2025-04-01", "end": "2026-03-31"}, "owners": [{"id": "o", "name": "O"}],
             "actions": [{"id": "PRI-01", "group": "primary", "title": "A", "owner": "o", "status": "green",
                          "funding": {"source": "SVD grant (non-labour)", "amount": 10000}}]}
            """
        var plan = try PlanCoding.decode(Data(text.utf8), file: "old.json")
        #expect(plan.actions[0].funding?.amount == 10000)
        #expect(plan.fundingTotals() == [FundingTotal(source: "SVD grant (non-labour)", year: nil, amount: 10000)])
        try plan.addFundingLine(to: .action("PRI-01"), source: "SVD grant (non-labour)", year: FinancialYear("2025/26")!,
                                amount: 5000, labour: nil, nonLabour: 5000, context: Self.context)
        #expect(plan.fundingTotals().map(\.amount) == [5000, 10000])
    }

    @Test func badValuesAreReportedWithTheirPath() throws {
        let text = """
            {"schemaVersion": 1, "id": "p", "title": "T", "partnership": "CSP",
             "period": {"start": "2025-04-01", "end": "2026-03-31"}, "owners": [{"id": "o", "name": "O"}],
             "actions": [{"id": "PRI-01", "group": "primary", "title": "A", "owner": "o", "status": "green",
                          "fundingLines": [{"id": "F1", "source": "x", "year": "2025-27", "amount": 1}]}]}
            """
        #expect(throws: PlanFileError.self) { try PlanCoding.decode(Data(text.utf8), file: "bad.json") }
        do {
            _ = try PlanCoding.decode(Data(text.utf8), file: "bad.json")
        } catch {
            #expect(error.description.contains("actions[0].fundingLines[0].year") && error.description.contains("2025/26"))
        }
        var plan = try basePlan()
        plan.actions[0].fundingLines = [FundingLine(id: "F1", source: "x", year: FinancialYear(startYear: 2026), amount: 100, labour: 70, nonLabour: 70)]
        plan.actions[0].milestones = [Milestone(id: "M1", title: "a", due: Day(iso: "2027-01-01")!), Milestone(id: "M1", title: " ", due: Day(iso: "2027-01-01")!)]
        plan.groupOrder = [.primary, .primary, .secondary, .tertiary]
        let paths = plan.validate().map(\.path)
        #expect(paths.contains("actions[0].fundingLines[0].nonLabour"))
        #expect(paths.contains("actions[0].milestones[1].id") && paths.contains("actions[0].milestones[1].title"))
        #expect(paths.contains("groupOrder"))
    }

    @Test func milestonesAndFundingLinesMergeFieldByField() throws {
        var base = try basePlan()
        try base.addMilestone(actionID: "PRI-01", title: "Pilot", due: Day(iso: "2027-01-31")!, context: Self.context)
        try base.addMilestone(actionID: "PRI-01", title: "Roll out", due: Day(iso: "2027-06-30")!, context: Self.context)
        try base.addFundingLine(to: .plan, source: "Mayor", year: FinancialYear("2026/27")!, amount: 100, labour: nil, nonLabour: nil,
                                context: Self.context)
        let later = EditContext(by: "Police", now: Timestamp(iso: "2026-11-23T10:00:00Z")!)
        var mine = base, theirs = base
        try mine.setMilestoneDone(actionID: "PRI-01", milestone: "M1", done: true, context: Self.context)
        try theirs.editMilestone(actionID: "PRI-01", milestone: "M2", title: nil, due: Day(iso: "2027-09-30")!, context: later)
        mine.fundingLines[0].amount = 150
        theirs.fundingLines[0].source = "Mayor of London"
        let clean = PlanMerge.merge(base: base, mine: mine, theirs: theirs)
        #expect(clean.conflicts.isEmpty)
        let merged = clean.plan
        #expect(merged.actions[0].milestones[0].isDone && merged.actions[0].milestones[1].due == Day(iso: "2027-09-30"))
        #expect(merged.fundingLines[0].amount == 150 && merged.fundingLines[0].source == "Mayor of London")

        // Set-up on both sides (an owner here, a workstream and a group name there) merges, audit trails and all.
        var police = base, council = base
        try police.addOwner(name: "Police", context: later)
        try council.addWorkstream(name: "Knife crime", context: Self.context)
        try council.setGroup(.primary, name: "Prevention", aim: nil, position: 1, context: Self.context)
        let setup = PlanMerge.merge(base: base, mine: council, theirs: police)
        #expect(setup.conflicts.isEmpty)
        #expect(setup.plan.owners.map(\.id) == ["council", "police"] && setup.plan.workstreams.map(\.id) == ["knife-crime"])
        #expect(setup.plan.name(of: .primary) == "Prevention" && setup.plan.orderedGroups[0] == .primary)
        #expect(setup.plan.changeLog?.map(\.field) == (base.changeLog ?? []).map(\.field)
            + ["workstreams[id=knife-crime]", "groups.primary.name", "groupOrder", "owners[id=police]"])

        var other = base
        try other.editMilestone(actionID: "PRI-01", milestone: "M1", title: "Pilot in two schools", due: nil, context: later)
        var again = base
        try again.editMilestone(actionID: "PRI-01", milestone: "M1", title: "Pilot in three schools", due: nil, context: Self.context)
        let conflicted = PlanMerge.merge(base: base, mine: again, theirs: other)
        #expect(conflicted.conflicts.map(\.path).contains("actions[id=PRI-01].milestones[id=M1].title"))
    }
}
