/// An instant to the second, in UTC, written `YYYY-MM-DDTHH:MM:SSZ` (ISO 8601).
///
/// Used for "who changed what, when". Whole seconds keep files byte-stable on a round trip.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let secondsSinceEpoch: Int

    public init(secondsSinceEpoch: Int) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    /// Midnight UTC at the start of `day`, plus an optional time of day.
    public init(day: Day, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.secondsSinceEpoch = day.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// What a timestamp looks like in a plan file, for error messages.
    public static let expectedFormat = "a UTC time as YYYY-MM-DDTHH:MM:SSZ"

    /// Parses `YYYY-MM-DDTHH:MM:SSZ`; anything else returns nil.
    public init?(iso text: String) {
        var text = text
        guard let value = text.withUTF8({ Timestamp(isoUTF8: $0) }) else { return nil }
        self = value
    }

    /// Parses the UTF-8 bytes of `YYYY-MM-DDTHH:MM:SSZ`; anything else returns nil.
    public init?(isoUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
              bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z"),
              let day = Day(isoUTF8: UnsafeBufferPointer(rebasing: bytes[0..<10])),
              let h = Day.number(bytes, 11..<13), let m = Day.number(bytes, 14..<16),
              let s = Day.number(bytes, 17..<19), h < 24, m < 60, s < 60 else { return nil }
        self.init(day: day, hour: h, minute: m, second: s)
    }

    /// The UTC calendar day of this instant.
    public var day: Day {
        Day(daysSinceEpoch: Int((Double(secondsSinceEpoch) / 86_400).rounded(.down)))
    }

    public var description: String {
        let seconds = secondsSinceEpoch - day.daysSinceEpoch * 86_400
        return "\(day)T\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))Z"
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }
}

extension Timestamp: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Timestamp(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected \(Timestamp.expectedFormat), found \"\(text)\"")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
