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

/// The finished PDF's catalogue and metadata as pikepdf reads them, one fact a line.
private let pdfMetadata = """
import sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
root = pdf.Root
print('displaydoctitle', bool(root.get('/ViewerPreferences', {}).get('/DisplayDocTitle', False)))
print('lang', root.get('/Lang'))
print('created', pdf.docinfo.get('/CreationDate'))
meta = pdf.open_metadata()
print('title', meta.get('dc:title'))
print('language', ','.join(meta.get('dc:language') or []))
print('pdfua', meta.get('{http://www.aiim.org/pdfua/ns/id/}part'))
"""

/// The PDF with its text kept only inside (`tagged`) or only outside (`artifacts`) the sequences
/// marked /Artifact, written to a second file for pdftotext to read.
private let pdfKeeping = """
import sys, pikepdf
def keep(ops, artifacts):
    out, stack = [], []
    for operands, operator in ops:
        op = str(operator)
        if op in ('BDC', 'BMC'):
            stack.append(str(operands[0]) == '/Artifact')
        inside = any(stack)
        if op == 'EMC' and stack:
            stack.pop()
        if op in ('Tj', 'TJ', "'", '"') and inside != artifacts:
            continue
        out.append((operands, operator))
    return out
with pikepdf.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(keep(pikepdf.parse_content_stream(page), sys.argv[3] == 'artifacts')))
    pdf.save(sys.argv[2])
"""

/// The printed PDF finished for PDF/UA (`PDFFinishing`): metadata, artifacts, the same bytes
/// for the same paper, and a clear warning where pikepdf is missing.
@Suite struct FinishedPDFTests {
    private func printed(_ report: Report, programs: ExternalPrograms = ExternalPrograms()) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-finished-\(UUID().uuidString).pdf")
        try report.pdf(programs: programs).write(to: file)
        return file
    }

    private var report: Report {
        get throws {
            var options = ReportOptions(now: now)
            options.marking = "OFFICIAL"
            return Report(plan: try PlanFile.load(hillingdon), options: options)
        }
    }

    @Test(.requires(.chromium, .pikepdf)) func theFinishedPDFCarriesTitleLanguageAndThePDFUAIdentifier() throws {
        _ = try ExternalProgram.pikepdf.path()
        let report = try report
        let file = try printed(report)
        defer { try? FileManager.default.removeItem(at: file) }
        let facts = try output(of: "/usr/bin/env", ["python3", "-c", pdfMetadata, file.path])
        #expect(facts.contains("displaydoctitle True\n"), "\(facts)")
        #expect(facts.contains("lang en-GB\n"), "\(facts)")
        #expect(facts.contains("title \(report.plan.title): \(report.title) (so far)\n"), "\(facts)")
        #expect(facts.contains("language en-GB\n"), "\(facts)")
        #expect(facts.contains("pdfua 1\n"), "\(facts)")
        // The paper's own date, not the moment it was printed.
        #expect(facts.contains("created D:20261122100000+00'00'\n"), "\(facts)")
    }

    @Test(.requires(.chromium, .pikepdf, .pdftotext)) func theRunningHeaderAndFooterAreArtifactsAndTheBodyIsTagged() throws {
        _ = try ExternalProgram.pikepdf.path()
        let report = try report
        let file = try printed(report)
        let tagged = file.appendingPathExtension("tagged.pdf"), artifacts = file.appendingPathExtension("artifacts.pdf")
        defer { for url in [file, tagged, artifacts] { try? FileManager.default.removeItem(at: url) } }
        _ = try output(of: "/usr/bin/env", ["python3", "-c", pdfKeeping, file.path, tagged.path, "tagged"])
        _ = try output(of: "/usr/bin/env", ["python3", "-c", pdfKeeping, file.path, artifacts.path, "artifacts"])
        let pdftotext = try ExternalProgram.pdftotext.path()
        let taggedText = try output(of: pdftotext, [tagged.path, "-"]), artifactText = try output(of: pdftotext, [artifacts.path, "-"])
        #expect(artifactText.contains("Page 1 of") && artifactText.contains("OFFICIAL"), "\(artifactText.prefix(400))")
        #expect(!taggedText.contains("Page 1 of") && !taggedText.contains("OFFICIAL"), "\(taggedText.prefix(400))")
        let firstAction = try #require(report.groups.first?.actions.first)
        #expect(taggedText.contains(String(firstAction.title.prefix(20))), "\(taggedText.prefix(400))")
        #expect(!artifactText.contains(String(firstAction.title.prefix(20))))
    }

    @Test(.requires(.chromium, .pikepdf)) func theSamePaperPrintsToTheSameBytes() throws {
        _ = try ExternalProgram.pikepdf.path()
        let report = try report
        let first = try report.pdf(programs: ExternalPrograms())
        let second = try report.pdf(programs: ExternalPrograms())
        #expect(first == second, "\(first.count) and \(second.count) bytes")
    }

    /// Chromium names structure elements after its node numbers, which differ from run to run
    /// on a busy machine; the finished PDF must not depend on them.
    @Test(.requires(.chromium, .pikepdf)) func chromiumsNodeNumbersDoNotReachTheFinishedPDF() throws {
        _ = try ExternalProgram.pikepdf.path()
        let report = try report
        let python = try #require(ExternalPrograms().findPDFFinisher())
        let printed = try report.pdf(programs: ExternalPrograms(python: "/bin/false"))  // Chromium's own
        // The same PDF as another run might name its elements: "node9000…" for "node0000…", lengths kept.
        let renamed = printed.replacing(Data("(node0000".utf8), with: Data("(node9000".utf8))
        #expect(renamed != printed, "the printed PDF names its structure elements")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-renamed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try report.finishPDF(printed, python: python, in: folder, programs: ExternalPrograms())
        let second = try report.finishPDF(renamed, python: python, in: folder, programs: ExternalPrograms())
        #expect(first == second)
    }

    @Test(.requires(.chromium, .pdfua)) func pdfuaFindsNothingInTheFinishedPaper() throws {
        let file = try printed(try report)
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try ExternalProgram.pdfua.path()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "pdfua", "check", file.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let said = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(said)")
    }

    @Test(.requires(.chromium)) func withoutPikepdfThePaperIsStillPrintedAndExportWarns() throws {
        let programs = ExternalPrograms(python: "/bin/false")
        let warning = try #require(programs.pdfFinishingWarning())
        #expect(warning.hasPrefix("warning: ") && warning.contains("pip install pikepdf"))
        let pdf = try (try report).pdf(programs: programs)
        #expect(pdf.starts(with: Data("%PDF".utf8)))
        #expect(pdf.range(of: Data("pdfuaid".utf8)) == nil)
    }
}
