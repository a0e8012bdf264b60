import CSV
import Foundation
import PlanModel

extension Report {
    /// The action table in the column order councils use, RFC 4180 (CRLF, quoted where needed).
    public func csv(excel: Bool) throws -> Data {
        var rows = [["ID", "Prevention group", "Action", "Owner", "Partners", "Due", "Status", "Commentary", "Outcome measure", "Funding"]]
        for group in groups {
            for row in group.actions {
                rows.append([row.id, row.groupName, row.title, row.owner, row.partners, row.due, "\(row.letter) \(row.statusLabel)",
                             row.commentary, row.outcomeMeasure, row.funding])
            }
        }
        return try writeCSV(rows, excel: excel)
    }
}

extension Plan {
    /// The review history as a long table: one row per action per quarter.
    public func historyCSV(excel: Bool, isPublic: Bool, actionIDs: Set<String>? = nil) throws -> Data {
        var rows = [["ID", "Action", "Quarter", "Status", "Commentary", "By", "On"]]
        for action in actions where actionIDs?.contains(action.id) ?? true {
            for review in action.reviews {
                let commentary = isPublic && review.restricted == true ? ""
                    : review.noUpdateProvided == true ? "No update provided." : review.commentary
                rows.append([action.id, action.title, review.quarter.description, "\(review.status.letter) \(review.status.label)",
                             commentary, review.by, review.on.day.description])
            }
        }
        return try writeCSV(rows, excel: excel)
    }
}

/// Writes rows with CSV.swift: CRLF line ends, an optional UTF-8 byte-order mark for Excel, and
/// cells that a spreadsheet would run as a formula (starting = + - @ tab or CR) prefixed with '.
func writeCSV(_ rows: [[String]], excel: Bool) throws -> Data {
    let writer = try CSVWriter(stream: .toMemory(), delimiter: ",", newline: .crlf)
    for row in rows { try writer.write(row: row.map(defuse)) }
    writer.stream.close()
    guard let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return Data() }
    return (excel ? Data([0xEF, 0xBB, 0xBF]) : Data()) + data + Data("\r\n".utf8)
}

/// Neutralises spreadsheet formula injection and strips control characters.
func defuse(_ cell: String) -> String {
    let cleaned = clean(cell)
    guard let first = cell.unicodeScalars.first else { return cleaned }
    return ["=", "+", "-", "@", "\t", "\r"].contains(first) ? "'" + cleaned : cleaned
}
