import Foundation
import PlanModel
import PlanReports
import PlanStore
import Testing

/// What boards expect in the paper (issue #27): the decisions asked of them right after the
/// executive summary, who the paper is from on its cover, a finance summary, and a status history
/// that starts where the reviews do.
@Suite struct BoardPaperContentTests {
    private static let now = Timestamp(iso: "2026-11-22T10:00:00Z")!
    private let context = EditContext(by: "Officer", now: now)

    private func hillingdon() throws -> Plan {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("plans/hillingdon-serious-violence-2024-27.json").path
        return try PlanFile.load(path)
    }

    /// Hillingdon with a summary and two asks: SEC-06 (green) and PRI-06 (red, restricted commentary).
    private func planWithAsks() throws -> Plan {
        var plan = try hillingdon()
        try plan.setSummary("A steady quarter.", for: Quarter("2026/27 Q3")!, context: context)
        try plan.setDecisionNeeded(actionID: "SEC-06", "Agree the hospital IDVA's funding for 2027/28", context: context)
        try plan.setDecisionNeeded(actionID: "PRI-06", "Name the lead officer for the VAWG plan", context: context)
        try plan.editAction(id: "PRI-06", context: context) { $0.commentaryRestricted = true }
        return plan
    }

    private func report(_ plan: Plan, public isPublic: Bool = false, withDecisions: Bool = false, year: String? = nil) -> Report {
        var options = ReportOptions(now: Self.now)
        options.isPublic = isPublic
        options.withDecisions = withDecisions
        options.year = year.flatMap(FinancialYear.init)
        return Report(plan: plan, options: options)
    }

    /// Where each text first occurs in `text`, failing the test for one that is missing.
    private func positions(of parts: [String], in text: String) -> [Int] {
        parts.map { part in
            guard let range = text.range(of: part) else { Issue.record("missing: \(part)"); return -1 }
            return text.distance(from: text.startIndex, to: range.lowerBound)
        }
    }

