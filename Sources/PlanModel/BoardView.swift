/// The board's view of an action for one quarter: the status it settled on when it disagreed
/// with the lead's update, why, who recorded it and when. It sits beside the lead's update in the
/// quarter's `Review` and never replaces the lead's words.
public struct BoardView: Equatable, Sendable {
    public var status: Status
    public var reason: String
    public var by: String
    public var on: Timestamp

    public init(status: Status, reason: String, by: String, on: Timestamp) {
        self.status = status
        self.reason = reason
        self.by = by
        self.on = on
    }
}

extension Review {
    /// The status the quarter settled on: the board's where it gave one, else the lead's.
    public var settledStatus: Status { board?.status ?? status }
}

extension Plan {
    /// Records the board's view of an action for the quarter being edited, or for `chosen` (a
    /// February meeting reviewing the quarter that ended in December: it must have started and
    /// not be closed): the status it settles on and why. The lead's update (status and words) stays as it was; when the lead
    /// has not updated that quarter, the review keeps the action's status as the lead's and is
    /// marked "no update provided", so the owner still owes an update. The action's status
    /// becomes the board's unless a later quarter already has an update; its commentary stays the
    /// lead's. A reason is always required.
    public mutating func recordBoardView(actionID: String, status: Status, reason: String, quarter chosen: Quarter? = nil,
                                         context: EditContext) throws {
        guard let index = actionIndex(id: actionID) else { throw PlanEditError.unknownAction(actionID) }
        let day = context.now.day
        let editing = try quarterForUpdates(on: day)
        let quarter = chosen ?? editing
        guard isInPeriod(quarter) else { throw PlanEditError.quarterOutsidePlan(quarter) }
        guard quarter <= editing else { throw PlanEditError.quarterNotStarted(quarter) }
        guard !isClosed(quarter) else { throw PlanEditError.quarterAlreadyClosed(quarter) }
        if let latest = actions[index].reviews.map(\.quarter).max(), latest > editing {
            throw PlanEditError.clockBehindLatestReview(today: day, quarter: editing, latest: latest)
        }
        let reason = reason.trimmingSpaces()
        guard !reason.isEmpty else { throw PlanEditError.boardReasonRequired }
        var action = actions[index]
        let view = BoardView(status: status, reason: reason, by: context.by, on: context.now)
        if let r = action.reviewIndex(for: quarter) {
            action.reviews[r].board = view
        } else {
            var review = Review(quarter: quarter, status: action.status, commentary: "", by: context.by, on: context.now,
                                owner: action.owner, noUpdateProvided: true)
            review.board = view
            let position = action.reviews.firstIndex { $0.quarter > quarter } ?? action.reviews.endIndex
            action.reviews.insert(review, at: position)
        }
        if !action.reviews.contains(where: { $0.quarter > quarter }) { action.status = status }
        stamp(&action, from: actions[index], context)
        actions[index] = action
    }
}
