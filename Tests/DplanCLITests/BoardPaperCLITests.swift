import Foundation
import TestSupport
import Testing

/// Issue 15 from the command line: the executive summary and the ask of the board, the annual
/// report, sections by owner, and clear refusals when no browser or pandoc can make the file.
@Suite struct BoardPaperCLITests {
    @Test func summaryAndDecisionAreStoredAuditedAndPrintedFirst() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let summary = try runDplan(["review", "summary", path, "2026/27 Q3", "--text", "Three actions need the board's help.\n\nData sharing is the main risk."])
        #expect(summary.status == 0 && summary.stdout.contains("wrote the summary of 2026/27 Q3"), "\(summary.stderr)")
        let decision = try runDplan(["set", path, "PRI-03", "--decision", "Agree who funds the design review"])
        #expect(decision.status == 0 && decision.stdout.contains("decision needed from the board recorded"), "\(decision.stderr)")
        let file = try String(contentsOfFile: path, encoding: .utf8)
        #expect(file.contains("\"summary\" : \"Three actions need the board's help.\\n\\nData sharing is the main risk.\""))
        #expect(file.contains("\"decisionNeeded\" : \"Agree who funds the design review\""))
        #expect(file.contains("\"field\" : \"summary 2026/27 Q3\"") && file.contains("\"field\" : \"decisionNeeded\""))
        #expect(try runDplan(["validate", path]).status == 0)

        let paper = try runDplan(["export", path, "--format", "markdown", "-o", "-"]).stdout
        let summaryAt = try #require(paper.range(of: "## Executive summary\n\nThree actions need the board's help.\n\nData sharing is the main risk.\n"))
        #expect(summaryAt.lowerBound < paper.range(of: "## Headline")!.lowerBound)
        #expect(paper.contains("- **Decision or help needed from the board:** Agree who funds the design review"))
        #expect(paper.contains("- **Last quarter (2026/27 Q2):**"))
        let html = try runDplan(["export", path, "--format", "html", "-o", "-"]).stdout
        #expect(html.contains("<strong>Decision or help needed from the board:</strong> Agree who funds the design review"))

        // Restricted commentary keeps the ask out of the public paper too.
        #expect(try runDplan(["set", path, "PRI-03", "--restricted"]).status == 0)
        let published = try runDplan(["export", path, "--public", "--format", "markdown", "-o", "-"]).stdout
        #expect(!published.contains("Agree who funds the design review") && published.contains("_withheld_"))

