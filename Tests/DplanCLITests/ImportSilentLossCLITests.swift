import Foundation
import PlanModel
import PlanStore
import Testing
import TestSupport

/// Imports that used to lose or bend rows without a word: each is now refused with the row and
/// column, or reads what the file means.
@Suite struct ImportSilentLossCLITests {
    /// A copy of the Hillingdon plan and a file written beside it.
    func planAndFile(_ name: String, _ bytes: [UInt8]) throws -> (plan: String, file: String) {
        let plan = try temporaryCopy(of: hillingdonPlan)
        let file = (plan as NSString).deletingLastPathComponent + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return (plan, file)
    }

    func planAndFile(_ name: String, _ text: String) throws -> (plan: String, file: String) { try planAndFile(name, Array(text.utf8)) }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func aSheetWithColumnsForTwoQuartersIsReadByTheQuarterAsked() throws {
        let (plan, csv) = try planAndFile("twoq.csv", "Ref,Action,RAG Q2,Progress Update Q2 26/27,RAG Q3,Progress Update Q3 26/27\r\n"
            + "WSA-01,x,R,Q2 words,A,Q3 words latest\r\n")
        let result = try runDplan(["import", csv, "--into", plan, "--update", "--quarter", "2026/27 Q3"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("E \"RAG Q3\" → status") && result.stdout.contains("ignoring: C \"RAG Q2\", D \"Progress Update Q2 26/27\""),
                "\(result.stdout)")
        let review = try #require(try PlanFile.load(plan).actions.first { $0.id == "WSA-01" }?.review(for: Quarter("2026/27 Q3")!))
        #expect(review.status == .amber && review.commentary == "Q3 words latest")
        // Without --quarter the sheet does not say which quarter's columns it means: refused.
        let before = try bytes(plan)
        let unsaid = try runDplan(["import", csv, "--into", plan, "--update"])
        #expect(unsaid.status == 1)
        #expect(unsaid.stderr.contains("columns for more than one quarter (C \"RAG Q2\", D \"Progress Update Q2 26/27\", E \"RAG Q3\", "
            + "F \"Progress Update Q3 26/27\"); give --quarter"), "\(unsaid.stderr)")
        #expect(try bytes(plan) == before)
        let other = try runDplan(["import", csv, "--into", plan, "--update", "--quarter", "2026/27 Q4"])
        #expect(other.status == 1 && other.stderr.contains("no status column names 2026/27 Q4"), "\(other.stderr)")
        #expect(try bytes(plan) == before)
    }

    @Test func twoRowsForOneActionAreRefusedNamingBoth() throws {
        let (plan, first) = try planAndFile("police.csv", "Ref,Action,RAG,Progress Update Q3 26/27\r\nWSA-01,x,G,Police say on track\r\n")
        let second = (plan as NSString).deletingLastPathComponent + "/council.csv"
        try "Ref,Action,RAG,Progress Update Q3 26/27\r\nWSA-02,y,A,Fine\r\nWSA-01,x,R,Council says legal has blocked it\r\n"
            .write(toFile: second, atomically: true, encoding: .utf8)
        let before = try bytes(plan)
        let result = try runDplan(["import", first, second, "--into", plan, "--update", "--quarter", "2026/27 Q3"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("council.csv: sheet \"council\", row 3: column A \"Ref\": a second row for WSA-01 (the first is "
            + "\(first), row 2); give each action one row"), "\(result.stderr)")
        #expect(try bytes(plan) == before)
        // Two rows in one file, the second matched by its title.
        let title = try PlanFile.load(plan).actions.first { $0.id == "WSA-01" }!.title
        try "Ref,Action,RAG\r\nWSA-01,x,G\r\n,\"\(title)\",R\r\n".write(toFile: second, atomically: true, encoding: .utf8)
        let again = try runDplan(["import", second, "--into", plan, "--update", "--quarter", "2026/27 Q3"])
        #expect(again.status == 1 && again.stderr.contains("row 3: column B \"Action\": a second row for WSA-01"), "\(again.stderr)")
        #expect(try bytes(plan) == before)
    }

    @Test func cellsWithNoHeaderAreRefusedWithTheirRowAndColumn() throws {
        let (plan, csv) = try planAndFile("comma.csv", "Ref,Action,RAG,Progress Update Q3 26/27\r\n"
            + "WSA-01,x,A,Funding of 12,000 agreed; legal sign-off delayed to March\r\n")
        let before = try bytes(plan)
        let commentary = try PlanFile.load(plan).actions.first { $0.id == "WSA-01" }?.commentary
        let result = try runDplan(["import", csv, "--into", plan, "--update", "--quarter", "2026/27 Q3"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("row 2: column E: \"000 agreed; legal sign-off delayed to March\" has no header above it"), "\(result.stderr)")
        #expect(try bytes(plan) == before)
        let skipped = try runDplan(["import", csv, "--into", plan, "--update", "--quarter", "2026/27 Q3", "--skip-invalid"])
        #expect(skipped.status == 1 && skipped.stdout.contains("1 skipped (0 not actions, 1 with problems)"), "\(skipped.stdout)")
        #expect(try PlanFile.load(plan).actions.first { $0.id == "WSA-01" }?.commentary == commentary)

        let values = (plan as NSString).deletingLastPathComponent + "/values.csv"
        try "indicator,quarter,value,note\r\nhospital-knife-u25,2026/27 Q2,5,note with, comma\r\n".write(toFile: values, atomically: true, encoding: .utf8)
        let indicator = try runDplan(["indicator", "import", plan, values])
        #expect(indicator.status == 1)
        #expect(indicator.stderr.contains("row 2: column E: \" comma\" has no header above it"), "\(indicator.stderr)")
        #expect(try PlanFile.load(plan).indicators.first { $0.id == "hospital-knife-u25" }?.values.contains { $0.note == "note with" } == false)
    }

    @Test func aStrayWindows1252ByteInAUTF8FileIsRefusedWhereItIs() throws {
        let text = Array("Ref,Action,RAG,Progress Update Q3 26/27\r\nWSA-01,x,A,\"Funding of £12,000 agreed – legal sign-off delayed\"\r\nWSA-02,y,G,Caf".utf8)
            + [0xE9] + Array(" outreach sessions started\r\n".utf8)
        let (plan, csv) = try planAndFile("mixed.csv", text)
        let before = try bytes(plan)
        let result = try runDplan(["import", csv, "--into", plan, "--update", "--quarter", "2026/27 Q3"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("mixed.csv: row 3, column D: byte E9 is not UTF-8, though the file's other text is"), "\(result.stderr)")
        #expect(try bytes(plan) == before)
        // A file that is Windows-1252 throughout is still read as that.
        let (plan1252, csv1252) = try planAndFile("cp1252.csv", Array("Ref,Action,RAG,Progress Update Q3 26/27\r\nWSA-02,y,G,Caf".utf8)
            + [0xE9] + Array(" outreach ".utf8) + [0x96] + Array(" started\r\n".utf8))
        let read = try runDplan(["import", csv1252, "--into", plan1252, "--update", "--quarter", "2026/27 Q3"])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(try PlanFile.load(plan1252).actions.first { $0.id == "WSA-02" }?.commentary == "Café outreach – started")
    }

    @Test func aLongLeadNameGetsAShorterIdWhereverAnOwnerIsMade() throws {
        let name = "Hammersmith and Fulham Council Community Safety and Violence Against Women and Girls Team"
        let (plan, csv) = try planAndFile("longlead.csv", "Ref,Priority,Action,Lead Officer / Agency,RAG\r\nNEW-1,Primary,Knife awareness workshops,\(name),G\r\n")
        let imported = try runDplan(["import", csv, "--into", plan, "--quarter", "2026/27 Q3"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let added = try runDplan(["owner", "add", plan, name + " North"])
        #expect(added.status == 0, "\(added.stderr)")
        let action = try runDplan(["add", plan, "--group", "primary", "--title", "Workshops", "--owner", name + " South", "--new-owner"])
        #expect(action.status == 0, "\(action.stderr)")
        let loaded = try PlanFile.load(plan)
        #expect(loaded.validate().isEmpty)
        let ids = [name, name + " North", name + " South"].map { loaded.findOwner($0)?.id }
        #expect(ids == ["hammersmith-and-fulham-council-community-safety-and", "hammersmith-and-fulham-council-community-safety-and-2",
                        "hammersmith-and-fulham-council-community-safety-and-3"])
    }
}
