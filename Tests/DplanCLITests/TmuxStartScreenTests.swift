import Foundation
import PlanModel
import PlanStore
import Testing
import TestSupport

/// `dplan` alone in a real terminal: the start screen, and each way from it into a plan and
/// back. Each test has its own folder, sample copies and recent list.
@Suite(.serialized, .requires(.tmux)) struct TmuxStartScreenTests {
    /// A folder to start in, with `samples/` holding copies of two sample plans.
    static func folder() throws -> String {
        let folder = try freshFolder()
        try FileManager.default.createDirectory(atPath: folder + "/samples", withIntermediateDirectories: true)
        for name in ["hillingdon-serious-violence-2024-27.json", "london-vru-2019-22.json"] {
            try FileManager.default.copyItem(atPath: repositoryRoot.appendingPathComponent("plans/\(name)").path, toPath: folder + "/samples/\(name)")
        }
        return folder
    }

    /// dplan with `arguments` (none: the start screen) in `folder`, its recent list in `folder/state`.
    static func session(in folder: String, arguments: String = "") throws -> TmuxSession {
        let command = "cd '\(folder)' && env -u NO_COLOR TERM=xterm-256color LANG=C.UTF-8 TZ=UTC DPLAN_NOW=2026-11-22T10:00:00Z "
            + "DPLAN_USER='Test Officer' XDG_STATE_HOME='\(folder)/state' DPLAN_SAMPLES='\(folder)/samples' "
            + "'\(dplanBinary().path)' \(arguments); echo DPLAN-EXIT-$?; sleep 60"
        return try TmuxSession(command: command, width: 100, height: 30)
    }

    @Test func thePlansHereOpenOneByOneOrAsAPortfolio() throws {
        let folder = try Self.folder()
        for name in ["hillingdon-serious-violence-2024-27.json", "london-vru-2019-22.json"] {
            try FileManager.default.copyItem(atPath: folder + "/samples/" + name, toPath: folder + "/" + name)
        }
        let session = try Self.session(in: folder)
        let start = try session.waitFor("All 2 plans as a portfolio (p)")
        #expect(start.contains("hillingdon-serious-violence-2024-27.json  Hillingdon Serious Violence Delivery Plan 2024-27"))
        let portfolio = try session.press("p", until: "portfolio of 2 plans")
        #expect(portfolio.contains("Owes updates"))
        try session.press("q", until: "All 2 plans as a portfolio (p)")
        try session.keys("Down")
        let opened = try session.press("Enter", until: "Prevention group")
        #expect(opened.contains("London Violence Reduction Unit"))
        try session.press("q", until: "Recently opened")
        try session.quitCleanly()
    }

    /// A plan opened by name (`dplan PLAN`) is on the start screen's recent list afterwards.
    @Test func aPlanOpenedByNameIsRecentOnTheStartScreen() throws {
        let folder = try Self.folder()
        let opened = try Self.session(in: folder, arguments: "samples/hillingdon-serious-violence-2024-27.json")
        try opened.waitFor("Prevention group")
        try opened.quitCleanly()
        let recent = try String(contentsOfFile: folder + "/state/dplan/recent", encoding: .utf8)
        #expect(recent == folder + "/samples/hillingdon-serious-violence-2024-27.json\n")
        let start = try Self.session(in: folder)
        let screen = try start.waitFor("Recently opened")
        #expect(screen.contains("   Hillingdon Serious Violence Delivery Plan 2024-27  /"))
        try start.quitCleanly()
    }

    @Test func aSampleOpensAndIsThenListedAsRecent() throws {
        let folder = try Self.folder()
        let session = try Self.session(in: folder)
        let start = try session.waitFor("Open a sample plan")
        #expect(start.contains("dplan │ start"))
        #expect(start.contains("(none)"))
        #expect(!start.contains("Recently opened"))
        try session.press("o", until: "Open which sample plan?")
        try session.keys("Down")
        let opened = try session.press("Enter", until: "Prevention group")
        #expect(opened.contains("London Violence Reduction Unit"))
        let back = try session.press("q", until: "Recently opened")
        #expect(back.contains("   London Violence Reduction Unit: Work Programme  /"))
        try session.quitCleanly()
        let recent = try String(contentsOfFile: folder + "/state/dplan/recent", encoding: .utf8)
        #expect(recent == folder + "/samples/london-vru-2019-22.json\n")
    }

    @Test func aNewPlanIsSetUpOneQuestionAtATimeAndOpened() throws {
        let folder = try Self.folder()
        let session = try Self.session(in: folder)
        try session.waitFor("Open a sample plan")
        try session.press("n", until: "New plan (1/6)")
        try session.type("Borough SV Delivery Plan 2026-29")
        try session.press("Enter", until: "New plan (2/6)")
        try session.type("Safer Borough Partnership")
        let period = try session.press("Enter", until: "New plan (3/6)")
        #expect(period.contains("2026-04-01..2029-03-31"))
        try session.press("Enter", until: "your name for \"Whole system approach\"")
        try session.keys("C-u")
        try session.type("Partnership working")
        try session.press("Enter", until: "your name for \"Primary prevention\"")
        try session.press("Enter", until: "your name for \"Secondary prevention\"")
        try session.press("Enter", until: "your name for \"Tertiary prevention\"")
        try session.press("Enter", until: "New plan (5/6)")
        try session.type("Borough Police, Borough Council")
        let file = try session.press("Enter", until: "New plan (6/6)")
        #expect(file.contains("borough-sv-delivery-plan-2026-29.json"))
        let opened = try session.press("Enter", until: "Prevention group")
        #expect(opened.contains("Borough SV Delivery Plan 2026-29"))
        #expect(opened.contains("Partnership working"))
        let back = try session.press("q", until: "Plans in this folder")
        #expect(back.contains("borough-sv-delivery-plan-2026-29.json  Borough SV Delivery Plan 2026-29"))
        try session.quitCleanly()
        let plan = try PlanFile.load(folder + "/borough-sv-delivery-plan-2026-29.json")
        #expect(plan.partnership == "Safer Borough Partnership")
        #expect(plan.name(of: .wholeSystem) == "Partnership working")
        #expect(plan.owners.map(\.name) == ["Borough Police", "Borough Council"])
        #expect(plan.validate().isEmpty)
    }

    @Test func aTrackerShowsItsColumnsAndBecomesAPlan() throws {
        let folder = try Self.folder()
        try "Borough SV Delivery Plan\r\n\r\nRef,Action,Lead,RAG,Due date,Priority\r\nP1,Street lighting audit,Borough Council,Amber,31/01/2027,Primary\r\n"
            .write(toFile: folder + "/tracker.csv", atomically: true, encoding: .utf8)
        let session = try Self.session(in: folder)
        try session.waitFor("Open a sample plan")
        try session.press("i", until: "Import which tracker?")
        let mapping = try session.press("Enter", until: "Columns of tracker.csv")
        #expect(mapping.contains("B \"Action\" → title"))
        #expect(mapping.contains("header in row 3"))
        try session.press("Enter", until: "the partnership that owns it")
        try session.type("Safer Borough Partnership")
        let file = try session.press("Enter", until: "the file to create")
        #expect(file.contains("borough-sv-delivery-plan.json"))
        let opened = try session.press("Enter", until: "Prevention group")
        #expect(opened.contains("Borough SV Delivery Plan"))
        try session.press("q", until: "borough-sv-delivery-plan.json  Borough SV Delivery Plan")
        try session.quitCleanly()
        let plan = try PlanFile.load(folder + "/borough-sv-delivery-plan.json")
        #expect(plan.actions.map(\.title) == ["Street lighting audit"])
        #expect(plan.partnership == "Safer Borough Partnership")
    }
}
