import Foundation
import PlanModel
import PlanStore
import Testing

/// What a save promises beyond writing the file (issue 22): the clock, permissions, special
/// files, from the command line.
@Suite struct SaveSafetyCLITests {
    /// An update made with the clock gone back before the action's latest review is refused,
    /// saying the date and that quarter, and the file is not touched.
    @Test func anUpdateWithTheClockGoneBackIsRefused() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let update = try runDplan(["set", path, "WSA-02", "--comment", "January return"], now: "2027-01-15T10:00:00Z")
        #expect(update.status == 0, "\(update.stderr)")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let back = try runDplan(["set", path, "WSA-02", "--comment", "Written with the clock gone back"], now: "2026-11-22T10:00:00Z")
        #expect(back.status == 1)
        #expect(back.stderr.contains("today is 2026-11-22 (2026/27 Q3), but this action's latest review is for 2026/27 Q4"), "\(back.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}
