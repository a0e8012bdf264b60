import PlanModel

extension Report.ActionRow {
    /// "G Green, Metropolitan Police, 3 Jan 2027": the lead's status with who and when (names
    /// left out of a public report).
    var leadCredit: String { credit(leadLetter, leadStatusLabel, leadBy, leadOn) }

    /// "A Amber, Jo Bloggs, 20 Jan 2027": the board's status with who and when.
    var boardCredit: String { credit(boardLetter, boardStatusLabel, boardBy, boardOn) }

    private func credit(_ letter: String, _ label: String, _ by: String, _ on: String) -> String {
        (["\(letter) \(label)"] + [by, on].filter { !$0.isEmpty }).joined(separator: ", ")
    }
}
