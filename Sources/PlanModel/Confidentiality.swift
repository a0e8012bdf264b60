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

extension Plan {
    /// This plan — a past state: a closed quarter's copy, the plan as at a day — with every
    /// restriction `current` holds: words restricted since are withheld from a public paper of
    /// that past too (restricting restricts those words wherever they are stored), an action
    /// whose commentary is restricted now is restricted then, and so is an indicator. Nothing
    /// else of the past changes, so the board's own paper stays as it was.
    public func keepingRestrictions(of current: Plan) -> Plan {
        var past = self
        let actions = Dictionary(current.actions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for index in past.actions.indices {
            guard let now = actions[past.actions[index].id] else { continue }
            let texts = now.restrictedTexts
            if now.commentaryRestricted == true || texts.contains(past.actions[index].commentary.trimmingSpaces()) {
                past.actions[index].commentaryRestricted = true
            }
            for review in past.actions[index].reviews.indices where texts.contains(past.actions[index].reviews[review].commentary.trimmingSpaces()) {
                past.actions[index].reviews[review].restricted = true
            }
        }
        let restrictedIndicators = Set(current.indicators.filter { $0.restricted == true }.map(\.id))
        for index in past.indicators.indices where restrictedIndicators.contains(past.indicators[index].id) {
            past.indicators[index].restricted = true
        }
        return past
    }
}
