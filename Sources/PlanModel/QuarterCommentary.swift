/// The commentary a report shows for an action in a quarter, and whether it was carried forward
/// from an earlier quarter (so last quarter's words are never passed off as this quarter's).
public struct QuarterCommentary: Equatable, Sendable {
    public var text: String
    /// The quarter the text was written in when it is carried forward (nil when it was written in
    /// the quarter reported on, or when there is no text).
    public var carriedFrom: Quarter?
    /// Carried text written before the plan kept reviews, so its quarter is unknown.
    public var carriedFromUnknown: Bool

    /// Words saying where carried text comes from: "2026/27 Q2 update; none this quarter", or ""
    /// when the text is this quarter's.
    public var note: String {
        if let carriedFrom { return "\(carriedFrom) update; none this quarter" }
        return carriedFromUnknown ? "earlier update; none this quarter" : ""
    }
}

extension Plan {
    /// What a report on `quarter` shows as an action's commentary (`live` is the quarter being
    /// edited): for the live quarter the latest commentary, marked as carried when it was written
    /// in an earlier quarter; for an earlier quarter that quarter's review ("No update provided."
    /// when it closed without one), else the latest earlier review's words, marked as carried.
    public func commentary(of action: Action, in quarter: Quarter, live: Quarter) -> QuarterCommentary {
        let review = action.review(for: quarter)
        if quarter != live, review?.noUpdateProvided == true {
            return QuarterCommentary(text: "No update provided.", carriedFrom: nil, carriedFromUnknown: false)
        }
        let text: String
        if quarter == live {
            text = action.commentary.trimmingSpaces()
        } else if let written = review?.commentary.trimmingSpaces(), !written.isEmpty {
            text = written
        } else {
            text = action.reviews.last { $0.quarter < quarter && !$0.commentary.isBlank }?.commentary.trimmingSpaces() ?? ""
        }
        guard !text.isEmpty else { return QuarterCommentary(text: "", carriedFrom: nil, carriedFromUnknown: false) }
        let source = action.reviews.last { $0.quarter <= quarter && $0.commentary.trimmingSpaces() == text }
        let writtenThisQuarter = source?.quarter == quarter
            || source == nil && action.created.map { self.quarter(containing: $0.day) >= quarter } == true
        if writtenThisQuarter { return QuarterCommentary(text: text, carriedFrom: nil, carriedFromUnknown: false) }
        return QuarterCommentary(text: text, carriedFrom: source?.quarter, carriedFromUnknown: source == nil)
    }
}
