import Foundation
import PlanModel
@testable import PlanReports
import PlanStore
import Testing
import TestSupport

private let now = Timestamp(iso: "2026-11-22T10:00:00Z")!
private let hillingdon = repositoryFolder.appendingPathComponent("plans/hillingdon-serious-violence-2024-27.json").path

/// Runs `scripts/check-accessibility` (axe-core in headless Chromium, reflow at 320 CSS px, WCAG
/// text spacing) on HTML papers; returns its exit status and what it printed.
private func checkAccessibility(_ papers: [String: String]) throws -> (status: Int32, output: String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-a11y-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var files: [String] = []
    for (name, html) in papers.sorted(by: { $0.key < $1.key }) {
        let file = folder.appendingPathComponent("\(name).html")
        try Data(html.utf8).write(to: file)
        files.append(file.path)
    }
    let process = Process()
    process.executableURL = repositoryFolder.appendingPathComponent("scripts/check-accessibility")
    process.arguments = files
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// The published papers checked as GDS's monitors check them: axe-core's WCAG 2.0/2.1/2.2 A and
/// AA rules in real headless Chromium, reflow at 320 CSS px, and the text-spacing overrides.
@Suite(.serialized) struct AccessibilityTests {
    @Test(.requires(.chromium, .chromedriver, .axe)) func hillingdonPapersPassAxeReflowAndTextSpacing() throws {
        _ = try ExternalProgram.axe.path()
        let plan = try PlanFile.load(hillingdon)
        var papers: [String: String] = [:]
        for isPublic in [false, true] {
            var options = ReportOptions(now: now)
            options.isPublic = isPublic
            options.marking = "OFFICIAL"
            let suffix = isPublic ? "-public" : ""
            papers["board\(suffix)"] = Report(plan: plan, options: options).html()
            options.sectionsBy = .owner
            papers["by-owner\(suffix)"] = Report(plan: plan, options: options).html()
            options.sectionsBy = .group
            options.year = FinancialYear(startYear: 2025)
            papers["annual\(suffix)"] = Report(plan: plan, options: options).html()
        }
        let result = try checkAccessibility(papers)
        #expect(result.status == 0, "\(result.output)")
    }

    /// The portfolio paper across every sample plan, board and public versions, with a lead's actions.
    @Test(.requires(.chromium, .chromedriver, .axe)) func portfolioPapersPassAxeReflowAndTextSpacing() throws {
        _ = try ExternalProgram.axe.path()
        let folder = repositoryFolder.appendingPathComponent("plans")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        let plans = LabelledPlan.labelled(try files.map { ($0, try PlanFile.load(folder.appendingPathComponent($0).path)) })
        var papers: [String: String] = [:]
        for isPublic in [false, true] {
            var options = ReportOptions(now: now)
            options.isPublic = isPublic
            options.marking = "OFFICIAL"
            let reports = plans.map { Report(plan: $0.plan, options: options) }
            papers["portfolio\(isPublic ? "-public" : "")"] = PortfolioPaper(name: "VRU", plans: plans, reports: reports, lead: "Police", options: options).html()
        }
        let result = try checkAccessibility(papers)
        #expect(result.status == 0, "\(result.output)")
    }

    /// The checker fails a paper that breaks the rules it checks (so a pass above means something).
    @Test(.requires(.chromium, .chromedriver, .axe)) func theCheckerCatchesABadPage() throws {
        _ = try ExternalProgram.axe.path()
        let bad = """
        <!DOCTYPE html><html><head><title>x</title></head><body>
        <img src="chart.png"/><div style="width: 600px">wide</div>
        <table style="table-layout: fixed; width: 200px"><tr><td style="width: 60px; white-space: nowrap">31 Mar 2027 overdue</td><td>x</td></tr></table>
        </body></html>
        """
        let result = try checkAccessibility(["bad": bad])
        #expect(result.status == 1)
        #expect(result.output.contains("axe image-alt") && result.output.contains("axe html-has-lang"), "\(result.output)")
        #expect(result.output.contains("reflow: 6") && result.output.contains("text spacing: td \"31 Mar 2027"), "\(result.output)")
    }

    /// The paper's structure for screen readers: a main landmark, every table captioned with row
    /// headers, status columns named in words, trend marks with words.
    @Test func thePaperIsStructuredForScreenReaders() throws {
        let html = Report(plan: try PlanFile.load(hillingdon), options: ReportOptions(now: now)).html()
        #expect(html.components(separatedBy: "<main>").count == 2 && html.contains("</main>\n</body>"))
        let tables = html.components(separatedBy: "<table").dropFirst().filter { !$0.hasPrefix(" class=\"facts\"") }
        #expect(!tables.isEmpty)
        for table in tables {
            #expect(table.contains("<caption"), "no caption: \(table.prefix(80))")
            // An exception's two commentaries side by side are one row with nothing to head it.
            #expect(table.hasPrefix(" class=\"compare\"") || table.contains("<th scope=\"row\""), "no row headers: \(table.prefix(80))")
        }
        #expect(html.contains("<th class=\"n\" scope=\"col\"><span class=\"s s-R\" aria-hidden=\"true\">R</span><span class=\"vh\">Red</span></th>"))
        #expect(html.contains("▼</span><span class=\"vh\">, worsened</span>"))
        #expect(html.contains("role=\"img\" aria-label=\"Actions by status at each quarter end: 2025/26 Q1: "))
        #expect(html.contains("<meta name=\"viewport\""))
    }
}
