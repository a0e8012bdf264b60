import Foundation
import PlanModel
@testable import PlanStore
import Testing

/// The returns record (which returns and reminders were sent, to whom, when) is kept in the file
/// as written and merged as a set of entries: two officers sending on two machines keep both.
@Suite struct ReturnsRecordTests {
    let q3 = Quarter("2026/27 Q3")!
    let q4 = Quarter("2026/27 Q4")!

    func sent(_ owner: String, _ minute: Int, reminder: Bool? = nil) -> ReturnSent {
        ReturnSent(owner: owner, to: "\(owner)@example.org", on: Timestamp(iso: "2026-11-22T10:\(minute < 10 ? "0" : "")\(minute):00Z")!,
                   by: "Officer", reminder: reminder)
    }

    @Test func sendsOnBothSidesOfAMergeAreAllKeptInTimeOrder() throws {
        var base = try PlanFile.load(hillingdonSample)
        base.recordReturnSent(sent("mps", 1), quarter: q3)
        var ours = base, theirs = base
        ours.recordReturnSent(sent("yjs", 5), quarter: q3)
        ours.recordReturnSent(sent("thh", 2), quarter: q4)  // a quarter with no record until now, on both sides
        theirs.recordReturnSent(sent("mps", 3, reminder: true), quarter: q3)
        theirs.recordReturnSent(sent("probation", 4), quarter: q4)
        let result = PlanMerge.merge(base: base, mine: ours, theirs: theirs)
        #expect(result.conflicts.isEmpty)
        let record = { (quarter: Quarter) in result.plan.quarters.first { $0.quarter == quarter }?.returnsSent ?? [] }
        #expect(record(q3) == [sent("mps", 1), sent("mps", 3, reminder: true), sent("yjs", 5)])
        #expect(record(q4) == [sent("thh", 2), sent("probation", 4)])
        #expect(result.plan.validate().isEmpty)
    }

    @Test func theRecordIsWrittenAndReadBackExactly() throws {
        var plan = try PlanFile.load(hillingdonSample)
        plan.recordReturnSent(sent("mps", 1), quarter: q3)
        plan.recordReturnSent(sent("mps", 2, reminder: true), quarter: q3)
        let data = PlanCoding.encode(plan)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"returnsSent\""))
        #expect(try PlanCoding.decode(data, file: "plan.json") == plan)
    }

    @Test func progressCountsSentReceivedAndOutstandingPerLead() throws {
        var plan = try PlanFile.load(hillingdonSample)
        plan.recordReturnSent(sent("thh", 1), quarter: q3)
        let thh = try #require(plan.returnProgress(for: q3).first { $0.owner.id == "thh" })
        #expect(thh.sent == [sent("thh", 1)] && thh.received == 0 && thh.outstanding == 1)
        try plan.recordUpdate(actionID: "SEC-06", status: .green, commentary: "Meetings weekly", quarter: q3,
                              context: EditContext(by: "Trust", now: Timestamp(iso: "2026-11-25T09:00:00Z")!))
        let after = try #require(plan.returnProgress(for: q3).first { $0.owner.id == "thh" })
        #expect(after.received == 1 && after.outstanding == 0 && after.lastReceived == Timestamp(iso: "2026-11-25T09:00:00Z"))
    }

    @Test func twoOfficersWritingReturnsOnTwoMachinesKeepBothRecords() throws {
        var base = try PlanFile.load(hillingdonSample)
        base.recordReturnSent(sent("mps", 1), quarter: q3)
        var ours = base, theirs = base
        let day = Timestamp(iso: "2026-11-23T09:00:00Z")!
        ours.recordReturnSent(.written(owner: "thh", file: "thh.xlsx", on: day, by: "Officer A"), quarter: q3)
        theirs.recordReturnSent(.written(owner: "thh", file: "thh.xlsx", on: day, by: "Officer B"), quarter: q3)
        theirs.recordReturnSent(.written(owner: "yjs", file: "yjs.xlsx", on: day, by: "Officer B"), quarter: q3)
        let result = PlanMerge.merge(base: base, mine: ours, theirs: theirs)
        #expect(result.conflicts.isEmpty)
        let record = result.plan.quarters.first { $0.quarter == q3 }?.returnsSent ?? []
        #expect(record.count == 4)
        #expect(Set(record.filter { $0.via == .file }.map { "\($0.owner) \($0.by)" }) == ["thh Officer A", "thh Officer B", "yjs Officer B"])
        #expect(result.plan.validate().isEmpty)
        let data = PlanCoding.encode(result.plan)
        #expect(String(decoding: data, as: UTF8.self).contains("\"via\" : \"file\""))
        #expect(try PlanCoding.decode(data, file: "plan.json") == result.plan)
    }

    @Test func aRecordWithAnUnknownWayOrNoFileIsRefusedNamingThePath() throws {
        let plan = try PlanFile.load(hillingdonSample)
        var written = plan
        written.recordReturnSent(.written(owner: "thh", file: "thh.xlsx", on: Timestamp(iso: "2026-11-23T09:00:00Z")!, by: "Officer"), quarter: q3)
        let text = String(decoding: PlanCoding.encode(written), as: UTF8.self)
        let fax = try #require(throws: PlanFileError.self) {
            try PlanCoding.decode(Data(text.replacingOccurrences(of: "\"via\" : \"file\"", with: "\"via\" : \"fax\"").utf8), file: "p.json")
        }
        #expect(fax.path?.hasSuffix(".returnsSent[0].via") == true && fax.message == "expected \"file\" or \"email\", found \"fax\"", "\(fax)")
        let noFile = try #require(throws: PlanFileError.self) {
            try PlanCoding.decode(Data(text.replacingOccurrences(of: "\"file\" : \"thh.xlsx\",", with: "").utf8), file: "p.json")
        }
        #expect(noFile.path?.hasSuffix(".returnsSent[0].file") == true && noFile.message == "missing required field", "\(noFile)")
        let noAddress = try #require(throws: PlanFileError.self) {
            try PlanCoding.decode(Data(text.replacingOccurrences(of: "\"via\" : \"file\"", with: "\"via\" : \"email\"").utf8), file: "p.json")
        }
        #expect(noAddress.path?.hasSuffix(".returnsSent[0].to") == true, "\(noAddress)")
    }
}
