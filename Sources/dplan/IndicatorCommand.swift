import ArgumentParser
import Foundation
import PlanApp
import PlanModel
import PlanReports
import PlanStore

/// `dplan indicator add|record|list|show|import`: the performance framework's outcome indicators.
struct IndicatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicator",
        abstract: "Outcome indicators: add one, record quarterly values, list, show, import an analyst's data file, mark a national measure.",
        subcommands: [AddIndicator.self, Record.self, ListIndicators.self, ShowIndicator.self, ImportValues.self, SetMeasure.self])

    struct AddIndicator: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an outcome indicator to a plan.")

        @OptionGroup var plan: PlanFileArgument
        @Option(help: "Stable id, e.g. knife-admissions-u25.") var id: String
        @Option(help: "What is measured.") var name: String
        @Option(help: "count, \"rate per 1,000\", %, £ … (count has financial-year totals).") var unit: String
        @Option(help: "Which way is good: lower or higher.") var better: Polarity
        @Option(help: "Baseline value (with --baseline-period).") var baseline: String?
        @Option(help: "The period the baseline describes, e.g. 2024/25.") var baselinePeriod: String?
        @Option(help: "Target value (with --target-by).") var target: String?
        @Option(help: "The quarter the target is due by, e.g. \"2026/27 Q4\".") var targetBy: Quarter?
        @Option(help: "Amber band beyond the target, as a percentage of it (e.g. 10).") var tolerance: String?
        @Option(help: "Where the figures come from, e.g. \"Hospital Episode Statistics\".") var source: String = ""
        @Option(help: "Lead owner: an existing owner's id or name.") var owner: String?
        @Option(help: "Longer description (say here when figures are illustrative).") var description: String = ""
        @Option(help: "Prevention group it measures; repeat for several.") var group: [GroupArgument] = []
        @Option(help: "Workstream id; repeat for several.") var workstream: [String] = []
        @Option(help: "Action id it measures; repeat for several.") var action: [String] = []
        @Flag(help: "Leave the indicator out of public outputs.") var restricted = false
        @Option(help: "Public outputs show values from 1 to N-1 as \"fewer than N\" (e.g. 5).") var suppressBelow: Int?
        @Option(help: "The national Serious Violence Duty measure it reports: \(NationalMeasure.allCases.map(\.rawValue).joined(separator: ", ")).")
        var measure: NationalMeasure?
        @OptionGroup var author: AuthorOption

        func validate() throws {
            if (baseline == nil) != (baselinePeriod == nil) { throw ValidationError("--baseline and --baseline-period go together") }
            if (target == nil) != (targetBy == nil) { throw ValidationError("--target and --target-by go together") }
        }

        func run() throws {
            let file = self.plan.file
            var (document, plan) = try openForEditing(file)
            func number(_ text: String?, _ option: String) throws -> Decimal? {
                guard let text else { return nil }
                do { return try Indicator.number(from: text) } catch { throw DplanError.refused("\(option): \(error) (nothing was written)") }
            }
            let ownerID = try owner.map { name in
                guard let found = plan.findOwner(name) else {
                    throw DplanError.refused("--owner: no owner with id or name \"\(clean(name))\"; owners are: \(plan.owners.map(\.id).joined(separator: ", ")) (nothing was written)")
                }
                return found.id
            }
            let groups = try group.map { try $0.resolve(in: plan).rawValue }
            let indicator = Indicator(
                id: id.trimmingSpaces(), name: name.trimmingSpaces(), unit: unit.trimmingSpaces(), better: better,
                description: description.trimmingSpaces(), source: source.trimmingSpaces(), owner: ownerID,
                baseline: try number(baseline, "--baseline").map { Baseline(value: $0, period: baselinePeriod ?? "") },
                target: try number(target, "--target").map { Target(value: $0, by: targetBy!) },
                tolerance: try number(tolerance, "--tolerance"), groups: groups, workstreams: workstream, actions: action,
                restricted: restricted ? true : nil, suppressBelow: suppressBelow, measure: measure)
            do {
                try plan.addIndicator(indicator, context: EditContext(by: author.name, now: try currentTime()))
            } catch {
                throw DplanError.refused("\(file): \(error) (nothing was written)")
            }
            try save(plan, in: &document)
            print("added indicator \(clean(indicator.id)): \(clean(indicator.name))")
        }
    }

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record (or revise) an indicator's value for a quarter.")

        @OptionGroup var plan: PlanFileArgument
        @Argument(help: "The indicator id.") var indicatorID: String
        @Option(help: "The quarter the figure describes, e.g. \"2026/27 Q2\".") var quarter: Quarter
        @Option(help: "The value, e.g. 42 or 3.5.") var value: String
        @Option(help: "A note (what the figure covers, why it moved).") var note: String = ""
        @Flag(help: "The figure is provisional and may be revised.") var provisional = false
        @OptionGroup var author: AuthorOption

        func run() throws {
            let file = self.plan.file
            var (document, plan) = try openForEditing(file)
            let number: Decimal
            do { number = try Indicator.number(from: value) } catch { throw DplanError.refused("--value: \(error) (nothing was written)") }
            let before = plan
            do {
                try plan.recordIndicatorValue(id: indicatorID, quarter: quarter, value: number, note: note, provisional: provisional,
                                              context: EditContext(by: author.name, now: try currentTime()))
            } catch {
                throw DplanError.refused("\(file): \(error) (nothing was written)")
            }
            guard plan != before else { print("\(clean(indicatorID)) already has that value for \(quarter); nothing changed"); return }
            try save(plan, in: &document)
            let indicator = plan.indicators[plan.indicatorIndex(id: indicatorID)!]
            let facts = indicator.facts()
            print("recorded \(clean(indicator.id)) \(quarter): \(indicator.format(number))\(provisional ? " (provisional)" : "")"
                  + " · status \(facts.status.letter) \(facts.status.label)")
        }
    }

    struct ListIndicators: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Each indicator's latest value, against last quarter and the same quarter last year, target and status.")

        @OptionGroup var plan: PlanFileArgument

        func run() throws {
            let plan = try loadPlan(self.plan.file)
            guard !plan.indicators.isEmpty else { print("No indicators; add one with: dplan indicator add"); return }
            var rows = [["ID", "LATEST", "QUARTER", "VS LAST QUARTER", "VS LAST YEAR", "TARGET", "STATUS", "NAME"]]
            for indicator in plan.indicators {
                let facts = indicator.facts()
                rows.append([clean(indicator.id),
                              facts.latest.map { indicator.format($0.value) + ($0.isProvisional ? " (p)" : "") } ?? "-",
                              facts.latest.map { $0.quarter.description } ?? "-",
                              movementText(facts.vsPrevious, indicator), movementText(facts.vsLastYear, indicator),
                              targetText(indicator), "\(facts.status.letter) \(facts.status.label)", clean(indicator.name)])
            }
            print(table(rows, maxWidths: [7: 60]))
        }
    }

    struct ShowIndicator: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "An indicator's fields and history, with a text sparkline.")

        @OptionGroup var plan: PlanFileArgument
        @Argument(help: "The indicator id.") var indicatorID: String

        func run() throws {
            let plan = try loadPlan(self.plan.file)
            guard let index = plan.indicatorIndex(id: indicatorID) else {
                throw DplanError.refused("\(self.plan.file): no indicator with id \"\(clean(indicatorID))\"; indicators are: "
                              + plan.indicators.map { clean($0.id) }.joined(separator: ", "))
            }
            print(indicatorDetail(plan.indicators[index], in: plan))
        }
    }

    struct ImportValues: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "Record the quarterly values of an analyst's CSV file (indicator, quarter, value, note).",
            discussion: "Nothing is written unless every row is valid; every bad cell is reported with its row and column.")

        @OptionGroup var plan: PlanFileArgument
        @Argument(help: "The CSV file (UTF-8 with or without BOM, or Windows-1252).") var values: String
        @OptionGroup var author: AuthorOption

        func run() throws {
            var (document, plan) = try openForEditing(self.plan.file)
            let data: Data
            do { data = try PlanFile.read(values) } catch { throw DplanError.file(error) }
            let result: IndicatorImport.Result
            do {
                result = try IndicatorImport.run(data, into: plan, context: EditContext(by: author.name, now: try currentTime()))
            } catch let error as IndicatorImportError {
                throw DplanError.refused("\(values): \(error) (nothing was written)")
            }
            for problem in result.problems { printError("\(values): \(clean(problem.description))") }
            guard result.problems.isEmpty else {
                throw DplanError.refused("\(values): \(result.problems.count) problem\(result.problems.count == 1 ? "" : "s"); nothing was written")
            }
            guard result.plan != plan else { print("\(values): every value was already recorded; nothing changed"); return }
            plan = result.plan
            try save(plan, in: &document)
            print("recorded \(result.recorded) value\(result.recorded == 1 ? "" : "s") from \(values)")
        }
    }
}

