import Foundation
import PlanModel
import PlanStore
@testable import PlanTUI
import Testing

/// The cheap paths that keep a 10,000-action plan instant: one-action undo steps, the crash
/// journal's change list, and searches that narrow the previous matches. Each is checked
/// against the plain answer (a whole-plan comparison or a fresh state).
@Suite struct LargePlanEditingTests {
    @Test func oneActionStepsUndoAndRedoAmongWholePlanSteps() throws {
        var state = try makeState()
        let original = state.plan
        state.press(.enter)
        state.select("SEC-03")
        state.press(.character("g"))  // one action
        let afterGreen = state.plan
        state.select("PRI-02")
        state.press(.character("x"), .character("y"))  // delete: the whole plan
        #expect(state.plan.actionIndex(id: "PRI-02") == nil)
        state.select("SEC-05")
        state.press(.character("g"))  // one action again, in the shorter list
        let afterAll = state.plan
        #expect(state.session.undoStack.map { $0.action != nil } == [true, false, true])

        state.press(.character("u"))
        #expect(state.action("SEC-05") == original.actions[original.actionIndex(id: "SEC-05")!])
        state.press(.character("u"))
        #expect(state.plan == afterGreen)
        state.press(.character("u"))
        #expect(state.plan == original)
        #expect(!state.isDirty)
        state.press(.control("r"), .control("r"), .control("r"))
        #expect(state.plan == afterAll)
    }

    /// The swap-journal work an update asked for, if any.
    private func journalled(_ effects: [Effect]) -> JournalChanges? {
        effects.lazy.compactMap { if case .journal(let changes, _) = $0 { changes } else { nil } }.first
    }

    @Test func journalChangesListEditedActionsOrThePlanBefore() throws {
        var state = try makeState()
        let original = state.plan
        #expect(state.press(.enter).isEmpty)  // moving about journals nothing
        state.select("SEC-03")
        let single = try #require(journalled(state.press(.character("g"))))
        #expect(single.actionIDs == ["SEC-03"] && single.planBefore == nil)
        let beforeDelete = state.plan
        state.select("PRI-02")
        state.press(.character("x"))
        let delete = try #require(journalled(state.press(.character("y"))))
        #expect(delete.planBefore == beforeDelete)
        let afterDelete = state.plan
        let undo = try #require(journalled(state.press(.character("u"))))
        #expect(undo.planBefore == afterDelete)

        // Replaying the journalled entries onto the file's plan gives the plan in memory.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let journal = SwapJournal(planPath: folder.appendingPathComponent("plan.json").path)
        try journal.append(from: nil, to: beforeDelete, alsoChanged: single.actionIDs, label: "green", by: "t", on: fixedNow)
        state.select("SEC-05")
        let next = try #require(journalled(state.press(.character("g"))))
        try journal.append(from: next.planBefore, to: state.plan, alsoChanged: next.actionIDs, label: "green", by: "t", on: fixedNow)
        let entries = try #require(journal.read()).entries
        #expect(entries.map { $0.actions.map(\.id) } == [["SEC-03"], ["SEC-05"]])
        #expect(SwapJournal.replay(entries, onto: original) == state.plan)
    }

    @Test func undoneBackToTheFileTheSwapFileGoes() throws {
        var state = try makeState()
        state.press(.enter)
        state.select("SEC-03")
        #expect(journalled(state.press(.character("g"))) != nil)
        #expect(state.press(.character("u")) == [.dropSwap])
        #expect(!state.isDirty)
    }

    @Test func narrowingSearchMatchesAFreshSearch() throws {
        var state = try makeState()
        state.press(.character("/"))
        for term in ["s", "se", "ser", "serv", "servi", "servic", "service", "services"] {
            state.type(String(term.last!))
            var fresh = try makeState()
            fresh.press(.character("/"))
            fresh.type(term)
            #expect(state.list.filteredActionIDs(in: state.plan) == fresh.list.filteredActionIDs(in: fresh.plan), "after typing \(term)")
        }
        state.press(.backspace, .backspace, .backspace)  // shorter: a new search, not a narrowing
        var fresh = try makeState()
        fresh.press(.character("/"))
        fresh.type("servi")
        #expect(state.list.filteredActionIDs(in: state.plan) == fresh.list.filteredActionIDs(in: fresh.plan))
        #expect(state.list.filteredActionIDs(in: state.plan).count > 1)
    }

    @Test func editingAnActionKeepsTheSearchIndexCurrent() throws {
        var state = try makeState()
        state.press(.character("/"))
        state.type("zebra")
        #expect(state.list.filteredActionIDs(in: state.plan).isEmpty)
        state.press(.escape)
        state.select("TER-01")
        state.press(.character("t"))  // edit the title
        state.press(.control("u"))
        state.type("Zebra crossings near schools")
        state.press(.enter)
        #expect(state.action("TER-01").title == "Zebra crossings near schools")
        state.press(.character("/"))
        state.type("zebra")
        #expect(state.list.filteredActionIDs(in: state.plan) == ["TER-01"])
        state.press(.escape, .character("u"))  // undo the title: the index follows
        state.press(.character("/"))
        state.type("zebra")
        #expect(state.list.filteredActionIDs(in: state.plan).isEmpty)
    }
}

