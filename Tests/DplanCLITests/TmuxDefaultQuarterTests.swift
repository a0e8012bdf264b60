import Foundation
import TestSupport
import Testing

/// The front end's defaults after the board closes the current quarter early (issue #27): the
/// export dialog offers that quarter, not the next one that has not started, and the chase list
/// says the quarter is closed.
@Suite(.serialized) struct TmuxDefaultQuarterTests {
    @Test(.requires(.tmux))
    func theExportDialogAndChaseListStayOnAQuarterClosedEarly() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        // The pane's clock is 22 Nov 2026, in 2026/27 Q3.
        let closed = try runDplan(["review", "close", path, "2026/27 Q3"], now: "2026-11-22T10:00:00Z")
        #expect(closed.status == 0, "\(closed.stderr)")
        let session = try TmuxSession(dplan: path, width: 120, height: 36)
        try session.waitFor("Prevention group")
        let dialog = try session.press("E", until: "Export a report of")
        #expect(dialog.contains("Quarter or year  ◂▸ 2026/27 Q3 "), "\(dialog)")
        #expect(dialog.contains("hillingdon-serious-violence-2024-27-2026-27-Q3.pdf"), "\(dialog)")
        #expect(dialog.split(separator: "\n").filter { $0.contains("Quarter or year") || $0.contains("File") }.allSatisfy { !$0.contains("Q4") })
        try session.press("Escape", untilGone: "Export a report of")
        // Wait for the sentence itself: the screen's title is drawn before its body.
        try session.press("W", until: "2026/27 Q3 is closed; updates for 2026/27 Q4 start on 1 Jan 2027. No update is owed.")
        try session.press("Escape", untilGone: "Who owes an update")
        try session.quitCleanly()
    }
}
