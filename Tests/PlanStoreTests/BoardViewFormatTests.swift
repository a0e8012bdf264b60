import Foundation
import PlanModel
@testable import PlanStore
import Testing

/// Issue 23, item 1: the board's view is part of the plan format and survives merges.
@Suite struct BoardViewFormatTests {
    let lead = EditContext(by: "Metropolitan Police", now: Timestamp(iso: "2026-11-22T10:00:00Z")!)
    let board = EditContext(by: "Jo Officer", now: Timestamp(iso: "2026-11-22T11:00:00Z")!)
    let q3 = Quarter("2026/27 Q3")!

    func sample() throws -> Plan { try PlanFile.load(hillingdonSample) }

    @Test func theBoardsViewRoundTripsAndOlderFilesLoadUnchanged() throws {
        let older = try sample()
        let olderBytes = PlanCoding.encode(older)
        #expect(!String(decoding: olderBytes, as: UTF8.self).contains(#""board" : {"#))
        #expect(PlanCoding.encode(try PlanCoding.decode(olderBytes, file: "p.json")) == olderBytes)
        var plan = older
        try plan.recordUpdate(actionID: "SEC-06", status: .green, commentary: "IDVA in post", author: "Police", context: lead)
        #expect(plan.actions[try #require(plan.actionIndex(id: "SEC-06"))].reviews.last?.enteredBy == "Metropolitan Police")
        try plan.recordBoardView(actionID: "SEC-06", status: .amber, reason: "Waiting list growing", context: board)
        let bytes = PlanCoding.encode(plan)
        let read = try PlanCoding.decode(bytes, file: "p.json")
        #expect(read == plan)
        #expect(PlanCoding.encode(read) == bytes)
        #expect(String(decoding: bytes, as: UTF8.self).contains(#""board" : {"#))
    }

    @Test func aBoardViewWithoutAReasonIsNamedByItsPath() throws {
        var plan = try sample()
        try plan.recordBoardView(actionID: "SEC-06", status: .amber, reason: "x", context: board)
        let text = String(decoding: PlanCoding.encode(plan), as: UTF8.self).replacingOccurrences(of: #""reason" : "x""#, with: #""reason" : """#)
            .replacingOccurrences(of: #""reason": "x""#, with: #""reason": """#)
        let read = try PlanCoding.decode(Data(text.utf8), file: "p.json")
        #expect(read.validate().contains { $0.path.hasSuffix(".board.reason") })
    }

    @Test func theLeadsUpdateOnOneSideAndTheBoardsViewOnTheOtherBothSurvive() throws {
        let base = try sample()
        var ours = base, theirs = base
        try ours.recordUpdate(actionID: "SEC-06", status: nil, commentary: "Three lines from the police", context: lead)
        try theirs.recordBoardView(actionID: "SEC-06", status: .red, reason: "No referrals yet", context: board)
        for (mine, other) in [(ours, theirs), (theirs, ours)] {
            let result = PlanMerge.merge(base: base, mine: mine, theirs: other)
            #expect(result.conflicts.isEmpty)
            let merged = try #require(result.plan.actionIndex(id: "SEC-06").map { result.plan.actions[$0] })
            let review = try #require(merged.review(for: q3))
            #expect(review.commentary == "Three lines from the police")
            #expect(review.noUpdateProvided == nil)
            #expect(review.by == "Metropolitan Police")
            #expect(review.board == BoardView(status: .red, reason: "No referrals yet", by: "Jo Officer", on: board.now))
            #expect(merged.commentary == "Three lines from the police")
            #expect(result.plan.validate().isEmpty)
        }
    }
}
