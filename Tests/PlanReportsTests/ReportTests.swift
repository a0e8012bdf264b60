import CSV
import Foundation
import PlanModel
@testable import PlanReports
import PlanStore
import Testing

private let q1 = Quarter("2025/26 Q1")!, q2 = Quarter("2025/26 Q2")!, q3 = Quarter("2025/26 Q3")!
private let at = Timestamp(iso: "2025-07-05T10:00:00Z")!
private let now = Timestamp(iso: "2025-11-10T10:00:00Z")!  // in Q3

private func review(_ q: Quarter, _ s: Status, owner: String = "police", _ text: String = "note", noUpdate: Bool? = nil) -> Review {
    Review(quarter: q, status: s, commentary: text, by: "x", on: at, owner: owner, noUpdateProvided: noUpdate)
}

/// Actions chosen so that each kind of change happens once between Q1 and Q2.
private func changesPlan() -> Plan {
    var plan = Plan(id: "c", title: "Changes", partnership: "CSP",
                    period: Period(start: Day(iso: "2025-04-01")!, end: Day(iso: "2027-03-31")!),
                    owners: [Owner(id: "police", name: "Police"), Owner(id: "council", name: "Council")])
    func add(_ id: String, _ status: Status, _ reviews: [Review], created: Timestamp? = nil, owner: String = "police") {
        plan.actions.append(Action(id: id, group: .primary, title: "Action \(id)", owner: owner, status: status,
                                   due: Day(iso: "2026-03-31"), commentary: reviews.last?.commentary ?? "", created: created, reviews: reviews))
    }
    add("IMPROVED", .green, [review(q1, .amber), review(q2, .green)])
    add("WORSE", .amber, [review(q1, .green), review(q2, .amber)])
    add("NEWRED", .red, [review(q1, .amber), review(q2, .red)])
    add("STILLRED", .red, [review(q1, .red), review(q2, .red)])
    add("DONE", .complete, [review(q1, .green), review(q2, .complete)])
    add("SAME", .green, [review(q1, .green), review(q2, .green)])
    add("NEW", .green, [review(q2, .green)], created: Timestamp(iso: "2025-08-01T09:00:00Z")!)
    add("SILENT", .amber, [review(q1, .amber), review(q2, .amber, "", noUpdate: true)])
    add("MOVED", .green, [review(q1, .green, owner: "police"), review(q2, .green, owner: "council")], owner: "council")
    plan.actions[5].dueDateChanges = [DueDateChange(from: Day(iso: "2025-12-31"), to: Day(iso: "2026-03-31")!,
                                                    reason: "Contractor late", by: "x", on: Timestamp(iso: "2025-08-20T10:00:00Z")!)]
    plan.removedActions = [RemovedAction(of: Action(id: "GONE", group: .tertiary, title: "Dropped", owner: "police", status: .amber),
                                         by: "x", on: Timestamp(iso: "2025-09-01T10:00:00Z")!)]
    plan.quarters = [QuarterRecord(quarter: q1, state: .closed), QuarterRecord(quarter: q2, state: .closed)]
    return plan
}

@Suite struct ChangesTests {
    @Test func everyKindOfChangeIsFound() {
        let plan = changesPlan()
        let changes = Dictionary(uniqueKeysWithValues: plan.changes(from: q1, to: q2, live: q3).map { ($0.id, $0) })
        #expect(changes["IMPROVED"]?.kinds == [.improved])
        #expect(changes["WORSE"]?.kinds == [.worsened])
        #expect(changes["NEWRED"]?.kinds == [.newlyRed, .worsened])
        #expect(changes["STILLRED"]?.kinds == [.escalate])
        #expect(changes["STILLRED"]?.redQuarters == 2)
        #expect(changes["DONE"]?.kinds == [.completed])
        #expect(changes["NEW"]?.kinds == [.added])
        #expect(changes["SILENT"]?.kinds == [.noUpdate])
        #expect(changes["MOVED"]?.kinds == [.ownerChanged])
        #expect(changes["MOVED"]?.previousOwner == "police")
        #expect(changes["SAME"]?.kinds == [.dueDateMoved])
        #expect(changes["SAME"]?.dueDateChanges.first?.reason == "Contractor late")
        #expect(changes["GONE"]?.kinds == [.removed])
        #expect(changes.count == 10)
    }

