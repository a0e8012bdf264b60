import Foundation
import PlanModel
@testable import PlanReports
import PlanStore
import Testing
import TestSupport

private let plansFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("plans")
private let now = Timestamp(iso: "2026-11-22T10:00:00Z")!

/// A PDF's pages as pdftotext lays them out.
private struct PrintedPages {
    var pages: [[String]]
    /// pdfinfo's "Page size:  595.92 x 841.92 pts (A4)" line.
    var pageSize: String

    init(_ pdf: Data, pdftotext: String, pdfinfo: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-paper-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let info = try output(of: pdfinfo, [file.path])
        let count = Int(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "") ?? 0
        pageSize = String(info.split(separator: "\n").first { $0.hasPrefix("Page size:") } ?? "")
        pages = try (1...max(count, 1)).map { n in
            try output(of: pdftotext, ["-f", "\(n)", "-l", "\(n)", "-layout", file.path, "-"])
                .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\u{0C}"))) }  // form feed ends a page
                .filter { !$0.isEmpty }
        }
    }
}

/// Headings of an HTML paper as text (tags and entities removed, spaces collapsed).
private func headings(of html: String) -> [String] { texts(of: html, matching: "<h[123][^>]*>(.*?)</h[123]>") }

/// The introductions under section headings (a group's aim), which belong with the table after them.
private func introductions(of html: String) -> [String] { texts(of: html, matching: "<p class=\"aim\">(.*?)</p>") }

