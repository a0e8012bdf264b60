@testable import PlanReports
import Foundation
import PlanModel
import PlanStore
import Testing
import TestSupport

/// Plan text that would turn live in a spreadsheet or terminal once it leaves dplan (the red-team
/// findings of issue #24).
@Suite struct UnsafeTextTests {
    /// The formula guard runs on the text as written out, after control characters are gone.
    @Test(arguments: ["\u{07}=HYPERLINK(\"http://x\",\"y\")", "\u{1B}[0m=1+1", "\u{0}+SUM(A1)", "\t=1", "\r\n-1+2", "  @cmd", "\u{9B}31m=2"])
    func aFormulaBehindControlCharactersIsDefused(_ cell: String) {
        let out = defuse(cell)
        #expect(out.hasPrefix("'"), "\(out.debugDescription)")
        let csv = String(decoding: try! writeCSV([[cell]], excel: false), as: UTF8.self)
        #expect(csv.hasPrefix("'") || csv.hasPrefix("\"'"), "\(csv.debugDescription)")
    }

    @Test func plainTextIsLeftAlone() {
        #expect(defuse("Agree a plan - by March") == "Agree a plan - by March")
        #expect(defuse("") == "")
    }

    /// C1 controls and bidi overrides in plan text reach the JSON export escaped, and read back
    /// as the same text.
    @Test func jsonExportEscapesC1AndBidiControls() throws {
        var plan = try PlanFile.load(repositoryFolder.appendingPathComponent("plans/hillingdon-serious-violence-2024-27.json").path)
        let title = "Plan \u{9B}31mred\u{202E}txt.exe\u{2066}x\u{2069}"
        plan.actions[0].title = title
        let data = try Report(plan: plan, options: ReportOptions(now: Timestamp(iso: "2026-11-22T10:00:00Z")!)).rendered(as: .json)
        let text = String(decoding: data, as: UTF8.self)
        for raw in ["\u{9B}", "\u{202E}", "\u{2066}", "\u{2069}"] { #expect(!text.contains(raw), "\(raw.unicodeScalars.first!.value)") }
        #expect(text.contains(#"\u009B31mred\u202Etxt.exe\u2066x\u2069"#))
        let decoded = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let actions = (decoded?["groups"] as? [[String: Any]])?.flatMap { ($0["actions"] as? [[String: Any]]) ?? [] } ?? []
        #expect(actions.contains { $0["title"] as? String == title }, "the escapes read back as the same text")
    }

    /// Status words a plan file names (`statusWords`) are plan text too: in Markdown (and so in
    /// Word, which pandoc makes from it) a link or HTML in one stays literal.
    @Test func statusWordsAreEscapedInMarkdown() throws {
        let path = repositoryFolder.appendingPathComponent("plans/hillingdon-serious-violence-2024-27.json").path
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        object["statusWords"] = ["red": "[Red](http://evil.example)", "amber": "<b>Amber</b>"]
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-labels-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: object).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let plan = try PlanFile.load(file.path)
        #expect(plan.statusLabel(.red) == "Red ([Red](http://evil.example))", "the sample plan's labels were not replaced")
        let markdown = Report(plan: plan, options: ReportOptions(now: Timestamp(iso: "2026-11-22T10:00:00Z")!)).markdown()
        #expect(!markdown.contains("[Red](http") && !markdown.contains("<b>Amber"))
        #expect(markdown.contains(#"\[Red\](http://evil.example)"#) && markdown.contains(#"\<b\>Amber\</b\>"#))
    }

    /// A deeply nested template is refused with its line, not a stack overflow; a huge one is
    /// refused by its size, not rendered in quadratic time.
    @Test func templatesHaveANestingAndSizeLimit() throws {
        let plan = try PlanFile.load(repositoryFolder.appendingPathComponent("plans/hillingdon-serious-violence-2024-27.json").path)
        let report = Report(plan: plan, options: ReportOptions(now: Timestamp(iso: "2026-11-22T10:00:00Z")!))
        let deep = "title\n" + String(repeating: "{{#groups}}", count: 5_000) + String(repeating: "{{/groups}}", count: 5_000)
        #expect(throws: TemplateError.self) { try report.render(template: deep, name: "deep.mustache") }
        do { _ = try report.render(template: deep, name: "deep.mustache") } catch {
            #expect("\(error)" == "deep.mustache: line 2: sections nested more than 100 deep")
        }
        let long = String(repeating: "{{quarter}}\n", count: 6_000)
        do { _ = try report.render(template: long, name: "long.mustache"); Issue.record("rendered") } catch {
            #expect("\(error)" == "long.mustache: 6001 lines; a template may have at most 5000")
        }
        let fine = String(repeating: "{{#overall}}", count: 100) + "{{quarter}}" + String(repeating: "{{/overall}}", count: 100)
        #expect(try !report.render(template: fine, name: "fine.mustache").isEmpty)
    }
}
