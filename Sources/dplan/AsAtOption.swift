import ArgumentParser
import PlanApp
import PlanModel

/// `--as-at DATE` on `show`, `list` and `export`: the plan as it stood at the end of that day.
struct AsAtOption: ParsableArguments {
    @Option(name: .customLong("as-at"),
            help: "The plan as it stood at the end of this day (YYYY-MM-DD, UTC), from the states dplan keeps; refused when that cannot be known exactly.")
    var asAt: Day?

    /// `plan` and the time to show it at: as it is now, or as it stood at the end of `--as-at`
    /// (now, for today). Refuses a day in the future, a day before the plan's first recorded
    /// change, and a day whose state cannot be known exactly (`Plan.asAt(_:)`).
    func apply(to plan: Plan, file: String, now: Timestamp) throws(DplanError) -> (plan: Plan, now: Timestamp) {
        guard let asAt else { return (plan, now) }
        guard asAt <= now.day else { throw .usage("--as-at \(asAt) is in the future (today is \(now.day))") }
        let moment = min(Timestamp(day: asAt, hour: 23, minute: 59, second: 59), now)
        switch plan.asAt(moment) {
        case .known(let past): return (past, moment)
        case .beforePlan(let first):
            throw .refused("\(file): --as-at \(asAt) is before the plan existed (its first recorded change is at \(first))")
        case .unknown(let words): throw .refused("\(file): --as-at \(asAt): \(words)")
        }
    }
}
