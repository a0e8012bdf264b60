/// What a public output may show. One rule for every export format and the front end's export.
extension Action {
    /// Commentary this action's owner marked not for publication: the current commentary while
    /// `commentaryRestricted` is set, and the text of every review marked `restricted`, trimmed.
    public var restrictedTexts: Set<String> {
        var texts = Set(reviews.lazy.filter { $0.restricted == true }.map { $0.commentary.trimmingSpaces() })
        if commentaryRestricted == true { texts.insert(commentary.trimmingSpaces()) }
        texts.remove("")
        return texts
    }

    /// Whether the reasons written about this action — the board's reasons for its views and
    /// the reasons its due date moved — must be left out of a public output: they answer or
    /// repeat its commentary, so an action with restricted commentary (now, or in any review)
    /// keeps them in as its ask is kept in.
    public var withholdsReasons: Bool {
        commentaryRestricted == true || reviews.contains { $0.restricted == true }
    }

    /// Whether `text`, stored anywhere on this action, must be left out of a public output:
    /// restricting a commentary restricts those words wherever they appear (the current
    /// commentary and every review holding them).
    public func isWithheld(_ text: String) -> Bool {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty, commentaryRestricted == true || reviews.contains(where: { $0.restricted == true }) else {
            return false
        }
        return restrictedTexts.contains(trimmed)
    }
}
