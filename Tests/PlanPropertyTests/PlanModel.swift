import Foundation
import PlanModel
import PlanReports
import Spreadsheet

/// The state a random session works on: the plan, the clock, and what the test knows must hold
/// (which texts are restricted, what each closed quarter recorded), with undo and redo stacks
/// of earlier states, as the front end's undo restores an earlier plan value.
struct SessionModel {
    struct State: Equatable {
        var plan: Plan
        /// Commentary texts that must never appear in a public output.
        var restricted: Set<String> = []
        /// What each closed quarter recorded, by action id (the `restricted` mark left out: it
        /// is a publication marking, not history).
        var closed: [Quarter: [String: Review]] = [:]
    }

    var state: State
    var now: Timestamp
    var undo: [State] = []
    var redo: [State] = []
    private var counter = 0

    init(plan: Plan, now: Timestamp) {
        state = State(plan: plan)
        self.now = now
    }

    /// A new text no other commentary contains.
    mutating func text() -> String {
        counter += 1
        return "cm-\(counter)-end"
    }

    var context: EditContext { EditContext(by: "Officer \(counter % 3)", now: now) }

    /// The reviews a quarter holds now, by action id, without the restricted mark.
    static func history(of quarter: Quarter, in plan: Plan) -> [String: Review] {
        var result: [String: Review] = [:]
        for action in plan.actions {
            if var review = action.review(for: quarter) {
                review.restricted = nil
                result[action.id] = review
            }
        }
        return result
    }
}

/// One step of a random session, decoded from a number so the generator shrinks it.
enum SessionStep: CustomStringConvertible {
    case setStatus(action: Int, status: Status, withCommentary: Bool)
    case comment(action: Int)
    case moveDue(action: Int, days: Int)
    case add(group: PreventionGroup)
    case delete(action: Int)
    case restrict(action: Int, Bool)
    case close(quarter: Int)
    case reopen(quarter: Int)
    case importRows(Int)
    case changeOwner(action: Int)
    case extendPeriod
    /// A value with a new note for the restricted indicator (its words must stay out of public outputs).
    case recordIndicator(quarter: Int, value: Int)
    case undo
    case redo

    /// Decodes a step and the days the clock moves before it.
    static func decode(_ code: Int) -> (days: Int, step: SessionStep) {
        let days = [0, 0, 1, 7, 30, 45, 90, 200][code % 8]
        let rest = code / 8
        let kind = rest % 16, a = rest / 16 % 64, b = rest / 1024
        let status = Status.allCases[b % Status.allCases.count]
        let step: SessionStep = switch kind {
        case 0, 1: .setStatus(action: a, status: status, withCommentary: b % 2 == 0)
        case 2: .comment(action: a)
        case 3: .moveDue(action: a, days: b % 400)
        case 4: .add(group: PreventionGroup.allCases[b % PreventionGroup.allCases.count])
        case 5: .delete(action: a)
        case 6, 7: .restrict(action: a, b % 3 != 0)
        case 8, 9: .close(quarter: a)
        case 10: .reopen(quarter: a)
        case 11: .importRows(1 + b % 2)
        case 12: .changeOwner(action: a)
        case 13: a % 2 == 0 ? .extendPeriod : .recordIndicator(quarter: a, value: b % 12)
        case 14: .undo
        default: .redo
        }
        return (days, step)
    }

    var description: String {
        switch self {
        case .setStatus(let a, let s, let c): "setStatus(\(a), \(s.rawValue), commentary: \(c))"
        case .comment(let a): "comment(\(a))"
        case .moveDue(let a, let d): "moveDue(\(a), \(d))"
        case .add(let g): "add(\(g.rawValue))"
        case .delete(let a): "delete(\(a))"
        case .restrict(let a, let on): "restrict(\(a), \(on))"
        case .close(let q): "close(\(q))"
        case .reopen(let q): "reopen(\(q))"
        case .importRows(let n): "importRows(\(n))"
        case .changeOwner(let a): "changeOwner(\(a))"
        case .extendPeriod: "extendPeriod"
        case .recordIndicator(let q, let v): "recordIndicator(\(q), \(v))"
        case .undo: "undo"
        case .redo: "redo"
        }
    }
}

