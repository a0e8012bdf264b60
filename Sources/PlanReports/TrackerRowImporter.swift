import Foundation
import PlanModel
import Spreadsheet

/// One table's rows into the plan: new actions, or update-mode returns for existing ones.
struct RowImporter {
    let table: TrackerTable
    let options: TrackerImport.Options
    let quarter: Quarter
    let context: EditContext

    /// Rows at the end that are totals or notes, by row index, with the reason they are not actions.
    func trailingNonActions() -> [Int: String] {
        var found: [Int: String] = [:]
        for (index, row) in table.rows.enumerated().reversed() where !row.cells.allSatisfy(\.isBlank) {
            guard let reason = nonActionReason(row.cells) else { break }
            found[index] = reason
        }
        return found
    }

    private func nonActionReason(_ cells: [CellValue]) -> String? {
        let filled = cells.filter { !$0.isBlank }
        let words = ["total", "totals", "notes", "note", "key", "source", "sources"]
        if let first = filled.first?.text.lowercased(),
           words.contains(where: { first == $0 || first.hasPrefix($0 + ":") || first.hasPrefix($0 + " ") }) {
            return "a totals or notes row (\"\(filled.first!.text.prefix(40))\"), not an action"
        }
        let title = table.column(of: .title).map { cells.indices.contains($0) ? cells[$0] : .empty } ?? .empty
        if title.isBlank, filled.count == 1 || filled.allSatisfy({ if case .number = $0 { true } else { false } }) {
            return "no action title and only \(filled.count == 1 ? "one cell" : "numbers"): a totals or notes row, not an action"
        }
        return nil
    }

    private func cell(_ field: TrackerField, _ cells: [CellValue]) -> CellValue {
        guard let column = table.column(of: field), cells.indices.contains(column) else { return .empty }
        return cells[column]
    }