    @Test func liveQuarterCountsMissingUpdatesAndChaseGroupsByOwner() {
        let plan = changesPlan()
        let live = plan.changes(from: q2, to: q3, live: q3)
        // Nobody has a Q3 review yet: everything not complete owes an update.
        #expect(Set(live.filter { $0.kinds.contains(.noUpdate) }.map(\.id)) ==
                Set(["IMPROVED", "WORSE", "NEWRED", "STILLRED", "SAME", "NEW", "SILENT", "MOVED"]))
        #expect(live.first { $0.id == "STILLRED" }?.redQuarters == 3)
        let chase = plan.chaseList(for: q3)
        #expect(chase.map(\.owner.id) == ["police", "council"])
        #expect(chase[1].actions.map(\.id) == ["MOVED"])
    }
}

@Suite struct QuarterCycleTests {
    @Test func closingRecordsNoUpdateAndMovesEditsOn() throws {
        var plan = changesPlan()
        plan.quarters.removeAll { $0.quarter == q2 }
        plan.actions[0].reviews.removeLast()  // IMPROVED has no Q2 update
        let context = EditContext(by: "Chair", now: now)
        try plan.closeQuarter(q2, board: "CSP board", context: context)
        let entry = plan.actions[0].review(for: q2)
        #expect(entry?.noUpdateProvided == true)
        #expect(entry?.status == .green)
        #expect(entry?.commentary == "")
        #expect(plan.quarters.first { $0.quarter == q2 } == QuarterRecord(quarter: q2, state: .closed, closedOn: now, closedBy: "Chair", board: "CSP board"))
        #expect(throws: PlanEditError.quarterAlreadyClosed(q2)) { try plan.closeQuarter(q2, board: nil, context: context) }
        #expect(throws: PlanEditError.quarterNotOver(q3.next)) { try plan.closeQuarter(q3.next, board: nil, context: context) }
        #expect(throws: PlanEditError.reasonRequired) { try plan.reopenQuarter(q2, reason: "", context: context) }
        try plan.reopenQuarter(q2, reason: "Police update arrived late", context: context)
        #expect(plan.quarters.first { $0.quarter == q2 }?.state == .open)
        #expect(plan.quarters.first { $0.quarter == q2 }?.reopenings == [QuarterReopening(by: "Chair", on: now, reason: "Police update arrived late")])
        #expect(plan.validate().isEmpty)
    }
}

@Suite struct ReportTests {
    func hillingdon() throws -> Plan {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("plans/hillingdon-serious-violence-2024-27.json").path
        return try PlanFile.load(path)
    }

    let options = ReportOptions(now: Timestamp(iso: "2026-11-22T10:00:00Z")!)

