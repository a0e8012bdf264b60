import Foundation
import PlanModel

/// A sheet with a status and a progress column for each quarter ("RAG Q1", "Progress Update Q1
/// 24/25", "RAG Q2", …): which of them a quarter's return is read from.
extension TrackerTable {
    /// The table reading the status and progress columns whose headers name `quarter`. A sheet
    /// whose headers name one quarter (or none) is returned as it is; one naming several is
    /// refused without a quarter, or when a field has columns for other quarters but not this one.
    func choosingColumns(for quarter: Quarter?) throws(TrackerImportError) -> TrackerTable {
        let named = quarterCandidates.compactMap { candidate in
            QuarterMention(candidate.header).map { (candidate.column, candidate.header, candidate.field, mention: $0) }
        }
        let numbers = Set(named.map(\.mention.number)), years = Set(named.compactMap(\.mention.year))
        guard numbers.count > 1 || years.count > 1 else { return self }
        let listed = named.map { "\(Self.letter($0.0)) \"\($0.1)\"" }.joined(separator: ", ")
        guard let quarter else {
            throw TrackerImportError("\(file): the sheet has status or progress columns for more than one quarter (\(listed)); "
                + "give --quarter to say which quarter's columns to read")
        }
        var chosen = self
        for field in [TrackerField.status, .commentary] where named.contains(where: { $0.2 == field }) {
            guard let pick = named.first(where: { $0.2 == field && $0.mention.names(quarter) }) else {
                throw TrackerImportError("\(file): no \(field == .status ? "status" : "progress") column names \(quarter) "
                    + "(the columns for quarters are \(listed)); give the --quarter the sheet's columns are for")
            }
            chosen.columns.removeAll { $0.field == field }
            chosen.columns.append((pick.0, pick.1, field))
        }
        chosen.columns.sort { $0.column < $1.column }
        let used = Set(chosen.columns.map(\.column))
        chosen.ignored = (columns.map { ($0.column, $0.header) } + ignored).filter { !used.contains($0.0) }.sorted { $0.0 < $1.0 }
        chosen.headerQuarter = quarter
        return chosen
    }
}

/// A quarter a header names: its number ("RAG Q2", "Quarter 2"), and its financial year when
/// the header gives one too ("Progress Update Q2 24/25").
private struct QuarterMention {
    var number: Int
    var year: Int?

    init?(_ header: String) {
        let pattern = try! Regex(#"\b(?:q|quarter\s*)([1-4])\b"#)
        guard let match = header.lowercased().firstMatch(of: pattern), let number = Int(match.output[1].substring ?? "") else { return nil }
        self.number = number
        year = PlanReports.quarter(in: header)?.year
    }

    /// Whether the header means `quarter` (a header without a year means any year's).
    func names(_ quarter: Quarter) -> Bool { number == quarter.number && (year == nil || year == quarter.year) }
}
