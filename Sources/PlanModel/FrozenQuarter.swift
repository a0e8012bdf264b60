/// The plan as it stood when the board closed a quarter: what that quarter's papers (and, for a
/// year's last quarter, the year's annual report) are made from ever after, so a paper the board
/// has seen can be made again, byte for byte, whatever was edited since. Kept in the plan file
/// (`frozenQuarters`), so every clone of a shared plan carries it. Closing a quarter again after
/// a reopening replaces it; reopening drops it (the quarter's papers are live again until then).
public struct FrozenQuarter: Equatable, Sendable {
    public var quarter: Quarter
    /// When and by whom the quarter was closed: the paper's "generated on" time.
    public var closedOn: Timestamp
    public var closedBy: String
    /// The whole plan at that moment, closing included, without frozen quarters of its own or
    /// merge conflicts.
    public var plan: Plan

    public init(quarter: Quarter, closedOn: Timestamp, closedBy: String, plan: Plan) {
        self.quarter = quarter
        self.closedOn = closedOn
        self.closedBy = closedBy
        self.plan = plan
    }
}

extension Plan {
    /// The frozen state of a closed quarter, or nil when the quarter is open or was closed before
    /// dplan froze closed quarters (its papers are then made from the plan as it is).
    public func frozen(_ quarter: Quarter) -> FrozenQuarter? {
        guard isClosed(quarter) else { return nil }
        return frozenQuarters.first { $0.quarter == quarter }
    }

    /// The frozen state an annual report on `year` is made from: its last quarter in the plan
    /// period, once that is closed (the year's figures are then settled).
    public func frozen(_ year: FinancialYear) -> FrozenQuarter? {
        year.quarters.last(where: isInPeriod).flatMap(frozen)
    }

    /// Records the plan as it is now as `quarter`'s frozen state (replacing an earlier one).
    mutating func freeze(_ quarter: Quarter, context: EditContext) {
        var copy = self
        copy.frozenQuarters = []
        copy.conflicts = []
        frozenQuarters.removeAll { $0.quarter == quarter }
        frozenQuarters.append(FrozenQuarter(quarter: quarter, closedOn: context.now, closedBy: context.by, plan: copy))
        frozenQuarters.sort { $0.quarter < $1.quarter }
    }

    /// Problems with the frozen quarters: each must belong to a closed quarter, once, with that
    /// quarter's close time; its plan must be one dplan can load.
    func frozenQuarterProblems() -> [Problem] {
        var problems: [Problem] = []
        var seen = Set<Quarter>()
        for (i, frozen) in frozenQuarters.enumerated() {
            let path = "frozenQuarters[\(i)]"
            if !seen.insert(frozen.quarter).inserted {
                problems.append(Problem(path: "\(path).quarter", message: "\(frozen.quarter) is frozen twice"))
            }
            if let record = quarters.first(where: { $0.quarter == frozen.quarter && $0.state == .closed }) {
                if record.closedOn != frozen.closedOn {
                    problems.append(Problem(path: "\(path).closedOn", message: "expected \(record.closedOn?.description ?? "no time"), "
                                            + "the time \(frozen.quarter) was closed (quarters[]), found \(frozen.closedOn)"))
                }
            } else {
                problems.append(Problem(path: "\(path).quarter", message: "\(frozen.quarter) is not closed; only a closed quarter has a frozen state"))
            }
            if !frozen.plan.frozenQuarters.isEmpty {
                problems.append(Problem(path: "\(path).plan.frozenQuarters", message: "a frozen plan holds no frozen quarters of its own"))
            }
        }
        return problems
    }
}