    /// Dates and quarters in printed prose are never split over two lines; other spaces are left.
    @Test func datesAndQuartersInPrintedProseStayWhole() {
        #expect(keepingDatesWhole("due 30 Sep 2026 → 31 Jan 2027: by 2026/27 Q4, not 2026/27 Q5 or 12 June 2027")
            == "due 30&#160;Sep&#160;2026 → 31&#160;Jan&#160;2027: by 2026/27&#160;Q4, not 2026/27 Q5 or 12 June 2027")
    }

    @Test func headlineExceptionsAndGroups() throws {
        let report = Report(plan: try hillingdon(), options: options)
        #expect(report.quarter == "2026/27 Q3")
        #expect(report.previousQuarter == "2026/27 Q2")
        #expect(report.overall.total == 27)
        #expect(report.overall.statuses.map(\.count) == [6, 4, 9, 8, 0])
        #expect(report.overall.statuses.map(\.percent) == [22, 15, 33, 30, 0])
        #expect(report.groupHeadlines.map(\.total) == [8, 6, 7, 6])
        #expect(report.exceptions.count == 10)
        #expect(report.exceptions.allSatisfy { $0.letter == "R" || $0.letter == "A" })
        #expect(report.exceptions.prefix(6).allSatisfy { $0.letter == "R" })
        #expect(report.overdue == 7 && report.stale == 6)
        // Seven quarters: the eighth back, 2024/25 Q4, had no review (no column of dots).
        #expect(report.heatQuarters.last == "2026/27 Q3" && report.heatQuarters.count == 7)
        #expect(report.heat.first { $0.id == "WSA-01" }?.letters.suffix(3) == ["R", "A", "R"])  // 2026/27 Q1, Q2, Q3
        let wsa01 = try #require(report.exceptions.first { $0.id == "WSA-01" })
        #expect(wsa01.dueDateChanges.count == 2)
    }

    @Test func filtersAndPastQuarters() throws {
        var filtered = options
        filtered.owner = "da-steering"
        let report = Report(plan: try hillingdon(), options: filtered)
        #expect(report.overall.total == 3)
        #expect(report.scope == "owner Domestic Abuse Steering Executive")
        #expect(report.changes.allSatisfy { ["PRI-05", "PRI-06", "TER-05"].contains($0.id) })
        var past = options
        past.quarter = Quarter("2025/26 Q4")
        let old = Report(plan: try hillingdon(), options: past)
        #expect(old.groups[0].actions.first { $0.id == "WSA-01" }?.letter == "R")
        #expect(old.groups[0].actions.first { $0.id == "WSA-01" }?.commentary.hasPrefix("Information sharing agreement not signed") == true)
    }

    @Test func publicReportsLeaveOutRestrictedCommentary() throws {
        var plan = try hillingdon()
        plan.actions[0].commentaryRestricted = true
        plan.actions[0].reviews[4].restricted = true  // 2026/27 Q1 review
        var publicOptions = options
        publicOptions.isPublic = true
        #expect(Report(plan: plan, options: publicOptions).groups[0].actions[0].commentary == "")
        #expect(Report(plan: plan, options: options).groups[0].actions[0].commentary.hasPrefix("Hospital data sharing"))
        publicOptions.quarter = Quarter("2026/27 Q1")
        #expect(Report(plan: plan, options: publicOptions).groups[0].actions[0].commentary == "")
        let history = String(decoding: try plan.historyCSV(excel: false, isPublic: true), as: UTF8.self)
        #expect(!history.contains("Still waiting on THH data"))
        #expect(String(decoding: try plan.historyCSV(excel: false, isPublic: false), as: UTF8.self).contains("Still waiting on THH data"))
    }

    @Test func markdownAndHTMLAreCompleteAndSafe() throws {
        var plan = try hillingdon()
        plan.actions[0].title = "Needs <b>review</b> | pipes \u{1B}[31mred"
        let report = Report(plan: plan, options: options)
        let markdown = report.markdown()
        for heading in ["## Headline", "## Changes since 2026/27 Q2", "## Exception report: red and amber actions",
                        "## All actions", "### Whole system approach (8)", "## Status at each quarter end", "## What the statuses mean"] {
            #expect(markdown.contains(heading), "\(heading)")
        }
        #expect(markdown.contains("Needs \\<b\\>review\\</b\\> \\| pipes red"))
        #expect(!markdown.contains("\u{1B}"))
        let html = report.html()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("<link"))
        #expect(html.contains("@media print") && html.contains("@page") && !html.contains("break-before: page"))
        #expect(html.contains("Needs &lt;b&gt;review&lt;/b&gt; | pipes red"))
        #expect(!html.contains("\u{1B}"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 6 + report.indicators.count)  // status bars and the quarters' chart, then one chart per indicator
        #expect(report.indicators.count == 4)
        #expect(html.contains("<span class=\"s s-R\">R</span>"))
    }

    @Test func csvUsesCouncilColumnsQuotingAndDefusesFormulas() throws {
        var plan = try hillingdon()
        plan.actions[0].commentary = "=HYPERLINK(\"http://evil\")"
        plan.actions[1].title = "Line one\nline, two \"quoted\""
        let data = try Report(plan: plan, options: options).csv(excel: true)
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.contains("\r\n"))
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        #expect(reader.headerRow == ["ID", "Prevention group", "Action", "Owner", "Partners", "Due", "Status", "Commentary", "Commentary note",
                                     "Outcome measure", "Funding", "Lead's status", "Board's view", "Board's reason"])
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        rows.removeAll { $0 == [""] }
        #expect(rows.count == 27)
        #expect(rows[0][7] == "'=HYPERLINK(\"http://evil\")")
        #expect(rows[1][2] == "Line one\nline, two \"quoted\"")  // text as written: the line break kept in a quoted cell
        #expect(rows[0][6] == "R Red")
        #expect(defuse("-1") == "'-1" && defuse("+44") == "'+44" && defuse("@x") == "'@x" && defuse("\tx") == "' x" && defuse("ok") == "ok")
        let history = String(decoding: try plan.historyCSV(excel: false, isPublic: false), as: UTF8.self)
        #expect(history.hasPrefix("ID,Action,Quarter,Status,Commentary,By,On,Board's view,Board's reason\r\n"))
        #expect(history.components(separatedBy: "\r\n").count - 2 == plan.actions.map(\.reviews.count).reduce(0, +))
    }

    @Test func jsonRoundTrips() throws {
        let report = Report(plan: try hillingdon(), options: options)
        let data = try JSONEncoder().encode(report)
        #expect(try JSONDecoder().decode(Report.self, from: data) == report)
    }

    @Test func templatesRenderAndUnknownFieldsAreReported() throws {
        let report = Report(plan: try hillingdon(), options: options)
        let text = try report.render(template: "{{% CONTENT_TYPE: TEXT}}{{plan.title}} {{quarter}}: {{#exceptions}}{{id}}={{letter}} {{/exceptions}}", name: "t")
        #expect(text.hasPrefix("Hillingdon Serious Violence Delivery Plan 2024-27 2026/27 Q3: PRI-03=R"))
        #expect(throws: TemplateError.self) { try report.render(template: "{{plan.titel}}", name: "t") }
        do {
            _ = try report.render(template: "{{#changes}}{{ownr}}{{/changes}} {{! comment }} {{overdue}}", name: "board.mustache")
            Issue.record("expected an unknown-field error")
        } catch {
            #expect("\(error)" == "board.mustache: line 1: unknown field {{ownr}}; see docs/templates.md for the fields a report has")
        }
        #expect(throws: TemplateError.self) { try report.render(template: "{{#changes}}", name: "t") }
        // A partial would render as nothing: a paper missing a whole section, and exit 0.
        for partial in ["{{> exceptions-table}}", "{{<parent}}{{/parent}}"] {
            #expect(throws: TemplateError.self, "\(partial)") { try report.render(template: "# Paper\n" + partial, name: "t") }
        }
        do {
            _ = try report.render(template: "# Paper\n{{> exceptions-table}}", name: "paper.mustache")
        } catch {
            #expect("\(error)" == "paper.mustache: line 2: {{> exceptions-table}} brings in another template; dplan renders one file, so write that part here")
        }
        // The documented example template only uses real fields.
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/examples/board-summary.mustache")
        let source = try String(contentsOf: example, encoding: .utf8)
        var asking = try hillingdon()
        asking.actions[asking.actionIndex(id: "SEC-06")!].decisionNeeded = "Agree bridging funding for the IDVA post"
        let rendered = try Report(plan: asking, options: options).render(template: source, name: "example")
        #expect(rendered.contains("## Red and amber"))
        #expect(rendered.contains("Children's Services"))
        let asks = Report(plan: asking, options: options).decisions.map { "- \($0.letter) **\($0.id)** \($0.title) (\($0.owner)): \($0.ask)" }
        #expect(!asks.isEmpty && asks.allSatisfy(rendered.contains), "\(rendered)")
        // docs/templates.md shows the same template, word for word.
        let guide = try String(contentsOf: example.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("templates.md"), encoding: .utf8)
        #expect(guide.contains("```mustache\n" + source + "```"))
    }
}

