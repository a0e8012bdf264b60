import Foundation
import PlanApp
import PlanModel
import PlanStore
@testable import PlanTUI
import Testing

/// The front end's export dialog fills in the command line's `ExportRequest`, and the export runs
/// as an effect whose end comes back as an event while keys keep working.
@Suite struct ExportDialogTests {
    private func form(_ state: AppState) -> ExportForm? {
        if case .exportForm(let form) = state.modal { return form }
        return nil
    }

    /// In January, 2026/27 Q3 has ended and waits for its board: the dialog starts on it, with
    /// no "so far"; the running Q4 is offered too, marked "so far".
    @Test func theDialogStartsOnAnEndedQuarterAwaitingItsBoard() throws {
        var state = AppState(plan: try PlanFile.load(hillingdonPath), path: hillingdonPath, user: "Test Chair",
                             now: Timestamp(iso: "2027-01-15T10:00:00Z")!, size: (120, 36))
        state.press(.character("E"))
        let opened = try #require(form(state))
        #expect(opened.request.quarter == Quarter("2026/27 Q3"))
        #expect(opened.value(of: .period) == "2026/27 Q3")
        #expect(opened.path.hasSuffix("-2026-27-Q3.pdf"))
        #expect(opened.periods.first.map(opened.periodLabel) == "2026/27 Q4 (so far)")
        // The summary and the close are the same quarter's, not the running Q4's.
        state.press(.escape, .character("S"))
        guard case .editor(.summary(let summarised), _)? = state.modal else { Issue.record("no summary prompt"); return }
        #expect(summarised == Quarter("2026/27 Q3"))
        state.press(.escape, .character("Q"))
        guard case .editor(.closeQuarter(let closing), _)? = state.modal else { Issue.record("no close prompt"); return }
        #expect(closing == Quarter("2026/27 Q3"))
    }

    @Test func everyPaperOptionIsOfferedAndEndsUpInTheRequest() throws {
        var state = try makeState(width: 120, height: 36)
        state.press(.character("E"))
        #expect(form(state)?.request.format == .pdf)
        #expect(form(state)?.request.quarter == Quarter("2026/27 Q3"))
        state.press(.right)  // pdf → docx
        #expect(form(state)?.request.format == .docx)
        state.press(.left)
        state.press(.down, .right)  // period: 2026/27 Q2
        #expect(form(state)?.request.quarter == Quarter("2026/27 Q2"))
        state.press(.down, .character(" "))  // for the public
        #expect(form(state)?.path.hasSuffix("plans/hillingdon-serious-violence-2024-27-2026-27-Q2-public.pdf") == true)
        state.press(.down, .right)  // sections by lead owner
        state.press(.down, .enter)  // board
        #expect(state.modal.map { if case .editor(.exportField(_, .board), _) = $0 { true } else { false } } == true)
        state.type("Safer Hillingdon Partnership Board")
        state.press(.enter, .down, .enter)
        state.type("OFFICIAL-SENSITIVE")
        state.press(.enter, .down, .enter)
        state.type("2026-13-40")
        state.press(.enter)  // not a date: the prompt stays, with why
        #expect(state.message?.text == "The meeting day must be a date such as 2026-12-10")
        state.press(.control("u"))
        state.type("2026-12-10")
        state.press(.enter, .down, .enter)  // landscape
        state.press(.down, .enter)  // marked draft although 2026/27 Q2 has ended
        guard let filled = form(state) else { Issue.record("the dialog closed: \(String(describing: state.modal))"); return }
        var expected = ExportRequest(format: .pdf)
        expected.quarter = Quarter("2026/27 Q2")
        expected.isPublic = true
        expected.sectionsBy = .owner
        expected.board = "Safer Hillingdon Partnership Board"
        expected.marking = "OFFICIAL-SENSITIVE"
        expected.meeting = Day(iso: "2026-12-10")
        expected.landscape = true
        expected.draft = true
        #expect(filled.request == expected)
        #expect(render(state).plainText.contains("A4 landscape"))
        let effects = state.press(.character("x"))
        #expect(effects == [.export(expected, path: filled.path, overwrite: false)])
        #expect(state.modal == nil)
        #expect(state.exporting == RunningExport(request: expected, path: filled.path))
        #expect(render(state).plainText.contains("Exporting pdf of 2026/27 Q2 to"))
    }

    /// The audience line offers the board's paper, the public version, and the public version
    /// with the board's asks (`--public --with-decisions`), round again to the board's.
    @Test func theAudienceChoosesWhetherAPublicPaperKeepsTheBoardsAsks() throws {
        var state = try makeState(width: 120, height: 36)
        state.press(.character("E"), .down, .down)
        #expect(form(state)?.selection == .audience)
        #expect(form(state).map { [$0.request.isPublic, $0.request.withDecisions] } == [false, false])
        state.press(.right)
        #expect(form(state).map { [$0.request.isPublic, $0.request.withDecisions] } == [true, false])
        #expect(render(state).plainText.contains("no asks of the board"))
        state.press(.right)
        #expect(form(state).map { [$0.request.isPublic, $0.request.withDecisions] } == [true, true])
        #expect(render(state).plainText.contains("the public, with the board's asks"))
        #expect(form(state)?.path.hasSuffix("-public.pdf") == true)
        state.press(.right)
        #expect(form(state).map { [$0.request.isPublic, $0.request.withDecisions] } == [false, false])
        state.press(.left)  // backwards: the public version with the asks
        #expect(form(state)?.request.withDecisions == true)
    }