        // A closed quarter's summary is history.
        #expect(try runDplan(["review", "close", path, "2026/27 Q3"], now: "2027-01-05T10:00:00Z").status == 0)
        let late = try runDplan(["review", "summary", path, "2026/27 Q3", "--text", "Changed"], now: "2027-01-06T10:00:00Z")
        #expect(late.status == 1 && late.stderr.contains("2026/27 Q3 is closed") && late.stderr.contains("nothing was written"))
        let future = try runDplan(["review", "summary", path, "2027/28 Q1", "--text", "x"], now: "2027-01-06T10:00:00Z")
        #expect(future.status == 1 && future.stderr.contains("outside the plan period"))
    }

    @Test func annualReportAndSections() throws {
        let annual = try runDplan(["export", hillingdonPlan, "--year", "2025/26", "--format", "markdown", "-o", "-"])
        #expect(annual.status == 0)
        for heading in ["Annual progress report 2025/26", "## Headline at 2025/26 Q4", "## Completed in 2025/26 (1)",
                        "## Carried forward (", "## Due dates moved in 2025/26", "## Status at each quarter end"] {
            #expect(annual.stdout.contains(heading), "\(heading)")
        }
        #expect(annual.stdout.contains("| Action | 2025/26 Q1 | 2025/26 Q2 | 2025/26 Q3 | 2025/26 Q4 |"))
        let moved = try runDplan(["export", hillingdonPlan, "--year", "2026/27", "--format", "markdown", "-o", "-"]).stdout
        #expect(moved.contains("so far") && moved.contains("| WSA-01 Revisit the serious violence needs assessment"))
        let later = try runDplan(["export", hillingdonPlan, "--year", "2027/28", "--format", "html", "-o", "-"])
        #expect(later.status == 2 && later.stderr.contains("--year: 2027/28 is outside the plan period"))
        #expect(try runDplan(["export", hillingdonPlan, "--year", "2025/26", "--quarter", "2025/26 Q2", "--format", "html", "-o", "-"]).status == 2)
        #expect(try runDplan(["export", hillingdonPlan, "--year", "2025/2", "--format", "html", "-o", "-"]).status == 2)
        let byOwner = try runDplan(["export", hillingdonPlan, "--by", "owner", "--format", "markdown", "-o", "-"]).stdout
        #expect(byOwner.contains("## All actions by lead owner") && byOwner.contains("### Domestic Abuse Steering Executive ("))
        let byTheme = try runDplan(["export", hillingdonPlan, "--by", "workstream", "--format", "markdown", "-o", "-"]).stdout
        #expect(byTheme.contains("## All actions by workstream") && byTheme.contains("### Knife crime and youth violence ("))
        let cover = try runDplan(["export", hillingdonPlan, "--format", "html", "--marking", "OFFICIAL-SENSITIVE", "--meeting", "2026-12-10",
                                  "--landscape", "-o", "-"]).stdout
        #expect(cover.contains("size: A4 landscape") && cover.contains("@top-center { content: \"OFFICIAL-SENSITIVE\"")
                && cover.contains("<tr><th>Meeting</th><td>10 Dec 2026</td></tr>") && cover.contains("Draft — quarter still open"))
    }

    @Test func pdfAndWordWithoutTheirProgramsSayWhatToInstallAndWriteNothing() throws {
        let folder = (try temporaryCopy(of: hillingdonPlan) as NSString).deletingLastPathComponent
        let empty = "\(folder)/empty-bin"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let pdf = try runDplan(["export", hillingdonPlan, "--format", "pdf", "-o", "\(folder)/paper.pdf"], environment: ["PATH": empty])
        #expect(pdf.status == 1 && pdf.stderr.contains("no Chromium-family browser found") && pdf.stderr.contains("apt-get install chromium")
                && pdf.stderr.contains("--browser PATH") && pdf.stderr.contains("nothing was written"), "\(pdf.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/paper.pdf"))
        let wrong = try runDplan(["export", hillingdonPlan, "--format", "pdf", "--browser", "\(folder)/no-such-browser", "-o", "\(folder)/paper.pdf"])
        #expect(wrong.status == 1 && wrong.stderr.contains("--browser \(folder)/no-such-browser: no program there"))
        let word = try runDplan(["export", hillingdonPlan, "--format", "docx", "-o", "\(folder)/paper.docx"], environment: ["PATH": empty])
        #expect(word.status == 1 && word.stderr.contains("pandoc is not installed") && word.stderr.contains("apt-get install pandoc"), "\(word.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/paper.docx"))
        #expect(try runDplan(["export", hillingdonPlan, "--format", "html", "--browser", "/usr/bin/true", "-o", "-"]).status == 2)
        // A browser that fails leaves no file either.
        let failing = try runDplan(["export", hillingdonPlan, "--format", "pdf", "--browser", "/bin/false", "-o", "\(folder)/paper.pdf"])
        #expect(failing.status == 1 && failing.stderr.contains("printing the PDF: /bin/false failed (exit 1)"), "\(failing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/paper.pdf"))
    }

    @Test func templateMistakesAreReportedInWordsWithTheirLines() throws {
        let folder = (try temporaryCopy(of: hillingdonPlan) as NSString).deletingLastPathComponent
        let template = "\(folder)/paper.mustache"
        try "{{plan.title}}\n{{#exceptions}}\n{{id}} {{#isEscalation}}escalate{{/isEscalation}}\n{{commentary}}\n".write(toFile: template, atomically: true, encoding: .utf8)
        let unclosed = try runDplan(["export", hillingdonPlan, "--template", template, "-o", "\(folder)/out.md"])
        #expect(unclosed.status == 1 && unclosed.stderr.contains("line 2: the section {{#exceptions}} is never closed; add {{/exceptions}}"), "\(unclosed.stderr)")
        #expect(!unclosed.stderr.contains("ParserError") && !FileManager.default.fileExists(atPath: "\(folder)/out.md"))
        try "{{#changes}}{{id}}{{/changes}}\n{{dueLabel}}\n".write(toFile: template, atomically: true, encoding: .utf8)
        let misplaced = try runDplan(["export", hillingdonPlan, "--template", template, "-o", "-"])
        #expect(misplaced.status == 1 && misplaced.stderr.contains("line 2: {{dueLabel}} is not a field at the top level; the report has it as")
                && misplaced.stderr.contains("exceptions[].dueLabel"), "\(misplaced.stderr)")
        try "{{#exceptions}}{{#isRed}}{{id}} {{dueLabel}} {{#hasDecision}}ask{{/hasDecision}};{{/isRed}}{{/exceptions}}".write(toFile: template, atomically: true, encoding: .utf8)
        let flags = try runDplan(["export", hillingdonPlan, "--template", template, "-o", "-"])
        #expect(flags.status == 0 && flags.stdout.hasPrefix("PRI-03 31 Mar 2026 ;"), "\(flags.stdout) \(flags.stderr)")
    }
}
