/// The Serious Violence Duty's national success measures, which every partnership and Violence
/// Reduction Unit reports against. An indicator carrying one of these codes (`Indicator.measure`)
/// is compared with the same measure in other plans (the portfolio paper and screen), whatever
/// each plan calls it. Each measure has an all-ages code and an under-25 code (the duty's focus).
public enum NationalMeasure: String, CaseIterable, Sendable, Comparable {
    case hospitalKnife = "hospital-knife"
    case hospitalKnifeU25 = "hospital-knife-u25"
    case policeKnife = "police-knife"
    case policeKnifeU25 = "police-knife-u25"
    case homicide
    case homicideU25 = "homicide-u25"

    /// What a file or command line spells it as.
    public static let expectedFormat = allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")

    /// The measure's name as a paper prints it.
    public var name: String {
        switch self {
        case .hospitalKnife: "Hospital admissions for assault with a knife or sharp object"
        case .hospitalKnifeU25: "Hospital admissions for assault with a knife or sharp object, under 25"
        case .policeKnife: "Knife or sharp-object-enabled serious violence recorded by the police"
        case .policeKnifeU25: "Knife or sharp-object-enabled serious violence recorded by the police, under 25"
        case .homicide: "Homicides"
        case .homicideU25: "Homicides, victims under 25"
        }
    }

    /// A short name for a table heading or a screen column.
    public var shortName: String {
        switch self {
        case .hospitalKnife: "Knife admissions"
        case .hospitalKnifeU25: "Knife admissions <25"
        case .policeKnife: "Knife crime"
        case .policeKnifeU25: "Knife crime <25"
        case .homicide: "Homicides"
        case .homicideU25: "Homicides <25"
        }
    }

    /// In the order the duty lists them: admissions, police-recorded violence, homicides.
    public static func < (a: NationalMeasure, b: NationalMeasure) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

extension Plan {
    /// The indicator carrying `measure`, if any (a valid plan has at most one).
    public func indicator(for measure: NationalMeasure) -> Indicator? {
        indicators.first { $0.measure == measure }
    }

    /// The rules for national-measure codes and the population, part of `validate()`: one
    /// indicator per measure, a measure counted (rates come from the population) with lower
    /// better, and a population of at least one.
    func measureProblems() -> [Problem] {
        var problems: [Problem] = []
        if let population, population < 1 {
            problems.append(Problem(path: "population", message: "\(population) is not a population; expected a whole number of 1 or more"))
        }
        var seen: [NationalMeasure: Int] = [:]
        for (i, indicator) in indicators.enumerated() {
            guard let measure = indicator.measure else { continue }
            let path = "indicators[\(i)].measure"
            if let first = seen[measure] {
                problems.append(Problem(path: path, message: "\(measure.rawValue) is already the measure of indicators[\(first)]"))
            } else {
                seen[measure] = i
            }
            if let problem = indicator.measureProblem(measure) { problems.append(Problem(path: path, message: problem)) }
        }
        return problems
    }
}

extension Indicator {
    /// Why this indicator cannot carry `measure`: a national measure is a count with lower better.
    public func measureProblem(_ measure: NationalMeasure) -> String? {
        if !isCount { return "\(measure.rawValue) is a count of events; this indicator's unit is \"\(unit)\", expected \"count\"" }
        if better != .lower { return "\(measure.rawValue) is better lower; this indicator says higher" }
        return nil
    }
}

extension Plan {
    /// Refuses `measure` on `indicator` when another indicator reports it or the indicator is not
    /// a count with lower better.
    func checkMeasure(_ measure: NationalMeasure, for indicator: Indicator) throws(IndicatorError) {
        if let other = indicators.first(where: { $0.measure == measure && $0.id != indicator.id }) {
            throw .measureTaken(measure, by: other.id)
        }
        if let problem = indicator.measureProblem(measure) { throw .measureUnfit(problem) }
    }

    /// Marks the indicator `id` as reporting `measure` (nil: a local indicator), on its audit trail.
    public mutating func setIndicatorMeasure(id: String, measure: NationalMeasure?, context: EditContext) throws(IndicatorError) {
        guard let index = indicatorIndex(id: id) else { throw .unknownIndicator(id) }
        var indicator = indicators[index]
        guard indicator.measure != measure else { return }
        if let measure { try checkMeasure(measure, for: indicator) }
        indicator.changeLog = (indicator.changeLog ?? [])
            + [FieldChange(field: "measure", from: indicator.measure?.rawValue ?? "", to: measure?.rawValue ?? "", by: context.by, on: context.now)]
        indicator.measure = measure
        indicator.updated = context.now
        indicator.updatedBy = context.by
        indicators[index] = indicator
    }

    /// Records the population the plan covers (nil: not recorded), on the plan's audit trail.
    public mutating func setPopulation(_ population: Int?, context: EditContext) throws(PlanEditError) {
        if let population, population < 1 { throw .populationOutOfRange(population) }
        logPlanChange("population", from: self.population.map(String.init) ?? "", to: population.map(String.init) ?? "", context)
        self.population = population
    }
}
