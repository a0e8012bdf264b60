import Foundation
import PlanModel
import Spreadsheet

extension Report {
    /// The plan as an Excel tracker, also the quarterly return a lead agency fills in: a first
    /// sheet saying how, then the actions in the councils' column order with statuses as coloured
    /// cells that carry their letter, a drop-down of statuses, a frozen header, wrapped text and
    /// the Ref column locked (it matches a return to the plan when `dplan import --update` reads it).
    public func xlsx() throws -> Data {
        do { return try XLSXWriter.write([instructionsSheet(), actionsSheet()]) } catch {
            throw ReportRenderError(description: "the workbook could not be written: \(error)")
        }
    }

    static let statusFills: [(letter: String, label: String, fill: String)] = [
        ("R", "Red", "FF5B5B"), ("A", "Amber", "FFC000"), ("G", "Green", "5BC236"), ("C", "Complete", "5B9BD5"), ("N", "Not started", "D9D9D9"),
    ]

    /// The header of the commentary column, naming the quarter so an import finds it there.
    var progressHeader: String { "Progress update \(quarter)" }

    private func instructionsSheet() -> SheetDraft {
        let bold = CellStyle(bold: true, wrap: true), wrap = CellStyle(wrap: true)
        var rows: [[StyledCell]] = [
            [StyledCell(.text(plan.title), style: bold)],
            [StyledCell(.text("\(scope.isEmpty ? "All actions" : scope): quarterly return for \(quarter)"), style: wrap)],
            [],
            [StyledCell(.text("How to fill this in"), style: bold)],
        ]
        let steps = [
            "1. On the Actions sheet, choose each action's status (RAG) from the drop-down; the cell colour follows it. It shows the status you last gave (the board's view, if it differs, is in \"Board's view\").",
            "2. Write this quarter's progress in the \"\(progressHeader)\" column. A status that gets worse, or stays red, needs words on why and what is being done. "
                + "Your words from an earlier quarter are in \"Words from an earlier quarter\", for reference only: a row left as it is records nothing.",
            "3. If the target date has to move, write the new date and say why in \"Reason if the target date changed\".",
            "4. Do not change the Ref column (it is locked): it matches your return to the plan. Other columns are for reference.",
            "5. Save the file as .xlsx and send it back. It is read with: dplan import FILE --into PLAN --update --quarter \"\(quarter)\"",
        ]
        rows += steps.map { [StyledCell(.text($0), style: wrap)] }
        rows.append([])
        rows.append([StyledCell(.text("What the statuses mean"), style: bold)])
        // Everything above the statuses reads across both columns (on A4, not down a narrow column A).
        let merges = rows.indices.filter { !rows[$0].isEmpty }.map { CellRange(firstRow: $0, firstColumn: 0, lastRow: $0, lastColumn: 1) }
        for definition in ragDefinitions {
            let fill = Report.statusFills.first { $0.letter == definition.letter }?.fill
            rows.append([StyledCell(.text("\(definition.letter) \(definition.label)"), style: CellStyle(bold: true, wrap: true, fill: fill)),
                         StyledCell(.text(definition.meaning), style: wrap)])
        }
        var sheet = SheetDraft(name: "How to fill this in", columnWidths: [14, 76], rows: rows)
        sheet.merges = merges
        return sheet
    }

    private func actionsSheet() -> SheetDraft {
        let header = ["Ref", "Priority", "Action", "Lead", "Partners", "Target date", "RAG", progressHeader, "Outcome measure", "Funding",
                      "Reason if the target date changed", "Board's view", "Words from an earlier quarter"]
        let headerStyle = CellStyle(bold: true, wrap: true, fill: "DDEBF7")
        var rows = [header.map { StyledCell(.text($0), style: headerStyle) }]
        let editable = CellStyle(wrap: true, locked: false)
        for group in groups {
            for action in group.actions {
                let due: CellValue = Day(iso: action.due).map { .date(CalendarDate(year: $0.year, month: $0.month, day: $0.day)) } ?? .empty
                // The lead's own latest update, never the board's view: reading back an untouched
                // return then records nothing (earlier words are in the last column, for reference).
                let fill = Report.statusFills.first { $0.letter == action.returnLetter }?.fill
                rows.append([
                    StyledCell(.text(action.id), style: CellStyle(bold: true)),
                    StyledCell(.text(action.groupName), style: editable),
                    StyledCell(.text(action.title), style: editable),
                    StyledCell(.text(action.owner), style: editable),
                    StyledCell(.text(action.partners), style: editable),
                    StyledCell(due, style: editable),
                    StyledCell(.text("\(action.returnLetter) \(action.returnStatusLabel)"), style: CellStyle(bold: true, fill: fill, locked: false)),
                    StyledCell(.text(action.returnCommentary), style: editable),
                    StyledCell(.text(action.outcomeMeasure), style: editable),
                    StyledCell(.text(action.funding), style: editable),
                    StyledCell(.empty, style: editable),
                    StyledCell(.text(action.hasBoardView ? "\(action.boardCredit): \(action.boardReason)" : ""), style: CellStyle(wrap: true)),
                    StyledCell(.text(action.returnReference), style: CellStyle(wrap: true)),
                ])
            }
        }
        let statusColumn = CellRange(firstRow: 1, firstColumn: 6, lastRow: max(rows.count - 1, 1), lastColumn: 6)
        var sheet = SheetDraft(
            name: "Actions", columnWidths: [9, 22, 45, 24, 24, 12, 13, 60, 30, 16, 30, 40, 40], rows: rows, frozenRows: 1,
            dropDowns: [DropDown(range: statusColumn, values: Report.statusFills.map { "\($0.letter) \($0.label)" })],
            highlights: Report.statusFills.map { Highlight(range: statusColumn, value: "\($0.letter) \($0.label)", fill: $0.fill) },
            isProtected: true)
        sheet.landscape = true
        return sheet
    }
}

/// An export could not be produced.
public struct ReportRenderError: Error, CustomStringConvertible {
    public var description: String
}
