import ArgumentParser
import Foundation
import PlanApp
import PlanModel
import PlanStore

/// `dplan generate`: a deterministic synthetic plan for benchmarks and load testing.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a synthetic plan (deterministic for a seed) for benchmarks.",
        discussion: "Texts are assembled from phrases of the seed strategies; every action has a review for every quarter.",
        shouldDisplay: false)

    @Option(help: "Number of actions.") var actions: Int = 200
    @Option(help: "Quarters of review history, starting 2024/25 Q1.") var quarters: Int = 12
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Number of outcome indicators.") var indicators: Int = 0
    @Option(help: "Quarters of values per indicator, starting 2024/25 Q1 (the plan period covers them).") var indicatorQuarters: Int = 40
    @Option(help: "Make it one borough's plan of a portfolio: its own id, title, partnership and population, and the first three indicators carry the national measures (under 25).")
    var borough: String?
    @Option(name: .shortAndLong, help: "Output file (must not exist).") var output: String

    func validate() throws {
        guard actions > 0, actions <= 1_000_000 else { throw ValidationError("--actions must be 1 to 1,000,000") }
        guard quarters > 0, quarters <= 40 else { throw ValidationError("--quarters must be 1 to 40") }
        guard (0...1000).contains(indicators) else { throw ValidationError("--indicators must be 0 to 1,000") }
        guard (1...80).contains(indicatorQuarters) else { throw ValidationError("--indicator-quarters must be 1 to 80") }
    }

    func run() throws {
        var plan = SyntheticPlan(actions: actions, quarters: quarters, seed: seed, indicators: indicators,
                                 indicatorQuarters: indicatorQuarters).make()
        if let borough { plan.makeBorough(borough, seed: seed) }
        do { try PlanFile.create(plan, at: output) } catch { throw DplanError.file(error) }
        print("wrote \(output): \(actions) actions, \(quarters) quarters of reviews, \(plan.owners.count) owners"
              + (indicators > 0 ? ", \(indicators) indicators × \(indicatorQuarters) quarters of values" : ""))
    }
}

/// SplitMix64: small, fast and the same on every platform.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Builds the synthetic plan: owners, VVRAP workstreams, actions with realistic text lengths,
/// partners, due-date changes and a status random walk over the quarters.
struct SyntheticPlan {
    let actions: Int
    let quarters: Int
    let seed: UInt64
    var indicators = 0
    var indicatorQuarters = 40

    static let agencies = ["Metropolitan Police Service", "Youth Justice Service", "Public Health", "Children's Services",
                           "Probation Service", "Community Safety Team", "Integrated Care Board", "Fire and Rescue Service",
                           "Housing Service", "Education Inclusion Service", "Domestic Abuse Advocacy Service", "Safer Neighbourhood Board"]
    static let areas = ["North", "South", "East", "West", "Central", "Hayes", "Uxbridge", "Nuneaton", "Atherstone", "Coleshill"]
    static let verbs = ["Establish", "Deliver", "Review", "Commission", "Embed", "Extend", "Agree", "Map", "Train", "Evaluate"]
    static let objects = ["a knife crime reduction plan", "violence prevention programmes in schools", "a hospital youth worker offer",
                          "the contextual safeguarding project", "perpetrator programmes for all risk levels",
                          "a multi-agency VAWG reduction plan", "a community violence navigators programme",
                          "problem solving for higher-risk locations", "mentoring for young people at risk",
                          "the serious violence needs assessment", "bystander training for the night-time economy",
                          "a rehousing pathway for families at risk"]
    static let sentences = ["Partners met in the quarter and agreed next steps.", "Data sharing agreement still awaited from one partner.",
                            "Funding confirmed for the next financial year.", "Recruitment to the lead post is under way.",
                            "Delivery is on track against the milestones agreed by the board.",
                            "Two schools withdrew because of timetable pressure.", "Evaluation report due next quarter.",
                            "Escalated to the chair because the due date will be missed.", "Referrals have increased since launch.",
                            "Capital bid unsuccessful; alternatives being explored."]
    static let themes = [("governance", "Governance"), ("analysis-enforcement", "Analysis and enforcement"),
                         ("weapons", "Reducing access to weapons"), ("safeguarding-young-people", "Safeguarding and educating young people"),
                         ("communities", "Communities and neighbourhoods"), ("victims", "Supporting victims"),
                         ("diversion", "Positive diversion"), ("vawg", "Violence against women and girls")]

