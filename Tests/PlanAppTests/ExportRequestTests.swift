import Foundation
import PlanModel
import PlanReports
import PlanStore
@testable import PlanApp
import TestSupport
import Testing

/// Export requests: the option rules, where an export may be written, and stopping a conversion.
@Suite struct ExportRequestTests {
    private func labelled(_ path: String) throws -> LabelledPlan {
        LabelledPlan(label: "hillingdon", plan: try PlanFile.load(path), file: path)
    }

    @Test func optionsThatDoNotGoTogetherAreUsageErrors() throws {
        var request = ExportRequest(format: .html)
        try request.validate(plans: 2)  // a portfolio paper
        request.group = "primary"
        #expect(throws: DplanError.usage("--group, --workstream, --sections, --from and --year take one plan; a portfolio paper reports each plan's own quarter")) {
            try request.validate(plans: 2)
        }
        request = ExportRequest(format: .csv)
        request.indicators = true
        #expect(throws: DplanError.usage("--template, --history and --indicators take one plan; several plans make a portfolio paper (html, pdf, docx, xlsx, markdown) or one table (csv, json)")) {
            try request.validate(plans: 2)
        }
        request = ExportRequest(format: .html)
        request.portfolioName = "VRU"
        #expect(throws: DplanError.usage("--portfolio names a portfolio paper: give several plans or a folder, and html, pdf, docx, xlsx or markdown")) {
            try request.validate(plans: 1)
        }
        request.portfolioName = nil
        request.browser = "/usr/bin/chromium"
        #expect(throws: DplanError.usage("--browser goes with --format pdf")) { try request.validate(plans: 1) }
        request = ExportRequest(format: .pdf)
        request.referenceDoc = "house-style.docx"
        #expect(throws: DplanError.usage("--reference-doc goes with --format docx")) { try request.validate(plans: 1) }
        request = ExportRequest(format: .pdf)
        request.year = FinancialYear("2025/26")
        request.quarter = Quarter("2025/26 Q1")
        #expect(throws: DplanError.usage("--year makes an annual report; give it or --quarter/--from, not both")) { try request.validate(plans: 1) }
        #expect(DplanError.usage("x").exitCode == 2)
        for format in [ReportFormat.csv, .xlsx] {
            request = ExportRequest(format: format)
            request.draft = true
            #expect(throws: DplanError.usage("--draft marks a paper (markdown, html, pdf, docx, json or --template); csv and xlsx have no cover to mark")) {
                try request.validate(plans: 1)
            }
        }
        request = ExportRequest(format: .markdown)
        request.draft = true
        try request.validate(plans: 1)
        #expect(try request.reportOptions(for: try PlanFile.load(hillingdonSample), now: fixedNow).draft)
    }

    /// The board's asks leave a public paper unless `--with-decisions`, which goes with `--public` only.
    @Test func withDecisionsGoesWithPublicAndReachesTheReport() throws {
        var request = ExportRequest(format: .markdown)
        request.withDecisions = true
        #expect(throws: DplanError.usage("--with-decisions goes with --public (other exports always carry the board's asks)")) {
            try request.validate(plans: 1)
        }
        request.isPublic = true
        try request.validate(plans: 1)
        let plan = try PlanFile.load(hillingdonSample)
        #expect(try request.reportOptions(for: plan, now: fixedNow).withDecisions)
        request.withDecisions = false
        #expect(try !request.reportOptions(for: plan, now: fixedNow).withDecisions)
    }

    @Test func aYearOrQuarterThePlanCannotReportOnIsRefused() throws {
        let plan = try PlanFile.load(hillingdonSample)
        var request = ExportRequest(format: .markdown)
        request.year = FinancialYear("2030/31")
        #expect(throws: DplanError.usage("--year: 2030/31 is outside the plan period (2024-04-01 to 2027-03-31)")) {
            try request.reportOptions(for: plan, now: fixedNow)
        }
        request = ExportRequest(format: .markdown)
        request.quarter = Quarter("2026/27 Q4")
        #expect(throws: DplanError.usage("--quarter: 2026/27 Q4 has not started yet (the current quarter is 2026/27 Q3)")) {
            try request.reportOptions(for: plan, now: fixedNow)
        }
        request.quarter = nil
        request.owner = "Nobody"
        #expect(throws: DplanError.self) { try request.reportOptions(for: plan, now: fixedNow) }
    }

    @Test func anExportIsNeverWrittenOverThePlanASpecialFileOrAnUnconfirmedFile() throws {
        let path = try copyOfHillingdon()
        let folder = (path as NSString).deletingLastPathComponent
        let plan = try labelled(path)
        let request = ExportRequest(format: .markdown)
        let planBytes = FileManager.default.contents(atPath: path)
        #expect(throws: DplanError.exportOverPlanFile(path: path)) {
            try export(plan, request, to: path, overwrite: true, now: fixedNow)
        }
        #expect(FileManager.default.contents(atPath: path) == planBytes)
        let fifo = folder + "/pipe.md"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: DplanError.notRegularFile(path: fifo, kind: "a FIFO (named pipe)")) {
            try export(plan, request, to: fifo, overwrite: true, now: fixedNow)
        }
        let existing = folder + "/paper.md"
        try Data("older paper".utf8).write(to: URL(fileURLWithPath: existing))
        #expect(throws: DplanError.wouldOverwrite(path: existing)) {
            try export(plan, request, to: existing, overwrite: false, now: fixedNow)
        }
        #expect(FileManager.default.contents(atPath: existing) == Data("older paper".utf8))
        let written = try export(plan, request, to: existing, overwrite: true, now: fixedNow)
        #expect(FileManager.default.contents(atPath: existing) == written.data)
        #expect(written.data == (try renderExport([plan], request, now: fixedNow)).data)
        #expect(String(decoding: written.data, as: UTF8.self).hasPrefix("# Hillingdon Serious Violence Delivery Plan"))
    }

    /// A "browser" that says it has started and then never finishes: cancelling stops it, and
    /// nothing is written.
    @Test func cancellingStopsTheProgramAndWritesNothing() throws {
        let path = try copyOfHillingdon()
        let folder = (path as NSString).deletingLastPathComponent
        let started = folder + "/started"
        let browser = folder + "/slow-browser"
        try writeExecutable("#!/bin/sh\ntouch '\(started)'\nexec sleep 600\n", to: browser)
        var pdf = ExportRequest(format: .pdf)
        pdf.browser = browser
        let request = pdf
        let cancellation = Cancellation()
        let plan = try labelled(path)
        let output = folder + "/paper.pdf"
        let result = Result<RenderedExport, DplanError>.Box()
        let thread = Thread {
            result.set(Result { () throws(DplanError) in try export(plan, request, to: output, overwrite: false, now: fixedNow, cancellation: cancellation) })
        }
        thread.start()
        while !FileManager.default.fileExists(atPath: started) { usleep(10_000) }  // the program is running
        cancellation.cancel()
        let outcome = result.wait()
        #expect(throws: DplanError.cancelled) { try outcome.get() }
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}

extension Result where Failure == DplanError {
    /// A result another thread fills in, waited for without a fixed sleep deciding the outcome.
    final class Box: @unchecked Sendable {
        private let condition = NSCondition()
        private var value: Result?

        func set(_ result: Result) {
            condition.lock()
            value = result
            condition.signal()
            condition.unlock()
        }

        func wait() -> Result {
            condition.lock()
            defer { condition.unlock() }
            while value == nil { condition.wait() }
            return value!
        }
    }
}