extension Polarity: ExpressibleByArgument {}
extension NationalMeasure: ExpressibleByArgument {}

/// "▲ +3 (worse)", "▼ -12% (better)", or "-" without a comparison.
func movementText(_ movement: Movement?, _ indicator: Indicator) -> String {
    guard let movement else { return "-" }
    let percent = movement.percent.map { String(format: " %+.0f%%", $0) } ?? ""
    return "\(movement.arrow) \(indicator.formatChange(movement.change))\(percent) (\(movement.word))"
}

/// "36 by 2026/27 Q4 (±10%)", or "-".
func targetText(_ indicator: Indicator) -> String {
    guard let target = indicator.target else { return "-" }
    return "\(indicator.format(target.value)) by \(target.by)" + (indicator.tolerance.map { " (±\($0)%)" } ?? "")
}

/// The full text description of an indicator, as `dplan indicator show` prints it.
func indicatorDetail(_ indicator: Indicator, in plan: Plan) -> String {
    let facts = indicator.facts()
    var lines = ["\(clean(indicator.id))  \(clean(indicator.name))"]
    func field(_ label: String, _ value: String) { lines.append("  " + label.padding(toLength: 18, withPad: " ", startingAt: 0) + value) }
    if !indicator.description.isEmpty { field("Description", clean(indicator.description)) }
    field("Unit", clean(indicator.unit) + " · \(indicator.better.rawValue) is better")
    if !indicator.source.isEmpty { field("Source", clean(indicator.source)) }
    if let owner = indicator.owner { field("Lead", ownerName(owner, in: plan)) }
    if let baseline = indicator.baseline { field("Baseline", "\(indicator.format(baseline.value)) (\(clean(baseline.period)))") }
    field("Target", targetText(indicator))
    field("Status", "\(facts.status.letter) \(facts.status.label)")
    if let latest = facts.latest { field("Latest", "\(indicator.format(latest.value)) in \(latest.quarter)\(latest.isProvisional ? " (provisional)" : "")") }
    field("vs last quarter", movementText(facts.vsPrevious, indicator))
    field("vs last year", movementText(facts.vsLastYear, indicator))
    field("vs baseline", movementText(facts.vsBaseline, indicator))
    if let total = facts.yearTotal, let latest = facts.latest {
        field("Year total", "\(indicator.format(total)) in \(latest.quarter.description.prefix(7)) (\(facts.yearQuarters) of 4 quarters)")
    }
    let links = indicator.groups.compactMap { PreventionGroup(rawValue: $0).map { plan.name(of: $0) } }
        + indicator.workstreams.map { plan.workstreamName($0) } + indicator.actions
    if !links.isEmpty { field("Measures", links.map(clean).joined(separator: ", ")) }
    if indicator.restricted == true { field("Restricted", "left out of public outputs") }
    if let measure = indicator.measure { field("National measure", "\(measure.rawValue) (\(measure.name))") }
    if let n = indicator.suppressBelow { field("Suppression", "public outputs show 1 to \(n - 1) as \"fewer than \(n)\"") }
    if let latest = facts.latest { field("Last 8 quarters", "[\(indicator.sparkline(endingAt: latest.quarter))] to \(latest.quarter)") }
    lines.append("")
    lines.append("History (newest first)")
    if indicator.values.isEmpty { lines.append("  no values yet") }
    for value in indicator.values.reversed() {
        let note = value.note.isEmpty ? "" : "  \(clean(value.note))"
        lines.append("  \(value.quarter)  \(indicator.format(value.value).padding(toLength: 10, withPad: " ", startingAt: 0))"
                     + "\(indicator.status(of: value.value).letter)\(value.isProvisional ? "  provisional" : "")\(note) — \(clean(value.by)), \(value.on.day)")
    }
    return lines.joined(separator: "\n")
}

/// `dplan changes`' indicator lines: figures recorded in the period that are worse than the same
/// quarter last year or crossed their target.
func indicatorChangeLines(_ plan: Plan, from: Quarter?, to: Quarter?, today: Day, label: String) throws -> [String] {
    let toQuarter = to ?? plan.reportingQuarter(on: today)
    let fromQuarter = from ?? plan.comparisonQuarter(for: toQuarter)
    return plan.indicatorChanges(from: fromQuarter, to: toQuarter).map { change in
        let indicator = plan.indicators[plan.indicatorIndex(id: change.id)!]
        var detail = "\(change.latest.quarter) \(indicator.format(change.latest.value))\(change.latest.isProvisional ? " (provisional)" : "")"
        if let lastYear = change.lastYear { detail += ", \(lastYear.quarter) \(indicator.format(lastYear.value))" }
        detail += ", status \(change.previousStatus.letter) → \(change.status.letter)"
        return "  \(label)\(clean(change.id))  \(change.kinds.map(\.label).joined(separator: "; ")): \(detail)  \(clean(change.name))"
    }
}
