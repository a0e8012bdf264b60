import Foundation
import TerminalText
import TestSupport
import Testing

/// Text in the scripts a partnership's residents write is measured as the terminal draws it:
/// dplan's layout (`displayWidth`) agrees with where tmux leaves the cursor after printing it,
/// and a Punjabi search no longer pushes the hint row and the filter label a cell out of line.
@Suite(.serialized, .requires(.tmux)) struct TmuxScriptWidthTests {
    /// Gurmukhi, Devanagari, Tamil, Gujarati, Bengali with their spacing vowel signs and viramas,
    /// Arabic script, Hangul syllables and conjoining jamo, CJK, Greek, combining accents.
    static let samples = [
        "ਪੰਜਾਬੀ ਭਾਈਚਾਰਾ", "ਜਾ", "क्ष", "हिन्दी समुदाय", "தமிழ்", "ગુજરાતી", "বাংলা", "اردو زبان", "한국어",
        "\u{1100}\u{1161}\u{11A8}", "東京都", "Ελληνικά", "cafe\u{301}", "Zo\u{308}e",
    ]

    @Test(arguments: samples)
    func dplanMeasuresTextWhereTheTerminalLeavesTheCursor(_ text: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("width-\(UUID().uuidString)").path
        try Data((text + "|").utf8).write(to: URL(fileURLWithPath: file))
        defer { unlink(file) }
        let session = try TmuxSession(command: "env LANG=C.UTF-8 cat '\(file)'; sleep 60", width: 80, height: 5)
        try session.waitFor("|")
        let cursor = try session.tmux(["display-message", "-p", "-t", session.name, "#{cursor_x}"])
        #expect(Int(cursor.trimmingCharacters(in: .whitespacesAndNewlines)) == displayWidth(text) + 1, "\(text)")
    }

    @Test func aPunjabiSearchKeepsTheHintRowAndFilterLabelWhole() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let session = try TmuxSession(dplan: path, width: 100, height: 30)
        try session.waitFor("Prevention group")
        try session.press("Enter", until: "▾ Whole system approach")
        try session.press("/", until: "Search:")
        try session.type("ਪੰਜਾਬੀ")
        let typing = try session.waitFor("Search: ਪੰਜਾਬੀ")
        #expect(typing.contains("\n Enter confirm  Esc cancel"), "\(typing)")
        let found = try session.press("Enter", until: "No action matches")
        #expect(found.contains("Filter: “ਪੰਜਾਬੀ”  (F clears)"), "\(found)")
        try session.quitCleanly()
    }
}
