import Foundation
import PlanApp
import PlanModel
import PlanStore
@testable import PlanTUI
import TestSupport
import Testing

/// The save, conflict, reload and export flows as the run loop drives them: a key asks for
/// work (an effect), the loop does it, and its outcome comes back as an event.
@Suite struct EffectFlowTests {
    /// A state with one unsaved edit (SEC-03 set to green).
    private func editedState() throws -> AppState {
        var state = try makeState()
        state.press(.enter)
        state.select("SEC-03")
        state.press(.character("g"))
        #expect(state.isDirty)
        return state
    }

    @Test func saveSucceeds() throws {
        var state = try editedState()
        #expect(state.press(.character("s")) == [.save])
        #expect(state.update(.saved(SaveReport(), thenQuit: false)) == [.dropSwap])
        #expect(!state.isDirty)
        #expect(state.message == Message(text: "Saved \(hillingdonPath)", isError: false))
    }

    @Test func saveThatMergedShowsTheMergedPlanAsSaved() throws {
        var state = try editedState()
        var merged = state.plan
        merged.actions[merged.actionIndex(id: "PRI-01")!].title = "Renamed by someone else"
        #expect(state.update(.saved(SaveReport(merged: merged), thenQuit: false)) == [.dropSwap])
        #expect(state.plan == merged)
        #expect(!state.isDirty)
        #expect(state.message?.text.contains("merged with changes made on disk by someone else") == true)
        // Undo history starts again from the merged plan.
        state.press(.character("u"))
        #expect(state.message?.text == "Nothing to undo")
    }

    @Test func saveAndQuitQuitsOnlyOnceSaved() throws {
        var state = try editedState()
        state.press(.character("q"))
        #expect(state.press(.character("s")) == [.save(resolving: [:], thenQuit: true)])
        let full = PlanFileError(file: "plan.json", message: "cannot save (writing: No space left on device); the file on disk was not changed")
        #expect(state.update(.saveFailed(.save(.file(full)))).isEmpty)
        #expect(state.isDirty)
        #expect(state.message == Message(text: "\(full.description) — your changes are still here", isError: true))
        #expect(state.update(.saved(SaveReport(), thenQuit: true)) == [.dropSwap, .quit])
    }

    @Test func conflictsAreAskedAboutThenSavedAsDecided() throws {
        var state = try editedState()
        let conflict = MergeConflict(path: "actions[id=SEC-03].title", base: nil, ours: "\"A\"", theirs: "\"B\"")
        #expect(state.update(.conflicts([conflict])).isEmpty)
        #expect(state.modal == .confirm(.resolveConflicts([conflict], decided: [:])))
        #expect(state.press(.character("t")) == [.save(resolving: ["actions[id=SEC-03].title": .theirs], thenQuit: false)])
        #expect(state.modal == nil)
    }

    @Test func reloadKeepsMyEditsAndBringsTheirs() throws {
        var state = try editedState()
        #expect(state.update(.changedOnDisk).isEmpty)
        #expect(state.session.outsideChangeNoticed)
        #expect(state.press(.character("R")) == [.reload])
        var base = try PlanFile.load(hillingdonPath)
        base.actions[base.actionIndex(id: "PRI-01")!].title = "Theirs"
        var merged = state.plan
        merged.actions[merged.actionIndex(id: "PRI-01")!].title = "Theirs"
        let effects = state.update(.reloaded(merged: merged, base: base))
        #expect(state.plan == merged)
        #expect(state.isDirty)  // my SEC-03 edit is still unsaved
        #expect(!state.session.outsideChangeNoticed)
        #expect(state.message?.text == "Brought in the changes saved on disk; yours are kept (not saved yet)")
        // The merged plan is journalled, so a crash now still recovers my edit on top of theirs.
        guard case .journal(let changes, _)? = effects.first else { Issue.record("expected a journal write, got \(effects)"); return }
        #expect(changes.planBefore != nil)
        let clash = MergeConflict(path: "actions[id=SEC-03].title", base: nil, ours: "\"A\"", theirs: "\"B\"")
        #expect(state.update(.reloadFailed(.save(.conflicts(path: "plan.json", [clash])))).isEmpty)
        #expect(state.message == Message(text: "plan.json: changed on disk by someone else in the same place (actions[id=SEC-03].title); "
            + "nothing was written; save (s) to decide each clash", isError: true))
    }

    @Test func reloadWithoutEditsLeavesNothingToSave() throws {
        var state = try makeState()
        var base = state.plan
        base.actions[0].title = "Theirs"
        #expect(state.update(.reloaded(merged: base, base: base)) == [.dropSwap])
        #expect(!state.isDirty)
        #expect(state.plan.actions[0].title == "Theirs")
    }

    @Test func reloadThatRemovesTheActionOnScreenReturnsToTheList() throws {
        var state = try makeState()
        state.press(.enter)
        state.select("SEC-03")
        state.press(.enter)
        #expect(state.screen == .detail(id: "SEC-03", scroll: 0))
        var base = state.plan
        base.actions.remove(at: base.actionIndex(id: "SEC-03")!)
        _ = state.update(.reloaded(merged: base, base: base))
        #expect(state.screen == .list)
    }

    @Test func readOnlyRefusesSavingAndEditingAtTheKey() throws {
        var state = AppState(plan: try PlanFile.load(hillingdonPath), path: hillingdonPath, user: "Test Chair", now: fixedNow,
                             size: (80, 24), readOnly: "read-only: being edited by Jo")
        #expect(state.message == Message(text: "read-only: being edited by Jo", isError: true))
        state.press(.enter)
        state.select("SEC-03")
        state.press(.character("t"))  // title editor: refused before any text is typed
        #expect(state.modal == nil)
        #expect(state.message?.text.hasPrefix("Read-only") == true)
        #expect(state.press(.character("s")).isEmpty)
        #expect(state.message?.text == "Read-only: nothing saved")
    }

    @Test func swapFoundOffersRecovery() throws {
        var state = try makeState()
        var recovered = state.plan
        recovered.actions[0].title = "Recovered title"
        let offer = RecoveryOffer(plan: recovered, labels: ["2026-11-22 09:00  WSA-01 title changed (Jo)"], last: "2026-11-22 09:00 by Jo", damaged: 0)
        #expect(state.update(.swapFound(offer)).isEmpty)
        state.press(.character("c"))
        #expect(state.modal == .confirm(.recoverSwap(offer, showingList: true)))
        #expect(render(state).plainText.contains("WSA-01 title changed (Jo)"))
        let effects = state.press(.character("r"))
        #expect(effects.first == .dropSwap)
        #expect(effects.count == 2)  // then the recovered edits are journalled afresh
        #expect(state.plan == recovered)
        #expect(state.isDirty)
    }

    @Test func resizeAndTickChangeOnlyLayoutAndClock() throws {
        var state = try makeState()
        #expect(state.update(.resized(width: 120, height: 40)).isEmpty)
        #expect(state.layout == Layout(width: 120, height: 40))
        #expect(render(state).width == 120)
        let later = Timestamp(iso: "2027-01-05T09:00:00Z")!
        #expect(state.update(.tick(later)).isEmpty)
        #expect(state.quarter.description == "2026/27 Q4")
    }
}

