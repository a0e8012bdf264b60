
/// One kind of change between two quarters, in the order boards read them.
public enum ChangeKind: String, Codable, Sendable, CaseIterable {
    /// Red for `Plan.escalationQuarters` or more quarters in a row.
    case escalate = "red-for-two-or-more-quarters"
    case newlyRed = "newly-red"
    /// Worse than in the quarter compared with (`Trend(from:to:)`).
    case worsened
    /// Better than in the quarter compared with, but not complete: a completion is `completed`
    /// only, so that an action is not listed twice for it.
    case improved
    case completed
    case added
    case removed
    case dueDateMoved = "due-date-moved"
    case ownerChanged = "owner-changed"
    case noUpdate = "no-update-provided"

    /// Words for reports.
    public var label: String {
        switch self {
        case .escalate: "Red for two or more quarters (escalate)"
        case .newlyRed: "Newly red"
        case .worsened: "Worsened"
        case .improved: "Improved"
        case .completed: "Completed"
        case .added: "Added"
        case .removed: "Removed"
        case .dueDateMoved: "Due date moved"
        case .ownerChanged: "Owner changed"
        case .noUpdate: "No update provided"
        }
    }
}

/// What happened to one action between two quarters.
public struct ActionChange: Equatable, Sendable {
    public var id: String
    public var title: String
    public var owner: String
    public var kinds: [ChangeKind]
    public var from: Status?
    public var to: Status?
    /// Consecutive quarters the action has been red, counting back from the later quarter.
    public var redQuarters: Int
    public var dueDateChanges: [DueDateChange]
    public var previousOwner: String?
}

extension Plan {
    /// The status an action had at the end of `quarter`: its review entry; its live status when
    /// `quarter` is the quarter being edited (`live`); else, for an earlier quarter with no entry
    /// (one never closed), its status on the quarter's last day by the audit trail. Nil for a
    /// later quarter, and for a quarter that ended before the action existed.
    public func status(of action: Action, in quarter: Quarter, live: Quarter) -> Status? {
        status(of: PastStatus(action), in: quarter, live: live)
    }

    func status(of action: PastStatus, in quarter: Quarter, live: Quarter) -> Status? {
        if let review = action.reviewIndex(for: quarter) { return action.reviews[review].settledStatus }
        if quarter == live { return action.status }
        guard quarter < live else { return nil }
        return action.status(atEndOf: quarter.lastDay(fyStartMonth: financialYearStartMonth))
    }

    /// Every action that changed between `from` and `to` (normally consecutive quarters), with
    /// what changed. `live` is the quarter being edited now.
    public func changes(from: Quarter, to: Quarter, live: Quarter) -> [ActionChange] {
        let fromEnd = from.lastDay(fyStartMonth: financialYearStartMonth)
        let toEnd = to.lastDay(fyStartMonth: financialYearStartMonth)
        let toIsOpen = to == live || !isClosed(to)  // an action with no entry then owes its update
        var result: [ActionChange] = []
        actions.withUnsafeBufferPointer { actions in
            for index in actions.indices {
                // Only the fields asked about are read out of the plan: at 10,000 actions, copying
                // each whole action was most of the time.
                let action = PastStatus(status: actions[index].status, created: actions[index].created,
                                        reviews: actions[index].reviews, changeLog: actions[index].changeLog)
                let before = status(of: action, in: from, live: live)
                let after = status(of: action, in: to, live: live)
                var kinds: [ChangeKind] = []
                let redQuarters = redStreak(of: action, endingIn: to, live: live)
                if let created = action.created?.day, created > fromEnd, created <= toEnd { kinds.append(.added) }
                if let after {
                    let trend = Trend(from: before, to: after)
                    if redQuarters >= Self.escalationQuarters { kinds.append(.escalate) }
                    if after == .red, let before, before != .red { kinds.append(.newlyRed) }
                    if trend == .worsened { kinds.append(.worsened) }
                    if trend == .improved, after != .complete { kinds.append(.improved) }  // a completion is `completed`
                    if after == .complete, before != .complete { kinds.append(.completed) }
                }
                let moves = actions[index].dueDateChanges.filter { $0.on.day > fromEnd && $0.on.day <= toEnd }
                if !moves.isEmpty { kinds.append(.dueDateMoved) }
                let previousEntry = action.reviewIndex(for: from), entry = action.reviewIndex(for: to)
                let previousOwner = previousEntry.flatMap { action.reviews[$0].owner }
                let currentOwner = entry.flatMap { action.reviews[$0].owner } ?? (to == live ? actions[index].owner : nil)
                if let previousOwner, let currentOwner, previousOwner != currentOwner { kinds.append(.ownerChanged) }
                if after != .complete, entry.map({ action.reviews[$0].noUpdateProvided == true }) ?? toIsOpen {
                    kinds.append(.noUpdate)
                }
                guard !kinds.isEmpty else { continue }
                result.append(ActionChange(id: actions[index].id, title: actions[index].title, owner: actions[index].owner,
                                           kinds: kinds, from: before, to: after, redQuarters: redQuarters, dueDateChanges: moves,
                                           previousOwner: kinds.contains(.ownerChanged) ? previousOwner : nil))
            }
        }
        for removed in removedActions where removed.on.day > fromEnd && removed.on.day <= toEnd {
            result.append(ActionChange(id: removed.id, title: removed.title, owner: removed.owner, kinds: [.removed],
                                       from: removed.status, to: nil, redQuarters: 0, dueDateChanges: [], previousOwner: nil))
        }
        return result
    }

    /// Actions that owe an update for `quarter`, grouped by owner (owners in plan order).
    public func chaseList(for quarter: Quarter) -> [(owner: Owner, actions: [Action])] {
        owedUpdates(for: quarter).map { ($0.owner, $0.actions.map { actions[$0] }) }
    }

    /// Where the actions that owe an update for `quarter` are in `actions`, grouped by owner
    /// (owners in plan order): the chase list without copying the actions.
    public func owedUpdates(for quarter: Quarter) -> [(owner: Owner, actions: [Int])] {
        var owed: [String: [Int]] = [:]  // one pass over the actions, not one per owner
        actions.withUnsafeBufferPointer { actions in
            for index in actions.indices where actions[index].isStale(in: quarter) {
                owed[actions[index].owner, default: []].append(index)
            }
        }
        return owners.compactMap { owner in owed[owner.id].map { (owner, $0) } }
    }
}
