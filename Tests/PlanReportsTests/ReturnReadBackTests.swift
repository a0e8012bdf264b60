import Foundation
import PlanModel
import PlanReports
import PropertyBased
import Spreadsheet
import Testing

/// A quarterly return read back with `import --update`: a row left as the return pre-filled it
/// records nothing (the return carries the lead's own latest update, never the board's view, and
/// last quarter's words only as reference), and whatever a return does record is on the audit trail.
@Suite struct ReturnReadBackTests {
    let q3 = Quarter("2026/27 Q3")!
    let q4 = Quarter("2026/27 Q4")!

    static func at(_ iso: String) -> EditContext { EditContext(by: "Officer", now: Timestamp(iso: iso)!) }

    /// One action, SEC-05: the lead's Q2 and Q3 updates (Amber), no board view yet.
    func plan() throws -> Plan {
        var plan = Plan(id: "p", title: "Plan", partnership: "CSP",
                        period: Period(start: Day(iso: "2026-04-01")!, end: Day(iso: "2027-03-31")!),
                        owners: [Owner(id: "hdaas", name: "Advocacy Service")])
        plan.actions = [Action(id: "SEC-05", group: .secondary, title: "Outreach", owner: "hdaas", status: .notStarted,
                               created: Timestamp(iso: "2026-04-02T10:00:00Z")!)]
        try plan.recordUpdate(actionID: "SEC-05", status: .amber, commentary: "Appointed; start date October.", author: "Advocacy Service",
                              context: Self.at("2026-09-20T10:00:00Z"))
        try plan.recordUpdate(actionID: "SEC-05", status: .amber, commentary: "Outreach worker started in Hayes.", author: "Advocacy Service",
                              context: Self.at("2026-11-12T10:00:00Z"))
        return plan
    }

