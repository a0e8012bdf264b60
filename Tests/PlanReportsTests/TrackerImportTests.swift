import Foundation
import PlanModel
@testable import PlanReports
import Spreadsheet
import Testing

let importContext = EditContext(by: "Importer", now: Timestamp(iso: "2026-11-22T10:00:00Z")!)
let spreadsheetFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("SpreadsheetTests/Fixtures")

func boroughPlan() -> Plan {
    Plan(id: "b", title: "Borough", partnership: "CSP", period: Period(start: Day(iso: "2026-04-01")!, end: Day(iso: "2029-03-31")!),
         owners: [Owner(id: "council", name: "Borough Council")], workstreams: [Workstream(id: "knife", name: "Knife crime")])
}

func table(csv: String, map: String? = nil, file: String = "tracker.csv") throws -> TrackerTable {
    try TrackerTable.locate(in: try Workbook.read(Data(csv.utf8), fileName: file), file: file, sheet: nil, map: map)
}

func importing(_ csv: String, into plan: Plan = boroughPlan(), map: String? = nil, options: TrackerImport.Options = .init()) throws -> TrackerImport.Result {
    try TrackerImport.apply([try table(csv: csv, map: map)], to: plan, options: options, context: importContext)
}

@Suite struct TrackerImportTests {
    /// A tracker as Excel saves it: BOM, CRLF, a quoted newline, its own header spellings.
    let excelTracker = "\u{FEFF}Action No,Action,Lead Officer,Supporting partners,Deadline,RAG,Latest update,Pillar,Crime type\r\n"
        + "1,\"Knife crime plan, phase 1\",Borough Council,\"Police; Youth Justice\",31/03/2027,Off track,\"Drafting\r\nstalled\",Respond to immediate risk,Knife crime\r\n"
        + "2,Bystander training,Public Health,,30 June 2027,G,,Prevent before it happens,\r\n"
        + ",,,,,,,,\r\n"

    @Test func readsExcelTrackersWithTheirOwnHeaders() throws {
        var plan = boroughPlan()
        plan.groups = ["primary": GroupInfo(name: "Prevent before it happens", aim: ""),
                       "secondary": GroupInfo(name: "Respond to immediate risk", aim: "")]
        let result = try importing(excelTracker, into: plan)
        #expect(result.problems.isEmpty)
        #expect(result.rows.map(\.kind) == [.added("1"), .added("2")])
        let first = try #require(result.plan.actions.first { $0.id == "1" })
        #expect(first.title == "Knife crime plan, phase 1")
        #expect(first.status == .red)
        #expect(first.commentary == "Drafting\r\nstalled")
        #expect(first.preventionGroup == .secondary)
        #expect(first.owner == "council")
        #expect(first.partners == ["police", "youth-justice"])
        #expect(first.workstreams == ["knife"])
        #expect(first.due == Day(iso: "2027-03-31"))
        #expect(first.reviews.map(\.quarter) == [Quarter("2026/27 Q3")!])
        let second = try #require(result.plan.actions.first { $0.id == "2" })
        #expect(second.due == Day(iso: "2027-06-30") && second.status == .green && second.preventionGroup == .primary)
        #expect(Set(result.createdOwners) == ["police", "youth-justice", "public-health"])
        #expect(result.plan.validate().isEmpty)
    }