/// Templates are checked against the shape of an example report: a list empty there would hide
/// its entries' fields, and a template using them (as `decisions[]` once did) would be refused.
@Suite struct TemplateShapeTests {
    @Test func everyListOfTheExampleReportHasAnEntry() throws {
        var entries: [String: Int] = [:]  // list path → entries across every occurrence
        func walk(_ value: Any, _ path: String) {
            if let object = value as? [String: Any] {
                for (key, inner) in object { walk(inner, path.isEmpty ? key : "\(path).\(key)") }
            } else if let list = value as? [Any] {
                entries[path + "[]", default: 0] += list.count
                for entry in list { walk(entry, path + "[]") }
            }
        }
        for example in Report.shapeExamples { walk(try example.contextObject(), "") }
        #expect(entries.filter { $0.value == 0 }.keys.sorted() == [])
    }

    /// `suppressBelow` is only in a public version: a public template naming it renders.
    @Test func aPublicTemplateMayNameTheSuppressionLimit() throws {
        var options = ReportOptions(now: now)
        options.isPublic = true
        let report = Report(plan: try ReportTests().hillingdon(), options: options)
        let text = try report.render(template: "{{% CONTENT_TYPE: TEXT}}{{#indicators}}{{id}}<{{suppressBelow}} {{/indicators}}", name: "t")
        let limits = report.indicators.map { "\($0.id)<\($0.suppressBelow.map(String.init) ?? "") " }.joined()
        #expect(text == limits && report.indicators.contains { $0.suppressBelow != nil })
    }

