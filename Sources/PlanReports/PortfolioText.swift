import Foundation
import PlanModel
import Spreadsheet

extension PortfolioPaper {
    /// The portfolio paper in Markdown (and, through pandoc, in Word): the same sections as the
    /// HTML paper, with the national measures as tables only.
    public func markdown() -> String {
        var out = marking.isEmpty ? "" : "**\(md(marking))**\n\n"
        out += "# \(md(name))\n\nPortfolio report: \(plans.count) plan\(plans.count == 1 ? "" : "s")\n\n"
        if !board.isEmpty { out += "Board: \(md(board))  \n" }
        if !meeting.isEmpty { out += "Meeting: \(md(meeting))  \n" }
        out += "Quarters reported: \(md(quartersText))  \nPrepared: \(md(generatedOn))\n\n"
        if isPublic { out += "*Public version: restricted commentary and indicators are withheld, small numbers are shown as \"fewer than N\".*\n\n" }
        out += "## Plans\n\nEach plan reports on its own quarter. Red 2+: red for two quarters or more in a row. "
            + "Returns outstanding: lead owners who still owe their update for the quarter.\n\n"
        let letters = totals.byStatus.map(\.letter)
        out += "| Plan | Quarter | " + letters.joined(separator: " | ") + " | Actions | Overdue | Red 2+ | No update | Returns outstanding | Executive summary |\n"
        out += "|---|---|" + letters.map { _ in "--:|" }.joined() + "--:|--:|--:|--:|--:|---|\n"
        for row in plans + [totals] {
            let isTotal = row.title == totals.title && row.label == totals.label
            let numbers = row.byStatus.map { String($0.count) } + [row.total, row.overdue, row.redTwoQuarters, row.noUpdate, row.returnsOutstanding].map(String.init)
            out += "| \(isTotal ? "**Total**" : md(row.title) + " (" + md(row.partnership) + ")") | \(md(row.quarter))\(row.soFar ? " (so far)" : "") | "
                + numbers.joined(separator: " | ") + " | \(isTotal ? "" : md(row.summaryLine)) |\n"
        }
        out += "\n## Escalations across plans\n\n"
        out += escalations.isEmpty ? "No action has been red for two quarters or more.\n" : actionsMarkdown(escalations)
        if let lead {
            out += "\n## Actions led by \(md(lead))\n\n"
            out += leadActions.isEmpty ? "No action in these plans is led by an owner whose name contains \"\(md(lead))\".\n" : actionsMarkdown(leadActions)
        }
        out += "\n## National measures compared\n\n"
        if measures.isEmpty { out += "No plan marks an indicator with a national measure code.\n" }
        for comparison in measures {
            out += "### \(md(comparison.measure.name))\n\n| Plan | Quarter | Figure | Per 100,000 |\n|---|---|--:|--:|\n"
            for figure in comparison.figures {
                let value = figure.value.isEmpty ? "no figure" : figure.value + (figure.provisional ? " (p)" : "")
                out += "| \(md(figure.plan)) | \(md(figure.quarter)) | \(md(value)) | \(rateText(figure.rate)) |\n"
            }
            out += "\n"
        }
        return out
    }

    private func actionsMarkdown(_ actions: [PlanAction]) -> String {
        var out = "| Plan | Action | Lead | Status | Due | Commentary |\n|---|---|---|---|---|---|\n"
        for line in actions {
            let action = line.action
            let words = (action.withheld ? "Commentary withheld" : action.commentary) + (action.hasDecision ? " Decision needed: \(action.decisionNeeded)" : "")
            out += "| \(md(line.plan)) (\(md(line.quarter))) | \(md(action.id)) \(md(action.title)) | \(md(action.owner)) | \(md(action.letter)) \(md(action.statusLabel)) "
                + "| \(md(action.dueLabel)) | \(mdLines(words)) |\n"
        }
        return out
    }

