
/// One kind of change between two quarters, in the order boards read them.
public enum ChangeKind: String, Codable, Sendable, CaseIterable {
    case escalate = "red-for-two-or-more-quarters"
    case newlyRed = "newly-red"
    case worsened
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
        if let review = action.review(for: quarter) { return review.status }
        if quarter == live { return action.status }
        guard quarter < live else { return nil }
        return action.status(atEndOf: quarter.lastDay(fyStartMonth: financialYearStartMonth))
    }

    /// Every action that changed between `from` and `to` (normally consecutive quarters), with
    /// what changed. `live` is the quarter being edited now.
    public func changes(from: Quarter, to: Quarter, live: Quarter) -> [ActionChange] {
        let fromEnd = from.lastDay(fyStartMonth: financialYearStartMonth)
        let toEnd = to.lastDay(fyStartMonth: financialYearStartMonth)
        var result: [ActionChange] = []
        // Each action is borrowed, not copied: at 10,000 actions the copies were most of the time.
        func examine(_ action: borrowing Action) {
            let before = status(of: action, in: from, live: live)
            let after = status(of: action, in: to, live: live)
            var kinds: [ChangeKind] = []
            var redQuarters = 0
            var quarter = to
            while quarter >= firstQuarter, status(of: action, in: quarter, live: live) == .red {
                redQuarters += 1
                quarter = quarter.previous
            }
            if let created = action.created?.day, created > fromEnd, created <= toEnd { kinds.append(.added) }
            if let after {
                if redQuarters >= 2 { kinds.append(.escalate) }
                if after == .red, let before, before != .red { kinds.append(.newlyRed) }
                if let before, after.rank < before.rank { kinds.append(.worsened) }
                if let before, after.rank > before.rank, after != .complete { kinds.append(.improved) }
                if after == .complete, before != .complete { kinds.append(.completed) }
            }
            let moves = action.dueDateChanges.filter { $0.on.day > fromEnd && $0.on.day <= toEnd }
            if !moves.isEmpty { kinds.append(.dueDateMoved) }
            let previousOwner = action.review(for: from)?.owner
            let currentOwner = action.review(for: to)?.owner ?? (to == live ? action.owner : nil)
            if let previousOwner, let currentOwner, previousOwner != currentOwner { kinds.append(.ownerChanged) }
            let entry = action.review(for: to)
            if after != .complete, entry?.noUpdateProvided == true || (entry == nil && to == live) {
                kinds.append(.noUpdate)
            }
            guard !kinds.isEmpty else { return }
            result.append(ActionChange(id: action.id, title: action.title, owner: action.owner, kinds: kinds, from: before,
                                       to: after, redQuarters: redQuarters, dueDateChanges: moves,
                                       previousOwner: kinds.contains(.ownerChanged) ? previousOwner : nil))
        }
        actions.withUnsafeBufferPointer { buffer in
            for index in buffer.indices { examine(buffer[index]) }
        }
        for removed in removedActions where removed.on.day > fromEnd && removed.on.day <= toEnd {
            result.append(ActionChange(id: removed.id, title: removed.title, owner: removed.owner, kinds: [.removed],
                                       from: removed.status, to: nil, redQuarters: 0, dueDateChanges: [], previousOwner: nil))
        }
        return result
    }

    /// Actions that owe an update for `quarter`, grouped by owner (owners in plan order).
    public func chaseList(for quarter: Quarter) -> [(owner: Owner, actions: [Action])] {
        var owed: [String: [Action]] = [:]  // one pass over the actions, not one per owner
        for index in actions.indices where actions[index].isStale(in: quarter) {  // no copy of an action that owes nothing
            owed[actions[index].owner, default: []].append(actions[index])
        }
        return owners.compactMap { owner in owed[owner.id].map { (owner, $0) } }
    }
}
