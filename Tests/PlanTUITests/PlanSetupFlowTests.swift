import PlanModel
@testable import PlanTUI
import Testing

/// The plan's set-up from the front end: the same operations as the set-up commands, each an
/// undoable step recorded in the plan's audit trail.
@Suite struct PlanSetupFlowTests {
    /// Opens the set-up menu on an operation.
    private func choose(_ operation: SetupOperation, in state: inout AppState) {
        state.press(.character("U"))
        for _ in 0..<SetupOperation.allCases.firstIndex(of: operation)! { state.press(.down) }
        state.press(.enter)
    }

    /// The board paper's author and contact (issue #27), as `dplan plan set --author/--contact` sets them.
    @Test func thePapersAuthorAndContactAreSetUpFromTheFrontEnd() throws {
        var state = try makeState()
        choose(.paperAuthor, in: &state)
        state.type("Jane Smith, Community Safety Manager")
        state.press(.enter)
        choose(.paperContact, in: &state)
        state.type("community.safety@hillingdon.gov.uk")
        state.press(.enter)
        #expect(state.plan.author == "Jane Smith, Community Safety Manager")
        #expect(state.plan.contact == "community.safety@hillingdon.gov.uk")
        #expect(state.plan.changeLog?.suffix(2).map(\.field) == ["author", "contact"])
        state.press(.character("u"))
        #expect(state.plan.contact.isEmpty && !state.plan.author.isEmpty)
        // The prompt opens on the text recorded, to correct it.
        choose(.paperAuthor, in: &state)
        guard case .editor(.setup(.paperAuthor, _), let editor)? = state.modal else { Issue.record("no author prompt"); return }
        #expect(editor.text == "Jane Smith, Community Safety Manager")
    }

    @Test func groupsWorkstreamsAndOwnersAreSetUpFromTheFrontEnd() throws {
        var state = try makeState()
        choose(.groupName, in: &state)
        state.press(.down, .enter)  // the second group in the plan's order
        let group = state.plan.orderedGroups[1]
        state.press(.control("u"))
        state.type("Prevent before it happens")
        state.press(.enter)
        #expect(state.plan.name(of: group) == "Prevent before it happens")
        #expect(state.plan.changeLog?.last?.field == "groups.\(group.rawValue).name")

        choose(.groupUp, in: &state)
        state.press(.down, .enter)
        #expect(state.plan.orderedGroups.first == group)

        choose(.addWorkstream, in: &state)
        state.type("Night-time economy")
        state.press(.enter)
        #expect(state.plan.workstreams.contains { $0.name == "Night-time economy" })

        choose(.addOwner, in: &state)
        state.type("Met Police West Area")
        state.press(.enter)
        let duplicate = try #require(state.plan.findOwner("Met Police West Area"))
        choose(.mergeOwner, in: &state)
        state.press(.end, .enter)  // the new owner, last in the list
        #expect(state.modal != nil)
        state.press(.enter)  // into the first owner
        #expect(state.plan.owner(id: duplicate.id) == nil)

        // Each was one step: undo takes them back one at a time.
        state.press(.character("u"))
        #expect(state.plan.owner(id: duplicate.id) != nil)
        #expect(state.plan.validate().isEmpty)
    }

    @Test func refusalsAreMessagesAndChangeNothing() throws {
        var state = try makeState()
        let before = state.plan
        choose(.removeWorkstream, in: &state)
        state.press(.enter)  // a workstream actions use
        #expect(state.plan == before)
        #expect(state.message?.isError == true)
        choose(.title, in: &state)
        state.press(.control("u"), .enter)  // an empty title
        #expect(state.plan == before)
        #expect(state.message?.isError == true)
    }
}
