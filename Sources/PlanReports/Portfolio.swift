import Foundation  // Decimal
import PlanModel

/// A plan among several (a community safety team's serious violence, domestic abuse and VAWG
/// plans; a Violence Reduction Unit's borough plans), with the label its rows carry.
public struct LabelledPlan: Sendable {
    public var label: String
    public var plan: Plan
    /// The file it was read from, when it was read from one.
    public var file: String?

    public init(label: String, plan: Plan, file: String? = nil) {
        self.label = label
        self.plan = plan
        self.file = file
    }

    /// Labels for plans read from `files`: each plan's id, or its file name where two plans
    /// share an id.
    public static func labelled(_ plans: [(file: String, plan: Plan)]) -> [LabelledPlan] {
        var seen: [String: Int] = [:]
        for (_, plan) in plans { seen[plan.id, default: 0] += 1 }
        return plans.map { file, plan in
            LabelledPlan(label: seen[plan.id] == 1 && !plan.id.isBlank ? plan.id : file, plan: plan, file: file)
        }
    }
}

/// One plan's line in a portfolio: what the portfolio screen and `dplan FOLDER` show.
public struct PortfolioEntry: Equatable, Sendable {
    public var label: String
    public var title: String
    public var partnership: String
    /// The quarter being edited.
    public var quarter: Quarter
    public var total: Int
    public var byStatus: [Status: Int]
    public var overdue: Int
    /// Actions with no update this quarter.
    public var stale: Int
    /// Owners who still owe updates this quarter, by name, with how many (most first).
    public var owesUpdates: [OwedUpdates]
    /// Merge conflicts nobody has resolved yet.
    public var conflicts: Int
    /// The plan's latest figure for each national measure it reports (`Indicator.measure`).
    public var measures: [NationalMeasure: LatestMeasure] = [:]
}

/// A plan's latest figure for a national measure, as the portfolio screen compares them.
public struct LatestMeasure: Equatable, Sendable {
    public var quarter: Quarter
    public var value: Decimal
    /// "6", "1,095": as the indicator formats it.
    public var text: String
    public var provisional: Bool
    /// Per 100,000 population, when the plan records its population.
    public var rate: Double?
}

/// An owner who still owes updates in one plan, by name, and for how many actions.
public struct OwedUpdates: Equatable, Sendable {
    public var owner: String
    public var actions: Int
}

/// Everything one owner still owes across plans: their name (owners are matched across plans by
/// name, ignoring case, since each plan has its own ids) and the actions, plan by plan.
public struct OwnerChase: Sendable {
    public var owner: String
    public var contact: String?
    public var plans: [(label: String, quarter: Quarter, actions: [Action])]

    public var actionCount: Int { plans.map(\.actions.count).reduce(0, +) }
}

extension Array where Element == LabelledPlan {
    /// Each plan's counts on `today`, in the order given.
    public func portfolio(on today: Day) -> [PortfolioEntry] {
        map { entry in
            let plan = entry.plan
            let summary = plan.summary(on: today)
            let owed = plan.chaseList(for: summary.quarter)
                .map { OwedUpdates(owner: $0.owner.name, actions: $0.actions.count) }
                .sorted { ($0.actions, $1.owner) > ($1.actions, $0.owner) }
            var measures: [NationalMeasure: LatestMeasure] = [:]
            for indicator in plan.indicators {
                guard let measure = indicator.measure, let latest = indicator.facts().latest else { continue }
                measures[measure] = LatestMeasure(quarter: latest.quarter, value: latest.value, text: indicator.format(latest.value),
                                                  provisional: latest.isProvisional,
                                                  rate: plan.population.map { latest.value.double * 100_000 / Double($0) })
            }
            return PortfolioEntry(label: entry.label, title: plan.title, partnership: plan.partnership, quarter: summary.quarter,
                                  total: summary.total, byStatus: summary.byStatus, overdue: summary.overdue, stale: summary.stale,
                                  owesUpdates: owed, conflicts: plan.conflicts.count, measures: measures)
        }
    }

    /// Who owes updates on `today` across every plan: one entry per owner (by name), owners in
    /// order of first appearance, each with their actions plan by plan.
    public func chase(on today: Day) -> [OwnerChase] {
        var result: [OwnerChase] = []
        var index: [String: Int] = [:]
        for entry in self {
            // The quarter reported on; once it is closed (early, or the period's last), no update is owed to it.
            let quarter = entry.plan.reportingQuarter(on: today)
            guard !entry.plan.isClosed(quarter) else { continue }
            for (owner, actions) in entry.plan.chaseList(for: quarter) {
                let key = owner.name.trimmingSpaces().lowercased()
                if let i = index[key] {
                    result[i].plans.append((entry.label, quarter, actions))
                    if result[i].contact == nil { result[i].contact = owner.contact }
                } else {
                    index[key] = result.count
                    result.append(OwnerChase(owner: owner.name, contact: owner.contact, plans: [(entry.label, quarter, actions)]))
                }
            }
        }
        return result
    }
}
