import Foundation
import PlanModel
import Spreadsheet

/// Brings tracker tables (from .xlsx or .csv) into a plan: new actions, or, in update mode, this
/// quarter's statuses and commentary for the actions the rows match. Every data row below the
/// header ends as exactly one `RowOutcome`, so imported + skipped always equals the data rows.
public enum TrackerImport {
    /// How rows are applied: the `dplan import` options that are not about reading the file.
    public struct Options: Sendable {
        /// Group for rows whose priority is not a prevention group (default whole-system).
        public var defaultGroup: PreventionGroup?
        /// The quarter updates are recorded for; else a quarter named in a header; else the
        /// plan's current quarter.
        public var quarter: Quarter?
        /// Match rows to existing actions (by id, else exact title) and record their returns.
        public var update: Bool
        /// Reason for due-date changes when a row has no reason column.
        public var reason: String?

        public init(defaultGroup: PreventionGroup? = nil, quarter: Quarter? = nil, update: Bool = false, reason: String? = nil) {
            self.defaultGroup = defaultGroup
            self.quarter = quarter
            self.update = update
            self.reason = reason
        }
    }

    /// What became of one data row.
    public struct RowOutcome: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case added(String)
            case updated(String)
            /// Matched, and the plan already says what the row says.
            case unchanged(String)
            /// A totals or notes row: not an action, skipped on purpose.
            case notAnAction(String)
            /// Not imported, for the reasons given.
            case problem([String])
        }

        public var file: String
        public var sheet: String
        public var row: Int
        public var kind: Kind
        /// How values were read ("TBC" is not a date, "A/R" recorded as Red, …).
        public var notes: [String]

        public var isImported: Bool {
            switch kind {
            case .added, .updated, .unchanged: true
            case .notAnAction, .problem: false
            }
        }

        public var isProblem: Bool { if case .problem = kind { true } else { false } }
    }

    /// The plan after the import and what happened to every row; nothing is saved here.
    public struct Result: Sendable {
        public var plan: Plan
        /// The tables as read: for a sheet with columns for several quarters, the chosen quarter's.
        public var tables: [TrackerTable] = []
        /// The row (file and number) each action was first read from, to refuse a second.
        var actionRows: [String: String] = [:]
        public var rows: [RowOutcome]
        /// The quarter each table's updates went to, in table order.
        public var quarters: [Quarter]
        public var createdOwners: [String]
        public var createdWorkstreams: [String]
        /// Update mode: actions no row matched (ids).
        public var noReturn: [String]

        public var problems: [RowOutcome] { rows.filter(\.isProblem) }
    }

    /// Applies every table to `plan`, in order, as one change: the caller writes all or nothing.
    /// Throws when a table's quarter is outside the plan period or closed.
    public static func apply(_ tables: [TrackerTable], to plan: Plan, options: Options, context: EditContext) throws(TrackerImportError) -> Result {
        var result = Result(plan: plan, rows: [], quarters: [], createdOwners: [], createdWorkstreams: [], noReturn: [])
        var matched = Set<String>()
        for found in tables {
            let table = try found.choosingColumns(for: options.quarter)
            result.tables.append(table)
            let given = options.quarter ?? table.headerQuarter
            if given == nil {
                // No quarter named: the quarter updates go to today (held within the plan period,
                // past closed quarters), as `dplan set` records them; refused, saying how to
                // extend the period, when none is left open.
                do { _ = try plan.quarterForUpdates(on: context.now.day) } catch {
                    throw TrackerImportError("\(table.file): \(error)")
                }
            }
            let quarter = given ?? plan.editingQuarter(on: context.now.day)
            let source = options.quarter != nil ? "--quarter" : table.headerQuarter != nil ? "the header" : "today's date"
            guard plan.periodQuarters.contains(quarter) else {
                throw TrackerImportError("\(table.file): \(quarter) (from \(source)) is outside the plan period \(plan.period.start) to \(plan.period.end); "
                    + "give --quarter with a quarter of the plan")
            }
            if plan.quarters.contains(where: { $0.quarter == quarter && $0.state == .closed }) {
                throw TrackerImportError("\(table.file): \(quarter) (from \(source)) is closed; reopen it (dplan review reopen) or give another --quarter")
            }
            result.quarters.append(quarter)
            let importer = RowImporter(table: table, options: options, quarter: quarter, context: context)
            let trailing = importer.trailingNonActions()
            for (index, row) in table.rows.enumerated() where !row.cells.allSatisfy(\.isBlank) {
                var outcome = RowOutcome(file: table.file, sheet: table.sheet, row: row.number, kind: .problem([]), notes: [])
                if let reason = trailing[index] {
                    outcome.kind = .notAnAction(reason)
                } else {
                    outcome = importer.apply(row, to: &result, matched: &matched)
                }
                result.rows.append(outcome)
            }
        }
        if options.update {
            let existing = Set(plan.actions.map(\.id))
            result.noReturn = result.plan.actions.map(\.id).filter { !matched.contains($0) && existing.contains($0) }
        }
        return result
    }
}
