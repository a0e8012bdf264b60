import PlanModel
import Testing

@Suite struct EditingTests {
    let context = EditContext(by: "Jo Officer", now: Timestamp(iso: "2025-11-03T09:30:00Z")!)

    @Test func statusUpdateWritesTheQuarterReview() throws {
        var plan = samplePlan()
        try plan.recordUpdate(actionID: "WSA-01", status: .complete, commentary: "Published", context: context)
        let action = plan.actions[0]
        #expect(action.status == .complete)
        #expect(action.commentary == "Published")
        #expect(action.updated == context.now)
        #expect(action.updatedBy == "Jo Officer")
        #expect(action.reviews.count == 2)
        #expect(action.reviews.last == Review(quarter: Quarter("2025/26 Q3")!, status: .complete,
                                              commentary: "Published", by: "Jo Officer", on: context.now, owner: "council"))
        // A second update in the same quarter revises that quarter's entry instead of adding one.
        try plan.recordUpdate(actionID: "WSA-01", status: nil, commentary: "Published and launched", context: context)
        #expect(plan.actions[0].reviews.count == 2)
        #expect(plan.actions[0].reviews.last?.commentary == "Published and launched")
        #expect(plan.actions[0].reviews.last?.status == .complete)
        #expect(plan.validate().isEmpty)
    }

    @Test func worseningNeedsCommentary() throws {
        var plan = samplePlan()
        #expect(throws: PlanEditError.commentaryRequired(from: .green, to: .amber)) {
            try plan.recordUpdate(actionID: "WSA-01", status: .amber, commentary: nil, context: context)
        }
        #expect(throws: PlanEditError.commentaryRequired(from: .green, to: .red)) {
            try plan.recordUpdate(actionID: "WSA-01", status: .red, commentary: "   ", context: context)
        }
        #expect(plan == samplePlan())
        try plan.recordUpdate(actionID: "WSA-01", status: .red, commentary: "Data not shared", context: context)
        #expect(plan.actions[0].status == .red)
        // Improving needs no commentary.
        try plan.recordUpdate(actionID: "PRI-01", status: .green, commentary: nil, context: context)
        #expect(plan.actions[1].reviews.last?.commentary == "")
    }

    @Test func updatesInAClosedQuarterGoToTheNextOne() throws {
        var plan = samplePlan()
        let inClosedQ1 = EditContext(by: "x", now: Timestamp(iso: "2025-06-20T10:00:00Z")!)
        try plan.recordUpdate(actionID: "TER-01", status: .green, commentary: "ok", context: inClosedQ1)
        #expect(plan.actions[3].reviews.map(\.quarter) == [Quarter("2025/26 Q2")!])
    }

    @Test func dueDateMovesAreRecordedWithReasons() throws {
        var plan = samplePlan()
        #expect(throws: PlanEditError.reasonRequired) {
            try plan.moveDue(actionID: "PRI-01", to: Day(iso: "2026-03-31")!, reason: " ", context: context)
        }
        try plan.moveDue(actionID: "PRI-01", to: Day(iso: "2026-03-31")!, reason: "Funding delayed", context: context)
        #expect(plan.actions[1].due == Day(iso: "2026-03-31"))
        #expect(plan.actions[1].dueDateChanges == [DueDateChange(
            from: Day(iso: "2025-09-30"), to: Day(iso: "2026-03-31")!, reason: "Funding delayed", by: "Jo Officer", on: context.now)])
        #expect(throws: PlanEditError.unknownAction("NOPE")) {
            try plan.moveDue(actionID: "NOPE", to: Day(iso: "2026-03-31")!, reason: "x", context: context)
        }
    }

    @Test func addingActionsGetsTheNextIdInItsGroup() throws {
        var plan = samplePlan()
        #expect(plan.nextActionID(in: .primary) == "PRI-02")
        #expect(plan.nextActionID(in: .secondary) == "SEC-02")
        let action = Action(id: plan.nextActionID(in: .primary), group: .primary, title: "Bystander training", owner: "health")
        try plan.addAction(action, context: context)
        #expect(plan.actions.map(\.id) == ["WSA-01", "PRI-01", "PRI-02", "SEC-01", "TER-01"])
        #expect(plan.actions[2].created == context.now)
        #expect(throws: PlanEditError.duplicateActionID("PRI-02")) { try plan.addAction(action, context: context) }
        #expect(throws: PlanEditError.unknownOwner("fire")) {
            try plan.addAction(Action(id: "X-1", group: .primary, title: "t", owner: "fire"), context: context)
        }
        try plan.deleteAction(id: "PRI-02", context: context)
        #expect(plan.removedActions.map(\.id) == ["PRI-02"])
        #expect(plan.actions.count == 4)
    }

    @Test func fieldEditsStampWhoAndWhen() throws {
        var plan = samplePlan()
        try plan.editAction(id: "TER-01", context: context) { $0.title = "Integrated offender management" }
        #expect(plan.actions[3].title == "Integrated offender management")
        #expect(plan.actions[3].updatedBy == "Jo Officer")
        #expect(throws: PlanEditError.emptyTitle) { try plan.editAction(id: "TER-01", context: context) { $0.title = "" } }
        #expect(plan.findOwner("POLICE")?.id == "police")
        #expect(plan.findOwner("health")?.name == "Health")
    }
}