    /// The return for `quarter` exported at `now`, read back as the lead sends it untouched: the
    /// workbook itself, or (`csv`) its Actions sheet saved as CSV.
    static func untouchedReturn(_ plan: Plan, quarter: Quarter, now: Timestamp, csv: Bool) throws -> (TrackerTable, [CellValue]) {
        var options = ReportOptions(now: now)
        options.quarter = quarter
        let workbook = try Workbook.read(try Report(plan: plan, options: options).xlsx(), fileName: "return.xlsx")
        let firstRow = workbook.sheets[1].rows[1]
        guard csv else { return (try TrackerTable.locate(in: workbook, file: "return.xlsx", sheet: nil, map: nil), firstRow) }
        let text = workbook.sheets[1].rows.map { row in
            row.map { "\"" + $0.text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") + "\r\n"
        }.joined()
        let saved = try Workbook.read(Data(text.utf8), fileName: "return.csv")
        return (try TrackerTable.locate(in: saved, file: "return.csv", sheet: nil, map: nil), firstRow)
    }

    static func readBack(_ table: TrackerTable, into plan: Plan, quarter: Quarter, at iso: String) throws -> TrackerImport.Result {
        try TrackerImport.apply([table], to: plan, options: .init(quarter: quarter, update: true), context: at(iso))
    }

    // The tester's case: the board said Red over the lead's Amber; the untouched return carried the
    // board's Red as the lead's answer and the import recorded it, with nothing in `dplan log`.
    @Test(arguments: [false, true])
    func anUntouchedReturnKeepsTheLeadsStatusWhenTheBoardOverrodeIt(csv: Bool) throws {
        var plan = try plan()
        try plan.recordBoardView(actionID: "SEC-05", status: .red, reason: "Outreach too slow", context: Self.at("2026-11-25T10:00:00Z"))
        let (table, row) = try Self.untouchedReturn(plan, quarter: q3, now: Timestamp(iso: "2026-11-25T10:00:00Z")!, csv: csv)
        #expect(row[6].text == "A Amber")
        #expect(row[7].text == "Outreach worker started in Hayes.")
        let result = try Self.readBack(table, into: plan, quarter: q3, at: "2026-11-26T10:00:00Z")
        #expect(result.rows.map(\.kind) == [.unchanged("SEC-05")])
        #expect(result.plan == plan)
    }

    // An untouched Q4 return, exported in January, recorded last quarter's words as a new Q4
    // "Lead's update" once the Q3 words had moved on (a late Q3 return came in meanwhile).
    @Test(arguments: [false, true])
    func anUntouchedReturnNeverTakesLastQuartersWordsAsThisQuartersUpdate(csv: Bool) throws {
        var plan = try plan()
        let (table, row) = try Self.untouchedReturn(plan, quarter: q4, now: Timestamp(iso: "2027-01-06T10:00:00Z")!, csv: csv)
        #expect(row[7].text == "")
        #expect(row.last?.text == "2026/27 Q3: Outreach worker started in Hayes.")
        try plan.recordUpdate(actionID: "SEC-05", status: .amber, commentary: "Sessions in Punjabi and Somali booked.", quarter: q3,
                              author: "Advocacy Service", context: Self.at("2027-01-07T10:00:00Z"))
        let result = try Self.readBack(table, into: plan, quarter: q4, at: "2027-01-08T10:00:00Z")
        #expect(result.rows.map(\.kind) == [.unchanged("SEC-05")])
        #expect(result.plan == plan)
        #expect(result.plan.actions[0].review(for: q4) == nil)
        #expect(result.rows[0].notes == ["no new status or commentary: nothing recorded for 2026/27 Q4; the action still owes its update"])
    }

    // The lead's answer given under a board's view changes the review but not the action's status
    // (the board's stands): it must still be on the audit trail.
    @Test(arguments: [(Status.red, "Agreed with the board: sessions slipped."), (.green, "Sessions running in three languages.")])
    func aLeadsUpdateUnderTheBoardsViewIsOnTheAuditTrail(status: Status, words: String) throws {
        var plan = try plan()
        try plan.recordBoardView(actionID: "SEC-05", status: .red, reason: "Outreach too slow", context: Self.at("2026-11-25T10:00:00Z"))
        let csv = "Ref,RAG,Progress update 2026/27 Q3\nSEC-05,\(status.label),\(words)\n"
        let result = try TrackerImport.apply([try table(csv: csv)], to: plan, options: .init(update: true),
                                             context: Self.at("2026-11-26T10:00:00Z"))
        #expect(result.rows.map(\.kind) == [.updated("SEC-05")])
        let action = result.plan.actions[0]
        #expect(action.status == .red)
        #expect(action.review(for: q3)?.status == status)
        let logged = (action.changeLog ?? []).filter { $0.on == Timestamp(iso: "2026-11-26T10:00:00Z")! }
        #expect(logged.contains(FieldChange(field: "lead's status 2026/27 Q3", from: "amber", to: status.rawValue, by: "Officer",
                                            on: Timestamp(iso: "2026-11-26T10:00:00Z")!)))
        #expect(logged.contains { $0.field == "commentary" && $0.to == words })
    }

    // The board's table as CSV (`export --format csv`) gives the board's Red as Status and the
    // lead's Amber as "Lead's status"; read back, it took the board's as the lead's answer.
    @Test func theBoardsCSVTableReadBackTakesTheLeadsStatusNotTheBoards() throws {
        var plan = try plan()
        try plan.recordBoardView(actionID: "SEC-05", status: .red, reason: "Outreach too slow", context: Self.at("2026-11-25T10:00:00Z"))
        var options = ReportOptions(now: Timestamp(iso: "2026-11-25T10:00:00Z")!)
        options.quarter = q3
        let data = try Report(plan: plan, options: options).csv(excel: true)
        let table = try TrackerTable.locate(in: try Workbook.read(data, fileName: "plan.csv"), file: "plan.csv", sheet: nil, map: nil)
        #expect(table.columns.map(\.field).contains(.leadStatus))
        let result = try Self.readBack(table, into: plan, quarter: q3, at: "2026-11-26T10:00:00Z")
        #expect(result.rows.map(\.kind) == [.unchanged("SEC-05")])
        #expect(result.plan == plan)
    }

    // New words with the RAG cell left blank kept the board's status as the lead's.
    @Test func wordsWithoutAStatusKeepTheLeadsStatus() throws {
        var plan = try plan()
        try plan.recordBoardView(actionID: "SEC-05", status: .red, reason: "Outreach too slow", context: Self.at("2026-11-25T10:00:00Z"))
        let csv = "Ref,RAG,Progress update 2026/27 Q3\nSEC-05,,Second worker starts in December.\n"
        let result = try TrackerImport.apply([try table(csv: csv)], to: plan, options: .init(update: true),
                                             context: Self.at("2026-11-26T10:00:00Z"))
        #expect(result.rows.map(\.kind) == [.updated("SEC-05")])
        let review = try #require(result.plan.actions[0].review(for: q3))
        #expect(review.status == .amber && review.board?.status == .red)
        #expect(review.commentary == "Second worker starts in December.")
    }

    /// Steps in an action's quarter: the lead's update (status, and words or none), the board's
    /// view, or the clock moving on a month.
    static let steps = Gen<Int>.int(in: 0...2).array(of: 3).array(of: 0...6)

    // Whatever the lead and the board said, and whichever open quarter the return is for, an
    // untouched return read back (as the workbook or as CSV) records nothing.
    @Test func everyUntouchedReturnRecordsNothing() async throws {
        let start = try plan()
        let days = ["2026-10-05", "2026-11-05", "2026-12-05", "2027-01-05", "2027-02-05", "2027-03-05"]
        let words = ["", "Going well.", "Stalled: no venue.", "Outreach worker started in Hayes."]
        await propertyCheck(count: 60, input: Self.steps, Gen<Bool>.bool, Gen<Bool>.bool) { steps, nextQuarter, csv in
            var plan = start
            var day = 0
            for step in steps {
                let context = Self.at(days[day] + "T10:00:00Z")
                let status = [Status.red, .amber, .green, .complete][(step[1] + step[2]) % 4]
                switch step[0] {
                case 0:
                    let text = words[step[2] % words.count]
                    try? plan.recordUpdate(actionID: "SEC-05", status: status, commentary: text.isEmpty ? nil : text,
                                           author: "Advocacy Service", context: context)
                case 1: try? plan.recordBoardView(actionID: "SEC-05", status: status, reason: "Board's reading", context: context)
                default: day = min(day + 1, days.count - 1)
                }
            }
            let now = Timestamp(iso: days[day] + "T12:00:00Z")!
            let quarter = nextQuarter ? plan.editingQuarter(on: now.day) : plan.reportingQuarter(on: now.day)
            let (table, _) = try Self.untouchedReturn(plan, quarter: quarter, now: now, csv: csv)
            let result = try Self.readBack(table, into: plan, quarter: quarter, at: days[day] + "T14:00:00Z")
            #expect(result.rows.map(\.kind) == [.unchanged("SEC-05")], "\(steps) \(quarter): \(result.rows.map(\.notes))")
            #expect(result.plan == plan, "\(steps) \(quarter)")
        }
    }
}
