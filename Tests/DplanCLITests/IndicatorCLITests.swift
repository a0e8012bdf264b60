import Foundation
import TestSupport
import Testing

/// The "done when" of the performance framework, through the real binary: on a copy of a sample
/// plan a new indicator gets four quarters, turns red when it worsens against last year, shows in
/// `dplan changes`, in the HTML board paper as a chart, and the public export suppresses a small count.
@Suite struct IndicatorCLITests {
    @Test func addRecordListShowChangesAndExport() throws {
        let plan = try temporaryCopy(of: hillingdonPlan)
        let add = try runDplan(["indicator", "add", plan, "--id", "stabbings", "--name", "Stabbings of under-18s", "--unit", "count",
                                "--better", "lower", "--baseline", "10", "--baseline-period", "2024/25", "--target", "8",
                                "--target-by", "2026/27 Q4", "--tolerance", "25", "--owner", "mps", "--suppress-below", "5"])
        #expect(add.status == 0, "\(add.stderr)")
        for (quarter, value) in [("2025/26 Q1", "3"), ("2025/26 Q2", "7"), ("2026/27 Q1", "8"), ("2026/27 Q2", "12")] {
            let record = try runDplan(["indicator", "record", plan, "stabbings", "--quarter", quarter, "--value", value])
            #expect(record.status == 0, "\(record.stderr)")
        }
        let list = try runDplan(["indicator", "list", plan])
        let row = try #require(list.stdout.split(separator: "\n").first { $0.hasPrefix("stabbings") })
        #expect(row.contains("▲ +4 +50% (worse)") && row.contains("▲ +5 +71% (worse)") && row.contains("R Off target"), "\(row)")
        let show = try runDplan(["indicator", "show", plan, "stabbings"])
        #expect(show.stdout.contains("Year total        20 in 2026/27 (2 of 4 quarters)"), "\(show.stdout)")
        #expect(show.stdout.contains("2025/26 Q2  7"))
        let changes = try runDplan(["changes", plan])
        #expect(changes.stdout.contains("stabbings  Worse than the same quarter last year"), "\(changes.stdout)")
        #expect(try runDplan(["validate", plan]).status == 0)

        let folder = (plan as NSString).deletingLastPathComponent
        let html = folder + "/board.html", publicCSV = folder + "/public.csv", publicHTML = folder + "/public.html"
        #expect(try runDplan(["export", plan, "--format", "html", "-o", html]).status == 0)
        let board = try String(contentsOfFile: html, encoding: .utf8)
        #expect(board.contains("<svg") && board.contains("Stabbings of under-18s: 2025/26 Q1 3; 2025/26 Q2 7; 2026/27 Q1 8; 2026/27 Q2 12"))
        #expect(try runDplan(["export", plan, "--format", "html", "--public", "-o", publicHTML]).status == 0)
        let published = try String(contentsOfFile: publicHTML, encoding: .utf8)
        #expect(published.contains("2025/26 Q1 fewer than 5") && !published.contains("2025/26 Q1 3;"))
        #expect(try runDplan(["export", plan, "--format", "csv", "--indicators", "--public", "-o", publicCSV]).status == 0)
        let csv = try String(contentsOfFile: publicCSV, encoding: .utf8)
        #expect(csv.contains("stabbings,Stabbings of under-18s,count,2025/26 Q1,fewer than 5,no,,2026-11-22"), "\(csv)")
    }

    @Test func badValuesAreRefusedWithNothingWritten() throws {
        let plan = try temporaryCopy(of: hillingdonPlan)
        let before = try Data(contentsOf: URL(fileURLWithPath: plan))
        let cases: [([String], String)] = [
            (["--quarter", "2026/27 Q1", "--value", "lots"], "--value: expected a number such as 42 or 3.5, found \"lots\""),
            (["--quarter", "2026/27 Q1", "--value", "Infinity"], "expected a finite number"),
            (["--quarter", "2026/27 Q1", "--value=-2"], "-2 is negative, which a count cannot be"),
            (["--quarter", "2027/28 Q1", "--value", "2"], "2027/28 Q1 is outside the plan period"),
            (["--quarter", "2026/27 Q4", "--value", "2"], "2026/27 Q4 has not started yet"),
        ]
        for (arguments, message) in cases {
            let result = try runDplan(["indicator", "record", plan, "police-knife-u25"] + arguments)
            #expect(result.status == 1 && result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        let unknown = try runDplan(["indicator", "record", plan, "nope", "--quarter", "2026/27 Q1", "--value", "2"])
        #expect(unknown.status == 1 && unknown.stderr.contains("no indicator with id \"nope\""))
        #expect(try Data(contentsOf: URL(fileURLWithPath: plan)) == before)
    }

    @Test func importReportsEveryBadCellAndWritesNothing() throws {
        let plan = try temporaryCopy(of: hillingdonPlan)
        let before = try Data(contentsOf: URL(fileURLWithPath: plan))
        let folder = (plan as NSString).deletingLastPathComponent
        let bad = folder + "/bad.csv"
        try """
            Indicator,Quarter,Value,Note
            police-knife-u25,2026/27 Q1,38,revised
            nope,2026/27 Q1,3,
            police-knife-u25,2026/27 Q9,3,
            homicide-u25,2026/27 Q1,-1,
            hospital-knife-u25,2026/27 Q1,inf,
            police-knife-u25,2026/27 Q1,39,again

            """.write(toFile: bad, atomically: true, encoding: .utf8)
        let result = try runDplan(["indicator", "import", plan, bad])
        #expect(result.status == 1)
        for expected in ["row 3, column \"Indicator\": no indicator \"nope\"",
                         "row 4, column \"Quarter\": expected a quarter such as \"2025/26 Q2\", found \"2026/27 Q9\"",
                         "row 5, column \"Value\": -1 is negative, which a count cannot be",
                         "row 6, column \"Value\": expected a finite number, found \"inf\"",
                         "row 7, column \"Quarter\": a second value for police-knife-u25 in 2026/27 Q1 (the first is on row 2)",
                         "5 problems; nothing was written"] {
            #expect(result.stderr.contains(expected), "\(expected)\n\(result.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: plan)) == before)

        let good = folder + "/good.csv"
        try "indicator,quarter,value,note,provisional\npolice-knife-u25,2026/27 Q2,45,final figure,no\nhomicide-u25,2026/27 Q2,0,,\n"  // was provisional: now final, a revision
            .write(toFile: good, atomically: true, encoding: .utf8)
        let imported = try runDplan(["indicator", "import", plan, good])
        #expect(imported.status == 0 && imported.stdout.contains("recorded 2 values"), "\(imported.stdout)\(imported.stderr)")
        let show = try runDplan(["indicator", "show", plan, "police-knife-u25"])
        #expect(show.stdout.contains("2026/27 Q2  45        R  final figure — Test Officer, 2026-11-22"), "\(show.stdout)")
    }
}
