import Foundation  // Decimal

/// A value changed after the paper of the quarter it describes: the board saw `was` in that
/// quarter's paper; the figure is now `now`.
public struct IndicatorRevision: Equatable, Sendable {
    public var quarter: Quarter
    public var was: Decimal
    public var now: Decimal

    public init(quarter: Quarter, was: Decimal, now: Decimal) {
        self.quarter = quarter
        self.was = was
        self.now = now
    }
}

extension Plan {
    /// The values of `indicator` up to `quarter` that differ from the value the paper of the
    /// quarter they describe showed: that quarter is closed and the indicator's audit trail
    /// records a revision after its close (the first such entry's `from` is what the paper
    /// showed). A value first recorded after the close was in no paper and is not a revision.
    public func revisions(of indicator: Indicator, upTo quarter: Quarter) -> [IndicatorRevision] {
        indicator.values.filter { $0.quarter <= quarter }.compactMap { value in
            guard let closedOn = quarters.first(where: { $0.quarter == value.quarter && $0.state == .closed })?.closedOn,
                  let first = indicator.changeLog?.first(where: { $0.field == "value \(value.quarter)" && $0.on > closedOn }),
                  let was = Self.loggedValue(first.from), was != value.value else { return nil }
            return IndicatorRevision(quarter: value.quarter, was: was, now: value.value)
        }
    }

    /// The number at the start of an indicator's audit-trail text ("11 (provisional): note").
    private static func loggedValue(_ text: String) -> Decimal? {
        let number = text.prefix { !$0.isWhitespace && $0 != ":" }
        return number.isEmpty ? nil : Decimal(string: String(number), locale: Locale(identifier: "en_US_POSIX"))
    }
}
