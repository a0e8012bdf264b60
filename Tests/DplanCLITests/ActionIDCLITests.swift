import Foundation
import PlanModel
import PlanStore
import TestSupport
import Testing

/// Action ids from the command line: a deleted action's id is not given again, and two
/// agencies adding at the same time are told which id each got.
@Suite struct ActionIDCLITests {
    @Test func addRefusesADeletedActionsIdAndTheNextIdSkipsIt() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        var plan = try PlanFile.load(path)
        let deleted = try #require(plan.actions.last { $0.preventionGroup == .primary })
        try plan.deleteAction(id: deleted.id, context: EditContext(by: "Jo Officer", now: Timestamp(iso: "2026-10-01T09:00:00Z")!))
        try PlanFile.save(plan, to: path)
        let next = plan.nextActionID(in: .primary)
        let owner = plan.owners[0].id
        let refused = try runDplan(["add", path, "--id", deleted.id, "--group", "primary", "--title", "Another", "--owner", owner])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(deleted.id) was the id of \"\(deleted.title)\", deleted on 2026-10-01 by Jo Officer"), "\(refused.stderr)")
        #expect(refused.stderr.contains("next free one, \(next)"))
        #expect(try PlanFile.load(path) == plan)
        let added = try runDplan(["add", path, "--group", "primary", "--title", "Another", "--owner", owner])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.hasPrefix("added \(next) to"))
    }

    @Test func validateWarnsOfAReusedIdButPasses() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        var plan = try PlanFile.load(path)
        let reused = try #require(plan.actions.last { $0.preventionGroup == .primary })
        try plan.deleteAction(id: reused.id, context: EditContext(by: "Jo Officer", now: Timestamp(iso: "2026-10-01T09:00:00Z")!))
        plan.insertInGroupOrder(Action(id: reused.id, group: .primary, title: "Something else", owner: plan.owners[0].id))
        try PlanFile.save(plan, to: path)
        let result = try runDplan(["validate", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: \(path): actions[") && result.stderr.contains(
            "].id: \(reused.id) is also the id of an action deleted on 2026-10-01 by Jo Officer"), "\(result.stderr)")
    }

    /// Two loops of `dplan add` in one group at once, as two processes: every add says the id
    /// its action has in the file (a merge with the other's add renumbers it and says so), and
    /// no id is given twice.
    @Test func twoAddLoopsAtOnceEachSayTheIdTheirActionHas() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let owner = try PlanFile.load(path).owners[0].id
        let adds = 12
        let running = try ["A", "B"].map { tag in
            try startShellLoop("""
                i=1
                while [ $i -le \(adds) ]; do
                  "$0" add "$1" --group primary --title "\(tag) add $i" --owner "$2" 2>&1 || echo "\(tag) add $i exited $?"
                  i=$((i + 1))
                done
                """, [path, owner], user: "Loop \(tag)")
        }
        var said: [String: String] = [:]  // title → id the command said
        for (process, output) in running {
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(!text.contains("exited"), "\(text)")
            for line in text.split(separator: "\n") where line.hasPrefix("added ") {
                let id = String(line.dropFirst(6).prefix { $0 != " " })
                said[String(line[line.range(of: ": ")!.upperBound...])] = id
            }
            for line in text.split(separator: "\n") where line.contains(" is now ") {
                let moved = String(line[line.range(of: " is now ")!.upperBound...].prefix { $0 != " " })
                #expect(said.values.contains(moved), "\(line) but no add said \(moved)")
            }
        }
        let plan = try PlanFile.load(path)
        #expect(plan.validate().isEmpty)
        #expect(said.count == 2 * adds)
        for (title, id) in said {
            #expect(plan.actions.first { $0.id == id }?.title == title, "\(title) said \(id)")
        }
        let ids = plan.actions.map(\.id)
        #expect(Set(ids).count == ids.count)
    }
}
