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