extension SessionModel {
    /// Applies one step as the CLI or the front end would. A refused edit (`PlanEditError`, an
    /// import with no quarter to record in) must leave the plan as it was; that is checked too.
    /// Returns a description of a broken promise, or nil.
    mutating func apply(_ step: SessionStep) -> String? {
        let before = state
        var next = state
        var plan = next.plan
        let actions = plan.actions
        func actionID(_ index: Int) -> String? { actions.isEmpty ? nil : actions[index % actions.count].id }
        do {
            switch step {
            case .setStatus(let a, let status, let withCommentary):
                guard let id = actionID(a), let action = actions.first(where: { $0.id == id }) else { return nil }
                let quarter = plan.editingQuarter(on: now.day)
                let needsWords = plan.commentaryRule(for: action, status: status, in: quarter) != nil
                let words = withCommentary || needsWords ? text() : nil
                try plan.recordUpdate(actionID: id, status: status, commentary: words, context: context)
                if let words, action.commentaryRestricted == true { next.restricted.insert(words) }
            case .comment(let a):
                guard let id = actionID(a), let action = actions.first(where: { $0.id == id }) else { return nil }
                let words = text()
                try plan.recordUpdate(actionID: id, status: nil, commentary: words, context: context)
                if action.commentaryRestricted == true { next.restricted.insert(words) }
            case .moveDue(let a, let days):
                guard let id = actionID(a) else { return nil }
                try plan.moveDue(actionID: id, to: now.day.adding(days: days), reason: "re-planned", context: context)
            case .add(let group):
                let id = plan.nextActionID(in: group)
                try plan.addAction(Action(id: id, group: group, title: "Action \(id)", owner: "police"), context: context)
            case .delete(let a):
                guard let id = actionID(a) else { return nil }
                try plan.deleteAction(id: id, context: context)
            case .restrict(let a, let on):
                guard let id = actionID(a), let action = actions.first(where: { $0.id == id }) else { return nil }
                try plan.setCommentaryRestricted(actionID: id, on, context: context)
                let current = action.commentary.trimmingSpaces()
                if on, !current.isEmpty { next.restricted.insert(current) }
                if !on { next.restricted.remove(current) }
            case .close(let q):
                let open = plan.periodQuarters.filter { $0 <= plan.quarter(containing: now.day) && !plan.isClosed($0) }
                guard !open.isEmpty else { return nil }
                try plan.closeQuarter(open[q % open.count], board: "CSP", context: context)
            case .reopen(let q):
                let closed = plan.quarters.filter { $0.state == .closed }.map(\.quarter)
                guard !closed.isEmpty else { return nil }
                try plan.reopenQuarter(closed[q % closed.count], reason: "correction", context: context)
            case .importRows(let count):
                var csv = "Action,Lead,RAG,Progress update\n"
                for _ in 0..<count { csv += "Imported work,\(["Police", "Youth Justice"][counter % 2]),Amber,\(text())\n" }
                do {
                    let workbook = try Workbook.read(Data(csv.utf8), fileName: "rows.csv")
                    let table = try TrackerTable.locate(in: workbook, file: "rows.csv", sheet: nil, map: nil)
                    let result = try TrackerImport.apply([table], to: plan, options: TrackerImport.Options(defaultGroup: .secondary),
                                                         context: context)
                    if result.problems.isEmpty { plan = result.plan }
                } catch {
                    guard plan == before.plan else { return "a refused import changed the plan" }
                }
            case .changeOwner(let a):
                guard let id = actionID(a) else { return nil }
                try plan.editAction(id: id, context: context) { $0.owner = $0.owner == "police" ? "council" : "police" }
            case .extendPeriod:
                try plan.setPeriod(start: nil, end: plan.period.end.firstOfMonth(adding: 12).adding(days: -1), context: context)
            case .recordIndicator(let q, let value):
                let quarters = plan.periodQuarters
                let words = text()
                try plan.recordIndicatorValue(id: "restricted-indicator", quarter: quarters[q % quarters.count], value: Decimal(value),
                                              note: words, context: context)
                next.restricted.insert(words)
            case .undo:
                guard let previous = undo.popLast() else { return nil }
                redo.append(state)
                state = previous
                return nil
            case .redo:
                guard let later = redo.popLast() else { return nil }
                undo.append(state)
                state = later
                return nil
            }
        } catch {
            guard error is PlanEditError || error is IndicatorError else { return "unexpected error \(error)" }
            guard plan == before.plan else { return "a refused edit changed the plan: \(error)" }
            return nil
        }
        next.plan = plan
        guard next != state else { return nil }
        for record in plan.quarters where record.state == .closed && next.closed[record.quarter] == nil {
            next.closed[record.quarter] = Self.history(of: record.quarter, in: plan)
        }
        for quarter in next.closed.keys where !plan.isClosed(quarter) { next.closed[quarter] = nil }
        undo.append(state)
        redo.removeAll()
        state = next
        return nil
    }
}
