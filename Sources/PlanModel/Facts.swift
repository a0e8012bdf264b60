/// How an action's status moved against the previous quarter.
public enum Trend: String, Sendable, CaseIterable {
    case improved
    case worsened
    case same
    /// No status recorded for the previous quarter.
    case new

    /// Compact symbol for tables: ▲ ▼ = and a dot for new.
    public var symbol: String {
        switch self {
        case .improved: "▲"
        case .worsened: "▼"
        case .same: "="
        case .new: "·"
        }
    }
}

extension Action {
    /// Past its due date and not complete.
    public func isOverdue(on today: Day) -> Bool {
        guard let due, status != .complete else { return false }
        return due < today
    }

    /// This action's review entry for a quarter, if any.
    public func review(for quarter: Quarter) -> Review? {
        reviewIndex(for: quarter).map { reviews[$0] }
    }

    /// Where this action's review entry for a quarter is in `reviews` (the last, were there
    /// two). Questions that need only a field of the entry ask this, so no entry is copied:
    /// the chase list asks it of every action in the plan.
    func reviewIndex(for quarter: Quarter) -> Int? { reviews.lastIndex { $0.quarter == quarter } }

    /// No update from the owner recorded in `quarter` (no review, or one holding only the
    /// board's view) and not complete: the owner still owes an update.
    public func isStale(in quarter: Quarter) -> Bool {
        guard status != .complete else { return false }
        guard let index = reviewIndex(for: quarter) else { return true }
        return reviews[index].noUpdateProvided == true
    }

    /// Status now (for `quarter`) against the status recorded for the quarter before.
    public func trend(in quarter: Quarter) -> Trend {
        Trend(from: review(for: quarter.previous)?.settledStatus, to: review(for: quarter)?.settledStatus ?? status)
    }
}

/// Counts of actions by status, overall and broken down by group, owner and workstream.
public struct PlanSummary: Equatable, Sendable {
    public var quarter: Quarter
    public var total = 0
    public var byStatus: [Status: Int] = [:]
    public var byGroup: [PreventionGroup: [Status: Int]] = [:]
    public var byOwner: [String: [Status: Int]] = [:]
    public var byWorkstream: [String: [Status: Int]] = [:]
    public var overdue = 0
    public var stale = 0

    /// Owner ids with at least one red action, most reds first (ties by id).
    public var ownersByReds: [(owner: String, reds: Int)] {
        byOwner.compactMap { owner, counts in
            let reds = counts[.red, default: 0]
            return reds > 0 ? (owner, reds) : nil
        }.sorted { ($0.reds, $1.owner) > ($1.reds, $0.owner) }
    }
}

extension Plan {
    /// Counts for the quarter being edited on `today`.
    public func summary(on today: Day) -> PlanSummary {
        let quarter = editingQuarter(on: today)
        var summary = PlanSummary(quarter: quarter)
        for action in actions {
            summary.total += 1
            summary.byStatus[action.status, default: 0] += 1
            if let group = action.preventionGroup { summary.byGroup[group, default: [:]][action.status, default: 0] += 1 }
            summary.byOwner[action.owner, default: [:]][action.status, default: 0] += 1
            for workstream in action.workstreams {
                summary.byWorkstream[workstream, default: [:]][action.status, default: 0] += 1
            }
            if action.isOverdue(on: today) { summary.overdue += 1 }
            if action.isStale(in: quarter) { summary.stale += 1 }
        }
        return summary
    }
}
