import Foundation
import PlanModel
@testable import PlanStore
import TestSupport
import Testing

/// git's merge driver against the merge a save makes, on random pairs of edits: they must agree.
@Suite struct MergeDriverFuzzTests {
    /// One to four random edits, as an agency makes them with dplan. Edits the rules refuse are skipped.
    static func edit(_ plan: inout Plan, by name: String, minutes: Int, random: inout SplitMix64) {
        let context = EditContext(by: name, now: Timestamp(secondsSinceEpoch: Timestamp(iso: "2026-11-22T10:00:00Z")!.secondsSinceEpoch + minutes * 60))
        let words = ["Funding gap", "On track", "Two schools left", "Partner changed", "Delayed by recruitment"]
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            // A few actions only, so that both sides often touch the same one.
            guard let id = plan.actions.prefix(3).randomElement(using: &random)?.id else { return }
            switch Int.random(in: 0..<9, using: &random) {
            case 0, 1:
                try? plan.recordUpdate(actionID: id, status: Status.allCases.randomElement(using: &random),
                                       commentary: words.randomElement(using: &random)! + " (\(name))", context: context)
            case 2: try? plan.editAction(id: id, context: context) { $0.title = "\($0.title) (\(name))" }
            case 3: try? plan.moveDue(actionID: id, to: Day(iso: "2027-0\(Int.random(in: 1...9, using: &random))-15")!,
                                      reason: "Moved by \(name)", context: context)
            case 4: try? plan.deleteAction(id: id, context: context)
            case 5:
                let group = PreventionGroup.allCases.randomElement(using: &random)!
                try? plan.addAction(Action(id: plan.nextActionID(in: group), group: group, title: "New work from \(name)",
                                           owner: plan.owners[0].id), context: context)
            case 6:
                let owner = plan.owners.randomElement(using: &random)!.id
                try? plan.editAction(id: id, context: context) { $0.owner = owner }
            case 7: try? plan.setCommentaryRestricted(actionID: id, Bool.random(using: &random), context: context)
            default: plan.owners[Int.random(in: 0..<plan.owners.count, using: &random)].contact = "\(name.lowercased())@example.org"
            }
        }
    }

    @Test func theDriverAgreesWithTheSaveMergeOnRandomEditPairs() throws {
        let base = try PlanFile.load(hillingdonSample)
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("plan.json").path
        var clean = 0, conflicted = 0
        for round in 0..<100 {
            var random = SplitMix64(state: UInt64(round) &* 7919 &+ 16)
            var ours = base, theirs = base
            Self.edit(&ours, by: "Police", minutes: 0, random: &random)
            Self.edit(&theirs, by: "Council", minutes: 5, random: &random)
            let driver = MergeDriver.merge(base: PlanCoding.encode(base), ours: PlanCoding.encode(ours),
                                           theirs: PlanCoding.encode(theirs), file: "plan.json")
            // The save merge: I saved ours over base while someone saved theirs.
            // Who decides, the same on both paths: a decided review goes on the audit trail in their name.
            let resolver = EditContext(by: "Resolver", now: Timestamp(iso: "2026-11-23T09:00:00Z")!)
            func saveMerge(resolving side: MergeConflict.Side?) throws -> Result<Data, PlanDocument.SaveError> {
                try PlanFile.save(base, to: path)
                var document = try PlanDocument.open(path)
                document.backups = 0
                try PlanFile.save(theirs, to: path)
                var resolutions: [String: MergeConflict.Side] = [:]
                if let side {
                    for conflict in PlanMerge.merge(base: base, mine: ours, theirs: theirs).conflicts { resolutions[conflict.path] = side }
                }
                do throws(PlanDocument.SaveError) {
                    _ = try document.save(ours, resolving: resolutions, decidedBy: resolver)
                } catch {
                    return .failure(error)
                }
                return .success(try PlanFile.read(path))
            }
            switch (driver, try saveMerge(resolving: nil)) {
            case (.merged(let bytes, _), .success(let saved)):
                clean += 1
                #expect(bytes == saved, "round \(round): the driver and the save merged differently")
            case (.conflicted(let bytes, let conflicts, let problems, _), .success(let saved)):
                // A clean merge whose result has problems (an owner deleted on one side): same plan.
                #expect(conflicts.isEmpty && !problems.isEmpty, "round \(round)")
                #expect(bytes == saved, "round \(round)")
            case (.conflicted(let bytes, let conflicts, _, _), .failure(.conflicts(_, let refused))):
                conflicted += 1
                #expect(conflicts.map(\.path) == refused.map(\.path), "round \(round)")
                let recorded = try PlanCoding.decode(bytes, file: "driver")
                #expect(recorded.conflicts == conflicts)
                #expect(recorded.validate().contains { $0.path.hasPrefix("conflicts[") })
                // Settling every conflict one way must give what the save gives when told the same.
                for side in [MergeConflict.Side.ours, .theirs] {
                    var settled = recorded
                    _ = try settled.resolveConflicts(take: side, context: resolver) { _ in true }
                    guard case .success(let saved) = try saveMerge(resolving: side) else {
                        Issue.record("round \(round): the save refused \(side) for every conflict")
                        continue
                    }
                    #expect(PlanCoding.encode(settled) == saved, "round \(round): resolving \(side) differs from the save merge")
                }
            case let (driver, save):
                Issue.record("round \(round): the driver gave \(driver), the save \(save)")
            }
        }
        // The edits must exercise both outcomes, or the test proves little.
        #expect(clean > 15 && conflicted > 15, "clean \(clean), conflicted \(conflicted)")
    }
}
