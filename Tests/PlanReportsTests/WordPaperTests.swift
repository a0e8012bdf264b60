import Foundation
import PlanModel
@testable import PlanReports
import PlanStore
import Testing
import TestSupport

private let now = Timestamp(iso: "2026-11-22T10:00:00Z")!
private let hillingdon = repositoryFolder.appendingPathComponent("plans/hillingdon-serious-violence-2024-27.json").path

/// The Word paper as a council publishes it: title and author in its properties, and the
/// protective marking and "Page N of M" in a real header and footer on every page, as LibreOffice
/// lays it out.
@Suite struct WordPaperTests {
    @Test(.requires(.pandoc, .unzip, .writer, .pdftotext, .pdfinfo)) func theMarkingAndPageNumbersAreOnEveryPage() throws {
        _ = try ExternalProgram.pandoc.path()
        let unzip = try ExternalProgram.unzip.path(), soffice = try ExternalProgram.writer.path()
        let pdftotext = try ExternalProgram.pdftotext.path(), pdfinfo = try ExternalProgram.pdfinfo.path()
        var options = ReportOptions(now: now)
        options.marking = "OFFICIAL-SENSITIVE"
        let plan = try PlanFile.load(hillingdon)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-word-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("paper.docx")
        try Report(plan: plan, options: options).docx(programs: ExternalPrograms()).write(to: file)

        let core = try output(of: unzip, ["-p", file.path, "docProps/core.xml"])
        #expect(core.contains("<dc:title>Hillingdon Serious Violence Delivery Plan 2024-27: Progress report 2026/27 Q3</dc:title>"), "\(core)")
        #expect(core.contains("<dc:creator>Safer Hillingdon Partnership</dc:creator>"), "\(core)")
        let document = try output(of: unzip, ["-p", file.path, "word/document.xml"])
        #expect(document.contains("<w:headerReference") && document.contains("<w:footerReference"))

        let profile = "-env:UserInstallation=file://\(folder.path)/profile"
        _ = try output(of: soffice, [profile, "--headless", "--convert-to", "pdf", "--outdir", folder.path, file.path])
        let pdf = folder.appendingPathComponent("paper.pdf").path
        let info = try output(of: pdfinfo, [pdf])
        let pages = Int(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "") ?? 0
        #expect(pages > 3)
        for page in 1...max(pages, 1) {
            let text = try output(of: pdftotext, ["-f", "\(page)", "-l", "\(page)", "-layout", pdf, "-"])
            let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\u{0C}"))) }.filter { !$0.isEmpty }
            #expect(lines.first == "OFFICIAL-SENSITIVE", "page \(page) has no marking at the top: \(lines.prefix(2))")
            #expect(lines.last?.hasSuffix("OFFICIAL-SENSITIVE   Page \(page) of \(pages)") == true
                        || lines.last?.hasSuffix("OFFICIAL-SENSITIVE Page \(page) of \(pages)") == true, "page \(page): \(lines.suffix(1))")
        }
    }
}

/// A cell as pandoc writes it.
private func cell(_ text: String) -> String {
    "<w:tc><w:tcPr /><w:p><w:pPr><w:pStyle w:val=\"Compact\" /></w:pPr>" + (text.isEmpty ? "" : "<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r>") + "</w:p></w:tc>"
}

/// The Word paper's tables: status cells shaded with their letter and word kept, and an action's
/// details in a row of their own across the table instead of inside its title's cell.
@Suite struct WordTableTests {
    private let statuses = [("R", "Red"), ("A", "Amber"), ("G", "Green"), ("C", "Complete (Blue)"), ("N", "Not started")]