private func texts(of html: String, matching pattern: String) -> [String] {
    let regex = try! NSRegularExpression(pattern: pattern)
    return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { match in
        var text = String(html[Range(match.range(at: 1), in: html)!])
        text = text.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        for (entity, character) in [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return collapsed(text)
    }
}

private func collapsed(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

/// Everything wrong with how a paper printed: a table with no header row to repeat, a page
/// without "Page N of M" (or the marking), a page whose first table row has no header row above
/// it, a page that ends with a heading or with a section's introduction (its heading is then
/// cut off from the table it introduces).
private func layoutProblems(_ printed: PrintedPages, html: String, marking: String?) -> [String] {
    // Only a table with a header row can repeat it on the next page: every table but the
    // cover's list of facts has one.
    var problems = html.components(separatedBy: "<table").dropFirst()
        .filter { !$0.hasPrefix(" class=\"facts\"") && !$0.components(separatedBy: "</table>")[0].contains("<thead>") }
        .map { "a table without a header row: <table\($0.prefix(60))" }
    let total = printed.pages.count
    let titles = headings(of: html)
    let intros = introductions(of: html)
    let actionRow = try! NSRegularExpression(pattern: "^[A-Z]{2,4}-\\d{2,3}\\b")
    let headerRow = try! NSRegularExpression(pattern: "^(ID\\s+)?Action\\s{2,}\\S")
    func matches(_ regex: NSRegularExpression, _ line: String) -> Bool {
        regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
    }
    for (index, lines) in printed.pages.enumerated() {
        let page = index + 1
        if !lines.contains(where: { $0.hasSuffix("Page \(page) of \(total)") }) { problems.append("page \(page) has no \"Page \(page) of \(total)\"") }
        if let marking, lines.first != marking || !lines.contains(where: { $0.contains("\(marking)   Page \(page)") || $0.contains("\(marking) Page \(page)") }) {
            problems.append("page \(page) does not carry the marking \(marking) at top and foot")
        }
        let content = lines.filter { !$0.hasSuffix("Page \(page) of \(total)") && $0 != marking }
        if let first = content.firstIndex(where: { matches(actionRow, $0) }) {
            if first == 0 || !matches(headerRow, content[first - 1]) {
                problems.append("page \(page) starts a table without its header row: \(content[first])")
            }
        }
        if let last = content.last {
            let line = collapsed(last)
            let previous = content.count > 1 ? collapsed(content[content.count - 2]) + " " + line : line
            if titles.contains(where: { $0 == line || $0 == previous || $0.hasSuffix(" " + previous) }) {
                problems.append("page \(page) ends with the heading \"\(line)\"")
            } else if line.count >= 12, intros.contains(where: { $0.contains(line) }) {
                problems.append("page \(page) ends with a section's introduction \"\(line)\"")
            }
        }
    }
    return problems
}

/// Both sample plans' papers printed to PDF by real Chromium and read back with pdftotext, as a
/// board member gets them; Word documents made by real pandoc.
@Suite(.serialized) struct PrintedPaperTests {
    private func samplePlans() throws -> [(String, Plan)] {
        try FileManager.default.contentsOfDirectory(atPath: plansFolder.path).filter { $0.hasSuffix(".json") }.sorted().map {
            (($0 as NSString).deletingPathExtension, try PlanFile.load(plansFolder.appendingPathComponent($0).path))
        }
    }

    /// The programs that read a printed PDF back (`.requires(.chromium, .pdftotext, .pdfinfo)`).
    private func tools() throws -> (pdftotext: String, pdfinfo: String) {
        _ = try ExternalProgram.chromium.path()
        return (try ExternalProgram.pdftotext.path(), try ExternalProgram.pdfinfo.path())
    }

    @Test(.requires(.chromium, .pdftotext, .pdfinfo)) func quarterlyPapersPrintWithFootersHeadersAndNoStrandedHeadings() throws {
        let tools = try tools()
        for (name, plan) in try samplePlans() {
            var options = ReportOptions(now: now)
            options.marking = "OFFICIAL"
            options.meeting = Day(iso: "2026-12-10")
            let report = Report(plan: plan, options: options)
            let printed = try PrintedPages(try report.pdf(programs: ExternalPrograms()), pdftotext: tools.pdftotext, pdfinfo: tools.pdfinfo)
            #expect(layoutProblems(printed, html: report.html(), marking: "OFFICIAL") == [], "\(name)")
            #expect(printed.pageSize.contains("(A4)"), "\(name): \(printed.pageSize)")
            // The Hillingdon quarterly paper (27 actions, 5 outcome indicators) fits in 8 A4 pages, indicators
            // section included; North Warwickshire (13 actions) in 6.
            let bound = name.hasPrefix("hillingdon") ? 8 : 6
            #expect(printed.pages.count <= bound, "\(name): \(printed.pages.count) pages")
            let first = collapsed(printed.pages[0].joined(separator: " "))
            // A paper for a running quarter is a draft; for one that has ended (a past plan's last quarter), the board's paper.
            #expect(first.contains("Meeting 10 Dec 2026") && first.contains("Draft — quarter still open") == report.soFar, "\(name)")
            #expect(report.soFar == name.hasSuffix("-27"), "\(name)")
            #expect(!printed.pages.joined().joined().contains("2027-01-"), "\(name): ISO dates in the paper")
        }
    }

    /// The checks above can fail: the same paper without repeated table headers, and with
    /// headings and a group's introduction left at a page foot, is caught.
    @Test(.requires(.chromium, .pdftotext, .pdfinfo)) func theLayoutChecksCatchABadlyPrintedPaper() throws {
        let tools = try tools()
        let plan = try samplePlans().first { $0.0.hasPrefix("hillingdon") }!.1
        let report = Report(plan: plan, options: ReportOptions(now: now))
        let bad = report.html()
            .replacingOccurrences(of: "thead { display: table-header-group; }", with: "thead { display: table-row-group; }")
            .replacingOccurrences(of: "h1, h2, h3, .aim, figcaption { break-after: avoid; page-break-after: avoid; }", with: "")
            .replacingOccurrences(of: "</h2>", with: "</h2><div style=\"height: 300mm\"></div>")
            .replacingOccurrences(of: "<thead><tr><th scope=\"col\">Indicator</th>", with: "<tr><th scope=\"col\">Indicator</th>")
            .replacingOccurrences(of: "</p>\n<div class=\"scroll\" role=\"region\" aria-label=\"Table: Actions", with: "</p><div style=\"height: 300mm\"></div>\n<div class=\"scroll\" role=\"region\" aria-label=\"Table: Actions")
        let printed = try PrintedPages(try printToPDF(bad, programs: ExternalPrograms(), madeAt: now), pdftotext: tools.pdftotext, pdfinfo: tools.pdfinfo)
        let problems = layoutProblems(printed, html: bad, marking: nil)
        #expect(problems.contains { $0.contains("starts a table without its header row") }, "\(problems)")
        #expect(problems.contains { $0.contains("ends with the heading") }, "\(problems)")
        #expect(problems.contains { $0.contains("ends with a section's introduction") }, "\(problems)")
        #expect(problems.contains { $0.contains("a table without a header row: <table class=\"indicators\">") }, "\(problems)")
    }

    @Test(.requires(.chromium, .pdftotext, .pdfinfo)) func annualReportsAndLandscapePrint() throws {
        let tools = try tools()
        for (name, plan) in try samplePlans() {
            var options = ReportOptions(now: now)
            // The year being edited, within each plan's period (2025/26 for the 2024-27 plans).
            let year = FinancialYear(startYear: plan.editingQuarter(on: now.day).year)
            options.year = year
            options.landscape = true
            let report = Report(plan: plan, options: options)
            let printed = try PrintedPages(try report.pdf(programs: ExternalPrograms()), pdftotext: tools.pdftotext, pdfinfo: tools.pdfinfo)
            #expect(layoutProblems(printed, html: report.html(), marking: nil) == [], "\(name)")
            let size = printed.pageSize.split(separator: " ").compactMap { Double($0) }
            #expect(size.count == 2 && size[0] > size[1] && printed.pageSize.contains("(A4)"), "\(name): not A4 landscape: \(printed.pageSize)")
            #expect(printed.pages.count <= 10, "\(name): \(printed.pages.count) pages")
            let text = printed.pages.joined().joined(separator: "\n")
            #expect(text.contains("Annual progress report \(year)") && text.contains("Completed in \(year)") && text.contains("Carried forward"), "\(name)")
        }
    }

    @Test(.requires(.pandoc, .unzip)) func wordDocumentsHaveRealTablesWithUsefulWidths() throws {
        _ = try ExternalProgram.pandoc.path()
        let unzip = try ExternalProgram.unzip.path()
        for (name, plan) in try samplePlans() {
            let report = Report(plan: plan, options: ReportOptions(now: now))
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-\(UUID().uuidString).docx")
            try report.docx(programs: ExternalPrograms()).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let document = try output(of: unzip, ["-p", file.path, "word/document.xml"])
            let tables = document.components(separatedBy: "<w:tbl>").count - 1
            #expect(tables >= 6, "\(name): \(tables) tables")
            // The full table's columns: ID and dates narrow, commentary the widest.
            let widths = document.components(separatedBy: "<w:tblGrid>").dropFirst().map { block in
                block.components(separatedBy: "</w:tblGrid>")[0].components(separatedBy: "w:w=\"").dropFirst().compactMap { Int($0.prefix(while: \.isNumber)) }
            }
            let full = try #require(widths.first { $0.count == 6 }, "\(name): no six-column table")
            #expect(full[5] == full.max() && full[0] == full.min(), "\(name): \(full)")
            let styles = try output(of: unzip, ["-p", file.path, "word/styles.xml"])
            #expect(styles.contains("w:styleId=\"Table\"") && styles.contains("<w:insideH"), "\(name): tables without borders")
        }
    }
}
