/// The rules for how an action's status moved, written once: "what changed", board papers and
/// screens all ask these.

extension Trend {
    /// How a status moved from `before` to `now`: a status ranked higher improved (completing an
    /// action improves it), lower worsened; with nothing before, the action is `.new`.
    public init(from before: Status?, to now: Status) {
        guard let before else {
            self = .new
            return
        }
        self = now.rank > before.rank ? .improved : now.rank < before.rank ? .worsened : .same
    }
}

extension Plan {
    /// Quarters in a row an action must be red, up to the one reported on, for the board to be
    /// asked to step in ("red for two or more quarters": an escalation).
    public static let escalationQuarters = 2

    /// How many quarters in a row `action` has been red, counting back from `quarter` (its status
    /// at each quarter's end, as `status(of:in:live:)` gives it).
    public func redStreak(of action: Action, endingIn quarter: Quarter, live: Quarter) -> Int {
        redStreak(of: PastStatus(action), endingIn: quarter, live: live)
    }

    func redStreak(of action: PastStatus, endingIn quarter: Quarter, live: Quarter) -> Int {
        var streak = 0
        var quarter = quarter
        while quarter >= firstQuarter, status(of: action, in: quarter, live: live) == .red {
            streak += 1
            quarter = quarter.previous
        }
        return streak
    }

    /// Whether `action` is an escalation in `quarter`: red for `escalationQuarters` or more in a row.
    public func isEscalation(_ action: Action, in quarter: Quarter, live: Quarter) -> Bool {
        redStreak(of: action, endingIn: quarter, live: live) >= Self.escalationQuarters
    }
}
