import Foundation
import TestSupport
import Testing

/// A plan file with a value no command can work with is refused with the field and what is
/// allowed, by every command, never a crash; the same values are refused where they are typed
/// (issue #27). Each of these crashed dplan (a trap, exit status 132) or was accepted before.
@Suite struct ValueRangeCLITests {
    /// A copy of the Hillingdon sample with one field changed by hand.
    private func handEdited(_ change: (inout [String: Any]) -> Void) throws -> String {
        let path = try temporaryCopy(of: hillingdonPlan)
        var plan = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        change(&plan)
        try JSONSerialization.data(withJSONObject: plan).write(to: URL(fileURLWithPath: path))
        return path
    }

    private static let cases: [(String, String, @Sendable (inout [String: Any]) -> Void)] = [
        ("period.end", "expected a date in the years 1900 to 2100, found 9999-12-31", { plan in
            var period = plan["period"] as! [String: Any]; period["end"] = "9999-12-31"; plan["period"] = period }),
        ("period.start", "expected a date in the years 1900 to 2100, found 0001-01-01", { plan in
            var period = plan["period"] as! [String: Any]; period["start"] = "0001-01-01"; plan["period"] = period }),
        ("financialYearStartMonth", "expected a month from 1 to 12, found 0", { $0["financialYearStartMonth"] = 0 }),
        ("financialYearStartMonth", "expected a month from 1 to 12, found 13", { $0["financialYearStartMonth"] = 13 }),
        ("indicators[0].values[0].value", "100000000000000000000 is out of range", { plan in
            var indicators = plan["indicators"] as! [[String: Any]]
            var values = indicators[0]["values"] as! [[String: Any]]
            values[0]["value"] = 1e20
            indicators[0]["values"] = values
            plan["indicators"] = indicators }),
    ]

    @Test(arguments: 0..<cases.count)
    func aPlanWithAValueNoCommandCanUseIsRefusedByEveryCommand(index: Int) throws {
        let (field, words, change) = Self.cases[index]
        let path = try handEdited(change)
        let commands: [[String]] = [
            ["export", path, "--format", "markdown", "-o", "-"], ["export", path, "--format", "json", "-o", "-"],
            ["show", path, "PRI-03"], ["list", path], ["changes", path], ["chase", path], ["indicator", "list", path],
            ["set", path, "PRI-03", "--status", "green"], ["validate", path],
        ]
        for command in commands {
            let result = try runDplan(command)
            #expect(result.status == 1, "\(command[0]): status \(result.status) \(result.stderr.suffix(300))")
            #expect(result.stderr.contains("\(path): \(field): \(words)"), "\(command[0]): \(result.stderr.suffix(300))")
        }
    }

    @Test func theSameValuesAreRefusedWhereTheyAreTyped() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let folder = (path as NSString).deletingLastPathComponent
        let start = try runDplan(["new", folder + "/a.json", "--title", "T", "--partnership", "P", "--start", "0001-01-01"])
        #expect(start.status == 2 && start.stderr.contains("--start: expected a date in the years 1900 to 2100, found 0001-01-01"))
        let end = try runDplan(["new", folder + "/b.json", "--title", "T", "--partnership", "P", "--end", "9999-12-31"])
        #expect(end.status == 2 && end.stderr.contains("--end: expected a date in the years 1900 to 2100, found 9999-12-31"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/a.json") && !FileManager.default.fileExists(atPath: folder + "/b.json"))
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let period = try runDplan(["plan", "set", path, "--end", "9999-12-31"])
        #expect(period.status == 1 && period.stderr.contains("the plan period: expected a date in the years 1900 to 2100"), "\(period.stderr)")
        let value = try runDplan(["indicator", "record", path, "hospital-knife-u25", "--quarter", "2026/27 Q2", "--value", "100000000000000000000"])
        #expect(value.status == 1 && value.stderr.contains("is out of range: an indicator value is from -1,000,000,000 to 1,000,000,000"),
                "\(value.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    /// A tracker whose target date is 31/12/9999 makes no plan period from it: the row is refused.
    @Test func aTrackerDateOutsideSensibleYearsIsARowProblem() throws {
        let folder = (try temporaryCopy(of: hillingdonPlan) as NSString).deletingLastPathComponent
        try "Action,Lead,RAG,Target date\nNew work,Police,Green,31/12/9999\n".write(toFile: folder + "/t.csv", atomically: true, encoding: .utf8)
        let result = try runDplan(["import", folder + "/t.csv", "--into", folder + "/t.json", "--title", "T", "--partnership", "P"])
        #expect(result.status == 1, "\(result.stderr.suffix(300))")
        #expect(result.stderr.contains("row 2: column D \"Target date\": 31/12/9999: expected a date in the years 1900 to 2100, found 9999-12-31"),
                "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/t.json"))
    }

    /// git's merge driver given a side whose period ends 9999-12-31 says so and stops.
    @Test func theMergeDriverRefusesAPeriodOutsideSensibleYears() throws {
        let ours = try temporaryCopy(of: hillingdonPlan), base = try temporaryCopy(of: hillingdonPlan)
        let theirs = try handEdited(Self.cases[0].2)
        let result = try runDplan(["merge-driver", base, ours, theirs, "plan.json"])
        #expect(result.status == 1, "\(result.stderr.suffix(300))")
        #expect(result.stderr.contains("plan.json: after the merge: period.end: expected a date in the years 1900 to 2100, found 9999-12-31"),
                "\(result.stderr)")
    }
}