    private func text(_ field: TrackerField, _ cells: [CellValue]) -> String {
        cell(field, cells).text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Reads one row and applies it: a return for the action it matches in update mode, else a
    /// new action. A row with problems changes nothing.
    func apply(_ row: (number: Int, cells: [CellValue]), to result: inout TrackerImport.Result, matched: inout Set<String>) -> TrackerImport.RowOutcome {
        var findings = RowFindings(table: table)
        for (column, cell) in row.cells.enumerated() where !cell.isBlank && !table.hasHeader(column) {
            findings.problems.append("column \(TrackerTable.letter(column)): \"\(cell.text.prefix(60))\" has no header above it, so it would be "
                + "lost (in a CSV file an unquoted comma splits a cell: put the cell in quotes)")
        }
        let values = read(row.cells, plan: result.plan, into: &findings)
        let kind: TrackerImport.RowOutcome.Kind
        let here = "\(table.file), row \(row.number)"
        if options.update, let index = match(id: values.id, title: values.title, in: result.plan, problem: { findings.problem(.title, $0) }) {
            let id = result.plan.actions[index].id
            if let earlier = result.actionRows[id] {
                findings.problem(values.id.isEmpty ? .title : .id, "a second row for \(id) (the first is \(earlier)); give each action one row")
            }
            result.actionRows[id] = result.actionRows[id] ?? here
            kind = update(index, with: values, row.cells, plan: &result.plan, matched: &matched, findings: &findings)
        } else {
            kind = add(values, row.cells, to: &result, matched: &matched, findings: &findings)
            if case .added(let id) = kind { result.actionRows[id] = here }
        }
        return TrackerImport.RowOutcome(file: table.file, sheet: table.sheet, row: row.number, kind: kind, notes: findings.notes)
    }

    /// The values both kinds of row use, read once.
    private func read(_ cells: [CellValue], plan: Plan, into findings: inout RowFindings) -> RowValues {
        let fyStartMonth = plan.financialYearStartMonth
        // A dplan table gives, where the board gave its own view, the settled (board's) status in
        // Status and the lead's in "Lead's status" ("A Amber, Police, 3 Nov 2026"): a return is the lead's.
        let lead = text(.leadStatus, cells).split(separator: ",").first.map { String($0) } ?? ""
        let status = options.update && !lead.isEmpty ? findings.read(.leadStatus, TrackerValues.status(.text(lead)))
            : findings.read(.status, TrackerValues.status(cell(.status, cells)))
        return RowValues(
            status: status ?? nil,
            start: findings.read(.start, TrackerValues.day(cell(.start, cells), system: table.dateSystem, fyStartMonth: fyStartMonth)) ?? nil,
            due: findings.read(.due, TrackerValues.day(cell(.due, cells), system: table.dateSystem, fyStartMonth: fyStartMonth)) ?? nil,
            title: text(.title, cells), id: text(.id, cells), commentary: text(.commentary, cells))
    }

    /// Update mode: records this quarter's return for the action at `index`. The plan is changed
    /// in place (copying it for every row would make an import quadratic); a row that fails puts
    /// back what it changed.
    private func update(_ index: Int, with values: RowValues, _ cells: [CellValue], plan: inout Plan, matched: inout Set<String>,
                        findings: inout RowFindings) -> TrackerImport.RowOutcome.Kind {
        let action = plan.actions[index]
        matched.insert(action.id)  // a row skipped for a problem is listed with it, not also as "no return"
        guard findings.problems.isEmpty else { return .problem(findings.problems) }
        noteDifferences(action, cells, plan: plan, notes: &findings.notes)
        let review = action.review(for: quarter)
        // The row is compared with what its return pre-filled: the lead's own latest update (never
        // the board's view), and only words written in this quarter.
        let answer = plan.returnAnswer(for: action, in: quarter, live: plan.editingQuarter(on: context.now.day))
        let newCommentary = self.newCommentary(values.commentary, answer: answer, notes: &findings.notes)
        do {
            if (values.status != nil && values.status != answer.status) || newCommentary != nil {
                try plan.recordUpdate(actionID: action.id, status: values.status ?? answer.status, commentary: newCommentary, quarter: quarter,
                                      author: plan.ownerName(action.owner), context: context)
            }
            if let due = values.due, due != action.due {
                let reason = text(.reason, cells).isEmpty ? options.reason ?? "" : text(.reason, cells)
                if reason.isBlank {
                    findings.problem(.due, "the due date changes from \(action.due?.description ?? "none") to \(due): a reason is needed (a Reason column or --reason)")
                } else {
                    try plan.moveDue(actionID: action.id, to: due, reason: reason, context: context)
                }
            }
        } catch {
            findings.problem(nil, "\(error)")
        }
        guard findings.problems.isEmpty else {
            plan.actions[index] = action
            return .problem(findings.problems)
        }
        if review == nil, plan.actions[index].review(for: quarter) == nil, action.isStale(in: quarter) {
            // A row that says what the plan already says is not an update: nothing is
            // recorded, and the action still owes one (the chase list shows it).
            findings.notes.append("no new status or commentary: nothing recorded for \(quarter); the action still owes its update")
        }
        return plan.actions[index] == action ? .unchanged(action.id) : .updated(action.id)
    }

    /// The row's commentary when it is new for the quarter, else nil: blank, the lead's words
    /// already recorded for it, a public return's placeholder for restricted words, or words
    /// from an earlier quarter (a return pre-filled them before returns kept them apart) are not.
    private func newCommentary(_ commentary: String, answer: ReturnAnswer, notes: inout [String]) -> String? {
        if commentary == withheldText {
            notes.append("commentary \"\(withheldText)\" is a public return's placeholder: the commentary is not changed")
            return nil
        }
        if let reference = answer.reference, !commentary.isEmpty, commentary == reference.text {
            notes.append("the commentary repeats the \(reference.quarter.map { "\($0)" } ?? "earlier") update: not taken as \(quarter)'s")
            return nil
        }
        return commentary.isEmpty || commentary == answer.commentary ? nil : commentary
    }

    /// A new action from the row, with the owners, partners and workstreams it names made when
    /// the plan lacks them; if the plan refuses the action, those are taken out again.
    private func add(_ values: RowValues, _ cells: [CellValue], to result: inout TrackerImport.Result, matched: inout Set<String>,
                     findings: inout RowFindings) -> TrackerImport.RowOutcome.Kind {
        if values.title.isEmpty { findings.problem(.title, "the action has no title") }
        let ownerName = text(.owner, cells)
        if ownerName.isEmpty { findings.problem(.owner, "the action has no lead owner") }
        if !values.id.isEmpty, result.plan.actionIndex(id: values.id) != nil {
            findings.problem(.id, "an action with id \"\(values.id)\" already exists"
                + (options.update ? "" : "; use --update to record this tracker's statuses and commentary against it"))
        }
        if let start = values.start, let due = values.due, due < start { findings.problem(.due, "due \(due) is before start \(start)") }
        let (group, workstreamNames) = placement(cells, plan: result.plan, notes: &findings.notes)
        guard findings.problems.isEmpty else { return .problem(findings.problems) }

        let ownerCount = result.plan.owners.count, workstreamCount = result.plan.workstreams.count
        var createdOwners: [String] = [], createdWorkstreams: [String] = []
        let owner = findOrCreateOwner(ownerName, in: &result.plan, created: &createdOwners)
        var partners: [String] = []
        for name in TrackerValues.names(text(.partners, cells)) {
            let id = findOrCreateOwner(name, in: &result.plan, created: &createdOwners)
            if id != owner, !partners.contains(id) { partners.append(id) }
        }
        var workstreams: [String] = []
        for name in workstreamNames {
            let id = findOrCreateWorkstream(name, in: &result.plan, created: &createdWorkstreams)
            if !workstreams.contains(id) { workstreams.append(id) }
        }
        var action = Action(id: values.id.isEmpty ? result.plan.nextActionID(in: group) : values.id, group: group, title: values.title,
                            owner: owner, status: values.status ?? .notStarted, workstreams: workstreams, description: text(.description, cells),
                            partners: partners, start: values.start, due: values.due,
                            commentary: values.commentary, outcomeMeasure: text(.outcome, cells), funding: funding(cells))
        if values.status != nil || !values.commentary.isEmpty {
            action.reviews = [Review(quarter: quarter, status: action.status, commentary: values.commentary, by: context.by, on: context.now, owner: owner)]
        }
        do {
            try result.plan.addAction(action, context: context)
        } catch {
            result.plan.owners.removeSubrange(ownerCount...)
            result.plan.workstreams.removeSubrange(workstreamCount...)
            return .problem(["\(error)"])
        }
        matched.insert(action.id)
        result.createdOwners += createdOwners
        result.createdWorkstreams += createdWorkstreams
        return .added(action.id)
    }

    /// The prevention group a new action goes in and the workstreams it names: a priority that
    /// is not a group is kept as a workstream.
    private func placement(_ cells: [CellValue], plan: Plan, notes: inout [String]) -> (PreventionGroup, [String]) {
        let groupText = text(.group, cells)
        var group = options.defaultGroup ?? .wholeSystem
        var workstreamNames = TrackerValues.names(text(.workstreams, cells))
        if groupText.isEmpty {
            if options.defaultGroup == nil {
                notes.append("no prevention group given: placed in \(plan.name(of: group))" + (table.column(of: .group) == nil ? " (--group chooses another)" : ""))
            }
        } else if let (found, exact) = TrackerValues.group(groupText, in: plan) {
            group = found
            if !exact { notes.append("priority \"\(groupText)\" read as \(plan.name(of: found))") }
        } else {
            workstreamNames.insert(groupText, at: 0)
            notes.append("priority \"\(groupText)\" is not a prevention group: kept as a workstream, action placed in \(plan.name(of: group))"
                + (options.defaultGroup == nil ? " (--group chooses another)" : ""))
        }
        return (group, workstreamNames)
    }

    /// The Funding cell: an amount (the column's header is its source) or the source's name.
    private func funding(_ cells: [CellValue]) -> Funding? {
        let fundingCell = cell(.funding, cells)
        guard !fundingCell.isBlank else { return nil }
        if let amount = TrackerValues.amount(fundingCell) {
            return Funding(source: table.columns.first { $0.field == .funding }!.header, amount: amount)
        }
        return Funding(source: fundingCell.text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The action a return row is for: by id, else by exact title (ignoring case and spaces).
    private func match(id: String, title: String, in plan: Plan, problem: (String) -> Void) -> Int? {
        if !id.isEmpty, let index = plan.actionIndex(id: id) { return index }
        let key = title.trimmingSpaces().lowercased()
        guard !key.isEmpty else { return nil }
        let found = plan.actions.indices.filter { plan.actions[$0].title.trimmingSpaces().lowercased() == key }
        if found.count > 1 {
            problem("\(found.count) actions have this title (\(found.map { plan.actions[$0].id }.joined(separator: ", "))); give the id in a Ref column")
            return found[0]
        }
        return found.first
    }

    /// Update mode changes status, commentary and due date only; other cells that differ from
    /// the plan are said, not applied.
    private func noteDifferences(_ action: Action, _ cells: [CellValue], plan: Plan, notes: inout [String]) {
        let title = text(.title, cells)
        if !title.isEmpty, title.trimmingSpaces() != action.title.trimmingSpaces() {
            notes.append("the action title differs from the plan's; not changed by --update")
        }
        let owner = text(.owner, cells)
        if !owner.isEmpty, plan.findOwner(owner)?.id != action.owner {
            notes.append("lead \"\(owner)\" differs from the plan's (\(plan.ownerName(action.owner))); not changed by --update")
        }
        let partners = TrackerValues.names(text(.partners, cells)).map { plan.findOwner($0)?.id ?? $0.lowercased() }
        if table.column(of: .partners) != nil, Set(partners) != Set(action.partners) {
            notes.append("partners differ from the plan's (\(action.partners.map(plan.ownerName).joined(separator: ", "))); not changed by --update")
        }
        for (field, label, current) in [(TrackerField.outcome, "outcome measure", action.outcomeMeasure),
                                        (.description, "description", action.description)] where table.column(of: field) != nil {
            if text(field, cells) != current.trimmingSpaces() { notes.append("the \(label) differs from the plan's; not changed by --update") }
        }
    }

    private func findOrCreateOwner(_ name: String, in plan: inout Plan, created: inout [String]) -> String {
        if let owner = plan.findOwner(name) { return owner.id }
        let id = ownerSlug(name, existing: Set(plan.owners.map(\.id)))
        plan.owners.append(Owner(id: id, name: name))
        created.append(id)
        return id
    }

    private func findOrCreateWorkstream(_ name: String, in plan: inout Plan, created: inout [String]) -> String {
        if let found = plan.findWorkstream(name) { return found.id }
        let id = ownerSlug(name, existing: Set(plan.workstreams.map(\.id)))
        plan.workstreams.append(Workstream(id: id, name: name))
        created.append(id)
        return id
    }
}

/// The values a tracker row gives that both a return and a new action use.
private struct RowValues {
    var status: Status?
    var start, due: Day?
    var title, id, commentary: String
}

/// What is wrong with a row and what is worth saying about it, gathered while it is read; a
/// problem names the column and its header.
private struct RowFindings {
    let table: TrackerTable
    var problems: [String] = []
    var notes: [String] = []

    mutating func problem(_ field: TrackerField?, _ message: String) {
        let column = field.flatMap { table.column(of: $0) }
        let header = column.flatMap { c in table.columns.first { $0.column == c }?.header }
        problems.append((column.map { "column \(TrackerTable.letter($0))" + (header.map { " \"\($0)\"" } ?? "") + ": " } ?? "") + message)
    }

    /// A value read from a cell: its note kept, or its problem.
    mutating func read<Value>(_ field: TrackerField, _ reading: TrackerValues.Reading<Value>) -> Value? {
        switch reading {
        case .value(let value, let note):
            if let note { notes.append(note) }
            return value
        case .problem(let message):
            problem(field, message)
            return nil
        }
    }
}

/// A lower-case id from a name ("Youth Justice Service" → "youth-justice-service"), made unique.
public func ownerSlug(_ name: String, existing: Set<String>) -> String {
    uniqueSlug(name, existing: existing, fallback: "owner")
}