    @Test func headerRowIsFoundBelowTitlesAndColumnsByWords() throws {
        let csv = "Borough delivery plan 2026-29\r\nQuarter 3 return\r\n\r\n"
            + "No.,Intervention,Lead Officer / Agency,Supporting agencies,Target date,RAG status,Progress Update Q2 26/27,Key milestones,Budget,Colour key\r\n"
            + "A1,Mentoring,Borough Council,Police,TBC,A/R,Slow start,50 young people,\"£12,000\",x\r\n"
        let found = try table(csv: csv)
        #expect(found.headerRow == 4)
        #expect(found.title == "Borough delivery plan 2026-29")
        #expect(found.headerQuarter == Quarter("2026/27 Q2"))
        #expect(found.columns.map(\.field) == [.id, .title, .owner, .partners, .due, .status, .commentary, .outcome, .funding])
        #expect(found.ignored.map(\.header) == ["Colour key"])
        let result = try TrackerImport.apply([found], to: boroughPlan(), options: .init(), context: importContext)
        let action = try #require(result.plan.actions.first)
        #expect(action.status == .red && action.due == nil && action.outcomeMeasure == "50 young people")
        #expect(action.funding == Funding(source: "Budget", amount: 12000))
        #expect(action.reviews.map(\.quarter) == [Quarter("2026/27 Q2")!])
        #expect(result.rows[0].notes == ["split rating \"A/R\" recorded as Red, the worse of the two", "\"TBC\" is not a date: no due date recorded",
                                         "no prevention group given: placed in Whole system approach (--group chooses another)"])
    }

    @Test func everyBadCellIsReportedWithRowAndColumnAndEveryRowAccountedFor() throws {
        let csv = "Action,Owner,Status,Due,Group\nGood,Council,Amber,2027-01-31,primary\n,Council,Blueish,31/02/2027,secondary\n"
            + "Third,,R,Someday,tertiary\nTotal,,,,\n"
        let result = try importing(csv)
        #expect(result.rows.map(\.row) == [2, 3, 4, 5])
        #expect(result.rows.filter(\.isImported).count + result.rows.filter { !$0.isImported }.count == 4)
        #expect(result.rows[0].kind == .added("PRI-01"))
        #expect(result.rows[1].kind == .problem([
            "column C \"Status\": unknown status \"Blueish\"; expected Red/R/Off track, Amber/A/At risk, Green/G/On track, Complete/Blue/Done, Not started or On hold, or a split rating such as A/R",
            "column D \"Due\": not a date: \"31/02/2027\" (expected e.g. 31/03/2026, Mar-26, Q3 25/26 or TBC)",
            "column A \"Action\": the action has no title",
        ]))
        #expect(result.rows[2].kind == .problem([
            "column D \"Due\": not a date: \"Someday\" (expected e.g. 31/03/2026, Mar-26, Q3 25/26 or TBC)",
            "column B \"Owner\": the action has no lead owner",
        ]))
        #expect(result.rows[3].kind == .notAnAction("a totals or notes row (\"Total\"), not an action"))
        #expect(result.plan.validate().isEmpty)
    }

    @Test func explicitMappingAndDefaultGroup() throws {
        let csv = "What,Who,How is it going\nMentoring,Council,At risk\n"
        #expect(throws: TrackerImportError.self) { try table(csv: csv) }
        let result = try importing(csv, map: "What=title,Who=owner,How is it going=status", options: .init(defaultGroup: .tertiary))
        #expect(result.plan.actions.map(\.id) == ["TER-01"])
        #expect(result.plan.actions[0].status == .amber)
        #expect(throws: TrackerImportError.self) { try table(csv: csv, map: "What=titel") }
        #expect(throws: TrackerImportError("--map: no column \"where\" in the header row (row 1 of sheet \"tracker\"); the columns are \"What\", \"Who\", \"How is it going\"")) {
            try table(csv: csv, map: "What=title,Who=owner,Where=group")
        }
        let ignoring = try table(csv: "Action,Lead,RAG,Notes\nX,Y,G,Z\n", map: "Lead=ignore")
        #expect(ignoring.columns.map(\.field) == [.title, .status])
        #expect(ignoring.ignored.map(\.header) == ["Lead", "Notes"])
    }

    @Test func datesAndStatusesAsPeopleTypeThem() {
        func day(_ cell: CellValue) -> Day? {
            if case .value(let day, _) = TrackerValues.day(cell, system: .from1900, fyStartMonth: 4) { return day }
            return nil
        }
        #expect(day(.text("31/03/2026")) == Day(iso: "2026-03-31"))
        #expect(day(.text("31/03/2026 00:00")) == Day(iso: "2026-03-31"))
        #expect(day(.text("1/4/26")) == Day(iso: "2026-04-01"))
        #expect(day(.text("31 March 2026")) == Day(iso: "2026-03-31"))
        #expect(day(.text("Mar-26")) == Day(iso: "2026-03-31"))
        #expect(day(.text("February 2028")) == Day(iso: "2028-02-29"))
        #expect(day(.text("Q3 25/26")) == Day(iso: "2025-12-31"))
        #expect(day(.text("2026/27 Q4")) == Day(iso: "2027-03-31"))
        #expect(day(.number(46112)) == Day(iso: "2026-03-31"))
        #expect(day(.text("46112")) == Day(iso: "2026-03-31"))
        #expect(day(.date(CalendarDate(year: 2027, month: 1, day: 15))) == Day(iso: "2027-01-15"))
        for none in ["TBC", "Ongoing", "N/A", ""] {
            guard case .value(nil, _) = TrackerValues.day(.text(none), system: .from1900, fyStartMonth: 4) else {
                Issue.record("\(none) should be no date"); continue
            }
        }
        guard case .problem = TrackerValues.day(.text("31/02/2026"), system: .from1900, fyStartMonth: 4) else { Issue.record("31/02"); return }

        func status(_ text: String) -> Status? {
            if case .value(let status, _) = TrackerValues.status(.text(text)) { return status }
            return nil
        }
        for (word, expected) in [("Red", Status.red), ("R", .red), ("Off track", .red), ("Amber", .amber), ("At risk", .amber), ("On hold", .amber),
                                 ("Green", .green), ("On track", .green), ("Complete", .complete), ("Blue", .complete), ("Done", .complete),
                                 ("Not started", .notStarted), ("A/R", .red), ("G/A", .amber), ("Amber - Green", .amber), ("A Amber", .amber)] {
            #expect(status(word) == expected, "\(word)")
        }
        guard case .problem = TrackerValues.status(.text("purple")) else { Issue.record("purple"); return }
    }

    @Test func aQuarterOutsideThePlanIsRefused() throws {
        let csv = "Action,Owner,RAG,Progress update Q2 24/25\nMentoring,Council,G,Fine\n"
        #expect(throws: TrackerImportError("tracker.csv: 2024/25 Q2 (from the header) is outside the plan period 2026-04-01 to 2029-03-31; give --quarter with a quarter of the plan")) {
            try importing(csv)
        }
        #expect(throws: TrackerImportError.self) { try importing("Action,Owner\nX,Council\n", options: .init(quarter: Quarter("2030/31 Q1"))) }
        let chosen = try importing(csv, options: .init(quarter: Quarter("2027/28 Q1")))
        #expect(chosen.plan.actions[0].reviews.map(\.quarter) == [Quarter("2027/28 Q1")!])
    }

    @Test func councilTrackerFixtureIntoANewPlan() throws {
        let data = try Data(contentsOf: spreadsheetFixtures.appendingPathComponent("council-tracker.xlsx"))
        let found = try TrackerTable.locate(in: try Workbook.read(data, fileName: "t.xlsx"), file: "t.xlsx", sheet: nil, map: nil)
        let plan = try TrackerImport.newPlan(id: "borough", title: nil, partnership: "Safer Borough", period: nil, quarter: nil,
                                             tables: [found], today: Day(iso: "2026-11-22")!)
        #expect(plan.title == "Borough Serious Violence Duty Delivery Plan 2025-28")
        #expect(plan.period == Period(start: Day(iso: "2025-04-01")!, end: Day(iso: "2028-03-31")!))
        let result = try TrackerImport.apply([found], to: plan, options: .init(), context: importContext)
        #expect(result.rows.count == 9 && result.problems.isEmpty)
        #expect(result.rows.filter(\.isImported).count == 7)
        #expect(result.plan.actions.map(\.id) == ["3.1", "1.1", "1.2", "1.3", "2.1", "2.2", "4.1"])
        let groups = Dictionary(uniqueKeysWithValues: result.plan.actions.map { ($0.id, $0.preventionGroup!) })
        #expect(groups == ["1.1": .primary, "1.2": .primary, "1.3": .primary, "2.1": .secondary, "2.2": .secondary, "3.1": .wholeSystem, "4.1": .tertiary])
        #expect(result.plan.actions.first { $0.id == "3.1" }?.workstreams == ["reducing-access-to-weapons"])
        #expect(result.plan.actions.map(\.status) == [.complete, .green, .red, .green, .amber, .red, .notStarted])
        #expect(result.plan.actions.map { $0.due?.description ?? "-" } == ["2025-09-30", "2026-03-31", "-", "2026-03-31", "2026-03-31", "2025-12-31", "-"])
        #expect(result.plan.actions.allSatisfy { $0.reviews.map(\.quarter) == [Quarter("2025/26 Q2")!] })
        #expect(result.plan.actions[1].commentary == "Delivered in 9 of 12 schools; the rest booked for spring")
        #expect(result.plan.validate().isEmpty)
    }
}
