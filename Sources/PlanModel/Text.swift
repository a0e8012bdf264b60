/// The one notion of "trimmed" and "blank" text used by editing, validation, the CLI and the
/// front end.
extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines.
    public func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let start = firstIndex(where: { !isSpace($0) }),
              let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }

    /// Empty, or only spaces, tabs and line breaks: what `trimmingSpaces()` leaves empty, checked
    /// by bytes without making a String (validation runs it on every title of a large plan).
    public var isBlank: Bool {
        utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }
}
