import Foundation
import PlanModel
import Spreadsheet

extension TrackerImport {
    /// A new, empty plan for the trackers about to be imported into it: the title from `title` or
    /// the first table's title row; the period from `period`, or whole financial years from the
    /// one holding the earliest of the import quarter and the start dates to the one holding the
    /// latest due date (and at least three years, the usual length of a strategy).
    public static func newPlan(id: String, title: String?, partnership: String, period: Period?, quarter: Quarter?,
                               tables: [TrackerTable], today: Day, fyStartMonth: Int = 4) throws(TrackerImportError) -> Plan {
        guard let title = (title ?? tables.lazy.compactMap(\.title).first)?.trimmingSpaces(), !title.isEmpty else {
            throw TrackerImportError("the tracker has no title row above its header; give the new plan a --title")
        }
        guard !partnership.isBlank else { throw TrackerImportError("--partnership must not be empty") }
        if let period {
            return Plan(id: id, title: title, partnership: partnership, period: period, financialYearStartMonth: fyStartMonth)
        }
        let chosen = quarter ?? tables.lazy.compactMap(\.headerQuarter).first ?? Quarter.containing(today, fyStartMonth: fyStartMonth)
        var earliest = chosen.firstDay(fyStartMonth: fyStartMonth)
        var latest = chosen.lastDay(fyStartMonth: fyStartMonth)
        for table in tables {
            for row in table.rows {
                for field in [TrackerField.start, .due] {
                    guard let column = table.column(of: field), row.cells.indices.contains(column),
                          case .value(let day?, _) = TrackerValues.day(row.cells[column], system: table.dateSystem, fyStartMonth: fyStartMonth)
                    else { continue }
                    if field == .start { earliest = min(earliest, day) } else { latest = max(latest, day) }
                }
            }
        }
        let start = Quarter(year: Quarter.containing(earliest, fyStartMonth: fyStartMonth).year, number: 1)!.firstDay(fyStartMonth: fyStartMonth)
        let lastYear = max(Quarter.containing(latest, fyStartMonth: fyStartMonth).year, start.year + 2)
        let end = Quarter(year: lastYear, number: 4)!.lastDay(fyStartMonth: fyStartMonth)
        return Plan(id: id, title: title, partnership: partnership, period: Period(start: start, end: end), financialYearStartMonth: fyStartMonth)
    }
}
