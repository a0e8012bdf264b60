import Foundation
import PlanModel
import PlanReports
import PlanStore
import Testing
import TestSupport

private let now = Timestamp(iso: "2026-11-22T10:00:00Z")!
private let hillingdon = repositoryFolder.appendingPathComponent("plans/hillingdon-serious-violence-2024-27.json").path

/// A return printed as LibreOffice prints it: every word of every cell on the page (rows tall
/// enough for their wrapped text and line breaks), no two words on top of each other, and the
/// instructions on a portrait A4 page across its width.
@Suite struct PrintableReturnTests {
    /// A word pdftotext found, and where.
    struct Word {
        var text: String
        var page: Int
        var box: (x0: Double, y0: Double, x1: Double, y1: Double)
    }

    @Test(.requires(.soffice, .pdftotext)) func everyWordOfAReturnIsPrintedAndNoneOverlap() throws {
        let soffice = try ExternalProgram.soffice.path(), pdftotext = try ExternalProgram.pdftotext.path()
        var plan = try PlanFile.load(hillingdon)
        let update = "Plan drafted with the joint problem-solving group; for sign-off at the December Partnership.\n"
            + "- knife arches at two stations\n- weapons sweeps in three parks every month, reported to the board\n"
            + "1. Schools protocol agreed with every secondary school in the borough, including the academies that joined late"
        try plan.recordUpdate(actionID: "SEC-03", status: .amber, commentary: update, quarter: plan.reportingQuarter(on: now.day),
                              context: EditContext(by: "Met Police", now: now))
        var options = ReportOptions(now: now)
        options.owner = "mps"
        let report = Report(plan: plan, options: options)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-return-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try report.xlsx().write(to: folder.appendingPathComponent("mps.xlsx"))
        let profile = "-env:UserInstallation=file://\(folder.path)/profile"
        _ = try output(of: soffice, [profile, "--headless", "--convert-to", "pdf", "--outdir", folder.path, folder.appendingPathComponent("mps.xlsx").path])
        let (words, pages) = try Self.words(try output(of: pdftotext, ["-bbox", folder.appendingPathComponent("mps.pdf").path, "-"]))

        // Every word the return holds is printed (a row too short clips its cell's later lines).
        let rows = report.groups.flatMap(\.actions)
        let texts = rows.flatMap { [$0.title, $0.partners, $0.commentary, $0.outcomeMeasure] }
            + ["4. Do not change the Ref column (it is locked): it matches your return to the plan. Other columns are for reference."]
            + report.ragDefinitions.map(\.meaning)
        var printed = Dictionary(words.map { ($0.text, 1) }, uniquingKeysWith: +)
        for word in texts.flatMap({ $0.split(whereSeparator: \.isWhitespace).map(String.init) }) {
            #expect(printed[word, default: 0] > 0, "\"\(word)\" is not printed")
            printed[word, default: 0] -= 1
        }
        // No word is printed over another.
        for page in 1...pages {
            let onPage = words.filter { $0.page == page }
            for i in onPage.indices {
                for j in onPage.indices where j > i {
                    let a = onPage[i].box, b = onPage[j].box
                    let across = min(a.x1, b.x1) - max(a.x0, b.x0), down = min(a.y1, b.y1) - max(a.y0, b.y0)
                    #expect(across <= 0.5 || down <= 1, "page \(page): \"\(onPage[i].text)\" overlaps \"\(onPage[j].text)\"")
                }
            }
        }
        // The instructions read across a portrait page: their longest step is on at most two lines.
        let step = words.filter { $0.page == 1 && ["4.", "reference."].contains($0.text) }
        #expect(step.count == 2 && step[1].box.y0 - step[0].box.y0 < 30, "\(step.map(\.box))")
    }

    /// The words of `pdftotext -bbox` output, and the number of pages.
    static func words(_ html: String) throws -> ([Word], Int) {
        var words: [Word] = [], page = 0
        for line in html.split(separator: "\n") {
            if line.contains("<page ") { page += 1; continue }
            guard line.contains("<word "), let open = line.firstIndex(of: ">"), let close = line.range(of: "</word>") else { continue }
            func number(_ name: String) -> Double {
                guard let start = line.range(of: "\(name)=\"") else { return .nan }
                return Double(line[start.upperBound...].prefix { $0 != "\"" }) ?? .nan
            }
            let text = String(line[line.index(after: open)..<close.lowerBound])
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
            words.append(Word(text: text, page: page, box: (number("xMin"), number("yMin"), number("xMax"), number("yMax"))))
        }
        return (words, page)
    }
}