    func make() -> Plan {
        var rng = SeededRandom(state: seed)
        let start = Day(iso: "2024-04-01")!
        var quarterList: [Quarter] = [Quarter.containing(start, fyStartMonth: 4)]
        while quarterList.count < quarters { quarterList.append(quarterList.last!.next) }
        let valueQuarters = indicators > 0 ? indicatorQuarters : 0
        let end = max(quarterList.last!.next.lastDay(fyStartMonth: 4), start.firstOfMonth(adding: 36).adding(days: -1),
                      start.firstOfMonth(adding: 3 * valueQuarters).adding(days: -1))
        let ownerCount = min(400, max(12, actions / 25))
        let owners = (0..<ownerCount).map { i in
            Owner(id: "owner-\(i + 1)", name: "\(Self.agencies[i % Self.agencies.count]) \(Self.areas[(i / Self.agencies.count) % Self.areas.count])\(i >= 120 ? " \(i / 120 + 1)" : "")",
                  role: i % 3 == 0 ? "Lead officer" : nil)
        }
        var plan = Plan(id: "synthetic-\(actions)", title: "Synthetic delivery plan (\(actions) actions)",
                        partnership: "Synthetic Community Safety Partnership", period: Period(start: start, end: end),
                        description: "Generated by dplan generate --actions \(actions) --quarters \(quarters) --seed \(seed) for benchmarks; not a real plan.",
                        owners: owners, workstreams: Self.themes.map { Workstream(id: $0.0, name: $0.1) })
        plan.quarters = quarterList.map { QuarterRecord(quarter: $0, state: .closed, closedOn: Timestamp(day: $0.lastDay(fyStartMonth: 4).adding(days: 14), hour: 16),
                                                        closedBy: "Community Safety Team", board: plan.partnership) }
        var counters: [PreventionGroup: Int] = [:]
        for i in 0..<actions {
            let group = PreventionGroup.allCases[Int(rng.next() % 4)]
            counters[group, default: 0] += 1
            let title = "\(Self.verbs.randomElement(using: &rng)!) \(Self.objects.randomElement(using: &rng)!) in \(Self.areas.randomElement(using: &rng)!)"
            let owner = owners[i % ownerCount].id
            let partners = (0..<Int(rng.next() % 3)).map { _ in owners.randomElement(using: &rng)!.id }.filter { $0 != owner }
            let due = start.adding(days: 180 + Int(rng.next() % 900))
            var status = Status.allCases.randomElement(using: &rng)!
            var reviews: [Review] = []
            for quarter in quarterList {
                if rng.next() % 4 == 0 { status = Status.allCases.randomElement(using: &rng)! }
                let text = (0...Int(rng.next() % 3)).map { _ in Self.sentences.randomElement(using: &rng)! }.joined(separator: " ")
                reviews.append(Review(quarter: quarter, status: status, commentary: text, by: "Community Safety Team",
                                      on: Timestamp(day: quarter.lastDay(fyStartMonth: 4).adding(days: 7), hour: 10), owner: owner))
            }
            var action = Action(id: "\(group.idPrefix)-\(String(format: "%05d", counters[group]!))", group: group, title: title,
                                owner: owner, status: status, workstreams: [Self.themes.randomElement(using: &rng)!.0],
                                description: Self.sentences.randomElement(using: &rng)! + " " + Self.sentences.randomElement(using: &rng)!,
                                partners: Array(Set(partners)).sorted(), start: start, due: due,
                                commentary: reviews.last?.commentary ?? "", outcomeMeasure: "Reported quarterly to the board.",
                                created: Timestamp(day: start, hour: 9), updated: reviews.last?.on, updatedBy: "Community Safety Team",
                                reviews: reviews)
            if rng.next() % 10 == 0 {
                let moved = due.adding(days: 90)
                action.dueDateChanges = [DueDateChange(from: due, to: moved, reason: "Delivery partner needed more time.",
                                                       by: "Community Safety Team", on: Timestamp(day: start.adding(days: 200), hour: 12))]
                action.due = moved
            }
            plan.actions.append(action)
        }
        plan.indicators = (0..<indicators).map { i in
            var indicator = Indicator(id: "indicator-\(i + 1)", name: "Synthetic indicator \(i + 1): \(Self.objects[i % Self.objects.count])",
                                      unit: i % 4 == 3 ? "%" : "count", better: i % 5 == 4 ? .higher : .lower,
                                      description: "Generated for benchmarks; not real figures.", source: "Synthetic",
                                      owner: owners[i % ownerCount].id, baseline: Baseline(value: 40, period: "2023/24"),
                                      target: Target(value: 35, by: plan.lastQuarter), tolerance: 10,
                                      suppressBelow: i % 3 == 0 ? 5 : nil)
            var quarter = Quarter.containing(start, fyStartMonth: 4)
            var level = 30 + Int(rng.next() % 20)
            for _ in 0..<valueQuarters {
                level = max(0, level + Int(rng.next() % 11) - 5)
                indicator.values.append(IndicatorValue(quarter: quarter, value: Decimal(level), note: rng.next() % 4 == 0 ? Self.sentences[i % Self.sentences.count] : "",
                                                       by: "Community Safety Team", on: Timestamp(day: quarter.lastDay(fyStartMonth: 4).adding(days: 21), hour: 9)))
                quarter = quarter.next
            }
            return indicator
        }
        return plan
    }
}

extension Plan {
    /// One borough's synthetic plan in a portfolio: an id, title and partnership of its own, a
    /// population of 150,000 to 349,000 (from the seed), and the national measures on the first
    /// three indicators (counts, lower better, as `SyntheticPlan` makes them).
    mutating func makeBorough(_ name: String, seed: UInt64) {
        let slug = name.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: "-")
        id = "synthetic-\(slug)"
        title = "\(name) delivery plan (synthetic, \(actions.count) actions)"
        partnership = "\(name) Community Safety Partnership"
        population = 150_000 + Int(seed % 200) * 1_000
        for (i, measure) in zip(indicators.indices, [NationalMeasure.hospitalKnifeU25, .policeKnifeU25, .homicideU25]) {
            indicators[i].measure = measure
        }
    }
}
