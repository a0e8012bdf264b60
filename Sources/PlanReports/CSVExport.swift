import Foundation
import PlanModel

extension Report {
    /// The action table in the column order councils use, RFC 4180 (CRLF, quoted where needed).
    public func csv(excel: Bool) throws -> Data {
        try writeCSV([Self.csvHeader] + csvRows, excel: excel)
    }

    /// Several plans' action tables as one, each row starting with its plan's label.
    public static func csv(_ reports: [(label: String, report: Report)], excel: Bool) throws -> Data {
        try writeCSV([["Plan"] + csvHeader] + reports.flatMap { label, report in report.csvRows.map { [label] + $0 } }, excel: excel)
    }

    private static let csvHeader = ["ID", "Prevention group", "Action", "Owner", "Partners", "Due", "Status", "Commentary",
                                    "Commentary note", "Outcome measure", "Funding",
                                    "Lead's status", "Board's view", "Board's reason"]

    private var csvRows: [[String]] {
        groups.flatMap { group in
            group.actions.map { row in
                [row.id, row.groupName, row.title, row.owner, row.partners, row.due, "\(row.letter) \(row.statusLabel)",
                 row.withheld ? withheldText : row.commentary, row.commentaryNote, row.outcomeMeasure, row.funding]
                    + (row.hasBoardView ? [row.leadCredit, row.boardCredit, row.boardReason] : ["", "", ""])
            }
        }
    }
}

extension Plan {
    /// The review history as a long table: one row per action per quarter. A public table
    /// withholds restricted commentary wherever it is stored and, unless `withNames`, leaves out
    /// the By column (who made each update is personal data).
    public func historyCSV(excel: Bool, isPublic: Bool, withNames: Bool = false, actionIDs: Set<String>? = nil) throws -> Data {
        let names = !isPublic || withNames
        var rows = [["ID", "Action", "Quarter", "Status", "Commentary"] + (names ? ["By"] : []) + ["On", "Board's view", "Board's reason"]]
        for action in actions where actionIDs?.contains(action.id) ?? true {
            for review in action.reviews {
                let commentary = review.noUpdateProvided == true ? "No update provided."
                    : isPublic && (review.restricted == true && !review.commentary.isBlank || action.isWithheld(review.commentary)) ? withheldText : review.commentary
                rows.append([action.id, action.title, review.quarter.description, "\(review.status.letter) \(review.status.label)",
                             commentary] + (names ? [review.by] : []) + [review.on.day.description]
                             + boardCells(review.board, names: names, withheld: isPublic && action.withholdsReasons))
            }
        }
        return try writeCSV(rows, excel: excel)
    }
}

/// The board's view in the history table: its status with who (when names are shown) and when,
/// and its reason; empty where the board did not give one.
private func boardCells(_ board: BoardView?, names: Bool, withheld: Bool) -> [String] {
    guard let board else { return ["", ""] }
    return [(["\(board.status.letter) \(board.status.label)"] + (names ? [board.by] : []) + [board.on.day.description]).joined(separator: ", "),
            withheld ? withheldText : board.reason]
}

/// What a public table shows where restricted commentary was removed.
let withheldText = "(withheld)"

/// Writes rows as RFC 4180 CSV: CRLF line ends, a cell quoted when it holds a quote, comma, CR
/// or LF (quotes doubled), an optional UTF-8 byte-order mark for Excel, and cells that a
/// spreadsheet would run as a formula (starting = + - @ tab or CR) prefixed with '.
///
/// Written directly rather than with CSV.swift's `CSVWriter` (which reading still uses): that
/// writer makes one `OutputStream.write` call per byte, 0.8 s for a 10,000-action board pack.
func writeCSV(_ rows: [[String]], excel: Bool) throws -> Data {
    var bytes: [UInt8] = excel ? [0xEF, 0xBB, 0xBF] : []
    for row in rows {
        for (index, cell) in row.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendCSVCell(defuse(cell), to: &bytes)
        }
        bytes.append(contentsOf: [0x0D, 0x0A])
    }
    return Data(bytes)
}

private func appendCSVCell(_ cell: String, to bytes: inout [UInt8]) {
    let utf8 = cell.utf8
    guard utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: ",") || $0 == 0x0D || $0 == 0x0A }) else {
        bytes.append(contentsOf: utf8)
        return
    }
    bytes.append(UInt8(ascii: "\""))
    for byte in utf8 {
        if byte == UInt8(ascii: "\"") { bytes.append(byte) }
        bytes.append(byte)
    }
    bytes.append(UInt8(ascii: "\""))
}

/// Strips control characters but keeps line breaks (text as written: the cell is quoted, and
/// spreadsheets show its lines), then neutralises spreadsheet formula injection: the guard looks at
/// the cleaned text (so "\u{07}=HYPERLINK(…)" cannot become a live formula once the bell is gone),
/// past any leading spaces and line breaks (which spreadsheets may trim); a cell that began with a
/// tab or line break is prefixed too.
func defuse(_ cell: String) -> String {
    let cleaned = cell.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        .map { clean(String($0)) }.joined(separator: "\n")
    guard let first = cleaned.unicodeScalars.first(where: { $0 != " " && $0 != "\n" }) else { return cleaned }
    let startsWithBreak = cell.unicodeScalars.first.map { $0 == "\t" || $0 == "\r" || $0 == "\n" } ?? false
    return startsWithBreak || ["=", "+", "-", "@"].contains(first) ? "'" + cleaned : cleaned
}
