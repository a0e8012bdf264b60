import PlanModel

/// What a report is worked out from: the plan, the options and what they settle (the quarter
/// reported on and the one compared with, the actions included, whose names may be shown), with
/// the pieces `Report.init` assembles.
struct ReportFacts {
    let plan: Plan
    let options: ReportOptions
    let today: Day
    /// The quarter being edited on `today`.
    let live: Quarter
    /// An annual report's quarters that have started.
    let yearQuarters: [Quarter]?
    let quarter, previous: Quarter
    let quarterEnd: Day
    /// The actions reported on: those the filters choose, and for an earlier quarter only those
    /// that existed by its end.
    let included: [Action]
    /// In a public report, who made each update is left out unless names were asked for.
    let hideNames: Bool
    private let ownerNames: [String: String]

    init(plan: Plan, options: ReportOptions) {
        self.plan = plan
        self.options = options
        today = options.now.day
        live = plan.editingQuarter(on: today)
        yearQuarters = options.year.map { plan.reportedQuarters(of: $0, on: options.now.day) }
        quarter = yearQuarters?.last ?? options.quarter ?? plan.reportingQuarter(on: today)
        previous = options.from ?? plan.comparisonQuarter(for: quarter)
        quarterEnd = quarter.lastDay(fyStartMonth: plan.financialYearStartMonth)
        let criteria = ActionCriteria(group: options.group, owner: options.owner, workstream: options.workstream)
        let (today, live, quarter, quarterEnd) = (today, live, quarter, quarterEnd)
        // A report on an earlier quarter leaves out actions added after it ended.
        included = criteria.isEmpty && quarter >= live ? plan.actions  // the whole plan: shared, not copied
            : plan.actions.filter { (criteria.isEmpty || criteria.matches($0, today: today, quarter: live)) && (quarter >= live || $0.existed(by: quarterEnd)) }
        hideNames = options.isPublic && !options.withNames
        ownerNames = Dictionary(plan.owners.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    func ownerName(_ id: String) -> String { ownerNames[id] ?? id }

    /// An action's status at the end of the quarter reported on.
    func status(_ action: Action) -> Status { plan.status(of: action, in: quarter, live: live) ?? action.status }

    /// The filters applied, in words ("" when none).
    var scope: String {
        var scope: [String] = []
        if let group = options.group { scope.append(plan.name(of: group)) }
        if let owner = options.owner { scope.append("owner " + ownerName(owner)) }
        if let workstream = options.workstream { scope.append(plan.workstreamName(workstream)) }
        return scope.joined(separator: " · ")
    }

    /// A reason written about `action` (a board's view, a due move) as this report may show it.
    func reason(_ text: String, of action: Action) -> String {
        options.isPublic && action.withholdsReasons ? withheldText : text
    }

    func dueChange(_ move: DueDateChange, of action: Action) -> Report.DueChange {
        Report.DueChange(from: move.from?.description ?? "", to: move.to.description, reason: reason(move.reason, of: action),
                         by: hideNames ? "" : move.by,
                         on: move.on.day.description, fromLabel: move.from?.longLabel ?? "none", toLabel: move.to.longLabel,
                         onLabel: move.on.day.longLabel, actionID: action.id, actionTitle: action.title)
    }

    /// An action's row in the full table.
    func row(_ action: Action) -> Report.ActionRow {
        let status = status(action)
        let funding = action.funding.map { funding in
            funding.source + (funding.amount.map { " " + pounds($0) } ?? "")
        } ?? ""
        let commentary = plan.commentary(of: action, in: quarter, live: live)
        let withheld = options.isPublic && action.isWithheld(commentary.text)
        let earlier = plan.commentary(of: action, in: previous, live: live)
        let previousWithheld = options.isPublic && action.isWithheld(earlier.text)
        // A public version leaves the board's asks out unless asked, and a restricted action's always.
        let decision = options.isPublic && (!options.withDecisions || action.commentaryRestricted == true) ? "" : action.decisionNeeded ?? ""
        let trend = Trend(from: plan.status(of: action, in: previous, live: live), to: status)
        var row = Report.ActionRow(
            id: action.id, group: action.group, groupName: action.preventionGroup.map { plan.name(of: $0) } ?? action.group,
            title: action.title, owner: ownerName(action.owner), partners: action.partners.map(ownerName).joined(separator: ", "),
            due: action.due?.description ?? "", status: status.rawValue, letter: String(status.letter), statusLabel: plan.statusLabel(status),
            trend: trend.rawValue, dueLabel: action.due?.longLabel ?? "",
            workstreams: action.workstreams.map(plan.workstreamName).joined(separator: ", "),
            commentary: withheld ? "" : commentary.text, outcomeMeasure: action.outcomeMeasure,
            funding: funding, decisionNeeded: decision, hasDecision: !decision.isEmpty,
            previousCommentary: previousWithheld ? "" : earlier.text, previousWithheld: previousWithheld,
            isRed: status == .red, isAmber: status == .amber, isComplete: status == .complete,
            isEscalation: plan.isEscalation(action, in: quarter, live: live),
            improved: trend == .improved, worsened: trend == .worsened,
            commentaryNote: commentary.note, withheld: withheld, overdue: action.isOverdue(on: min(today, quarterEnd)),
            stale: status != .complete && (action.review(for: quarter).map { $0.noUpdateProvided == true } ?? !plan.isClosed(quarter)),
            dueDateChanges: action.dueDateChanges.map { dueChange($0, of: action) })
        if let review = action.review(for: quarter), let board = review.board { addVoices(&row, lead: review, board: board, of: action) }
        addReturnAnswer(&row, plan.returnAnswer(for: action, in: quarter, live: live), of: action)
        return row
    }

    /// The lead's update and the board's view, both shown where the board gave its own status.
    func addVoices(_ row: inout Report.ActionRow, lead: Review, board: BoardView, of action: Action) {
        row.leadLetter = String(lead.status.letter)
        row.leadStatusLabel = plan.statusLabel(lead.status)
        row.leadBy = hideNames || lead.noUpdateProvided == true ? "" : lead.by
        row.leadOn = lead.noUpdateProvided == true ? "" : lead.on.day.longLabel
        row.hasBoardView = true
        row.boardLetter = String(board.status.letter)
        row.boardStatusLabel = plan.statusLabel(board.status)
        row.boardReason = reason(board.reason, of: action)
        row.boardBy = hideNames ? "" : board.by
        row.boardOn = board.on.day.longLabel
    }

    /// What the quarterly return pre-fills for the action: the lead's own latest update.
    func addReturnAnswer(_ row: inout Report.ActionRow, _ answer: ReturnAnswer, of action: Action) {
        func shown(_ text: String) -> String { options.isPublic && action.isWithheld(text) ? withheldText : text }
        row.returnLetter = String(answer.status.letter)
        row.returnStatusLabel = plan.statusLabel(answer.status)
        row.returnCommentary = shown(answer.commentary)
        row.returnReference = answer.reference.map { reference in
            "\(reference.quarter.map { "\($0)" } ?? "Earlier"): \(shown(reference.text))"
        } ?? ""
    }

    /// How many of `statuses` are each status, with shares.
    func headline(_ name: String, _ statuses: [Status]) -> Report.Headline {
        var counts: [Status: Int] = [:]
        for status in statuses { counts[status, default: 0] += 1 }
        let total = statuses.count
        return Report.Headline(name: name, total: total, statuses: [Status.red, .amber, .green, .complete, .notStarted].map { status in
            let n = counts[status, default: 0]
            return Report.StatusCount(status: status.rawValue, letter: String(status.letter), label: plan.statusLabel(status), count: n,
                                      percent: total == 0 ? 0 : Int((Double(n) * 100 / Double(total)).rounded()))
        })
    }

    /// What changed since the comparison quarter among the included actions (and removed ones),
    /// in the order boards read them.
    func changes() -> [Report.Change] {
        let includedIDs = Set(included.map(\.id))
        return plan.changes(from: previous, to: quarter, live: live)
            .filter { includedIDs.contains($0.id) || $0.kinds == [.removed] }
            .sorted { lhs, rhs in
                let l = ChangeKind.allCases.firstIndex(of: lhs.kinds[0])!, r = ChangeKind.allCases.firstIndex(of: rhs.kinds[0])!
                return (l, lhs.id) < (r, rhs.id)
            }
            .map(change)
    }

    private func change(_ change: ActionChange) -> Report.Change {
        var detail: [String] = []
        if change.kinds.contains(.escalate) { detail.append("red for \(change.redQuarters) quarters") }
        let action = plan.actionIndex(id: change.id).map { plan.actions[$0] }
        for move in change.dueDateChanges {
            detail.append("due \(move.from?.longLabel ?? "none") → \(move.to.longLabel): \(action.map { reason(move.reason, of: $0) } ?? move.reason)")
        }
        if let previous = change.previousOwner { detail.append("owner was \(ownerName(previous))") }
        return Report.Change(id: change.id, title: change.title, owner: ownerName(change.owner),
                             kinds: change.kinds.map(\.rawValue), labels: change.kinds.map(\.label).joined(separator: ", "),
                             from: change.from.map { String($0.letter) } ?? "", to: change.to.map { String($0.letter) } ?? "",
                             isEscalation: change.kinds.contains(.escalate), isNewlyRed: change.kinds.contains(.newlyRed),
                             improved: change.kinds.contains(.improved), worsened: change.kinds.contains(.worsened),
                             isCompleted: change.kinds.contains(.completed),
                             detail: detail.joined(separator: "; "), hasDetail: !detail.isEmpty)
    }

    /// Each included action's status letter in each of `quarters` ("" without a review), from the
    /// first of them in which any included action was reviewed: a quarter before every review
    /// would be a column of dots. The last quarter stays when there are no reviews at all.
    func heat(over quarters: [Quarter]) -> (quarters: [Quarter], rows: [Report.HeatRow]) {
        let letters = included.map { action in
            quarters.map { q in action.review(for: q).map { String($0.settledStatus.letter) } ?? "" }
        }
        let first = quarters.indices.first { q in letters.contains { !$0[q].isEmpty } } ?? max(0, quarters.count - 1)
        let rows = zip(included, letters).map { action, letters in
            Report.HeatRow(id: action.id, title: action.title, letters: Array(letters.dropFirst(first)))
        }
        return (Array(quarters.dropFirst(first)), rows)
    }

    /// How many included actions had each status at the end of `quarter` (the status chart).
    func statusCounts(_ quarter: Quarter) -> Report.QuarterStatus {
        let counted = included.compactMap { plan.status(of: $0, in: quarter, live: live) }
        let line = headline(quarter.description, counted)
        return Report.QuarterStatus(quarter: quarter.description, total: line.total, statuses: line.statuses)
    }
}
