/// A UK financial year, written `2025/26`: the scope of an annual progress report and the year
/// a funding line is for.
public struct FinancialYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Calendar year in which the financial year starts (2025 for 2025/26).
    public let startYear: Int

    public init(startYear: Int) {
        self.startYear = startYear
    }

    /// What a financial year looks like, for error messages.
    public static let expectedFormat = "a financial year such as \"2025/26\""

    /// Parses `2025/26` (also `2025-26`); the second year must follow the first.
    public init?(_ text: String) {
        let parts = text.trimmingSpaces().split(whereSeparator: { $0 == "/" || $0 == "-" })
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let first = Int(parts[0]), let second = Int(parts[1]), (1000...9998).contains(first), (first + 1) % 100 == second
        else { return nil }
        self.init(startYear: first)
    }

    public var description: String { "\(pad(startYear, 4))/\(pad((startYear + 1) % 100, 2))" }

    /// Its four quarters, Q1 to Q4.
    public var quarters: [Quarter] { (1...4).map { Quarter(year: startYear, number: $0)! } }

    public static func < (lhs: FinancialYear, rhs: FinancialYear) -> Bool { lhs.startYear < rhs.startYear }
}

extension Plan {
    /// The quarters of `year` an annual report covers on `day`: those in the plan period up to
    /// the quarter reported on by default (`reportingQuarter(on:)`), so the annual headline
    /// stands where the quarterly papers do.
    public func reportedQuarters(of year: FinancialYear, on day: Day) -> [Quarter] {
        let reporting = reportingQuarter(on: day)
        return year.quarters.filter { isInPeriod($0) && $0 <= reporting }
    }

    /// Why an annual report on `year` cannot be made on `day`, or nil when it can: the year must
    /// overlap the plan period and have a quarter to report on.
    public func annualReportProblem(with year: FinancialYear, on day: Day) -> String? {
        guard year.quarters.contains(where: isInPeriod) else {
            return "\(year) is outside the plan period (\(period.start) to \(period.end))"
        }
        if reportedQuarters(of: year, on: day).isEmpty {
            let reporting = reportingQuarter(on: day)
            if year.quarters[0] <= currentQuarter(on: day) {
                return "\(year) has no quarter to report on yet (the quarter reported on is \(reporting), not closed yet)"
            }
            return "\(year) has not started yet (the current quarter is \(currentQuarter(on: day)))"
        }
        return nil
    }

    /// Whether an annual report on `year` is still a draft on `day`: a quarter of the year in the
    /// plan period is still running or has not started.
    public func isRunning(_ year: FinancialYear, on day: Day) -> Bool {
        year.quarters.contains { isInPeriod($0) && isRunning($0, on: day) }
    }
}
