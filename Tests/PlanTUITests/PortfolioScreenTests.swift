import PlanApp
import Foundation
import PlanModel
import PlanReports
import PlanStore
@testable import PlanTUI
import TestSupport
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
            #expect(text.contains(String(entry.title.prefix(40))) && text.contains(entry.partnership))
        }
        #expect(!text.contains(paths[0]), "paths only where titles clash")
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

    @Test func theTotalsRowAddsUpThePlansShown() throws {
        let (entries, paths) = try Self.entries()
        var state = PortfolioState(entries: entries, paths: paths, size: (160, 30))
        let total = try #require(renderPortfolio(state).plainText.split(separator: "\n").first { $0.contains("Total (") })
        #expect(total.contains("Total (5 plans)"), "\(total)")
        let reds = entries.map { $0.byStatus[.red, default: 0] }.reduce(0, +)
        let overdue = entries.map(\.overdue).reduce(0, +)
        #expect(total.contains(" \(reds) ") && total.contains(" \(overdue) "), "\(total)")
        _ = state.update(.key(.character("f")))  // plans with reds
        let shown = entries.filter { $0.byStatus[.red, default: 0] > 0 }
        #expect(state.visible.count == shown.count && shown.count < entries.count)
        let filtered = renderPortfolio(state).plainText
        #expect(filtered.contains("Total (\(shown.count) plans)") && filtered.contains("\(shown.count) shown (plans with red actions)"))
        for entry in entries where !shown.contains(where: { $0.label == entry.label }) { #expect(!filtered.contains(String(entry.title.prefix(40)))) }
    }

    @Test func sortingByRedsOverdueNoUpdateAndTitleKeepsTheCursorOnItsPlan() throws {
        let (entries, paths) = try Self.entries()
        var state = PortfolioState(entries: entries, paths: paths, size: (160, 30))
        _ = state.update(.key(.down))
        let chosen = paths[1]
        for expected in [PortfolioSort.reds, .overdue, .noUpdate, .name, .listed] {
            _ = state.update(.key(.character("s")))
            #expect(state.sort == expected)
            let order = state.visible.map { entries[$0] }
            switch expected {
            case .reds: #expect(order.map { $0.byStatus[.red, default: 0] } == order.map { $0.byStatus[.red, default: 0] }.sorted(by: >))
            case .overdue: #expect(order.map(\.overdue) == order.map(\.overdue).sorted(by: >))
            case .noUpdate: #expect(order.map(\.stale) == order.map(\.stale).sorted(by: >))
            case .name: #expect(order.map { $0.title.lowercased() } == order.map { $0.title.lowercased() }.sorted())
            case .listed: #expect(state.visible == Array(entries.indices))
            }
            #expect(state.update(.key(.enter)) == .open(path: chosen), "\(expected)")
        }
    }

    @Test func theMeasuresViewComparesEachPlansLatestFigureAndRate() throws {
        let (entries, paths) = try Self.entries()
        var state = PortfolioState(entries: entries, paths: paths, size: (160, 30))
        _ = state.update(.key(.character("i")))
        let text = renderPortfolio(state).plainText
        #expect(text.contains("Knife admissions <25") && text.contains("Homicides <25"))
        let hf = try #require(entries.first { $0.label.hasPrefix("hammersmith") })
        let figure = try #require(hf.measures[.hospitalKnifeU25])
        #expect(text.contains("\(figure.text)p · Q2 24/25 · \(String(format: "%.1f", figure.rate!))"), "\(text)")
        let da = try #require(entries.first { $0.label.hasPrefix("hillingdon-domestic") })
        #expect(da.measures.isEmpty)
        _ = state.update(.key(.character("i")))
        #expect(renderPortfolio(state).plainText.contains("Owes updates"))
    }

    @Test func pathsShowOnlyWhereTitlesClash() throws {
        var (entries, paths) = try Self.entries()
        entries[1].title = entries[0].title
        let text = renderPortfolio(PortfolioState(entries: entries, paths: paths, size: (200, 30))).plainText
        #expect(text.contains(paths[0]) && text.contains(paths[1]) && !text.contains(paths[2]))
    }

    @Test func theCursorStaysInViewInALongPortfolio() throws {
        let (entries, _) = try Self.entries()
        let many = Array(repeating: entries, count: 8).flatMap { $0 }.enumerated().map { i, entry -> PortfolioEntry in
            var copy = entry
            copy.title = "Borough \(i + 1)"
            return copy
        }
        var state = PortfolioState(entries: many, paths: many.indices.map { "p\($0).json" }, size: (160, 24))
        for _ in 0..<39 { _ = state.update(.key(.down)) }
        let text = renderPortfolio(state).plainText
        #expect(text.contains("Borough 40") && !text.contains("Borough 1 "))
        #expect(state.update(.key(.enter)) == .open(path: "p39.json"))
    }
}