    @Test func theDecisionsFollowTheExecutiveSummaryInEveryFormat() throws {
        let paper = report(try planWithAsks())
        #expect(paper.decisions.map(\.id) == ["PRI-06", "SEC-06"])  // red first
        #expect(paper.recommendations == ["Note progress on the plan in 2026/27 Q3 so far.",
                                          "Give the decision or help each of the 2 actions below asks for."])
        let markdown = paper.markdown()
        let order = positions(of: ["## Executive summary", "## Decisions and recommendations for the board", "1. Note progress",
                                   "| PRI-06 Agree a multi-agency", "Name the lead officer", "| SEC-06 Run weekly", "## Headline"], in: markdown)
        #expect(order == order.sorted() && !order.contains(-1))
        let html = paper.html()
        let htmlOrder = positions(of: ["<section id=\"summary\">", "<section id=\"decisions\">", "<li>Give the decision or help",
                                       "Name the lead officer", "Agree the hospital IDVA", "<section id=\"headline\">"], in: html)
        #expect(htmlOrder == htmlOrder.sorted() && !htmlOrder.contains(-1))
        // The JSON model (templates) carries the same asks.
        let json = String(decoding: try paper.rendered(as: .json), as: UTF8.self)
        #expect(json.contains("Agree the hospital IDVA's funding for 2027") && json.contains("\"decisions\""))
    }

    @Test func aPaperWithNoAsksStillRecommendsNotingProgress() throws {
        let paper = report(try hillingdon())
        #expect(paper.decisions.isEmpty && paper.recommendations == ["Note progress on the plan in 2026/27 Q3 so far."])
        #expect(paper.markdown().contains("## Decisions and recommendations for the board\n\nThe board is asked to note progress on the plan in 2026/27 Q3 so far. No action asks it for a decision or help.\n\n## Headline"))
        #expect(paper.html().contains("<h2>Decisions and recommendations for the board</h2>\n<p>The board is asked to note progress on the plan in 2026/27 Q3 so far. No action asks it for a decision or help.</p>\n</section>"))
    }

    @Test func aPublicPaperLeavesTheAsksOutUnlessTheyAreAskedFor() throws {
        let plan = try planWithAsks()
        let published = report(plan, public: true)
        #expect(!published.showsDecisions && published.decisions.isEmpty)
        for text in [published.markdown(), published.html()] {
            #expect(!text.contains("Decisions and recommendations") && !text.contains("Agree the hospital IDVA")
                    && !text.contains("Name the lead officer") && !text.contains("Decision or help needed"))
        }
        // --with-decisions keeps them, except a restricted action's (withheld like its commentary).
        let withAsks = report(plan, public: true, withDecisions: true)
        #expect(withAsks.decisions.map(\.id) == ["SEC-06"])
        for text in [withAsks.markdown(), withAsks.html()] {
            #expect(text.contains("Decisions and recommendations for the board") && text.contains("Agree the hospital IDVA")
                    && !text.contains("Name the lead officer"))
        }
        // The board's own paper has every ask.
        #expect(report(plan).decisions.count == 2)
    }

    @Test func theAnnualReportGathersTheAsksToo() throws {
        let paper = report(try planWithAsks(), year: "2025/26")
        #expect(paper.decisions.map(\.id) == ["PRI-06", "SEC-06"])
        #expect(paper.recommendations.first == "Note progress on the plan in 2025/26.")
        let markdown = paper.markdown()
        let order = positions(of: ["## Decisions and recommendations for the board", "## Headline at"], in: markdown)
        #expect(order == order.sorted() && !order.contains(-1))
    }

    @Test func theAuthorAndContactAreOnTheCoverAndOnTheRecord() throws {
        var plan = try hillingdon()
        #expect(!report(plan).markdown().contains("**Author:**"))
        plan.setPaperAuthor(author: " Jane Smith, Community Safety Manager ", contact: "community.safety@hillingdon.gov.uk, 01895 250111",
                            context: context)
        #expect(plan.author == "Jane Smith, Community Safety Manager")
        #expect(plan.changeLog?.suffix(2).map(\.field) == ["author", "contact"])
        let paper = report(plan)
        #expect(paper.markdown().contains("**Author:** Jane Smith, Community Safety Manager · **Contact:** community.safety@hillingdon.gov.uk, 01895 250111 · **Prepared:**"))
        #expect(paper.html().contains("<tr><th>Author</th><td>Jane Smith, Community Safety Manager</td></tr>\n<tr><th>Contact</th><td>community.safety@hillingdon.gov.uk, 01895 250111</td></tr>"))
        // Saved and read back; an empty text removes it.
        let read = try PlanCoding.decode(PlanCoding.encode(plan), file: "p.json")
        #expect(read.author == plan.author && read.contact == plan.contact)
        plan.setPaperAuthor(author: "", contact: nil, context: context)
        #expect(plan.author.isEmpty && !String(decoding: PlanCoding.encode(plan), as: UTF8.self).contains("\"author\" :"))
        #expect(!report(plan).html().contains("<th>Author</th>") && report(plan).html().contains("<th>Contact</th>"))
    }

    @Test func theFinanceSummaryTotalsBySourceGroupAndYear() throws {
        var plan = try hillingdon()
        let y1 = FinancialYear("2025/26")!, y2 = FinancialYear("2026/27")!
        try plan.addFundingLine(to: .plan, source: "Home Office SVD grant", year: y1, amount: 50_000, labour: 20_000, nonLabour: nil, context: context)
        try plan.addFundingLine(to: .plan, source: "Home Office SVD grant", year: y2, amount: 40_000, labour: nil, nonLabour: nil, context: context)
        try plan.addFundingLine(to: .action("PRI-02"), source: "Public health", year: y2, amount: 12_500, labour: nil, nonLabour: nil, context: context)
        try plan.addFundingLine(to: .action("TER-05"), source: "Home Office SVD grant", year: y2, amount: 7_500, labour: nil, nonLabour: nil,
                                context: context)
        // WSA-06's funding object from an older file, given an amount (it names no year).
        let wsa06 = try #require(plan.actionIndex(id: "WSA-06"))
        plan.actions[wsa06].funding?.amount = 1_000
        let paper = report(plan)
        let finance = try #require(paper.finance)
        #expect(finance.years == ["2025/26", "2026/27", "Year not given"])
        #expect(finance.bySource.map(\.name) == ["Home Office SVD grant", "Public health", "Home Office Serious Violence Duty grant (non-labour)"])
        #expect(finance.bySource.first?.amounts == ["£50,000", "£47,500", ""])
        #expect(finance.bySource.first?.total == "£97,500")
        #expect(finance.byGroup.map(\.name) == ["Whole plan", "Whole system approach", "Primary prevention", "Tertiary prevention"])
        #expect(finance.byGroup.first?.total == "£90,000" && finance.byGroup.first?.labour == "£20,000" && finance.byGroup.first?.nonLabour == "£30,000")
        #expect(finance.hasSplit)
        #expect(finance.total.amounts == ["£50,000", "£60,000", "£1,000"] && finance.total.total == "£111,000")
        let markdown = paper.markdown()
        #expect(markdown.contains("## Finance summary"))
        #expect(markdown.contains("| Source | 2025/26 | 2026/27 | Year not given | Total | Labour | Non-labour |"))
        #expect(markdown.contains("| Whole plan | £50,000 | £40,000 |  | £90,000 | £20,000 | £30,000 |"))
        #expect(markdown.contains("| **Total** | £50,000 | £60,000 | £1,000 | £111,000 | £20,000 | £30,000 |"))
        #expect(paper.html().contains("<section id=\"funding\">\n<h2>Finance summary</h2>"))
        // No money recorded (Hillingdon's own funding object has no amount): no section.
        let noMoney = report(try hillingdon())
        #expect(noMoney.finance == nil && !noMoney.markdown().contains("Finance summary"))
    }

    @Test func theStatusHistoryStartsAtTheFirstQuarterWithAReview() throws {
        let paper = report(try hillingdon())
        // Eight quarters back from 2026/27 Q3 begins at 2024/25 Q4, when no action had a review yet.
        #expect(paper.heatQuarters.first == "2025/26 Q1")
        #expect(paper.heat.allSatisfy { $0.letters.count == paper.heatQuarters.count })
        let first = paper.heatQuarters.indices.first { column in paper.heat.contains { !$0.letters[column].isEmpty } }
        #expect(first == 0)
        #expect(!paper.markdown().contains("| 2024/25 Q4 |"))
        // A plan with no reviews in the window keeps the quarter reported on, not an empty table.
        var plan = try hillingdon()
        for index in plan.actions.indices { plan.actions[index].reviews = [] }
        #expect(report(plan).heatQuarters == ["2026/27 Q3"])
        // …and says in words that there is no history, rather than print a column of dots.
        let sentence = "No action has a review recorded at the end of 2026/27 Q3 or any quarter before it."
        #expect(report(plan).markdown().contains("## Status at each quarter end\n\n" + sentence))
        #expect(!report(plan).markdown().contains("| Action | 2026/27 Q3 |"))
        #expect(report(plan).html().contains("<p>\(sentence)</p>"))
        #expect(!report(plan).html().contains("class=\"heat\""))
        #expect(!paper.markdown().contains(sentence))
    }
}
