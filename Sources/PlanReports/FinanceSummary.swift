import Foundation  // Decimal
import PlanModel

extension Report {
    /// Money allocated from one source, or to one prevention group, in pounds as text.
    public struct FinanceLine: Codable, Equatable, Sendable {
        public var name: String
        /// The amount in each of `FinanceSummary.years` ("" when none), and over them all.
        public var amounts: [String]
        public var total: String
        /// How much of the total is labour and non-labour, where the lines gave the split ("" when none).
        public var labour, nonLabour: String
    }

    /// The finance summary: the money the plan's funding lines allocate (the plan's own and the
    /// included actions'), by source and by prevention group across the financial years, with
    /// totals. The plan records allocations only, not spending.
    public struct FinanceSummary: Codable, Equatable, Sendable {
        /// The financial years with money, oldest first; "Year not given" last for the single funding
        /// amount of older files, which names no year.
        public var years: [String]
        /// Largest first; the plan's own lines are "Whole plan" in `byGroup`.
        public var bySource, byGroup: [FinanceLine]
        public var total: FinanceLine
        /// Whether any line gave its labour and non-labour split (the tables then show it).
        public var hasSplit: Bool
    }

    /// The finance summary of the plan's lines and those of `actions`; nil when there is no money.
    static func financeSummary(_ plan: Plan, actions: [Action]) -> FinanceSummary? {
        var entries: [FinanceEntry] = plan.fundingLines.map { FinanceEntry(line: $0, group: "Whole plan") }
        for action in actions {
            let group = action.preventionGroup.map { plan.name(of: $0) } ?? action.group
            entries += action.fundingLines.map { FinanceEntry(line: $0, group: group) }
            if let old = action.funding, let amount = old.amount {
                entries.append(FinanceEntry(source: old.source, group: group, year: nil, amount: amount, labour: nil, nonLabour: nil))
            }
        }
        guard !entries.isEmpty else { return nil }
        let years = Set(entries.map(\.year)).sorted { ($0?.startYear ?? Int.max) < ($1?.startYear ?? Int.max) }
        func lines(by name: (FinanceEntry) -> String, order: [String]) -> [FinanceLine] {
            let named = Dictionary(grouping: entries, by: name)
            let keys = order.isEmpty ? named.keys.sorted { (-sum(named[$0]!), $0) < (-sum(named[$1]!), $1) } : order.filter { named[$0] != nil }
            return keys.map { financeLine($0, named[$0]!, years: years) }
        }
        let groupOrder = ["Whole plan"] + plan.orderedGroups.map { plan.name(of: $0) }
            + Set(entries.map(\.group)).subtracting(["Whole plan"] + plan.orderedGroups.map { plan.name(of: $0) }).sorted()
        return FinanceSummary(years: years.map { $0?.description ?? "Year not given" }, bySource: lines(by: \.source, order: []),
                              byGroup: lines(by: \.group, order: groupOrder), total: financeLine("Total", entries, years: years),
                              hasSplit: entries.contains { $0.labour != nil || $0.nonLabour != nil })
    }
}

/// One amount of money for the finance summary: where it comes from, which group it is for and when.
private struct FinanceEntry {
    var source, group: String
    var year: FinancialYear?
    var amount: Decimal
    var labour, nonLabour: Decimal?

    init(source: String, group: String, year: FinancialYear?, amount: Decimal, labour: Decimal?, nonLabour: Decimal?) {
        (self.source, self.group, self.year, self.amount, self.labour, self.nonLabour) = (source, group, year, amount, labour, nonLabour)
    }

    init(line: FundingLine, group: String) {
        self.init(source: line.source, group: group, year: line.year, amount: line.amount, labour: line.labour, nonLabour: line.nonLabour)
    }
}

private func sum(_ entries: [FinanceEntry]) -> Decimal { entries.reduce(0) { $0 + $1.amount } }

/// The line for `entries`: its amount in each of `years`, the total and the split where given.
private func financeLine(_ name: String, _ entries: [FinanceEntry], years: [FinancialYear?]) -> Report.FinanceLine {
    let amounts = years.map { year in
        let inYear = entries.filter { $0.year == year }
        return inYear.isEmpty ? "" : pounds(sum(inYear))
    }
    let labour = entries.compactMap(\.labour), nonLabour = entries.compactMap(\.nonLabour)
    return Report.FinanceLine(name: name, amounts: amounts, total: pounds(sum(entries)),
                              labour: labour.isEmpty ? "" : pounds(labour.reduce(0, +)),
                              nonLabour: nonLabour.isEmpty ? "" : pounds(nonLabour.reduce(0, +)))
}

extension Report {
    /// The Markdown finance summary: by source and by prevention group, a column per year; none
    /// when the plan has no money recorded.
    func financeMarkdown() -> [String] {
        guard let finance else { return [] }
        var out = ["## Finance summary", "", "_Money allocated by the plan's funding lines, by financial year._", ""]
        for (heading, lines) in [("Source", finance.bySource), ("Prevention group", finance.byGroup)] {
            let split = finance.hasSplit ? ["Labour", "Non-labour"] : []
            out.append("| " + ([heading] + finance.years + ["Total"] + split).joined(separator: " | ") + " |")
            out.append("|---|" + Array(repeating: "--:", count: finance.years.count + 1 + split.count).joined(separator: "|") + "|")
            for (line, isTotal) in lines.map({ ($0, false) }) + [(finance.total, true)] {
                let name = isTotal ? "**Total**" : md(line.name)
                let cells = [name] + line.amounts + [line.total] + (finance.hasSplit ? [line.labour, line.nonLabour] : [])
                out.append("| " + cells.joined(separator: " | ") + " |")
            }
            out.append("")
        }
        return out
    }

    /// The HTML finance summary, tables like the others (repeated headers, row headers).
    func financeHTML() -> String {
        guard let finance else { return "" }
        var out = "<section id=\"funding\">\n<h2>Finance summary</h2>\n<p class=\"aim\">Money allocated by the plan's funding lines, by financial year.</p>\n"
        for (heading, lines) in [("Source", finance.bySource), ("Prevention group", finance.byGroup)] {
            let split = finance.hasSplit ? ["Labour", "Non-labour"] : []
            var table = "<table class=\"funding\">\(caption("Money allocated by \(heading.lowercased()) and year"))\n<thead><tr><th scope=\"col\">\(heading)</th>"
            table += (finance.years + ["Total"] + split).map { "<th class=\"n\" scope=\"col\">\(h($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for (line, isTotal) in lines.map({ ($0, false) }) + [(finance.total, true)] {
                let cells = line.amounts + [line.total] + (finance.hasSplit ? [line.labour, line.nonLabour] : [])
                table += "<tr\(isTotal ? " class=\"total\"" : "")><th scope=\"row\">\(h(line.name))</th>"
                table += cells.map { "<td class=\"n\">\(h($0))</td>" }.joined() + "</tr>\n"
            }
            out += scrolling("Money by \(heading.lowercased()) table", table + "</tbody>\n</table>\n")
        }
        return out + "</section>\n"
    }
}
