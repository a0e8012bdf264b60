import Foundation
import TestSupport
import Testing

/// `dplan export FOLDER`: the portfolio paper through the real binary, with a file it must leave out.
@Suite struct PortfolioExportCLITests {
    @Test func aFolderMakesOnePaperNamesWhatItLeftOutAndExitsNonZero() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-vru-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["hillingdon-serious-violence-2024-27.json", "hammersmith-fulham-serious-violence-2024-25.json", "london-vru-2019-22.json"] {
            try FileManager.default.copyItem(atPath: repositoryRoot.appendingPathComponent("plans/\(name)").path, toPath: folder + "/" + name)
        }
        let clean = try runDplan(["export", folder, "--format", "markdown", "--portfolio", "London boroughs", "--lead", "Met", "-o", folder + "/paper.md"])
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(clean.stdout.contains("in 3 plans"), "\(clean.stdout)")
        let paper = try String(contentsOfFile: folder + "/paper.md", encoding: .utf8)
        #expect(paper.hasPrefix("# London boroughs") && paper.contains("## Actions led by Met") && paper.contains("### Homicides, victims under 25"))

        try Data("not json".utf8).write(to: URL(fileURLWithPath: folder + "/notes.json"))
        let skipping = try runDplan(["export", folder, "--format", "html", "-o", folder + "/paper.html"])
        #expect(skipping.status == 1)
        #expect(skipping.stderr.contains("skipped \(folder)/notes.json"), "\(skipping.stderr)")
        #expect(skipping.stderr.contains("1 file was left out (named above); the export covers the other 3 plans"), "\(skipping.stderr)")
        #expect(try String(contentsOfFile: folder + "/paper.html", encoding: .utf8).contains("Portfolio report: 3 plans"))

        let refused = try runDplan(["export", folder, "--format", "html", "--group", "primary", "-o", folder + "/x.html"])
        #expect(refused.status == 2 && refused.stderr.contains("a portfolio paper reports each plan's own quarter"), "\(refused.stderr)")
    }

    /// The "done when": the sample folder as a PDF a VRU board would read, and in Word.
    @Test(.requires(.chromium, .pdftotext, .pandoc)) func theSampleFolderAsAPrintedPaperAndAWordDocument() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-vru-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plans = repositoryRoot.appendingPathComponent("plans").path
        let pdf = try runDplan(["export", plans, "--format", "pdf", "--marking", "OFFICIAL", "-o", folder + "/vru.pdf"])
        #expect(pdf.status == 0, "\(pdf.stderr)")
        let text = try output(of: try ExternalProgram.pdftotext.path(), ["-layout", folder + "/vru.pdf", "-"])
        for words in ["Portfolio of 5 plans", "Escalations across plans", "National measures compared", "Homicides, victims under 25", "Page 1 of"] {
            #expect(text.contains(words), "\(words)")
        }
        let docx = try runDplan(["export", plans, "--format", "docx", "-o", folder + "/vru.docx"])
        #expect(docx.status == 0, "\(docx.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/vru.docx")).starts(with: Data("PK".utf8)))
    }
}
