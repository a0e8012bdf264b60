import PlanApp
import Foundation
import PlanModel
import PlanReports
import PlanStore
@testable import PlanTUI
import Testing

/// The portfolio screen: one line per plan; Enter asks to open the one under the cursor.
@Suite struct PortfolioScreenTests {
    static func entries() throws -> ([PortfolioEntry], [String]) {
        let folder = repositoryRoot.appendingPathComponent("plans")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
            .map { folder.appendingPathComponent($0).path }
        let plans = LabelledPlan.labelled(try files.map { ($0, try PlanFile.load($0)) })
        return (plans.portfolio(on: fixedNow.day), files)
    }

    @Test func listsEachPlanAndOpensTheOneChosen() throws {
        let (entries, paths) = try Self.entries()
        var state = PortfolioState(entries: entries, paths: paths, size: (160, 30))
        let text = renderPortfolio(state).plainText
        for entry in entries {
            #expect(text.contains(entry.label))
            #expect(text.contains(entry.title))
        }
        #expect(text.contains("Owes updates"))
        #expect(state.update(.key(.down)) == nil)
        #expect(state.update(.key(.enter)) == .open(path: paths[1]))
        #expect(state.update(.key(.character("z"))) == nil)
        #expect(state.message?.isError == true)
        #expect(state.update(.openFailed(.refused("locked by Jo\nsecond line\nthird line not shown"))) == nil)
        #expect(renderPortfolio(state).plainText.contains("locked by Jo second line"))
        #expect(!renderPortfolio(state).plainText.contains("third line"))
        // Read again after an edit: the cursor stays on the same plan.
        _ = state.update(.reloaded(Array(entries.reversed()), paths: Array(paths.reversed())))
        #expect(state.paths[state.selection] == paths[1])
        #expect(state.update(.key(.character("q"))) == .quit)
        _ = state.update(.resized(width: 30, height: 10))
        #expect(renderPortfolio(state).plainText.contains("too small"))
    }
}