    @Test func statusCellsAreShadedAndDetailsRowsSpanTheTable() {
        let rows = [["WSA-01", "Title", "Lead", "31 Jan 2027", "R Red", "Words"],
                    ["", "Outcome: better &amp; safer", "", "", "", ""],
                    ["", "", "Lead", "", "", ""],
                    ["WSA-02", "C Complete (Blue)", "Lead", "", "C Complete (Blue)", "R Red, said twice"],
                    ["WSA-03", "A", "G", "N", "X", "Red"]]
        let document = "<w:body><w:tbl>" + rows.map { "<w:tr>" + $0.map(cell).joined() + "</w:tr>" }.joined() + "</w:tbl></w:body>"
        let finished = WordTables.finish(document, statuses: statuses)
        let out = finished.components(separatedBy: "<w:tr>").dropFirst().map { $0.components(separatedBy: "<w:tc>").dropFirst().map { $0 } }
        #expect(out.map(\.count) == [6, 2, 6, 6, 6], "only the details row is spanned")
        #expect(out[1][1].hasPrefix("<w:tcPr><w:gridSpan w:val=\"5\" /></w:tcPr>") && out[1][1].contains("Outcome: better &amp; safer"))
        func fill(_ row: Int, _ column: Int) -> String? {
            out[row][column].components(separatedBy: "w:fill=\"").dropFirst().first.map { String($0.prefix(6)) }
        }
        #expect(fill(0, 4) == "FFC7CE")
        #expect([0, 1, 2, 3, 5].allSatisfy { fill(0, $0) == nil })
        #expect(fill(3, 4) == "BDD7EE" && fill(3, 1) == "BDD7EE" && fill(3, 5) == nil)
        #expect(fill(4, 1) == "FFEB9C" && fill(4, 2) == "C6EFCE" && fill(4, 3) == "EDEDED" && fill(4, 4) == nil && fill(4, 5) == nil)
        #expect(finished.replacingOccurrences(of: #"<w:tcPr><w:shd [^>]*/></w:tcPr>"#, with: "<w:tcPr />", options: .regularExpression)
                    .contains(rows[3].map(cell).joined()), "shading changes nothing else")
    }

    @Test(.requires(.pandoc, .unzip)) func thePapersTablesAreShadedAndItsDetailsHaveRowsOfTheirOwn() throws {
        _ = try ExternalProgram.pandoc.path()
        let unzip = try ExternalProgram.unzip.path()
        let report = Report(plan: try PlanFile.load(hillingdon), options: ReportOptions(now: now))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-word-tables-\(UUID().uuidString).docx")
        try report.docx(programs: ExternalPrograms()).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let document = try output(of: unzip, ["-p", file.path, "word/document.xml"])
        let core = try output(of: unzip, ["-p", file.path, "docProps/core.xml"])
        #expect(core.contains("<dc:language>en-GB</dc:language>"), "\(core)")
        let rows = document.components(separatedBy: "<w:tr>")
        let action = try #require(rows.first { $0.contains(">WSA-01<") && $0.contains(">R Red<") })
        #expect(action.contains("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"FFC7CE\" /></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"Compact\" /><w:jc w:val=\"left\" /></w:pPr><w:r><w:t xml:space=\"preserve\">R Red<"))
        #expect(!action.contains("Outcome:"), "the action's row holds its title, not its details")
        let details = try #require(rows.firstIndex { $0 == action }.map { rows[$0 + 1] })
        #expect(details.contains("<w:gridSpan w:val=\"5\" />") && details.contains("Outcome:") && details.contains("Refreshed needs assessment"))
        // Every action in the full table has its row; those with details have a spanned row too.
        let spanned = rows.filter { $0.contains("<w:gridSpan w:val=\"5\" />") }.count
        #expect(spanned >= report.groups.flatMap(\.actions).filter { !$0.outcomeMeasure.isEmpty }.count)
    }
}

/// `--reference-doc`: a council's house style for the Word paper, its page, header and footer
/// still dplan's.
@Suite struct HouseStyleTests {
    /// A council's Word document: Georgia headings, and a Title style that would show.
    private func councilDocument() throws -> URL {
        let styles = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
            + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>\n"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:rPr><w:rFonts w:ascii=\"Georgia\" w:hAnsi=\"Georgia\"/><w:color w:val=\"7A1F5C\"/></w:rPr></w:style>\n"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/>\n<w:rPr><w:sz w:val=\"56\"/></w:rPr></w:style></w:styles>"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-council-\(UUID().uuidString).docx")
        try WordReference.zip([("word/styles.xml", styles)]).write(to: file)
        return file
    }

    @Test(.requires(.pandoc, .unzip)) func thePaperTakesTheCouncilsStylesAndKeepsItsHeaderAndFooter() throws {
        _ = try ExternalProgram.pandoc.path()
        let unzip = try ExternalProgram.unzip.path()
        let council = try councilDocument()
        var options = ReportOptions(now: now)
        options.marking = "OFFICIAL"
        let file = council.deletingPathExtension().appendingPathExtension("paper.docx")
        defer { for url in [council, file] { try? FileManager.default.removeItem(at: url) } }
        try Report(plan: try PlanFile.load(hillingdon), options: options).docx(programs: ExternalPrograms(wordStyles: council.path)).write(to: file)
        let styles = try output(of: unzip, ["-p", file.path, "word/styles.xml"])
        #expect(styles.contains("Georgia") && styles.contains("7A1F5C"), "the council's headings")
        let title = try #require(styles.range(of: "w:styleId=\"Title\"").map { String(styles[$0.lowerBound...].prefix(300)) })
        #expect(title.contains("<w:vanish"), "the title block stays hidden: \(title)")
        #expect(!styles.contains("w:val=\"56\""), "the council's visible Title style is replaced")
        #expect(styles.contains("w:styleId=\"Table\""), "tables keep their borders")
        let document = try output(of: unzip, ["-p", file.path, "word/document.xml"])
        #expect(document.contains("<w:headerReference") && document.contains("<w:footerReference"))
        #expect(try output(of: unzip, ["-p", file.path, "word/header1.xml"]).contains("OFFICIAL"))
    }

    @Test func aReferenceThatIsNotAWordDocumentIsAClearError() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-not-word-\(UUID().uuidString).docx")
        try Data("not a zip".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: ConversionError(description: "--reference-doc \(file.path): not a Word document with styles (give a Word .docx file whose styles the paper should take)")) {
            _ = try WordTables.styles(of: file.path)
        }
    }
}