/// The run loop performs work and feeds events back; it never changes the state itself.
@Suite struct RunLoopGuardTests {
    @Test func appChangesStateOnlyThroughUpdate() throws {
        let source = try String(contentsOf: repositoryRoot.appendingPathComponent("Sources/PlanTUI/App.swift"), encoding: .utf8)
        let code = source.split(separator: "\n").map { line in line.split(separator: "//", maxSplits: 1).first.map(String.init) ?? "" }
        var uses = 0
        for line in code {
            var rest = Substring(line)
            while let range = rest.range(of: #"\bstate\.[A-Za-z_.]+(\s*\(|\s*[-+*/]?=(?!=))?"#, options: .regularExpression) {
                let use = rest[range]
                uses += 1
                let isUpdate = use.hasPrefix("state.update(")
                let isCall = use.hasSuffix("(")
                let isAssignment = use.contains("=")
                #expect(isUpdate || (!isCall && !isAssignment), "App.swift changes the state outside update: \(line)")
                rest = rest[range.upperBound...]
            }
            #expect(!line.contains("&state"), "App.swift passes the state inout: \(line)")
        }
        #expect(uses > 0)
    }
}

/// When every quarter of the plan period is closed, updates are refused at the key, saying how
/// to extend the period, and the title bar says so instead of naming a quarter outside it.
@Suite struct ClosedPeriodTests {
    @Test func updatesAreRefusedBeforeAnythingIsTyped() throws {
        var plan = try PlanFile.load(hillingdonPath)
        plan.quarters.append(QuarterRecord(quarter: Quarter("2026/27 Q4")!, state: .closed))
        var state = AppState(plan: plan, path: hillingdonPath, user: "Test Chair", now: Timestamp(iso: "2027-05-10T09:00:00Z")!,
                             size: (100, 30))
        state.press(.enter)
        state.select("SEC-06")
        for key: Key in [.character("r"), .character("m"), .character("g")] {
            state.press(key)
            #expect(state.modal == nil)
            #expect(state.message?.text.contains("extend the period with `dplan plan set PLAN --end") == true)
        }
        #expect(state.plan == plan)
        #expect(render(state).plainText.split(separator: "\n")[0].contains("plan period closed"))
    }
}

/// The board paper's words written from the front end: the quarter's executive summary and an
/// action's decision or help needed from the board.
@Suite struct BoardPaperEditingTests {
    @Test func summaryAndDecisionAreWrittenAsUndoableSteps() throws {
        var state = try makeState()
        state.press(.character("S"))
        state.press(.paste("Two new reds this quarter.\nThe board is asked to escalate the police data request."))
        state.press(.enter)
        #expect(state.plan.summary(for: state.quarter) == "Two new reds this quarter.\nThe board is asked to escalate the police data request.")
        state.press(.enter)
        state.select("WSA-01")
        state.press(.character("D"))
        state.type("Escalate the data-sharing request to the MPS BCU commander")
        state.press(.enter)
        #expect(state.action("WSA-01").decisionNeeded == "Escalate the data-sharing request to the MPS BCU commander")
        state.press(.character("u"), .character("u"))
        #expect(state.action("WSA-01").decisionNeeded == nil)
        #expect(state.plan.summary(for: state.quarter).isEmpty)
    }

    /// A message on a row a screen also drew on is the message alone: "Saved …" on the meeting
    /// summary once ended in "…es the last change", the end of the summary's own line there.
    @Test func aMessageClearsTheRowItIsShownOn() throws {
        var state = try makeState(width: 100, height: 30)
        state.press(.enter, .character("M"), .escape)
        #expect(state.isOnMeetingSummary)
        _ = state.update(.saved(SaveReport(), thenQuit: false))
        let row = render(state).text(row: state.layout.messageRow)
        #expect(row.trimmingCharacters(in: .whitespaces) == "Saved \(hillingdonPath)", "\(row)")
    }
}
