import Foundation
import PlanStore
import TestSupport
import Testing

/// `/` searches from the detail screen and from meeting mode in the real binary (issue #27):
/// a search typed there never becomes edits (`n` once set the action on screen to Not started).
@Suite(.serialized, .requires(.tmux)) struct TmuxSearchTests {
    @Test func slashSearchesFromTheDetailScreen() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let before = try String(contentsOfFile: path, encoding: .utf8)
        let session = try TmuxSession(dplan: path, width: 120, height: 36)
        try session.waitFor("Prevention group")
        try session.press("Enter", until: "▾ Whole system approach")
        try session.keys("Down")
        try session.press("Enter", until: "Review history")
        try session.press("/", until: "Search:")
        try session.type("knives")
        let found = try session.press("Enter", until: "Search kept")
        #expect(found.contains("SEC-04") && !found.contains("Review history"), "\(found)")
        #expect(!found.contains("[+] unsaved"), "\(found)")
        try session.quitCleanly()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == before)
    }

    @Test func slashFindsAnActionInMeetingMode() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let before = try String(contentsOfFile: path, encoding: .utf8)
        let session = try TmuxSession(dplan: path, width: 120, height: 36)
        try session.waitFor("Prevention group")
        try session.press("Enter", until: "▾ Whole system approach")
        try session.press("M", until: "action 1 of 27")
        try session.press("/", until: "Find in this meeting:")
        try session.type("IDVA")
        let found = try session.press("Enter", until: "SEC-06 matches")
        #expect(found.contains("action 20 of 27") && found.contains("Meeting"), "\(found)")
        #expect(!found.contains("[+] unsaved"), "\(found)")
        try session.press("/", until: "Find in this meeting:")
        try session.type("no such words")
        let missing = try session.press("Enter", until: "No action in this meeting matches")
        #expect(missing.contains("action 20 of 27"), "\(missing)")
        try session.quitCleanly()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == before)
    }
}
