import Foundation
import PlanModel
@testable import PlanReports
import PlanStore
import Testing
import TestSupport

/// A printed paper warns when its text uses a writing system no installed font covers (Punjabi
/// commentary printed as empty boxes, issue #24).
@Suite struct FontCoverageTests {
    @Test func theWritingSystemsWithoutAFontAreNamed() {
        let text = "Youth panel: ਪੰਜਾਬੀ ਵਿੱਚ ਟਿੱਪਣੀ; résumé — “quotes”; اردو"
        #expect(writingSystemsWithoutFont(in: text) { _ in false } == ["Arabic (Urdu, Arabic)", "Gurmukhi (Punjabi)"])
        #expect(writingSystemsWithoutFont(in: text) { $0 != 0x0A15 } == ["Gurmukhi (Punjabi)"])
        #expect(writingSystemsWithoutFont(in: text) { _ in true } == [])
        #expect(writingSystemsWithoutFont(in: "Plain English, £5, 31 Mar 2027") { _ in false } == [])
    }

    /// A font with a system's sample letter is not enough: one with 一 (U+4E00) alone, as Noto
    /// Traditional Nushu has, printed 東京 as empty boxes with no warning.
    @Test func theLettersTheTextUsesAreAskedAboutNotOnlyTheSample() {
        let hasOnlyTheSample: (UInt32) -> Bool = { $0 < 0x4E00 || $0 == 0x4E00 }
        #expect(writingSystemsWithoutFont(in: "Visit to 東京", hasFont: hasOnlyTheSample) == ["Chinese and Japanese"])
        #expect(writingSystemsWithoutFont(in: "Visit to 一", hasFont: hasOnlyTheSample) == [])
    }

    @Test func aPaperWithPunjabiWarnsWhenNoFontHasIt() throws {
        var plan = try PlanFile.load(repositoryFolder.appendingPathComponent("plans/hillingdon-serious-violence-2024-27.json").path)
        let report = Report(plan: plan, options: ReportOptions(now: Timestamp(iso: "2026-11-22T10:00:00Z")!))
        #expect(report.missingFontWarning { _ in false } == nil)
        plan.actions[0].title += " (ਪੰਜਾਬੀ)"
        let punjabi = Report(plan: plan, options: ReportOptions(now: Timestamp(iso: "2026-11-22T10:00:00Z")!))
        let warning = try #require(punjabi.missingFontWarning { _ in false })
        #expect(warning.contains("Gurmukhi (Punjabi)") && warning.contains("fonts-noto-core"), "\(warning)")
        #expect(punjabi.missingFontWarning { _ in true } == nil)
    }

    /// fontconfig answers for real: Latin letters have a font wherever Chromium prints.
    @Test(.requires(.fcList)) func fontconfigKnowsLatin() throws {
        _ = try ExternalProgram.fcList.path()
        #expect(fontconfigHasFont(0x41))
    }
}