    /// A field that is nil in the example is left out of it, and a template naming it refused.
    @Test func everyOptionalFieldOfTheExampleReportHasAValue() {
        var seen: [String: Bool] = [:]  // field path → has a value somewhere
        func walk(_ value: Any, _ path: String, depth: Int) {
            guard depth < 12 else { return }
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional {
                seen[path, default: false] = seen[path, default: false] || !mirror.children.isEmpty
                if let inner = mirror.children.first { walk(inner.value, path, depth: depth + 1) }
                return
            }
            guard mirror.displayStyle == .struct || mirror.displayStyle == .collection else { return }
            for child in mirror.children {
                let name = child.label.map { path.isEmpty ? $0 : "\(path).\($0)" } ?? path + "[]"
                walk(child.value, name, depth: depth + 1)
            }
        }
        for example in Report.shapeExamples { walk(example, "", depth: 0) }
        #expect(seen.filter { !$0.value }.keys.sorted() == [])
    }
}

@Suite struct ActionFieldsTests {
    @Test func namesDatesAndMarkersAsPeopleReadThem() throws {
        let plan = try ReportTests().hillingdon()
        var action = plan.actions[plan.actionIndex(id: "WSA-01")!]
        action.commentaryRestricted = true
        action.funding = Funding(source: "Home Office SVD grant", amount: Decimal(string: "83506.3"))
        let fields = Dictionary(uniqueKeysWithValues: plan.fields(of: action).map { ($0.label, $0.value) })
        #expect(fields["Owner"] == "Hillingdon Council Community Safety Team")
        #expect(fields["Group"] == "Whole system approach")
        #expect(fields["Due"] == "2027-01-31  (moved 2×)")
        #expect(fields["Commentary"]?.hasSuffix("[restricted: not for publication]") == true)
        #expect(fields["Funding"] == "Home Office SVD grant £83,506.30")
        #expect(fields["Updated"] == "2026-11-12 14:30 UTC by Hillingdon Community Safety Team")
        #expect(plan.fields(of: action).map(\.label) == ["Group", "Owner", "Partners", "Workstreams", "Start", "Due", "Description",
                                                         "Commentary", "Outcome measure", "Funding", "Created", "Updated"])
    }
}
