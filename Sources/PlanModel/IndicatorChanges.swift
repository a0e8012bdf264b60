/// What an indicator's new figures say, for "what changed": worse than the same quarter a year
/// before (violence is seasonal, so this is the comparison boards trust), and a target crossed.
public enum IndicatorChangeKind: String, Sendable, CaseIterable {
    case worseThanLastYear = "worse-than-last-year"
    /// Was at or better than its target, now is not.
    case missedTarget = "missed-target"
    /// Was worse than its target, now at or better.
    case metTarget = "met-target"

    public var label: String {
        switch self {
        case .worseThanLastYear: "Worse than the same quarter last year"
        case .missedTarget: "Crossed its target: now off target"
        case .metTarget: "Crossed its target: now on target"
        }
    }
}

/// One indicator whose figures recorded between two quarters report something a board should see.
public struct IndicatorChange: Equatable, Sendable {
    public var id: String
    public var name: String
    public var kinds: [IndicatorChangeKind]
    /// The newest value recorded in the period, and the values it was compared with.
    public var latest: IndicatorValue
    public var previous: IndicatorValue?
    public var lastYear: IndicatorValue?
    public var status: IndicatorStatus
    public var previousStatus: IndicatorStatus
}

extension Plan {
    /// Indicators with figures recorded after `from` ended and by the end of `to` whose newest
    /// value is worse than the same quarter a year before, or crossed the target against the
    /// value before it (green to amber or red, or back to green).
    public func indicatorChanges(from: Quarter, to: Quarter) -> [IndicatorChange] {
        let fromEnd = from.lastDay(fyStartMonth: financialYearStartMonth)
        let toEnd = to.lastDay(fyStartMonth: financialYearStartMonth)
        var result: [IndicatorChange] = []
        for indicator in indicators {
            var known = indicator
            known.values = indicator.values.filter { $0.on.day <= toEnd }
            let facts = known.facts()
            guard let latest = facts.latest, latest.on.day > fromEnd else { continue }
            let earlier = known.values.filter { $0.quarter < latest.quarter }.max { $0.quarter < $1.quarter }
            let status = facts.status
            let previousStatus = earlier.map { known.status(of: $0.value) } ?? .none
            var kinds: [IndicatorChangeKind] = []
            if facts.vsLastYear?.isWorse == true { kinds.append(.worseThanLastYear) }
            if previousStatus == .green, status == .amber || status == .red { kinds.append(.missedTarget) }
            if previousStatus == .amber || previousStatus == .red, status == .green { kinds.append(.metTarget) }
            guard !kinds.isEmpty else { continue }
            result.append(IndicatorChange(id: indicator.id, name: indicator.name, kinds: kinds, latest: latest, previous: earlier,
                                          lastYear: facts.lastYear, status: status, previousStatus: previousStatus))
        }
        return result
    }
}
