import Foundation
import PlanModel
import PlanReports
import Testing

@Suite struct CSVImportTests {
    let context = EditContext(by: "Importer", now: Timestamp(iso: "2026-11-22T10:00:00Z")!)

    func emptyPlan() -> Plan {
        Plan(id: "b", title: "Borough", partnership: "CSP", period: Period(start: Day(iso: "2026-04-01")!, end: Day(iso: "2029-03-31")!),
             owners: [Owner(id: "council", name: "Borough Council")],
             workstreams: [Workstream(id: "knife", name: "Knife crime")])
    }

    /// A tracker as Excel saves it: BOM, CRLF, a quoted newline, its own header spellings.
    let excelTracker = "\u{FEFF}Action No,Action,Lead Officer,Supporting partners,Deadline,RAG,Latest update,Pillar,Crime type\r\n"
        + "1,\"Knife crime plan, phase 1\",Borough Council,\"Police; Youth Justice\",31/03/2027,Off track,\"Drafting\r\nstalled\",Respond to immediate risk,Knife crime\r\n"
        + "2,Bystander training,Public Health,,30 June 2027,G,,Prevent before it happens,\r\n"
        + ",,,,,,,,\r\n"

    @Test func readsExcelTrackersWithTheirOwnHeaders() throws {
        var plan = emptyPlan()
        plan.groups = ["primary": GroupInfo(name: "Prevent before it happens", aim: ""),
                       "secondary": GroupInfo(name: "Respond to immediate risk", aim: "")]
        let result = try CSVImport.run(Data(excelTracker.utf8), into: plan, map: nil, defaultGroup: nil, context: context)
        #expect(result.problems.isEmpty)
        #expect(result.imported == ["1", "2"])
        #expect(result.mapping.map(\.field) == [.id, .title, .owner, .partners, .due, .status, .commentary, .group, .workstreams])
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

    @Test func everyBadCellIsReportedWithRowAndColumn() throws {
        let csv = "Action,Owner,Status,Due,Group\nGood,Council,Amber,2027-01-31,primary\n,Council,Blueish,31/02/2027,fourth\n"
        let result = try CSVImport.run(Data(csv.utf8), into: emptyPlan(), map: nil, defaultGroup: nil, context: context)
        #expect(result.imported == ["PRI-01"])
        #expect(result.problems.map(\.description) == [
            "row 3, column \"Action\": the action has no title",
            "row 3, column \"Group\": unknown prevention group \"fourth\"; expected whole-system, primary, secondary or tertiary (or the plan's names)",
            "row 3, column \"Status\": unknown status \"Blueish\"; expected Red/R/Off track, Amber/A/At risk, Green/G/On track, Complete/Blue/Done or Not started",
            "row 3, column \"Due\": not a date: \"31/02/2027\" (expected e.g. 2026-03-31 or 31/03/2026)",
        ])
    }

    @Test func explicitMappingAndDefaultGroup() throws {
        let csv = "What,Who,How is it going\nMentoring,Council,At risk\n"
        #expect(throws: CSVImportError.self) {
            try CSVImport.run(Data(csv.utf8), into: emptyPlan(), map: nil, defaultGroup: .tertiary, context: context)
        }
        let result = try CSVImport.run(Data(csv.utf8), into: emptyPlan(), map: "What=title,Who=owner,How is it going=status",
                                       defaultGroup: .tertiary, context: context)
        #expect(result.plan.actions.map(\.id) == ["TER-01"])
        #expect(result.plan.actions[0].status == .amber)
        #expect(throws: CSVImportError.self) {
            try CSVImport.run(Data(csv.utf8), into: emptyPlan(), map: "What=titel", defaultGroup: .tertiary, context: context)
        }
        #expect(throws: CSVImportError.self) {
            try CSVImport.run(Data(csv.utf8), into: emptyPlan(), map: "What=title,Who=owner", defaultGroup: nil, context: context)
        }
    }

    @Test func statusWordsAndDates() {
        for (word, status) in [("Red", Status.red), ("R", .red), ("Off track", .red), ("Amber", .amber), ("At risk", .amber),
                               ("Green", .green), ("On track", .green), ("Complete", .complete), ("Blue", .complete),
                               ("Done", .complete), ("Not started", .notStarted), ("", .notStarted)] {
            #expect(CSVImport.status(from: word) == status, "\(word)")
        }
        #expect(CSVImport.status(from: "purple") == nil)
        #expect(CSVImport.day(from: "31/03/2026") == Day(iso: "2026-03-31"))
        #expect(CSVImport.day(from: "1/4/26") == Day(iso: "2026-04-01"))
        #expect(CSVImport.day(from: "31 March 2026") == Day(iso: "2026-03-31"))
        #expect(CSVImport.day(from: "31 Mar 2026") == Day(iso: "2026-03-31"))
        #expect(CSVImport.day(from: "31/02/2026") == nil)
    }
}