/// Rows patched after one-action edits are the rows a full rebuild gives.
@Suite struct PatchedRowsTests {
    func expectRowsAsIfRebuilt(_ state: AppState, _ note: String, sourceLocation: SourceLocation = #_sourceLocation) {
        var fresh = state
        fresh.list.rowsKey = nil  // forget the previous rows: no patching, no narrowing
        fresh.refreshRows()
        #expect(fresh.list.rows == state.list.rows, "\(note)", sourceLocation: sourceLocation)
        #expect(fresh.list.filteredActionIDs(in: fresh.plan) == state.list.filteredActionIDs(in: state.plan), "\(note)", sourceLocation: sourceLocation)
    }

    @Test func statusEditsUnderEachKindOfFilter() throws {
        for setUp in ["none", "owner", "red", "search"] {
            var state = try makeState(width: 120, height: 40)
            state.press(.enter)
            switch setUp {
            case "owner": state.list.filter.owner = "community-safety"
            case "red": state.list.filter.statuses = [.red]
            case "search":
                state.press(.character("/"))
                state.type("data")
                state.press(.enter)
            default: break
            }
            state.refreshRows()
            let ids = state.list.filteredActionIDs(in: state.plan)
            #expect(!ids.isEmpty, "\(setUp)")
            for id in ids.prefix(3) {
                state.select(id)
                state.press(.character("g"))  // better than red or amber: recorded at once
                expectRowsAsIfRebuilt(state, "\(setUp): \(id) green")
                state.press(.character("u"))
                expectRowsAsIfRebuilt(state, "\(setUp): \(id) undone")
                state.press(.control("r"))
                expectRowsAsIfRebuilt(state, "\(setUp): \(id) redone")
            }
        }
    }

    /// The overview's counts, what changed and who owes an update are worked out after painting
    /// and kept; an edit made since, or a new day, is always shown, painted or not, and the kept
    /// facts equal facts worked out afresh.
    @Test func theFactsScreensShowAreNeverStale() throws {
        var state = try makeState(width: 100, height: 40)
        _ = state.update(.painted)
        #expect(state.cachedFacts?.key == state.factsKey)
        let redsBefore = state.facts.summary.byStatus[.red, default: 0]
        func line(_ prefix: String, of state: AppState) -> String? {
            render(state).plainText.split(separator: "\n").map(String.init).first { $0.contains(prefix) }
        }
        /// The screen's list against one worked out with no kept facts at all.
        func listIsFresh(_ state: AppState) -> Bool {
            guard case .entries(let list, _, _) = state.screen else { return false }
            var fresh = state
            fresh.cachedFacts = nil
            return list == EntryList(list.kind, for: fresh)
        }
        state.press(.enter)
        // An action that owes an update and is green: made red, it is newly red and owes nothing.
        let owing = try #require(state.facts.owed.flatMap(\.actions).first { state.plan.actions[$0].status == .green })
        let id = state.plan.actions[owing].id
        state.select(id)
        state.press(.character("r"))  // no paint between the edit and the next keys
        if state.modal != nil {  // asked why it is red
            state.type("Blocked on data sharing.")
            state.press(.enter)
        }
        #expect(state.plan.actions[owing].status == .red)
        state.press(.character("C"))  // from the list, straight after the edit
        #expect(listIsFresh(state))
        let changes = render(state).plainText
        let newlyRed = try #require(changes.range(of: "Newly red ("))
        let after = changes[newlyRed.upperBound...]
        let section = after.components(separatedBy: "\n\n")[0]
        #expect(section.contains(id))  // listed under it
        state.press(.escape, .character("W"))
        #expect(listIsFresh(state))
        #expect(!render(state).plainText.contains(id))  // it has an update now
        state.press(.escape, .escape)
        #expect(state.screen == .overview)
        #expect(line("Overdue", of: state)?.hasSuffix("Red \(redsBefore + 1)") == true)

        // A new day: the same plan, other facts (actions fall overdue; the quarter moves on).
        let overdueBefore = state.facts.summary.overdue
        _ = state.update(.tick(Timestamp(iso: "2027-01-02T09:00:00Z")!))
        let overdueAfter = state.plan.summary(on: Day(iso: "2027-01-02")!).overdue
        #expect(overdueAfter != overdueBefore)
        #expect(line("Overdue", of: state)?.hasPrefix(" Overdue \(overdueAfter) ") == true)

        _ = state.update(.painted)
        let kept = try #require(state.cachedFacts), fresh = PlanFacts(state.plan, state.factsKey)
        #expect(kept.summary == fresh.summary && kept.changes == fresh.changes)
        #expect(kept.owed.map(\.owner) == fresh.owed.map(\.owner) && kept.owed.map(\.actions) == fresh.owed.map(\.actions))
    }
}