    /// The portfolio as a workbook: Plans (with the totals row), Escalations, the lead's actions
    /// when asked for, and Measures (one row per plan and measure).
    public func xlsx() throws -> Data {
        let bold = CellStyle(bold: true, wrap: true), wrap = CellStyle(wrap: true)
        func text(_ value: String, _ style: CellStyle = wrap) -> StyledCell { StyledCell(.text(value), style: style) }
        func number(_ value: Double?) -> StyledCell { StyledCell(value.map(CellValue.number) ?? .empty) }
        let letters = totals.byStatus.map(\.label)
        var planRows = [(["Plan", "Partnership", "Quarter"] + letters + ["Actions", "Overdue", "Red 2+ quarters", "No update", "Returns outstanding", "Executive summary"]).map { text($0, bold) }]
        for row in plans + [totals] {
            planRows.append([text(row.title), text(row.partnership), text(row.quarter)] + row.byStatus.map { number(Double($0.count)) }
                            + [row.total, row.overdue, row.redTwoQuarters, row.noUpdate, row.returnsOutstanding].map { number(Double($0)) } + [text(row.summaryLine)])
        }
        func actionSheet(_ name: String, _ actions: [PlanAction]) -> SheetDraft {
            let header = ["Plan", "Quarter", "Ref", "Action", "Lead", "Status", "Due", "Commentary", "Decision needed"].map { text($0, bold) }
            let rows = actions.map { line in
                [line.plan, line.quarter, line.action.id, line.action.title, line.action.owner, line.action.statusLabel, line.action.dueLabel,
                 line.action.withheld ? "Commentary withheld" : line.action.commentary, line.action.decisionNeeded].map { text($0) }
            }
            return SheetDraft(name: name, columnWidths: [24, 12, 9, 40, 24, 12, 14, 50, 30], rows: [header] + rows, frozenRows: 1)
        }
        var measureRows = [["Measure", "Code", "Plan", "Quarter", "Figure", "Provisional", "Per 100,000"].map { text($0, bold) }]
        for comparison in measures {
            for figure in comparison.figures {
                measureRows.append([text(comparison.measure.name), text(comparison.measure.rawValue), text(figure.plan), text(figure.quarter),
                                    figure.number.map { number($0) } ?? text(figure.value), text(figure.provisional ? "yes" : "no"), number(figure.rate)])
            }
        }
        var sheets = [SheetDraft(name: "Plans", columnWidths: [40, 30, 12] + letters.map { _ in 8 } + [9, 9, 9, 9, 11, 60], rows: planRows, frozenRows: 1),
                      actionSheet("Escalations", escalations)]
        if lead != nil { sheets.append(actionSheet("Lead actions", leadActions)) }
        sheets.append(SheetDraft(name: "Measures", columnWidths: [50, 20, 30, 12, 12, 11, 12], rows: measureRows, frozenRows: 1))
        do { return try XLSXWriter.write(sheets) } catch {
            throw ReportRenderError(description: "the workbook could not be written: \(error)")
        }
    }
}

extension PortfolioPaper {
    /// The formats a portfolio paper comes in.
    public static let formats: [ReportFormat] = [.html, .pdf, .docx, .xlsx, .markdown]

    /// The paper in `format` (one of `formats`); PDF and Word run an outside program.
    public func rendered(as format: ReportFormat, programs: ExternalPrograms = ExternalPrograms()) throws -> Data {
        switch format {
        case .html: return Data(html().utf8)
        case .pdf: return try printToPDF(html(), programs: programs, madeAt: madeAt)
        case .xlsx: return try xlsx()
        case .docx: return try docx(programs: programs)
        default: return Data(markdown().utf8)
        }
    }

    private func docx(programs: ExternalPrograms) throws -> Data {
        try wordDocument(from: markdown(), reference: WordReference.document(landscape: true, marking: marking, footer: "\(name) · portfolio report"),
                         metadata: ["title": clean("\(name): portfolio report")], madeAt: nil, programs: programs)
    }
}