@Suite struct AuditTrailTests {
    @Test func everyChangeIsLoggedWithOldAndNewValues() throws {
        var plan = samplePlan()
        let first = EditContext(by: "Jo", now: Timestamp(iso: "2025-11-03T09:30:00Z")!)
        let second = EditContext(by: "Sam", now: Timestamp(iso: "2025-11-04T10:00:00Z")!)
        try plan.recordUpdate(actionID: "TER-01", status: .red, commentary: "Housing gap", context: first)
        try plan.editAction(id: "TER-01", context: second) { $0.owner = "council"; $0.partners = ["police", "health"] }
        try plan.moveDue(actionID: "TER-01", to: Day(iso: "2026-06-30")!, reason: "Waiting for funding", context: second)
        let log = try #require(plan.actions[3].changeLog)
        #expect(log.map(\.field) == ["status", "commentary", "owner", "partners", "due"])
        #expect(log[0] == FieldChange(field: "status", from: "amber", to: "red", by: "Jo", on: first.now))
        #expect(log[2] == FieldChange(field: "owner", from: "police", to: "council", by: "Sam", on: second.now))
        #expect(log[3].to == "police, health")
        #expect(log[4].from == "" && log[4].to == "2026-06-30")
        try plan.addAction(Action(id: "PRI-09", group: .primary, title: "New", owner: "health"), context: first)
        #expect(plan.actions[2].changeLog == [FieldChange(field: "created", from: "", to: "New", by: "Jo", on: first.now)])
        #expect(samplePlan().actions.allSatisfy { $0.changeLog == nil })  // nothing logged until something changes
    }
}

@Suite struct BlankTextTests {
    @Test func editingAndValidationAgreeOnBlankTitles() throws {
        for blank in ["", " ", "\t", "\r\n", " \r\n\t "] {
            var plan = samplePlan()
            #expect(throws: PlanEditError.emptyTitle) {
                try plan.editAction(id: "WSA-01", context: EditContext(by: "me", now: Timestamp(secondsSinceEpoch: 0))) { $0.title = blank }
            }
            plan.actions[0].title = blank
            #expect(plan.validate().map(\.path) == ["actions[0].title"], "\(blank.debugDescription)")
        }
        var plan = samplePlan()
        try plan.recordUpdate(actionID: "WSA-01", status: nil, commentary: " \r\nGoing well\r\n ",
                              context: EditContext(by: "me", now: Timestamp(day: Day(iso: "2025-11-01")!)))
        #expect(plan.actions[0].commentary == "Going well")
    }
}

@Suite struct CommentaryRuleTests {
    private func plan(status: Status) -> (Plan, EditContext) {
        var plan = Plan(id: "p", title: "P", partnership: "CSP", period: Period(start: Day(iso: "2026-04-01")!, end: Day(iso: "2029-03-31")!),
                        owners: [Owner(id: "o", name: "Owner")])
        plan.actions = [Action(id: "PRI-01", group: .primary, title: "T", owner: "o", status: status)]
        return (plan, EditContext(by: "me", now: Timestamp(iso: "2026-11-22T10:00:00Z")!))
    }

    @Test func worseNeedsACommentary() throws {
        var (plan, context) = plan(status: .green)
        #expect(throws: PlanEditError.commentaryRequired(from: .green, to: .amber)) {
            try plan.recordUpdate(actionID: "PRI-01", status: .amber, commentary: nil, context: context)
        }
        #expect(throws: PlanEditError.commentaryRequired(from: .green, to: .red)) {
            try plan.recordUpdate(actionID: "PRI-01", status: .red, commentary: "  \n", context: context)
        }
        try plan.recordUpdate(actionID: "PRI-01", status: .amber, commentary: "Venue lost", context: context)
        #expect(plan.actions[0].status == .amber)
    }

    @Test func keptRedNeedsACommentaryUnlessTheQuarterHasOne() throws {
        var (plan, context) = plan(status: .red)
        let quarter = plan.editingQuarter(on: context.now.day)
        #expect(throws: PlanEditError.stillRedNeedsCommentary(quarter)) {
            try plan.recordUpdate(actionID: "PRI-01", status: .red, commentary: nil, context: context)
        }
        #expect(throws: PlanEditError.stillRedNeedsCommentary(quarter)) {
            try plan.recordUpdate(actionID: "PRI-01", status: nil, commentary: "", context: context)
        }
        try plan.recordUpdate(actionID: "PRI-01", status: .red, commentary: "Escalated to the board", context: context)
        #expect(plan.commentaryRule(for: plan.actions[0], status: .red, in: quarter) == nil)
        try plan.recordUpdate(actionID: "PRI-01", status: .red, commentary: nil, context: context)
        // Better is never refused, and neither is a status that is not red.
        #expect(plan.commentaryRule(for: plan.actions[0], status: .amber, in: quarter) == nil)
    }
}
