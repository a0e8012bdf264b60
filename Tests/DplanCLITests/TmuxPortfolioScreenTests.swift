import Foundation
import PlanModel
import PlanStore
import TestSupport
import Testing

/// The portfolio screen on a real terminal: titles, the totals row, sorting, a filter, the
/// national measures compared, and Enter opening the plan under the cursor.
@Suite(.serialized, .requires(.tmux)) struct TmuxPortfolioScreenTests {
    @Test func sortFilterCompareAndOpen() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-portfolio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["hammersmith-fulham-serious-violence-2024-25.json", "hillingdon-serious-violence-2024-27.json",
                     "london-vru-2019-22.json", "north-warwickshire-serious-violence-2023-27.json"] {
            try FileManager.default.copyItem(atPath: repositoryRoot.appendingPathComponent("plans/\(name)").path,
                                             toPath: folder.appendingPathComponent(name).path)
        }
        let session = try TmuxSession(dplan: folder.path, width: 160, height: 30)
        let first = try session.waitFor("portfolio of 4 plans")
        #expect(first.contains("Total (4 plans)") && first.contains("Safer Hillingdon Partnership"), "\(first)")
        #expect(!first.contains(folder.path), "paths only where titles clash")
        // Most reds first: Hillingdon (6 red) above the rest; the cursor's plan opens.
        let sorted = try session.press("s", until: "by red actions, most first")
        let hillingdon = try #require(sorted.range(of: "Hillingdon Serious Violence Delivery Plan"))
        let warwickshire = try #require(sorted.range(of: "North Warwickshire Serious Violence"))
        #expect(hillingdon.lowerBound < warwickshire.lowerBound)
        _ = try session.press("f", until: "shown (plans with red actions)")
        let measures = try session.press("i", until: "Knife admissions <25")
        #expect(measures.contains("Homicides <25") && measures.contains("per 100,000"), "\(measures)")
        _ = try session.press("i", until: "Owes updates")
        _ = try session.press("Enter", until: "Prevention group")
        _ = try session.press("q", until: "portfolio of 4 plans")
        try session.quitCleanly()
    }

    /// A plan opened from the portfolio with `--ignore-lock` says, as one opened alone does, whose
    /// lock is being ignored: before, the portfolio dropped what opening had to say.
    @Test func aPlanOpenedFromThePortfolioSaysWhoseLockIsIgnored() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-portfolio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = folder.appendingPathComponent("hillingdon.json").path
        try FileManager.default.copyItem(atPath: hillingdonPlan, toPath: plan)
        // Jo's dplan (this test process, alive) holds the lock.
        #expect(PlanLock.take(plan, user: "Jo", now: Timestamp(iso: "2026-11-22T09:00:00Z")!) == .acquired)
        let session = try TmuxSession(dplan: folder.path, options: "--ignore-lock", width: 220, height: 30)
        try session.waitFor("portfolio of 1 plan")
        let opened = try session.press("Enter", until: "editing anyway (--ignore-lock)")
        #expect(opened.contains("hillingdon.json: being edited by Jo on "), "\(opened)")
        _ = try session.press("q", until: "portfolio of 1 plan")
        try session.quitCleanly()
    }
}
