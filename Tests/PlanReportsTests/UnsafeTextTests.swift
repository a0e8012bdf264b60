@testable import PlanReports
import Testing

/// Plan text that would turn live in a spreadsheet or terminal once it leaves dplan (the red-team
/// findings of issue #24).
@Suite struct UnsafeTextTests {
    /// The formula guard runs on the text as written out, after control characters are gone.
    @Test(arguments: ["\u{07}=HYPERLINK(\"http://x\",\"y\")", "\u{1B}[0m=1+1", "\u{0}+SUM(A1)", "\t=1", "\r\n-1+2", "  @cmd", "\u{9B}31m=2"])
    func aFormulaBehindControlCharactersIsDefused(_ cell: String) {
        let out = defuse(cell)
        #expect(out.hasPrefix("'"), "\(out.debugDescription)")
        let csv = String(decoding: try! writeCSV([[cell]], excel: false), as: UTF8.self)
        #expect(csv.hasPrefix("'") || csv.hasPrefix("\"'"), "\(csv.debugDescription)")
    }

    @Test func plainTextIsLeftAlone() {
        #expect(defuse("Agree a plan - by March") == "Agree a plan - by March")
        #expect(defuse("") == "")
    }
}
