import Foundation
import PlanModel
@testable import PlanReports
import PlanStore
import Spreadsheet
import Testing

private let now = Timestamp(iso: "2026-11-22T10:00:00Z")!
private let plansFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("plans")

/// The serious-violence sample plans, labelled, with each one's report.
private func samples(isPublic: Bool = false, edit: (inout [LabelledPlan]) -> Void = { _ in }) throws -> PortfolioPaper {
    let names = try FileManager.default.contentsOfDirectory(atPath: plansFolder.path).filter { $0.hasSuffix(".json") }.sorted()
    var plans = LabelledPlan.labelled(try names.map { name in
        let file = plansFolder.appendingPathComponent(name).path
        return (file, try PlanFile.load(file))
    })
    edit(&plans)
    var options = ReportOptions(now: now)
    options.isPublic = isPublic
    let reports = plans.map { Report(plan: $0.plan, options: options) }
    return PortfolioPaper(name: "London VRU", plans: plans, reports: reports, lead: "metropolitan police", options: options)
}

/// The portfolio paper's figures, worked out again from each plan directly.
@Suite struct PortfolioPaperTests {
    @Test func totalsAreTheSumOfThePlansAndEachRowIsItsPlansReport() throws {
        let paper = try samples()
        #expect(paper.plans.count == 5)
        for row in paper.plans {
            let plan = try PlanFile.load(plansFolder.appendingPathComponent(row.label + ".json").path)
            let report = Report(plan: plan, options: ReportOptions(now: now))
            #expect(row.total == plan.actions.count && row.quarter == report.quarter)
            #expect(row.redTwoQuarters == plan.changes(from: Quarter(report.previousQuarter)!, to: Quarter(report.quarter)!,
                                                        live: plan.editingQuarter(on: now.day)).filter { $0.kinds.contains(.escalate) }.count,
                    "\(row.label)")
            let quarter = Quarter(report.quarter)!
            #expect(row.returnsOutstanding == (plan.isClosed(quarter) ? 0 : plan.chaseList(for: quarter).count))
        }
        #expect(paper.totals.total == paper.plans.map(\.total).reduce(0, +))
        #expect(paper.totals.overdue == paper.plans.map(\.overdue).reduce(0, +))
        for (i, status) in paper.totals.byStatus.enumerated() {
            #expect(status.count == paper.plans.map { $0.byStatus[i].count }.reduce(0, +))
        }
        #expect(paper.escalations.count == paper.totals.redTwoQuarters)
        #expect(paper.escalations.allSatisfy { $0.action.isEscalation && $0.action.isRed })
    }

    @Test func theLeadsActionsAreEveryActionWhoseOwnerNameContainsIt() throws {
        let paper = try samples()
        var expected = 0
        for row in paper.plans {
            let plan = try PlanFile.load(plansFolder.appendingPathComponent(row.label + ".json").path)
            expected += plan.actions.filter { plan.ownerName($0.owner).lowercased().contains("metropolitan police") }.count
        }
        #expect(expected > 0 && paper.leadActions.count == expected)
        #expect(paper.leadActions.allSatisfy { $0.action.owner.lowercased().contains("metropolitan police") })
        #expect(Set(paper.leadActions.map(\.plan)).count >= 2, "the lead's actions come from several plans")
    }

    @Test func measuresAreMatchedByCodeWithRatesPerHundredThousandOnOneScale() throws {
        let paper = try samples()
        #expect(paper.measures.map(\.measure) == [.hospitalKnifeU25, .policeKnifeU25, .homicideU25])
        for comparison in paper.measures {
            #expect(comparison.figures.count == 4 && comparison.usesRates)
            for figure in comparison.figures {
                let plan = try PlanFile.load(plansFolder.appendingPathComponent(figure.plan + ".json").path)
                let indicator = try #require(plan.indicator(for: comparison.measure))
                let quarter = Quarter(paper.plans.first { $0.label == figure.plan }!.quarter)!
                let latest = try #require(indicator.values.filter { $0.quarter <= quarter }.last)
                #expect(figure.quarter == latest.quarter.description && figure.number == latest.value.double)
                #expect(abs(figure.rate! - latest.value.double * 100_000 / Double(plan.population!)) < 1e-9)
            }
            // One scale per measure: every chart of it names the same top.
            let html = paper.html()
            let tops = Set(html.matches(of: #/aria-label="([^"]*), scale 0 to ([0-9.]+)/#)
                .filter { $0.output.1.hasPrefix(comparison.measure.shortName.replacingOccurrences(of: "<", with: "&lt;")) }.map { String($0.output.2) })
            #expect(tops.count == 1, "\(comparison.measure.rawValue): \(tops)")
        }
    }

    @Test func thePublicPaperAppliesEachPlansSuppressionAndLeavesRestrictedIndicatorsOut() throws {
        let paper = try samples(isPublic: true) { plans in
            let i = plans.firstIndex { $0.label == "london-vru-2019-22" }!
            plans[i].plan.indicators[plans[i].plan.indicators.firstIndex { $0.measure == .policeKnifeU25 }!].restricted = true
        }
        let homicides = try #require(paper.measures.first { $0.measure == .homicideU25 })
        let hf = try #require(homicides.figures.first { $0.plan == "hammersmith-fulham-serious-violence-2024-25" })
        #expect(hf.value == "fewer than 5" && hf.number == nil && hf.rate == nil, "\(hf)")
        #expect(!homicides.usesRates || hf.recent.allSatisfy { $0.rate == nil || $0.number != nil })
        let police = try #require(paper.measures.first { $0.measure == .policeKnifeU25 })
        #expect(!police.figures.contains { $0.plan == "london-vru-2019-22" })
        let html = paper.html()
        #expect(!html.contains(">1 (p)<") && html.contains("fewer than 5"))
        let markdown = paper.markdown()
        #expect(markdown.contains("| hammersmith-fulham-serious-violence-2024-25 | 2024/25 Q2 | fewer than 5 (p) | – |"), "\(markdown)")
    }

    @Test func everyPlanSaysWhichQuarterItReports() throws {
        let paper = try samples()
        let html = paper.html(), markdown = paper.markdown()
        for row in paper.plans {
            #expect(markdown.contains("| \(row.quarter)"), "\(row.label)")
            #expect(html.contains(row.quarter.replacingOccurrences(of: " Q", with: "&#160;Q")), "\(row.label)")
        }
        #expect(paper.quartersText.contains("2026/27 Q3 (2 plans)"))
    }

    @Test func theWorkbookHoldsThePlansEscalationsLeadAndMeasuresSheets() throws {
        let paper = try samples()
        let workbook = try Workbook.read(try paper.xlsx(), fileName: "portfolio.xlsx")
        #expect(workbook.sheets.map(\.name) == ["Plans", "Escalations", "Lead actions", "Measures"])
        let plans = workbook.sheets[0]
        #expect(plans.rows.count == paper.plans.count + 2)  // header, plans, totals
        #expect(plans.rows.last?[3 + paper.totals.byStatus.count] == .number(Double(paper.totals.total)))
        #expect(workbook.sheets[1].rows.count == paper.escalations.count + 1)
        #expect(workbook.sheets[3].rows.count == paper.measures.map(\.figures.count).reduce(0, +) + 1)
    }
}
