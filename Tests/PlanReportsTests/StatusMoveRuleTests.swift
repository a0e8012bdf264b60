import Foundation
import PlanModel
import PlanReports
import Testing

private let q1 = Quarter("2025/26 Q1")!, q2 = Quarter("2025/26 Q2")!, q3 = Quarter("2025/26 Q3")!
private let now = Timestamp(iso: "2026-01-10T10:00:00Z")!  // in Q4

/// A plan whose actions have the given statuses in 2025/26 Q1, Q2 and Q3 (nil: no review then),
/// with those three quarters closed.
private func plan(_ histories: [String: [Status?]]) -> Plan {
    var plan = Plan(id: "m", title: "Moves", partnership: "CSP",
                    period: Period(start: Day(iso: "2025-04-01")!, end: Day(iso: "2027-03-31")!), owners: [Owner(id: "o", name: "O")])
    for (id, statuses) in histories.sorted(by: { $0.key < $1.key }) {
        let reviews = zip([q1, q2, q3], statuses).compactMap { quarter, status in
            status.map { Review(quarter: quarter, status: $0, commentary: "c", by: "x", on: Timestamp(iso: "2025-06-01T10:00:00Z")!, owner: "o") }
        }
        plan.actions.append(Action(id: id, group: .primary, title: id, owner: "o", status: reviews.last!.status, reviews: reviews))
    }
    plan.quarters = [q1, q2, q3].map { QuarterRecord(quarter: $0, state: .closed) }
    return plan
}

/// The report on Q3 compared with `from`: its rows and its changes, by action id.
private func report(_ plan: Plan, from: Quarter? = nil) -> (rows: [String: Report.ActionRow], changes: [String: Report.Change]) {
    var options = ReportOptions(now: now)
    options.quarter = q3
    options.from = from
    let report = Report(plan: plan, options: options)
    return (Dictionary(uniqueKeysWithValues: report.groups.flatMap(\.actions).map { ($0.id, $0) }),
            Dictionary(uniqueKeysWithValues: report.changes.map { ($0.id, $0) }))
}

/// Improved, worsened and escalation are decided once, in PlanModel (`Trend(from:to:)`,
/// `Plan.isEscalation`), and the board paper's table, its flags for templates and its list of
/// changes agree. Before, the paper's rows had their own rules: escalation was "red now and in
/// the comparison quarter" and the trend compared with the quarter before whatever the paper was
/// compared with.
@Suite struct StatusMoveRuleTests {
    @Test func aHigherRankImprovesAndCompletingCountsAsImproving() {
        #expect(Trend(from: .amber, to: .green) == .improved)
        #expect(Trend(from: .green, to: .complete) == .improved)
        #expect(Trend(from: .green, to: .amber) == .worsened)
        #expect(Trend(from: .notStarted, to: .red) == .worsened)
        #expect(Trend(from: .red, to: .red) == .same)
        #expect(Trend(from: nil, to: .red) == .new)
    }

    /// A completion is listed among the changes as completed only (not also as improved), while
    /// its row in the table shows it improved (▲ beside Complete).
    @Test func aCompletionIsImprovedInTheTableAndCompletedInTheChanges() {
        let (rows, changes) = report(plan(["DONE": [.green, .green, .complete], "BETTER": [.amber, .amber, .green],
                                           "WORSE": [.green, .green, .amber]]))
        #expect(rows["DONE"]?.trend == "improved" && rows["DONE"]?.improved == true)
        #expect(changes["DONE"]?.kinds == ["completed"] && changes["DONE"]?.improved == false)
        #expect(rows["BETTER"]?.improved == true && changes["BETTER"]?.improved == true)
        #expect(rows["WORSE"]?.worsened == true && rows["WORSE"]?.trend == "worsened" && changes["WORSE"]?.worsened == true)
    }

    /// Escalation is red for two quarters in a row up to the one reported on, whatever quarter the
    /// paper is compared with: red, green, red is not one; green, red, red is.
    @Test func escalationIsTwoRedQuartersInARowWhateverTheComparison() {
        let moves = plan(["GAP": [.red, .green, .red], "STREAK": [.green, .red, .red], "LONG": [.red, .red, .red]])
        let (rows, changes) = report(moves, from: q1)
        #expect(rows["GAP"]?.isEscalation == false)
        #expect(rows["STREAK"]?.isEscalation == true)
        #expect(rows["LONG"]?.isEscalation == true)
        for id in ["GAP", "STREAK", "LONG"] {
            #expect(rows[id]?.isEscalation == (changes[id]?.isEscalation ?? false), "\(id)")
        }
        #expect(moves.redStreak(of: moves.actions.first { $0.id == "LONG" }!, endingIn: q3, live: q3.next) == 3)
    }

    /// A quarter nobody reported in is skipped: the paper on Q3 is compared with Q1, and the
    /// row's trend says so (it said "new", there being no Q2 review, while the changes said improved).
    @Test func theTrendIsAgainstTheQuarterThePaperIsComparedWith() {
        let (rows, changes) = report(plan(["SKIPPED": [.amber, nil, .green], "STEADY": [.green, nil, .green]]))
        #expect(rows["SKIPPED"]?.trend == "improved" && rows["SKIPPED"]?.improved == true)
        #expect(changes["SKIPPED"]?.improved == true)
        #expect(rows["STEADY"]?.trend == "same")
    }
}
