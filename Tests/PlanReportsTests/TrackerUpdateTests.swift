import Foundation
import PlanModel
import PlanReports
import Spreadsheet
import Testing

/// `--update`: returns recorded against existing actions for one quarter.
@Suite struct TrackerUpdateTests {
    func planWithActions() throws -> Plan {
        try importing("Ref,Action,Lead,RAG,Progress update,Target date\nA1,Mentoring,Borough Council,Green,Started,31/03/2027\n"
            + "A2,Street lighting,Borough Council,Amber,Survey booked,31/12/2026\nA3,Knife bins,Borough Council,Red,No sites yet,\n",
            options: .init(defaultGroup: .primary, quarter: Quarter("2026/27 Q2"))).plan
    }

    @Test func returnsRecordExactlyTheChangesForTheQuarter() throws {
        let plan = try planWithActions()
        let q3 = Quarter("2026/27 Q3")!
        let returns = "Ref,Action,Lead,RAG,Progress update 2026/27 Q3\nA1,Mentoring,Borough Council,G Green,Started\n"
            + "A2,Street lighting,Borough Council,Red,Contractor withdrew\nA9,Youth hub,Borough Council,Green,New this quarter\n"
        let result = try importing(returns, into: plan, options: .init(defaultGroup: .primary, update: true))
        #expect(result.quarters == [q3])
        #expect(result.rows.map(\.kind) == [.unchanged("A1"), .updated("A2"), .added("A9")])
        #expect(result.noReturn == ["A3"])
        let a2 = try #require(result.plan.actions.first { $0.id == "A2" })
        #expect(a2.status == .red && a2.commentary == "Contractor withdrew")
        #expect(a2.review(for: q3)?.status == .red && a2.review(for: q3)?.commentary == "Contractor withdrew")
        #expect(result.plan.actions.first { $0.id == "A1" } == plan.actions.first { $0.id == "A1" })
        #expect(result.plan.actions.first { $0.id == "A3" } == plan.actions.first { $0.id == "A3" })
        // The same returns again change nothing.
        let again = try importing(returns, into: result.plan, options: .init(defaultGroup: .primary, update: true))
        #expect(again.plan == result.plan)
        #expect(again.rows.map(\.kind) == [.unchanged("A1"), .unchanged("A2"), .unchanged("A9")])
    }

