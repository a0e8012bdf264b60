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

    func apply(_ row: (number: Int, cells: [CellValue]), to result: inout TrackerImport.Result, matched: inout Set<String>) -> TrackerImport.RowOutcome {
        var outcome = TrackerImport.RowOutcome(file: table.file, sheet: table.sheet, row: row.number, kind: .problem([]), notes: [])
        var problems: [String] = []
        func problem(_ field: TrackerField?, _ message: String) {
            let column = field.flatMap { table.column(of: $0) }
            let header = column.flatMap { c in table.columns.first { $0.column == c }?.header }
            problems.append((column.map { "column \(TrackerTable.letter($0))" + (header.map { " \"\($0)\"" } ?? "") + ": " } ?? "") + message)
        }
        let cells = row.cells
        // The plan is changed in place (copying it for every row would make an import quadratic);
        // a row that fails puts back what it changed.
        let ownerCount = result.plan.owners.count, workstreamCount = result.plan.workstreams.count

        func read<Value>(_ field: TrackerField, _ reading: TrackerValues.Reading<Value>) -> Value? {
            switch reading {
            case .value(let value, let note):
                if let note { outcome.notes.append(note) }
                return value
            case .problem(let message):
                problem(field, message)
                return nil
            }
        }
        let status = read(.status, TrackerValues.status(cell(.status, cells))) ?? nil
        let start = read(.start, TrackerValues.day(cell(.start, cells), system: table.dateSystem, fyStartMonth: result.plan.financialYearStartMonth)) ?? nil
        let due = read(.due, TrackerValues.day(cell(.due, cells), system: table.dateSystem, fyStartMonth: result.plan.financialYearStartMonth)) ?? nil
        let title = text(.title, cells)
        let id = text(.id, cells)
        let commentary = text(.commentary, cells)

        // Update mode: a row matching an action records this quarter's return.
        if options.update, let index = match(id: id, title: title, in: result.plan, problem: { problem(.title, $0) }) {
            guard problems.isEmpty else { outcome.kind = .problem(problems); return outcome }
            let action = result.plan.actions[index]
            matched.insert(action.id)
            let saved = result.plan.actions[index]
            noteDifferences(action, cells, plan: result.plan, notes: &outcome.notes)
            let review = action.review(for: quarter)
            let currentStatus = review?.status ?? action.status
            let currentCommentary = review?.commentary ?? action.commentary
            let newCommentary = commentary.isEmpty || commentary == currentCommentary.trimmingSpaces() ? nil : commentary
            do {
                if (status != nil && status != currentStatus) || newCommentary != nil {
                    try result.plan.recordUpdate(actionID: action.id, status: status, commentary: newCommentary, quarter: quarter, context: context)
                }
                if let due, due != action.due {
                    let reason = text(.reason, cells).isEmpty ? options.reason ?? "" : text(.reason, cells)
                    if reason.isBlank {
                        problem(.due, "the due date changes from \(action.due?.description ?? "none") to \(due): a reason is needed (a Reason column or --reason)")
                    } else {
                        try result.plan.moveDue(actionID: action.id, to: due, reason: reason, context: context)
                    }
                }
            } catch {
                problem(nil, "\(error)")
            }
            guard problems.isEmpty else {
                result.plan.actions[index] = saved
                outcome.kind = .problem(problems)
                return outcome
            }
            if review == nil, result.plan.actions[index].review(for: quarter) == nil {
                // A row that says what the plan already says is not an update: nothing is
                // recorded, and the action still owes one (the chase list shows it).
                outcome.notes.append("no new status or commentary: nothing recorded for \(quarter); the action still owes its update")
            }
            outcome.kind = result.plan.actions[index] == saved ? .unchanged(action.id) : .updated(action.id)
            return outcome
        }

        // A new action.
        if title.isEmpty { problem(.title, "the action has no title") }
        let ownerName = text(.owner, cells)
        if ownerName.isEmpty { problem(.owner, "the action has no lead owner") }
        if !id.isEmpty, result.plan.actionIndex(id: id) != nil {
            problem(.id, "an action with id \"\(id)\" already exists" + (options.update ? "" : "; use --update to record this tracker's statuses and commentary against it"))
        }
        if let start, let due, due < start { problem(.due, "due \(due) is before start \(start)") }
        let groupText = text(.group, cells)
        var group = options.defaultGroup ?? .wholeSystem
        var workstreamNames = TrackerValues.names(text(.workstreams, cells))
        if groupText.isEmpty {
            if options.defaultGroup == nil {
                outcome.notes.append("no prevention group given: placed in \(result.plan.name(of: group))" + (table.column(of: .group) == nil ? " (--group chooses another)" : ""))
            }
        } else if let (found, exact) = TrackerValues.group(groupText, in: result.plan) {
            group = found
            if !exact { outcome.notes.append("priority \"\(groupText)\" read as \(result.plan.name(of: found))") }
        } else {
            workstreamNames.insert(groupText, at: 0)
            outcome.notes.append("priority \"\(groupText)\" is not a prevention group: kept as a workstream, action placed in \(result.plan.name(of: group))"
                + (options.defaultGroup == nil ? " (--group chooses another)" : ""))
        }
        guard problems.isEmpty else { outcome.kind = .problem(problems); return outcome }

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
        let fundingCell = cell(.funding, cells)
        var funding: Funding?
        if !fundingCell.isBlank {
            if let amount = TrackerValues.amount(fundingCell) {
                funding = Funding(source: table.columns.first { $0.field == .funding }!.header, amount: amount)
            } else {
                funding = Funding(source: fundingCell.text.trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }
        var action = Action(id: id.isEmpty ? result.plan.nextActionID(in: group) : id, group: group, title: title, owner: owner,
                            status: status ?? .notStarted, workstreams: workstreams, description: text(.description, cells),
                            partners: partners, start: start, due: due,
                            commentary: commentary, outcomeMeasure: text(.outcome, cells), funding: funding)
        if status != nil || !commentary.isEmpty {
            action.reviews = [Review(quarter: quarter, status: action.status, commentary: commentary, by: context.by, on: context.now, owner: owner)]
        }
        do {
            try result.plan.addAction(action, context: context)
        } catch {
            result.plan.owners.removeSubrange(ownerCount...)
            result.plan.workstreams.removeSubrange(workstreamCount...)
            outcome.kind = .problem(["\(error)"])
            return outcome
        }
        matched.insert(action.id)
        result.createdOwners += createdOwners
        result.createdWorkstreams += createdWorkstreams
        outcome.kind = .added(action.id)
        return outcome
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
    }

    private func findOrCreateOwner(_ name: String, in plan: inout Plan, created: inout [String]) -> String {
        if let owner = plan.findOwner(name) { return owner.id }
        let id = ownerSlug(name, existing: Set(plan.owners.map(\.id)))
        plan.owners.append(Owner(id: id, name: name))
        created.append(id)
        return id
    }

    private func findOrCreateWorkstream(_ name: String, in plan: inout Plan, created: inout [String]) -> String {
        let key = name.lowercased()
        if let found = plan.workstreams.first(where: { $0.id.lowercased() == key || $0.name.lowercased() == key }) { return found.id }
        let id = ownerSlug(name, existing: Set(plan.workstreams.map(\.id)))
        plan.workstreams.append(Workstream(id: id, name: name))
        created.append(id)
        return id
    }
}

/// A lower-case id from a name ("Youth Justice Service" → "youth-justice-service"), made unique.
public func ownerSlug(_ name: String, existing: Set<String>) -> String {
    uniqueSlug(name, existing: existing, fallback: "owner")
}