    @Test func anAnnualReportIsAYearNotAQuarter() throws {
        var state = try makeState()
        state.press(.character("E"), .down, .left)  // from the current quarter back round to the oldest year
        guard let filled = form(state) else { Issue.record("no dialog"); return }
        #expect(filled.request.year == FinancialYear("2024/25"))
        #expect(filled.request.quarter == nil)
        #expect(filled.path.hasSuffix("-2024-25-annual.pdf"))
    }

    @Test func aFileNameTheUserTypedIsKeptWhenTheFormatChanges() throws {
        var state = try makeState()
        state.press(.character("E"))
        for _ in 0..<10 { state.press(.down) }  // to the file line (pdf shows the browser line)
        #expect(form(state)?.selection == .file)
        state.press(.enter, .control("u"))
        state.type("/tmp/board.pdf")
        state.press(.enter)
        for _ in 0..<10 { state.press(.up) }
        state.press(.right)  // docx
        #expect(form(state)?.path == "/tmp/board.pdf")
        #expect(form(state)?.fields.contains(.browser) == false)  // the browser is for PDFs only
        // Esc in a field's prompt goes back to the dialog unchanged; Esc there cancels.
        state.press(.character("j"), .character("j"), .character("j"), .character("j"), .enter, .escape)
        #expect(form(state) != nil)
        state.press(.escape)
        #expect(state.modal == nil)
        #expect(state.message?.text == "Cancelled: nothing exported")
    }

    @Test func optionsThePlanCannotUseAreRefusedInTheDialog() throws {
        var state = try makeState()
        state.press(.character("E"))
        for _ in 0..<5 { state.press(.down) }  // marking
        state.press(.enter)
        state.type("   ")
        state.press(.enter)  // blank: no marking
        #expect(form(state)?.request.marking == nil)
        // A browser that does not exist is refused when the export runs, not before.
        #expect(state.press(.character("x")).count == 1)
    }

    @Test func aRunningExportCanBeCancelledAndKeysKeepWorking() throws {
        var state = try makeState()
        state.press(.character("E"))
        guard case .export(let request, let path, _)? = state.press(.character("x")).first else { Issue.record("no export"); return }
        // Keys still work while it runs.
        state.press(.enter)
        #expect(state.screen == .list)
        state.press(.character("E"))
        #expect(state.modal == nil)
        #expect(state.message?.text.hasSuffix("Ctrl-X cancels first") == true)
        #expect(state.press(.control("x")) == [.cancelExport])
        #expect(state.update(.exportFailed(request, path: path, .cancelled)).isEmpty)
        #expect(state.exporting == nil)
        #expect(state.message == Message(text: "Export cancelled; nothing was written", isError: true))
        #expect(state.press(.control("x")).isEmpty)
        #expect(state.message?.text == "No export is running")
    }

    @Test func anExistingFileIsReplacedOnlyWhenConfirmed() throws {
        var state = try makeState()
        let request = ExportRequest(format: .html)
        #expect(state.update(.exportFailed(request, path: "/tmp/x.html", .wouldOverwrite(path: "/tmp/x.html"))).isEmpty)
        #expect(render(state).plainText.contains("/tmp/x.html exists. y replaces it"))
        #expect(state.press(.character("n")).isEmpty)
        #expect(state.message?.text == "Kept /tmp/x.html; nothing exported")
        _ = state.update(.exportFailed(request, path: "/tmp/x.html", .wouldOverwrite(path: "/tmp/x.html")))
        #expect(state.press(.character("y")) == [.export(request, path: "/tmp/x.html", overwrite: true)])
        #expect(state.update(.exported(path: "/tmp/x.html", summary: "2026/27 Q3, 36 actions")).isEmpty)
        #expect(state.message == Message(text: "Exported 2026/27 Q3, 36 actions to /tmp/x.html", isError: false))
        #expect(state.exporting == nil)
    }
}

/// What `export` warns about on the command line reaches the front end's message row.
@Suite struct ExportWarningTests {
    @Test func aFontWarningIsShownWithTheExportsResult() throws {
        var state = try makeState()
        let warning = "warning: no installed font has Gurmukhi (Punjabi): that text will print as empty boxes"
        #expect(state.update(.exported(path: "/tmp/x.pdf", summary: "2026/27 Q3, 36 actions", warnings: [warning])).isEmpty)
        #expect(state.message == Message(text: warning + " — exported 2026/27 Q3, 36 actions to /tmp/x.pdf", isError: true))
        #expect(render(state).plainText.contains("warning: no installed font has Gurmukhi (Punjabi)"))
    }
}

/// The export dialog offers `--reference-doc` as "Word styles from", for Word only.
extension ExportDialogTests {
    @Test func aWordPaperCanTakeTheCouncilsStyles() throws {
        var state = try makeState()
        state.press(.character("E"))
        #expect(form(state)?.fields.contains(.wordStyles) == false, "not for a PDF")
        state.press(.right)  // docx
        #expect(form(state)?.request.format == .docx)
        let fields = form(state)?.fields ?? []
        #expect(fields.contains(.wordStyles) && !fields.contains(.browser))
        for _ in 0..<(fields.firstIndex(of: .wordStyles) ?? 0) { state.press(.down) }
        #expect(form(state)?.selection == .wordStyles)
        state.press(.enter)
        state.type("/tmp/house-style.docx")
        state.press(.enter)
        #expect(form(state)?.request.referenceDoc == "/tmp/house-style.docx")
        #expect(render(state).plainText.contains("Word styles from"))
        state.press(.up, .up, .up, .up, .up, .up, .up, .up, .up, .up, .right)  // on to markdown: the styles go
        #expect(form(state)?.request.format == .markdown && form(state)?.request.referenceDoc == nil)
    }
}
