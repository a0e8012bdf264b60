import Foundation
import PlanModel
import PlanStore
import Testing

@Suite struct SwapJournalTests {
    let context = EditContext(by: "Jo", now: Timestamp(iso: "2026-11-22T10:00:00Z")!)

    @Test func journalledEditsReplayOntoTheSavedPlan() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("plan.json").path
        let saved = try PlanFile.load(hillingdonSample)
        try PlanFile.save(saved, to: path)
        let journal = SwapJournal(planPath: path)
        #expect(journal.path == folder.appendingPathComponent(".plan.json.dplan-swap").path)
        #expect(journal.read() == nil)
        var plan = saved
        var steps: [Plan] = [plan]
        try plan.recordUpdate(actionID: "SEC-06", status: .amber, commentary: "At risk", context: context)
        steps.append(plan)
        try plan.addAction(Action(id: "PRI-07", group: .primary, title: "New", owner: "shp"), context: context)
        steps.append(plan)
        try plan.deleteAction(id: "TER-06", context: context)
        steps.append(plan)
        try plan.closeQuarter(Quarter("2026/27 Q3")!, board: "SHP", context: context)
        steps.append(plan)
        for (old, new) in zip(steps, steps.dropFirst()) {
            try journal.append(from: old, to: new, label: "step", by: "Jo", on: context.now)
        }
        let contents = try #require(journal.read())
        #expect(contents.entries.count == 4 && contents.damagedLines.isEmpty)
        #expect(SwapJournal.replay(contents.entries, onto: saved) == plan)
        // An entry only carries what changed.
        #expect(contents.entries[0].actions.map(\.id) == ["SEC-06"])
        #expect(contents.entries[2].deleted == ["TER-06"])
        journal.remove()
        #expect(!journal.exists)
    }

    @Test func damagedEntriesAreReportedAndSkipped() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("plan.json").path
        let saved = try PlanFile.load(hillingdonSample)
        let journal = SwapJournal(planPath: path)
        var first = saved
        try first.recordUpdate(actionID: "SEC-06", status: .amber, commentary: "At risk", context: context)
        try journal.append(from: saved, to: first, label: "one", by: "Jo", on: context.now)
        var second = first
        try second.editAction(id: "SEC-06", context: context) { $0.title = "Tampered" }
        try journal.append(from: first, to: second, label: "two", by: "Jo", on: context.now)
        // Tamper with the second line and tear a third one, as a crash mid-write would.
        var text = try String(contentsOfFile: journal.path, encoding: .utf8)
        text = text.replacingOccurrences(of: "Tampered", with: "Tampared")
        text += "0123456789abcdef {\"label\":\"torn"
        try text.write(toFile: journal.path, atomically: true, encoding: .utf8)
        let contents = try #require(journal.read())
        #expect(contents.entries.map(\.label) == ["one"])
        #expect(contents.damagedLines == [2, 3])
        #expect(SwapJournal.replay(contents.entries, onto: saved) == first)
    }
}
