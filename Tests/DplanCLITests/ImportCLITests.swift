import Foundation
import PlanModel
import PlanStore
import Spreadsheet
import Testing
import TestSupport

let councilTracker = repositoryRoot.appendingPathComponent("Tests/SpreadsheetTests/Fixtures/council-tracker.xlsx").path

func freshFolder() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-import-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
}

/// Runs a program and waits; true when it exits 0.
@discardableResult
func run(_ program: String, _ arguments: [String]) throws -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus == 0
}

@Suite(.serialized) struct ImportCLITests {
    @Test func aCouncilTrackerBecomesANewPlanInOneCommand() throws {
        let folder = try freshFolder()
        let plan = "\(folder)/borough.json"
        let result = try runDplan(["import", councilTracker, "--into", plan, "--partnership", "Safer Borough Partnership"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("sheet \"Delivery plan\", header in row 4, updates for 2025/26 Q2"))
        #expect(result.stdout.contains("D \"Lead Officer / Agency\" → owner (lead owner)"))
        #expect(result.stdout.contains("row 6: note: split rating \"A/R\" recorded as Red, the worse of the two"))
        #expect(result.stdout.contains("row 12: skipped: a totals or notes row (\"Total\"), not an action"))
        #expect(result.stdout.contains("9 data rows: 7 imported (7 added, 0 updated, 0 unchanged), 2 skipped (2 not actions, 0 with problems)"))
        #expect(result.stdout.contains("created \(plan): Borough Serious Violence Duty Delivery Plan 2025-28, 2025-04-01 to 2028-03-31"))
        let loaded = try PlanFile.load(plan)
        #expect(loaded.validate().isEmpty && loaded.actions.count == 7 && loaded.partnership == "Safer Borough Partnership")
        // The same tracker again, without --update: refused, the plan untouched.
        let before = try Data(contentsOf: URL(fileURLWithPath: plan))
        let again = try runDplan(["import", councilTracker, "--into", plan])
        #expect(again.status == 1)
        #expect(again.stderr.contains("row 5: column A \"Ref\": an action with id \"1.1\" already exists; use --update"))
        #expect(again.stderr.contains("7 rows have problems (listed above); nothing was written"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: plan)) == before)
        // With --update it changes nothing.
        let update = try runDplan(["import", councilTracker, "--into", plan, "--update"])
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stdout.contains("nothing to change; the plan was not written"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: plan)) == before)
    }

    @Test func refusalsWriteNothing() throws {
        let folder = try freshFolder()
        let plan = "\(folder)/p.json"
        let noPartnership = try runDplan(["import", councilTracker, "--into", plan])
        #expect(noPartnership.status == 2 && noPartnership.stderr.contains("give --partnership"))
        let outside = try runDplan(["import", councilTracker, "--into", plan, "--partnership", "P", "--period", "2026-04-01..2029-03-31"])
        #expect(outside.status == 1)
        #expect(outside.stderr.contains("2025/26 Q2 (from the header) is outside the plan period 2026-04-01 to 2029-03-31"))
        let csv = "\(folder)/t.xlsx"
        try Data("Action,Lead\nX,Y\n".utf8).write(to: URL(fileURLWithPath: csv))
        let renamed = try runDplan(["import", csv, "--into", plan, "--partnership", "P"])
        #expect(renamed.status == 1 && renamed.stderr.contains("t.xlsx: the file is not a workbook"))
        #expect(!FileManager.default.fileExists(atPath: plan))
    }

    @Test func csvWithAnInvalidRowIsRefusedUnlessAskedToSkip() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let csv = (path as NSString).deletingLastPathComponent + "/tracker.csv"
        try "Action,Lead,RAG,Due date,Theme\r\nStreet lighting audit,Hillingdon Council Housing Service,Amber,31/01/2027,Primary\r\nBroken,Nobody,purple,,Primary\r\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let refused = try runDplan(["import-csv", csv, "--into", path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("tracker.csv: sheet \"tracker\", row 3: column C \"RAG\": unknown status \"purple\""))
        #expect(refused.stderr.contains("nothing was written"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let dry = try runDplan(["import", csv, "--into", path, "--skip-invalid", "--dry-run"])
        #expect(dry.status == 1 && dry.stdout.contains("dry run: nothing was written"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let skipped = try runDplan(["import-csv", csv, "--into", path, "--skip-invalid"])
        #expect(skipped.status == 1)
        #expect(skipped.stdout.contains("row 2: added PRI-07"))
        #expect(skipped.stdout.contains("2 data rows: 1 imported (1 added, 0 updated, 0 unchanged), 1 skipped (0 not actions, 1 with problems)"))
        #expect(skipped.stderr.contains("1 row was skipped with problems (listed above); the other rows were written"))
        let plan = try PlanFile.load(path)
        #expect(plan.actions.first { $0.id == "PRI-07" }?.owner == "housing")
        #expect(plan.validate().isEmpty)
    }

    /// The quarterly cycle: returns exported by dplan, filled in and saved by LibreOffice, imported
    /// with --update, record exactly the changed statuses and commentary for the quarter.
    @Test(.requires(.soffice)) func returnsFilledInByLibreOfficeComeBackExactly() throws {
        let soffice = try ExternalProgram.soffice.path()
        let folder = try freshFolder()
        let plan = "\(folder)/borough.json"
        #expect(try runDplan(["import", councilTracker, "--into", plan, "--partnership", "Safer Borough"]).status == 0)
        let before = try PlanFile.load(plan)
        let quarter = "2026/27 Q3"
        let returns = "\(folder)/returns"
        let export = try runDplan(["export", plan, "--format", "xlsx", "--returns", returns, "--quarter", quarter])
        #expect(export.status == 0, "\(export.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: returns).sorted()
        #expect(files == ["borough-council-community-safety.xlsx", "borough-police.xlsx", "early-help.xlsx", "youth-justice-service.xlsx", "youth-service.xlsx"])

        // The Youth Service fills in its return in LibreOffice: 2.1 goes red with a reason.
        let profile = "-env:UserInstallation=file://\(folder)/lo-profile"
        let flat = "\(folder)/flat"
        #expect(try run(soffice, [profile, "--headless", "--convert-to", "fods", "--outdir", flat, "\(returns)/youth-service.xlsx", "\(returns)/early-help.xlsx"]))
        // Each row's RAG may be changed; its progress cell is empty (the lead has not written this
        // quarter's words; last quarter's are in the reference column) and is filled in.
        func fillIn(_ name: String, ref: String, status: (String, String)?, progress: String) throws {
            let text = try String(contentsOfFile: "\(flat)/\(name).fods", encoding: .utf8)
            let actions = try #require(text.range(of: "table:name=\"Actions\""))
            let refCell = try #require(text.range(of: "<text:p>\(ref)</text:p>", range: actions.lowerBound..<text.endIndex))
            let rowEnd = try #require(text.range(of: "</table:table-row>", range: refCell.upperBound..<text.endIndex))
            var row = String(text[refCell.upperBound..<rowEnd.lowerBound])
            if let (old, new) = status {
                #expect(row.contains("<text:p>\(old)</text:p>"), "\(name): \(old)")
                row = row.replacingOccurrences(of: "<text:p>\(old)</text:p>", with: "<text:p>\(new)</text:p>")
            }
            let statusCell = try #require(row.range(of: "content-validation-name"))
            let empty = try #require(row.range(of: #"<table:table-cell table:style-name="[a-z0-9]+"/>"#, options: .regularExpression,
                                                range: statusCell.upperBound..<row.endIndex))
            row.replaceSubrange(empty, with: row[empty].dropLast(2) + " office:value-type=\"string\"><text:p>\(progress)</text:p></table:table-cell>")
            try (String(text[..<refCell.upperBound]) + row + String(text[rowEnd.lowerBound...]))
                .write(toFile: "\(flat)/\(name).fods", atomically: true, encoding: .utf8)
        }
        try fillIn("youth-service", ref: "2.1", status: ("A Amber", "R Red"), progress: "Two wards without staff since October")
        try fillIn("early-help", ref: "1.3", status: nil, progress: "Third cohort started in November")
        let filled = "\(folder)/filled"
        #expect(try run(soffice, [profile, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", filled,
                                  "\(flat)/youth-service.fods", "\(flat)/early-help.fods"]))
        for file in files where !FileManager.default.fileExists(atPath: "\(filled)/\(file)") {
            try FileManager.default.copyItem(atPath: "\(returns)/\(file)", toPath: "\(filled)/\(file)")
        }
        let workbook = try Workbook.read(try Data(contentsOf: URL(fileURLWithPath: "\(filled)/youth-service.xlsx")), fileName: "youth-service.xlsx")
        #expect(workbook.sheets.map(\.name) == ["How to fill this in", "Actions"])

        let imported = try runDplan(["import"] + files.map { "\(filled)/\($0)" } + ["--into", plan, "--update", "--quarter", quarter])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("7 data rows: 7 imported (0 added, 2 updated, 5 unchanged), 0 skipped"))
        #expect(imported.stdout.contains("no return: none"))
        let after = try PlanFile.load(plan)
        #expect(after.validate().isEmpty)
        let q3 = Quarter(quarter)!
        let changed = after.actions.filter { action in action != before.actions.first { $0.id == action.id } }
        #expect(changed.map(\.id).sorted() == ["1.3", "2.1"])
        #expect(after.actions.filter { $0.review(for: q3) != nil }.map(\.id).sorted() == ["1.3", "2.1"])
        let youth = try #require(after.actions.first { $0.id == "2.1" })
        #expect(youth.status == .red && youth.commentary == "Two wards without staff since October")
        #expect(youth.review(for: q3)?.status == .red)
        let early = try #require(after.actions.first { $0.id == "1.3" })
        #expect(early.status == .green && early.review(for: q3)?.commentary == "Third cohort started in November")
        for action in after.actions where !["1.3", "2.1"].contains(action.id) {
            #expect(action == before.actions.first { $0.id == action.id }, "\(action.id) changed")
        }
        // A second import of the same returns changes nothing.
        let again = try runDplan(["import"] + files.map { "\(filled)/\($0)" } + ["--into", plan, "--update", "--quarter", quarter])
        #expect(again.status == 0 && again.stdout.contains("nothing to change"))
    }
}
