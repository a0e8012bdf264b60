import Foundation
import PlanModel

extension Report {
    /// A board paper in Markdown: reads well as plain text and converts cleanly with pandoc. Wide
    /// tables have separator lines whose dashes give Word (through pandoc) useful column widths:
    /// commentary the widest, ids and dates narrow. `forWord`: the Markdown the Word paper is
    /// made from, where an action's details go in a row of their own under it (`WordTables`
    /// spans that row across the table) instead of crowding its title's cell.
    public func markdown(forWord: Bool = false) -> String {
        var out: [String] = []
        if !marking.isEmpty { out += ["**\(md(marking))**", ""] }
        out.append("# \(md(plan.title)): \(title)\(soFar ? " (so far)" : "")")
        out.append("")
        var facts = ["**Report to:** \(md(board))"]
        if !meeting.isEmpty { facts.append("**Meeting:** \(meeting)") }
        if board != plan.partnership { facts.append("**Partnership:** \(md(plan.partnership))") }
        if !author.isEmpty { facts.append("**Author:** \(md(author))") }
        if !contact.isEmpty { facts.append("**Contact:** \(md(contact))") }
        facts.append("**Prepared:** \(generatedOnLabel)")
        if !scope.isEmpty { facts.append("**Scope:** \(md(scope))") }
        if isPublic { facts.append("**Version:** Public (restricted commentary withheld)") }
        out.append(facts.joined(separator: " · "))
        out.append("")
        if soFar {
            out += ["**Draft — \(annual.map { "year \($0.year) still in progress" } ?? "quarter still open"): figures are so far and may change before the quarter is closed.**", ""]
        }
        if let annual, !annual.summaries.isEmpty {
            out += ["## The year's executive summaries", ""]
            for summary in annual.summaries { out += ["### \(summary.quarter)", ""] + paragraphs(summary.text) }
        } else if annual == nil, hasSummary {
            out += ["## Executive summary", ""] + paragraphs(summary)
        }
        out += decisionsMarkdown()
        out.append("## Headline\(annual == nil ? "" : " at \(quarter)")")
        out.append("")
        out.append("| Prevention group | Actions | R Red | A Amber | G Green | C Complete | N Not started |")
        out.append("|---|--:|--:|--:|--:|--:|--:|")
        for headline in groupHeadlines + [overall] {
            let cells = headline.statuses.map { "\($0.count) (\($0.percent)%)" }
            out.append("| \(md(headline.name)) | \(headline.total) | " + cells.joined(separator: " | ") + " |")
        }
        out.append("")
        out.append("Overdue: **\(overdue)** · No update this quarter: **\(stale)**")
        out.append("")
        let charted = statusHistory.drop { $0.total == 0 }
        if charted.count > 1 {
            out += ["### Actions by status at the end of each quarter", ""]
            out.append("| Quarter | Actions | R | A | G | C | N |")
            out.append("|---|--:|--:|--:|--:|--:|--:|")
            for column in charted {
                out.append("| \(column.quarter) | \(column.total) | " + column.statuses.map { "\($0.count)" }.joined(separator: " | ") + " |")
            }
            out.append("")
        }
        out += indicatorsMarkdown()
        if let annual {
            out += annualSections(annual, forWord: forWord)  // completed and carried forward hold every action still in play
        } else {
            out += changesSection() + exceptionsSection()
            out.append("## All actions\(sectionsBy == ReportSections.group.rawValue ? "" : " by \(sectionsByLabel.lowercased())")")
            for group in groups {
                out.append("")
                out.append("### \(md(group.name)) (\(group.actions.count))")
                out.append("")
                if !group.aim.isEmpty { out += ["_\(md(group.aim))_", ""] }
                guard !group.actions.isEmpty else { out.append("No actions."); continue }
                out += actionTable(group.actions, forWord: forWord)
            }
        }
        out.append("")
        out += statusHistoryMarkdown()
        out.append("")
        out += milestonesAndFundingMarkdown()
        out.append("## What the statuses mean")
        out.append("")
        for definition in ragDefinitions {
            out.append("- **\(definition.letter) \(md(definition.label)):** \(md(definition.meaning))")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Each action's status letter at each quarter end, or a sentence when no action has one.
    private func statusHistoryMarkdown() -> [String] {
        var out = ["## Status at each quarter end", ""]
        if noStatusHistory {
            return out + ["No action has a review recorded at the end of \(md(heatQuarters.last ?? quarter)) or any quarter before it."]
        }
        out.append("| Action | " + heatQuarters.joined(separator: " | ") + " |")
        out.append("|---|" + heatQuarters.map { _ in ":-:" }.joined(separator: "|") + "|")
        for row in heat {
            out.append("| \(md(row.id)) | " + row.letters.map { $0.isEmpty ? "·" : $0 }.joined(separator: " | ") + " |")
        }
        return out
    }

    private func changesSection() -> [String] {
        var out = ["## Changes since \(previousQuarter)", ""]
        if changes.isEmpty { return out + ["No changes.", ""] }
        out.append("| Action | Change | Status | Lead | Detail |")
        out.append(separator([26, 16, 7, 14, 22]))
        for change in changes {
            let status = change.from.isEmpty && change.to.isEmpty ? "" : "\(change.from.isEmpty ? "–" : change.from) → \(change.to.isEmpty ? "–" : change.to)"
            out.append("| \(md(change.id)) \(md(change.title)) | \(md(change.labels)) | \(status) | \(md(change.owner)) | \(md(change.detail)) |")
        }
        return out + [""]
    }

    private func exceptionsSection() -> [String] {
        var out = ["## Exception report: red and amber actions", ""]
        if exceptions.isEmpty { out += ["No red or amber actions.", ""] }
        for row in exceptions {
            out.append("### \(row.letter) \(md(row.statusLabel)): \(md(row.id)) \(md(row.title))")
            out.append("")
            var due = row.dueLabel.isEmpty ? "none" : row.dueLabel
            if row.overdue { due += " (overdue)" }
            out.append("- **Lead:** \(md(row.owner))")
            out.append("- **Due:** \(due)\(row.isEscalation ? " · red for two or more quarters" : "")")
            for change in row.dueDateChanges {
                out.append("- **Due date moved** \(change.onLabel): \(change.fromLabel) → \(change.toLabel), \(md(change.reason))\(change.by.isEmpty ? "" : " (\(md(change.by)))")")
            }
            let previous = row.previousWithheld ? "_withheld_" : row.previousCommentary.isEmpty ? "_none_" : mdLines(row.previousCommentary)
            out.append("- **Last quarter (\(previousQuarter)):** \(previous)")
            out.append("- **This quarter (\(quarter)\(soFar ? ", so far" : "")):** \(commentaryCell(row, empty: "_none_", breaks: true))")
            if row.hasDecision { out.append("- **Decision or help needed from the board:** \(md(row.decisionNeeded))") }
            out.append("")
        }
        return out
    }

    private func annualSections(_ annual: AnnualSection, forWord: Bool) -> [String] {
        var out = ["## Completed in \(annual.year) (\(annual.completed.count))", ""]
        out += annual.completed.isEmpty ? ["No action was completed in the year."] : actionTable(annual.completed, forWord: forWord)
        out += ["", "## Carried forward (\(annual.carriedForward.count))", "",
                "_Actions not complete at the end of \(quarter)\(soFar ? " (so far)" : ""), with their latest commentary._", ""]
        out += annual.carriedForward.isEmpty ? ["Nothing is carried forward."] : actionTable(annual.carriedForward, forWord: forWord)
        out += ["", "## Due dates moved in \(annual.year) (\(annual.dueDateMoves.count))", ""]
        if annual.dueDateMoves.isEmpty { return out + ["No due date was moved in the year.", ""] }
        out.append("| Action | Moved on | From | To | Reason |")
        out.append(separator([28, 11, 11, 11, 30]))
        for move in annual.dueDateMoves {
            out.append("| \(md(move.actionID)) \(md(move.actionTitle)) | \(move.onLabel) | \(move.fromLabel) | \(move.toLabel) | \(md(move.reason))\(move.by.isEmpty ? "" : " (\(md(move.by)))") |")
        }
        return out + [""]
    }

    /// Actions as a table; the outcome measure, partners, funding, workstreams and any ask of
    /// the board follow the title in the Action cell, or (`forWord`) fill a row of their own
    /// after the action's, its other cells empty. Commentary keeps its line breaks (a grid table
    /// when any has them, `markdownTable`).
    private func actionTable(_ rows: [ActionRow], forWord: Bool = false) -> [String] {
        let cells = rows.flatMap { row -> [[String]] in
            let details = [("Outcome", row.outcomeMeasure), ("Partners", row.partners), ("Funding", row.funding),
                           ("Themes", row.workstreams), ("Decision or help needed from the board", row.decisionNeeded)]
                .filter { !$0.1.isEmpty }.map { "_\($0.0):_ \(md($0.1))" }
            let action = "**\(md(row.title))**" + (forWord ? "" : details.map { " · " + $0 }.joined())
            let due = row.dueLabel.isEmpty ? "" : row.dueLabel + (row.overdue ? " (overdue)" : "")
            let cells = [md(row.id), action, md(row.owner), due, "\(row.letter) \(md(row.statusLabel))", commentaryCell(row, empty: "", breaks: true)]
            return forWord && !details.isEmpty ? [cells, ["", details.joined(separator: " · "), "", "", "", ""]] : [cells]
        }
        return markdownTable(header: ["ID", "Action", "Lead", "Due", "Status", "Commentary"], rows: cells, widths: [9, 28, 13, 13, 10, 33])
    }
}

/// A pipe-table separator line whose dashes are in the proportions given: pandoc takes relative
/// column widths from them when a row is wider than its line length (always so for these tables).
private func separator(_ widths: [Int]) -> String {
    "|" + widths.map { String(repeating: "-", count: $0) }.joined(separator: "|") + "|"
}

/// Officer's text as Markdown paragraphs (a blank line starts a new one).
private func paragraphs(_ text: String) -> [String] {
    text.components(separatedBy: "\n\n").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }.flatMap { [md($0), ""] }
}

/// A row's commentary in Markdown: where carried text comes from, and "withheld" where a public
/// report removed it.
private func commentaryCell(_ row: Report.ActionRow, empty: String, breaks: Bool = false) -> String {
    let note = row.commentaryNote.isEmpty ? "" : "_(\(md(row.commentaryNote)))_ "
    let words = row.withheld ? note + "_withheld_" : row.commentary.isEmpty ? empty : note + (breaks ? mdLines(row.commentary) : md(row.commentary))
    guard row.hasBoardView else { return words }
    let lead = words.isEmpty || words == empty ? "_no update provided_" : words
    return "**Lead's update** (\(md(row.leadCredit))): \(lead) **Board's view** (\(md(row.boardCredit))): \(md(row.boardReason))"
}

/// Text as written inside a list item: each line after a hard break (a backslash at the line's
/// end), indented to stay in the item, so bullet points pasted from an email stay one a line in
/// Markdown and in the Word paper made from it. Blank lines are dropped (they would end the item).
func mdLines(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).map { md(String($0).trimmingSpaces()) }.filter { !$0.isEmpty }
        .joined(separator: "\\\n  ")
}

/// Plan text as literal Markdown, one line: control characters removed, and each character that
/// Markdown or pandoc would read as markup (emphasis, code, links and images, raw HTML and
/// entities, table pipes, strikeout, super- and subscript, maths) escaped with a backslash, so
/// viewers show the text itself.
func md(_ text: String) -> String {
    let cleaned = clean(text)
    let markup: Set<UInt8> = Set("\\`*_[]<>|&~^$".utf8)
    guard cleaned.utf8.contains(where: markup.contains) else { return cleaned }
    var out: [UInt8] = []
    out.reserveCapacity(cleaned.utf8.count + 16)
    for byte in cleaned.utf8 {
        if markup.contains(byte) { out.append(UInt8(ascii: "\\")) }
        out.append(byte)
    }
    return String(decoding: out, as: UTF8.self)
}
