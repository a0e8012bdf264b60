/// A quarter of a financial year, written `2025/26 Q2`.
///
/// UK public bodies report by financial year; with the default April start, Q1 is April–June,
/// Q2 July–September, Q3 October–December and Q4 January–March. `year` is the calendar year in
/// which the financial year starts (2025 for 2025/26). Which months a quarter covers depends on
/// the plan's financial-year start month, so date arithmetic takes it as a parameter.
public struct Quarter: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Calendar year in which the financial year starts.
    public let year: Int
    /// 1 to 4.
    public let number: Int

    public init?(year: Int, number: Int) {
        guard (1...4).contains(number), (1...9998).contains(year) else { return nil }
        self.year = year
        self.number = number
    }

    /// What a quarter looks like in a plan file, for error messages.
    public static let expectedFormat = "a quarter such as \"2025/26 Q2\""

    /// Parses `2025/26 Q2` (the `Q` may be lower case; spacing around it is flexible).
    /// The second year must follow the first (`2025/27` is rejected).
    public init?(_ text: String) {
        let trimmed = text.trimmingSpaces()
        guard let slash = trimmed.firstIndex(of: "/") else { return nil }
        let first = trimmed[..<slash]
        let rest = trimmed[trimmed.index(after: slash)...]
        guard let q = rest.firstIndex(where: { $0 == "Q" || $0 == "q" }) else { return nil }
        let second = String(rest[..<q]).trimmingSpaces()
        let numberText = String(rest[rest.index(after: q)...]).trimmingSpaces()
        guard first.count == 4, second.count == 2, numberText.count == 1,
              let y = Int(first), let y2 = Int(second), let n = Int(numberText),
              (y + 1) % 100 == y2 else { return nil }
        self.init(year: y, number: n)
    }

    /// Parses the UTF-8 bytes of a quarter, reading the canonical `2025/26 Q2` without making
    /// a String; other spellings go through `init?(_:)`.
    public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.count == 10, bytes[4] == UInt8(ascii: "/"), bytes[7] == UInt8(ascii: " "), bytes[8] == UInt8(ascii: "Q"),
           let y = Day.number(bytes, 0..<4), let y2 = Day.number(bytes, 5..<7), let n = Day.number(bytes, 9..<10),
           (y + 1) % 100 == y2 {
            self.init(year: y, number: n)
        } else {
            self.init(String(decoding: bytes, as: UTF8.self))
        }
    }

    public var description: String {
        "\(pad(year, 4))/\(pad((year + 1) % 100, 2)) Q\(number)"
    }

    /// The quarter after this one.
    public var next: Quarter {
        number == 4 ? Quarter(year: year + 1, number: 1)! : Quarter(year: year, number: number + 1)!
    }

    /// The quarter before this one.
    public var previous: Quarter {
        number == 1 ? Quarter(year: year - 1, number: 4)! : Quarter(year: year, number: number - 1)!
    }

    /// The quarter that contains `day`, for a financial year starting in `fyStartMonth` (1–12).
    /// Total: a day in the first or last months of the calendar (0001-01-01, 9999-12-31), which
    /// no valid plan period holds (`Period.years`), gives the nearest quarter there is.
    public static func containing(_ day: Day, fyStartMonth: Int) -> Quarter {
        let offset = ((day.month - fyStartMonth) % 12 + 12) % 12
        let fyYear = day.month >= fyStartMonth ? day.year : day.year - 1
        return Quarter(year: min(max(fyYear, 1), 9998), number: offset / 3 + 1)!
    }

    /// First day of this quarter.
    public func firstDay(fyStartMonth: Int) -> Day {
        Day(year: year, month: fyStartMonth, day: 1)!.firstOfMonth(adding: (number - 1) * 3)
    }

    /// Last day of this quarter.
    public func lastDay(fyStartMonth: Int) -> Day {
        next.firstDay(fyStartMonth: fyStartMonth).adding(days: -1)
    }

    /// Every quarter that overlaps the days from `start` to `end`, in order.
    public static func covering(from start: Day, to end: Day, fyStartMonth: Int) -> [Quarter] {
        guard start <= end else { return [] }
        var quarters: [Quarter] = []
        var quarter = containing(start, fyStartMonth: fyStartMonth)
        let last = containing(end, fyStartMonth: fyStartMonth)
        while quarter <= last {
            quarters.append(quarter)
            quarter = quarter.next
        }
        return quarters
    }

    public static func < (lhs: Quarter, rhs: Quarter) -> Bool {
        (lhs.year, lhs.number) < (rhs.year, rhs.number)
    }
}

extension Quarter: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let quarter = Quarter(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected \(Quarter.expectedFormat), found \"\(text)\"")
        }
        self = quarter
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