    @Test func theCommentaryRulesAndDueDateReasonsHold() throws {
        let plan = try planWithActions()
        let worse = try importing("Ref,RAG,Progress update\nA1,Red,\nA3,Red,\n", into: plan, options: .init(quarter: Quarter("2026/27 Q3"), update: true))
        #expect(worse.rows.map(\.kind) == [
            .problem(["the status gets worse (Green to Red): a commentary explaining why is required"]),
            .unchanged("A3"),
        ])
        #expect(worse.rows[1].notes == ["no new status or commentary: nothing recorded for 2026/27 Q3; the action still owes its update"])
        let stillRed = try importing("Ref,RAG,Progress update\nA3,Red,Contractor found; sites agreed\n", into: plan,
                                     options: .init(quarter: Quarter("2026/27 Q3"), update: true))
        #expect(stillRed.rows.map(\.kind) == [.updated("A3")])
        let moved = "Ref,Target date,Reason if the target date changed\nA1,30/06/2027,\nA2,31/01/2027,Supplier delay\n"
        let result = try importing(moved, into: plan, options: .init(update: true))
        #expect(result.rows[0].kind == .problem(["column B \"Target date\": the due date changes from 2027-03-31 to 2027-06-30: a reason is needed (a Reason column or --reason)"]))
        #expect(result.rows[1].kind == .updated("A2"))
        #expect(result.plan.actions.first { $0.id == "A2" }?.dueDateChanges.map(\.reason) == ["Supplier delay"])
        let withReason = try importing(moved, into: plan, options: .init(update: true, reason: "Board agreed"))
        #expect(withReason.problems.isEmpty)
    }

    @Test func aClosedQuarterIsRefused() throws {
        var plan = try planWithActions()
        plan.quarters = [QuarterRecord(quarter: Quarter("2026/27 Q2")!, state: .closed)]
        #expect(throws: TrackerImportError.self) {
            try importing("Ref,RAG\nA1,Amber\n", into: plan, options: .init(quarter: Quarter("2026/27 Q2"), update: true))
        }
    }

    // Issue 23, item 2: returns record who returned them.
    @Test func aReturnIsTheAgencysUpdateEnteredByTheOfficer() throws {
        let plan = try planWithActions()
        let result = try importing("Ref,RAG,Progress update\nA2,Red,Contractor withdrew\n", into: plan,
                                   options: .init(quarter: Quarter("2026/27 Q3"), update: true))
        let review = try #require(result.plan.actions.first { $0.id == "A2" }?.review(for: Quarter("2026/27 Q3")!))
        #expect(review.by == "Borough Council")
        #expect(review.enteredBy == "Importer")
        #expect(result.plan.actions.first { $0.id == "A2" }?.updatedBy == "Importer")
    }

    // Issue 23, item 3: nothing in a return is dropped silently.
    @Test func changedPartnersAndOutcomeMeasureCellsAreNamed() throws {
        let plan = try planWithActions()
        let result = try importing("Ref,Partners,Outcome measure,RAG\nA1,Police,Fewer admissions,Green\nA2,,,Amber\n", into: plan,
                                   options: .init(quarter: Quarter("2026/27 Q3"), update: true))
        #expect(result.rows[0].notes.contains("partners differ from the plan's (); not changed by --update"))
        #expect(result.rows[0].notes.contains("the outcome measure differs from the plan's; not changed by --update"))
        #expect(!result.rows[1].notes.contains { $0.contains("partners") || $0.contains("outcome") })
    }

    @Test func aCompleteActionDoesNotOweAnUpdateAndASkippedRowIsNotAlsoNoReturn() throws {
        var plan = try planWithActions()
        try plan.recordUpdate(actionID: "A3", status: .complete, commentary: "Bins installed", quarter: Quarter("2026/27 Q2"),
                              context: importContext)
        let q3 = Quarter("2026/27 Q3")!
        let result = try importing("Ref,RAG,Progress update\nA1,Red,\nA3,Complete,Bins installed\n", into: plan,
                                   options: .init(quarter: q3, update: true))
        #expect(result.rows[0].isProblem)
        #expect(result.rows[1].kind == .unchanged("A3"))
        // Complete: it owes no update (last quarter's words are not taken as this quarter's).
        #expect(result.rows[1].notes == ["the commentary repeats the 2026/27 Q2 update: not taken as 2026/27 Q3's"])
        #expect(!result.plan.chaseList(for: q3).flatMap(\.actions).map(\.id).contains("A3"))
        #expect(result.noReturn == ["A2"])
    }

    // Issue 23, item 4: a public return's placeholder never becomes the record.
    @Test func aPublicReturnsWithheldPlaceholderIsNeverCommentary() throws {
        let plan = try planWithActions()
        let q3 = Quarter("2026/27 Q3")!
        let result = try importing("Ref,RAG,Progress update\nA1,Green,(withheld)\nA2,Red,(withheld)\n", into: plan,
                                   options: .init(quarter: q3, update: true))
        #expect(result.rows[0].kind == .unchanged("A1"))
        #expect(result.rows[0].notes.first == "commentary \"(withheld)\" is a public return's placeholder: the commentary is not changed")
        // A worse status with only the placeholder has no words: refused by the commentary rule.
        #expect(result.rows[1].isProblem)
        #expect(result.plan.actions.allSatisfy { $0.commentary != "(withheld)" && $0.reviews.allSatisfy { $0.commentary != "(withheld)" } })
    }
}
