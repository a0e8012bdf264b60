import PlanModel
import Testing

/// An action id is issued once: deleting an action does not free its id for another.
@Suite struct ActionIDTests {
    let context = EditContext(by: "Jo Officer", now: Timestamp(iso: "2025-11-03T09:30:00Z")!)

    @Test func theNextIdSkipsDeletedActions() throws {
        var plan = samplePlan()
        try plan.addAction(Action(id: plan.nextActionID(in: .primary), group: .primary, title: "Bystander training", owner: "health"),
                           context: context)
        try plan.deleteAction(id: "PRI-02", context: context)
        #expect(plan.nextActionID(in: .primary) == "PRI-03")
        // Deleting the only action of a group keeps its number used too.
        try plan.deleteAction(id: "SEC-01", context: context)
        #expect(plan.nextActionID(in: .secondary) == "SEC-02")
        #expect(plan.usedActionIDs.isSuperset(of: ["PRI-02", "SEC-01"]))
    }

    @Test func anExplicitIdOfADeletedActionIsRefusedNamingTheDeletion() throws {
        var plan = samplePlan()
        try plan.deleteAction(id: "PRI-01", context: context)
        let removed = try #require(plan.removedActions.last)
        let again = Action(id: "PRI-01", group: .primary, title: "Something else", owner: "health")
        #expect(throws: PlanEditError.removedActionID(removed, next: "PRI-02")) { try plan.addAction(again, context: context) }
        let message = PlanEditError.removedActionID(removed, next: "PRI-02").description
        #expect(message.contains("PRI-01 was the id of \"\(removed.title)\", deleted on 2025-11-03 by Jo Officer"))
        #expect(message.contains("PRI-02"))
        #expect(!plan.actions.contains { $0.id == "PRI-01" })
    }

    @Test func theNextIdKeepsTheIdsPrefixAndTwoDigits() {
        #expect(Plan.nextActionID(like: "PRI-07", used: ["PRI-03", "PRI-11", "SEC-40", "PRIX-50"]) == "PRI-12")
        #expect(Plan.nextActionID(like: "A-B-1", used: ["A-B-9", "A-B-100"]) == "A-B-101")
        #expect(Plan.nextActionID(like: "X12", used: ["X12", "X3"]) == "X13")
        #expect(Plan.nextActionID(like: "TER-", used: []) == "TER-01")
    }

    @Test func validationWarnsOfAnActionHoldingADeletedActionsId() throws {
        var plan = samplePlan()
        try plan.deleteAction(id: "PRI-01", context: context)
        #expect(plan.reusedActionIDs().isEmpty)
        // As dplan before ids were never reused would have done.
        plan.insertInGroupOrder(Action(id: "PRI-01", group: .primary, title: "Something else", owner: "health"))
        let warnings = plan.reusedActionIDs()
        #expect(warnings.map(\.path) == ["actions[1].id"])
        #expect(warnings.first?.message.contains("also the id of an action deleted on 2025-11-03 by Jo Officer") == true)
        #expect(plan.validate().isEmpty)
    }
}
