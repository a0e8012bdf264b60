import Foundation
import PlanModel
@testable import PlanStore
import PropertyBased
import Testing

/// Cases per run: a few in `swift test`, more from `scripts/property-tests` (DPLAN_PROPERTY_CASES).
private let cases = ProcessInfo.processInfo.environment["DPLAN_PROPERTY_CASES"].flatMap(Int.init) ?? 40

/// Property tests of the pure merge over generated plans: two people make random edits of every
/// kind to one plan (adding actions, milestones and funding lines under the same generated ids,
/// in the same second and with clocks going back; closing the quarter), and `MergeOracle` (shared with the git merge
/// simulation) says what the merge must give.
@Suite struct MergePropertyTests {
    /// Every merge of two random edit sequences: only both-sided changes conflict, every
    /// one-sided change and audit entry is kept, no restricted words are published, the merged
    /// plan validates, and swapping the sides gives the same conflicts.
    @Test func mergingTwoEditSequencesLosesNothing() async {
        let sides = Gen.int(in: 0...(1 << 20)).array(of: 1...12)
        await propertyCheck(count: cases, input: sides, sides) { ours, theirs in
            let base = mergeBasePlan()
            let (o, t) = (MergeEdits.apply(ours, to: base, by: "Police"), MergeEdits.apply(theirs, to: base, by: "Council"))
            #expect(mergeProblems(base: base, ours: o, theirs: t) == [], "ours \(ours) theirs \(theirs)")
            let swapped = PlanMerge.merge(base: base, mine: t, theirs: o).conflicts.map(\.path)
            #expect(Set(swapped) == Set(PlanMerge.merge(base: base, mine: o, theirs: t).conflicts.map(\.path)))
        }
    }

    /// A second round after a clean merge, as git's next pull makes it: the base is our earlier
    /// version, theirs has the merge (renumberings, interleaved audit trails) and more edits.
    @Test func aSecondMergeAfterAnInterleavingOneLosesNothing() async {
        let sides = Gen.int(in: 0...(1 << 20)).array(of: 1...8)
        await propertyCheck(count: cases, input: sides, sides, sides) { first, second, more in
            let base = mergeBasePlan()
            let ours = MergeEdits.apply(first, to: base, by: "Police")
            let theirs = MergeEdits.apply(second, to: base, by: "Council")
            let merged = PlanMerge.merge(base: base, mine: theirs, theirs: ours)
            guard merged.conflicts.isEmpty else { return }
            let oursLater = MergeEdits.apply(more, to: ours, by: "Police", startingAt: 2_000_000)
            let theirsLater = MergeEdits.apply(Array(second.reversed()), to: merged.plan, by: "Council", startingAt: 2_000_000)
            #expect(mergeProblems(base: ours, ours: oursLater, theirs: theirsLater) == [], "\(first) \(second) \(more)")
        }
    }
}

/// What is wrong with merging `ours` and `theirs` from `base`, by the model.
func mergeProblems(base: Plan, ours: Plan, theirs: Plan) -> [String] {
    let result = PlanMerge.merge(base: base, mine: ours, theirs: theirs)
    var plan = result.plan
    plan.conflicts = result.conflicts
    let findings = MergeOracle(base: base, ours: ours, theirs: theirs).check(plan)
    var problems = findings.spuriousConflicts + findings.lostEdits + findings.lostAuditEntries + findings.leaks
    problems += result.plan.validate().filter { !$0.path.hasPrefix("conflicts[") }.map { "invalid: \($0)" }
    return problems
}

/// The property plan with a workstream to add and take off.
func mergeBasePlan() -> Plan {
    var plan = propertyPlan()
    plan.workstreams = [Workstream(id: "knife", name: "Knife crime"), Workstream(id: "da", name: "Domestic abuse")]
    return plan
}

/// Random edits decoded from numbers (so the generator shrinks them), as one person makes them.
enum MergeEdits {
    static func apply(_ codes: [Int], to start: Plan, by person: String, startingAt offset: Int = 0) -> Plan {
        var plan = start
        var clock = Timestamp(iso: "2025-05-01T09:00:00Z")!.secondsSinceEpoch + offset
        for (index, code) in codes.enumerated() {
            let kind = code % 12, pick = code / 12 % 8, value = code / 96
            clock += value % 3 == 0 ? 0 : (code % 7 == 0 ? -3000 : value % 5000)
            let context = EditContext(by: person, now: Timestamp(secondsSinceEpoch: clock))
            guard !plan.actions.isEmpty else { return plan }
            let id = plan.actions[pick % plan.actions.count].id
            let words = "\(person) \(index) \(code)"
            try? edit(kind, id: id, value: value, words: words, plan: &plan, context: context)
        }
        return plan
    }

    private static func edit(_ kind: Int, id: String, value: Int, words: String, plan: inout Plan, context: EditContext) throws {
        let action = plan.actions[plan.actionIndex(id: id)!]
        switch kind {
        case 0: try plan.recordUpdate(actionID: id, status: Status.allCases[value % Status.allCases.count],
                                      commentary: value % 2 == 0 ? words : nil, context: context)
        case 1: try plan.recordUpdate(actionID: id, status: nil, commentary: words, context: context)
        case 2: try plan.moveDue(actionID: id, to: Day(iso: "2026-01-01")!.adding(days: value % 300), reason: words, context: context)
        case 3: try plan.editAction(id: id, context: context) { $0.title = words }
        case 4:
            let owner = plan.owners[value % plan.owners.count].id
            try plan.editAction(id: id, context: context) { $0.owner = owner }
        case 5:
            let partner = plan.owners[value % plan.owners.count].id
            try plan.editAction(id: id, context: context) { a in
                if a.partners.contains(partner) { a.partners.removeAll { $0 == partner } } else { a.partners.append(partner) }
            }
        case 6:
            let stream = plan.workstreams[value % plan.workstreams.count].id
            try plan.editAction(id: id, context: context) { a in
                if a.workstreams.contains(stream) { a.workstreams.removeAll { $0 == stream } } else { a.workstreams.append(stream) }
            }
        case 7:
            let group = PreventionGroup.allCases[value % PreventionGroup.allCases.count]
            try plan.addAction(Action(id: plan.nextActionID(in: group), group: group, title: words, owner: plan.owners[0].id), context: context)
        case 8: try plan.addMilestone(actionID: id, title: words, due: Day(iso: "2026-02-01")!.adding(days: value % 40), context: context)
        case 9:
            guard let milestone = action.milestones.first else { return }
            try plan.setMilestoneDone(actionID: id, milestone: milestone.id, done: !milestone.isDone, context: context)
        case 10:
            try plan.addFundingLine(to: value % 2 == 0 ? .plan : .action(id), source: words, year: FinancialYear(startYear: 2025),
                                    amount: Decimal(value % 9 + 1), labour: nil, nonLabour: nil, context: context)
        default:
            switch value % 4 {
            case 0: try plan.deleteAction(id: id, context: context)
            case 1: try plan.closeQuarter(plan.quarter(containing: context.now.day), board: "SHP", context: context)
            default: try plan.setCommentaryRestricted(actionID: id, action.commentaryRestricted != true, context: context)
            }
        }
    }
}
