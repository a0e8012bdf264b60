import PlanModel

/// What a quarterly return pre-fills as the lead's answer for an action, and what
/// `import --update` compares a returned row with to decide whether it says anything new.
struct ReturnAnswer {
    /// The lead's own latest status: never the board's view.
    var status: Status
    /// The words the lead wrote in the return's quarter ("" when none yet).
    var commentary: String
    /// Words from an earlier quarter, shown beside the answer for reference only (never as this
    /// quarter's update): their text and the quarter they were written in (nil when unknown).
    var reference: (text: String, quarter: Quarter?)?
}

extension Plan {
    /// The lead's own latest update for `quarter` (`live` is the quarter being edited): the status
    /// in the quarter's review (the lead's, not the board's view beside it), else the status the
    /// lead last gave (the lead's in a last review the board overrode); and the words written in
    /// that quarter, with words carried from an earlier quarter kept apart as reference.
    func returnAnswer(for action: Action, in quarter: Quarter, live: Quarter) -> ReturnAnswer {
        let review = action.review(for: quarter)
        let earlier = action.reviews.last { $0.quarter < quarter }
        let status = review?.status ?? (earlier?.board != nil ? earlier?.status : nil)
            ?? self.status(of: action, in: quarter, live: live) ?? action.status
        let words = commentary(of: action, in: quarter, live: live)
        let carried = words.carriedFrom != nil || words.carriedFromUnknown
        guard review?.noUpdateProvided != true, !carried else {
            let earlierWords = action.reviews.last { $0.quarter < quarter && !$0.commentary.isBlank }
                .map { (text: $0.commentary.trimmingSpaces(), quarter: Optional($0.quarter)) }
            return ReturnAnswer(status: status, commentary: "", reference: carried ? (words.text, words.carriedFrom) : earlierWords)
        }
        return ReturnAnswer(status: status, commentary: words.text, reference: nil)
    }
}
