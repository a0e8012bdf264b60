/// The delivery status of an action: not started, red, amber, green or complete.
///
/// Every status has a one-letter code (N/R/A/G/C) so that it never depends on colour alone.
public enum Status: String, CaseIterable, Codable, Sendable, Comparable {
    case notStarted = "not-started"
    case red
    case amber
    case green
    case complete

    /// One-letter code shown beside (or instead of) the colour.
    public var letter: Character {
        switch self {
        case .notStarted: "N"
        case .red: "R"
        case .amber: "A"
        case .green: "G"
        case .complete: "C"
        }
    }

    /// Word for the status, e.g. "Amber".
    public var label: String {
        switch self {
        case .notStarted: "Not started"
        case .red: "Red"
        case .amber: "Amber"
        case .green: "Green"
        case .complete: "Complete"
        }
    }

    /// Position on the scale used for trends: red is worst, complete is best. "Not started" sits
    /// between amber and green: it is not yet a problem, but it is not on track either.
    public var rank: Int {
        switch self {
        case .red: 0
        case .amber: 1
        case .notStarted: 2
        case .green: 3
        case .complete: 4
        }
    }

    /// Parses a status word, raw value or letter, ignoring case: "amber", "A", "not started".
    public init?(word: String) {
        let key = word.trimmingSpaces().lowercased().split(separator: " ").joined(separator: "-")
        if let status = Status(rawValue: key) {
            self = status
        } else if let status = Status.allCases.first(where: { String($0.letter).lowercased() == key }) {
            self = status
        } else {
            return nil
        }
    }

    /// The order boards read statuses in: problems first.
    public static let boardOrder: [Status] = [.red, .amber, .green, .complete, .notStarted]

    public static func < (lhs: Status, rhs: Status) -> Bool { lhs.rank < rhs.rank }

    /// What a status looks like in a plan file, for error messages.
    public static let expectedFormat = "one of \(Status.allCases.map(\.rawValue).joined(separator: ", "))"

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let status = Status(rawValue: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription:
                "expected \(Status.expectedFormat), found \"\(text)\"")
        }
        self = status
    }
}
