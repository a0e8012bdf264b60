import PlanModel
import TerminalText

extension EntryList {
    /// The what-changed screen's indicator lines: figures recorded in the period that are worse
    /// than the same quarter last year or crossed their target (`I` opens the indicators).
    static func indicatorChangeItems(_ state: AppState, from: Quarter, to: Quarter) -> [Item] {
        let changes = state.plan.indicatorChanges(from: from, to: to)
        guard !changes.isEmpty else { return [] }
        var items = [Item.heading([Span("Indicators (\(changes.count))", .header), Span("  I opens the indicators", .dim)])]
        for change in changes {
            let indicator = state.plan.indicators[state.plan.indicatorIndex(id: change.id)!]
            var text = "\(change.name) — \(change.kinds.map(\.label).joined(separator: "; ")): \(change.latest.quarter) "
                + indicator.format(change.latest.value)
            if let lastYear = change.lastYear { text += " against \(indicator.format(lastYear.value)) a year before" }
            let spans = [Span("  "), Span(" \(change.previousStatus.letter) ", change.previousStatus.tone), Span(" → "),
                         Span(" \(change.status.letter) ", change.status.tone), Span("  ")]
            items.append(.text(spans, text))
        }
        items.append(.gap)
        return items
    }
}

extension IndicatorStatus {
    /// The tone an indicator status is drawn in (a dash when there is no target).
    var tone: Tone {
        switch self {
        case .green: .green
        case .amber: .amber
        case .red: .red
        case .none: .dim
        }
    }
}
