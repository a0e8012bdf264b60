import Foundation
import PlanModel
@testable import PlanReports
import PlanStore
import Testing
import TestSupport

private let now = Timestamp(iso: "2026-11-22T10:00:00Z")!
private let hillingdon = repositoryFolder.appendingPathComponent("plans/hillingdon-serious-violence-2024-27.json").path

/// The printed PDF as pikepdf reads it: how many bookmarks, and the structure elements of kind
/// /Figure without alternative text.
private let pdfStructure = """
import sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
def count(item):
    n = 0
    while item is not None:
        n += 1 + count(item.get('/First'))
        item = item.get('/Next')
    return n
outlines = pdf.Root.get('/Outlines')
print('bookmarks', count(outlines.get('/First')) if outlines is not None else 0)
def walk(node):
    if isinstance(node, pikepdf.Dictionary):
        if node.get('/S') == '/Figure' and node.get('/Alt') is None:
            print('figure without alt')
        kids = node.get('/K')
        for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
            walk(kid)
walk(pdf.Root.StructTreeRoot)
"""

/// The printed PDF as assistive technology reads it: bookmarks from the headings (Chromium's
/// `--generate-pdf-document-outline`) and alternative text on every figure.
@Suite struct TaggedPDFTests {
    @Test(.requires(.chromium, .pikepdf)) func thePrintedPaperHasBookmarksAndAltTextOnEveryFigure() throws {
        _ = try ExternalProgram.pikepdf.path()
        let report = Report(plan: try PlanFile.load(hillingdon), options: ReportOptions(now: now))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-tagged-\(UUID().uuidString).pdf")
        try report.pdf(programs: ExternalPrograms()).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let answer = try output(of: "/usr/bin/env", ["python3", "-c", pdfStructure, file.path])
        let bookmarks = Int(answer.split(separator: "\n").first { $0.hasPrefix("bookmarks ") }?.split(separator: " ").last ?? "") ?? 0
        // Every h2 and h3 of the paper: the sections, each group of the full table, each exception.
        let headings = report.html().components(separatedBy: "<h2").count + report.html().components(separatedBy: "<h3").count - 2
        #expect(bookmarks >= headings - 2 && bookmarks > 10, "\(bookmarks) bookmarks for \(headings) headings")
        #expect(!answer.contains("figure without alt"), "\(answer)")
    }
}
