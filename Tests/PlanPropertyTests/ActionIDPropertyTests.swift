import Foundation
import PlanModel
import PlanStore
import PropertyBased
import Testing

/// Cases per run: a few in `swift test`, more from `scripts/property-tests` (DPLAN_PROPERTY_CASES).
private let cases = ProcessInfo.processInfo.environment["DPLAN_PROPERTY_CASES"].flatMap(Int.init) ?? 40

/// Model-based tests of action ids: a model remembers every id ever issued, and random adds,
/// deletes, explicit-id adds and merges must never give one to a second action.
@Suite struct ActionIDPropertyTests {
    /// Random adds (the next id of a random group), deletes and adds under an id already issued:
    /// every next id is new, and an issued id offered again is refused, changing nothing.
    @Test func noIdIsEverIssuedTwice() async {
        await propertyCheck(count: cases, input: Gen.int(in: 0...(1 << 20)).array(of: 1...40)) { steps in
            var plan = propertyPlan()
            var issued = plan.usedActionIDs
            for (n, step) in steps.enumerated() {
                if let broken = IDStep(step).apply(to: &plan, issued: &issued, context: idContext(n, by: "Police")) {
                    Issue.record("\(broken) at step \(n) of \(steps)")
                    return
                }
            }
        }
    }

    /// Two copies edited at random and merged: no id names two actions, nor an action and a
    /// deleted one, and every action either side added is still there under some id.
    @Test func mergedCopiesNeverGiveOneIdToTwoActions() async {
        let side = Gen.int(in: 0...(1 << 20)).array(of: 1...16)
        await propertyCheck(count: cases, input: side, side) { ourSteps, theirSteps in
            let base = propertyPlan()
            func edited(_ steps: [Int], by who: String) -> Plan {
                var plan = base, issued = base.usedActionIDs
                for (n, step) in steps.enumerated() { _ = IDStep(step).apply(to: &plan, issued: &issued, context: idContext(n, by: who)) }
                return plan
            }
            let (ours, theirs) = (edited(ourSteps, by: "Police"), edited(theirSteps, by: "Council"))
            let result = PlanMerge.merge(base: base, mine: ours, theirs: theirs)
            guard result.conflicts.isEmpty else { return }  // deleted on one side, changed on the other: settled by hand
            let ids = result.plan.actions.map(\.id)
            #expect(Set(ids).count == ids.count, "an id names two actions: \(ids) (\(ourSteps) / \(theirSteps))")
            #expect(result.plan.reusedActionIDs().isEmpty, "\(result.plan.reusedActionIDs()) (\(ourSteps) / \(theirSteps))")
            let baseIDs = Set(base.actions.map(\.id))
            let added = (ours.actions + theirs.actions).filter { !baseIDs.contains($0.id) }.map { "\($0.updatedBy ?? "") \($0.title)" }
            let kept = Set(result.plan.actions.map { "\($0.updatedBy ?? "") \($0.title)" })
            #expect(added.allSatisfy(kept.contains), "lost \(added.filter { !kept.contains($0) }) (\(ourSteps) / \(theirSteps))")
        }
    }
}

/// One random step on a plan's actions.
private enum IDStep {
    case add(PreventionGroup)
    case delete(Int)
    case addIssued(Int)

    init(_ n: Int) {
        switch n % 4 {
        case 0, 1: self = .add(PreventionGroup.allCases[(n / 4) % PreventionGroup.allCases.count])
        case 2: self = .delete(n / 4)
        default: self = .addIssued(n / 4)
        }
    }

    /// Applies the step, keeping `issued` (every id ever given); what broke the model, or nil.
    func apply(to plan: inout Plan, issued: inout Set<String>, context: EditContext) -> String? {
        switch self {
        case .add(let group):
            let id = plan.nextActionID(in: group)
            guard !issued.contains(id) else { return "\(id) issued again" }
            do {
                try plan.addAction(Action(id: id, group: group, title: "\(context.by) action \(id)", owner: "police"), context: context)
            } catch { return "adding \(id) failed: \(error)" }
            issued.insert(id)
        case .delete(let k):
            guard !plan.actions.isEmpty else { return nil }
            do { try plan.deleteAction(id: plan.actions[k % plan.actions.count].id, context: context) } catch { return "\(error)" }
        case .addIssued(let k):
            let id = issued.sorted()[k % issued.count], before = plan
            let group = PreventionGroup.allCases.first { id.hasPrefix($0.idPrefix + "-") } ?? .primary
            do {
                try plan.addAction(Action(id: id, group: group, title: "Again", owner: "police"), context: context)
                return "\(id) was issued before, yet added again"
            } catch let error as PlanEditError {
                switch error {
                case .duplicateActionID(id), .removedActionID(_, _): break
                default: return "\(id) refused for another reason: \(error)"
                }
            } catch { return "\(error)" }
            guard plan == before else { return "a refused add changed the plan" }
        }
        return nil
    }
}

/// Step `n`'s clock: a minute apart, so each step has its own stamp.
private func idContext(_ n: Int, by who: String) -> EditContext {
    EditContext(by: who, now: Timestamp(secondsSinceEpoch: Timestamp(iso: "2025-05-01T09:00:00Z")!.secondsSinceEpoch + 60 * n))
}
