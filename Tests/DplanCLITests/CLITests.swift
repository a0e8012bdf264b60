import Foundation
import PlanModel
import PlanStore
import TestSupport
import Testing

@Suite struct CLITests {
    @Test func validateAcceptsTheSamplePlans() throws {
        let plans = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("plans").path)
            .filter { $0.hasSuffix(".json") }.map { "plans/" + $0 }
        let result = try runDplan(["validate"] + plans.map { repositoryRoot.appendingPathComponent($0).path })
        #expect(result.status == 0)
        #expect(result.stdout.components(separatedBy: ": ok (").count - 1 == plans.count)
    }

    @Test func validateReportsEveryProblemWithPathsAndExitsOne() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        var plan = try PlanFile.load(path)
        plan.actions[3].id = plan.actions[0].id
        plan.actions[5].owner = "fire-brigade"
        plan.period.end = Day(iso: "2023-03-31")!
        try PlanFile.save(plan, to: path)
        let result = try runDplan(["validate", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(path): actions[3].id: duplicate id \"WSA-01\" (first used at actions[0])"))
        #expect(result.stderr.contains("\(path): actions[5].owner: unknown owner \"fire-brigade\""))
        #expect(result.stderr.contains("\(path): period.end: end 2023-03-31 is before start 2024-04-01"))
    }

    @Test func unknownFieldsAreReportedAndNeverDroppedSilently() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let withNotes = original.replacingOccurrences(of: "{\n  \"actions\" : [\n    {\n", with: "{\n  \"actions\" : [\n    {\n      \"notes\" : \"ask Jo\",\n")
        #expect(withNotes != original)
        try withNotes.write(toFile: path, atomically: true, encoding: .utf8)
        let validate = try runDplan(["validate", path])
        #expect(validate.status == 0)
        #expect(validate.stdout.contains("ok (27 actions; 1 unknown field, see the warnings)"))
        #expect(validate.stderr.contains("warning: \(path):4:17: actions[0].notes: unknown field; dplan does not keep it when it saves the plan"))
        // Changing the plan would drop the field: refused, file untouched.
        for command in [["set", path, "WSA-02", "--status", "amber", "--comment", "Slipping"], ["format", path]] {
            let refused = try runDplan(command)
            #expect(refused.status == 1, "\(command)")
            #expect(refused.stderr.contains("saving would drop them (nothing was written)"))
            #expect(refused.stderr.contains("dplan format --drop-unknown \(path)"))
            #expect(try String(contentsOfFile: path, encoding: .utf8) == withNotes)
        }
        // Unless asked to drop them.
        let dropped = try runDplan(["format", "--drop-unknown", path])
        #expect(dropped.status == 0)
        #expect(dropped.stderr.contains("dropping \(path):4:17: actions[0].notes"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original)
    }

    @Test func truncatedFileReportsLineAndColumnAndIsLeftUnchanged() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let full = try Data(contentsOf: URL(fileURLWithPath: path))
        let truncated = full.prefix(full.count / 3)
        try truncated.write(to: URL(fileURLWithPath: path))
        for command in [["validate", path], ["list", path], ["set", path, "WSA-01", "--status", "green"], [path]] {
            let result = try runDplan(command)
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr.range(of: #"^\S+:\d+:\d+: invalid JSON: expected"#, options: .regularExpression) != nil, "\(result.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == truncated)
        }
    }

    @Test func setChangesOnlyThatActionsLines() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let before = try String(contentsOfFile: path, encoding: .utf8)
        let result = try runDplan(["set", path, "SEC-04", "--status", "amber", "--comment", "Two schools not yet signed up"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("SEC-04: A Amber"))
        #expect(result.stdout.contains("2026/27 Q3 by Test Officer"))
        let after = try String(contentsOfFile: path, encoding: .utf8)
        let plan = try PlanFile.load(path)
        let action = try #require(plan.actions.first { $0.id == "SEC-04" })
        #expect(action.status == .amber)
        #expect(action.reviews.last == Review(quarter: Quarter("2026/27 Q3")!, status: .amber,
                                              commentary: "Two schools not yet signed up", by: "Test Officer",
                                              on: Timestamp(iso: "2026-11-22T10:00:00Z")!, owner: "mps"))
        // Every changed line lies inside SEC-04's object in the old file.
        let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
        let idLine = try #require(lines.firstIndex { $0.contains("\"id\" : \"SEC-04\"") })
        let start = try #require(lines[..<idLine].lastIndex { $0 == "    {" })
        let end = try #require(lines[idLine...].firstIndex { $0.hasPrefix("    }") })
        let changed = changedLineRanges(from: before, to: after)
        #expect(!changed.old.isEmpty)
        #expect(changed.old.lowerBound > start && changed.old.upperBound <= end)
        var reverted = plan
        reverted.actions[plan.actionIndex(id: "SEC-04")!] = try PlanFile.load(hillingdonPlan).actions.first { $0.id == "SEC-04" }!
        #expect(PlanCoding.encode(reverted) == Data(before.utf8))
    }

    @Test func setRefusesBadChangesAndWritesNothing() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let worse = try runDplan(["set", path, "SEC-06", "--status", "red"])
        #expect(worse.status == 1)
        #expect(worse.stderr.contains("commentary explaining why is required"))
        let noReason = try runDplan(["set", path, "SEC-06", "--due", "2027-06-30"])
        #expect(noReason.status == 1)
        #expect(noReason.stderr.contains("needs a reason"))
        let badDate = try runDplan(["set", path, "SEC-06", "--due", "30/06/2027", "--reason", "x"])
        #expect(badDate.status == 2)  // a usage error, with the format in the option's help
        #expect(badDate.stderr.contains("The value '30/06/2027' is invalid for '--due <due>'"))
        #expect(badDate.stderr.contains("YYYY-MM-DD"))
        let unknown = try runDplan(["set", path, "NOPE-1", "--status", "green"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no action with id \"NOPE-1\""))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func logShowsTheAuditTrail() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        #expect(try runDplan(["log", path, "SEC-06"]).stdout == "No changes recorded by dplan yet.\n")
        _ = try runDplan(["set", path, "SEC-06", "--status", "amber", "--comment", "IDVA at risk"])
        _ = try runDplan(["set", path, "PRI-05", "--status", "complete"])
        let all = try runDplan(["log", path])
        // The sample's indicators bring their own trail, which widens the columns: compare words.
        let lines = all.stdout.split(separator: "\n").filter { $0.contains("2026-11-22 10:00") }
            .map { $0.split(separator: " ").joined(separator: " ") }
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("2026-11-22 10:00 PRI-05 status green complete"))
        #expect(lines[1].contains("SEC-06 status green amber") && lines[1].hasSuffix("Test Officer"))
        #expect(try runDplan(["log", path, "SEC-06"]).stdout.split(separator: "\n").count == 3)
        #expect(try runDplan(["log", path, "NOPE"]).status == 1)
    }

    @Test func setMovesDueDateWithReasonAndUser() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let result = try runDplan(["set", path, "SEC-05", "--due", "2027-01-31", "--reason", "Recruitment took two rounds", "--by", "Chair"])
        #expect(result.status == 0, "\(result.stderr)")
        let action = try #require(try PlanFile.load(path).actions.first { $0.id == "SEC-05" })
        #expect(action.due == Day(iso: "2027-01-31"))
        #expect(action.dueDateChanges.last?.from == Day(iso: "2026-06-30"))
        #expect(action.dueDateChanges.last?.by == "Chair")
        let shown = try runDplan(["show", path, "SEC-05"])
        #expect(shown.stdout.contains("2026-06-30 → 2027-01-31  Recruitment took two rounds  (Chair, 2026-11-22)"))
    }

    @Test func usageErrorsExitTwo() throws {
        let noArgs = try runDplan([])
        #expect(noArgs.status == 2)
        let badOption = try runDplan(["list", hillingdonPlan, "--colour"])
        #expect(badOption.status == 2)
        #expect(badOption.stderr.contains("Unknown option '--colour'"))
        let nothingToSet = try runDplan(["set", hillingdonPlan, "SEC-05"])
        #expect(nothingToSet.status == 2)
        let help = try runDplan(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("validate"))
    }

    @Test func listFilters() throws {
        let owner = try runDplan(["list", hillingdonPlan, "--owner", "Metropolitan Police Service (West Area BCU)"])
        #expect(owner.status == 0)
        let ids = owner.stdout.split(separator: "\n").dropFirst().dropLast().map { String($0.prefix(6)) }
        #expect(ids == ["SEC-03", "SEC-04", "TER-04"])
        let redStale = try runDplan(["list", hillingdonPlan, "--status", "red", "--stale"])
        #expect(redStale.stdout.contains("3 of 27 actions"))
        for line in redStale.stdout.split(separator: "\n").dropFirst().dropLast() {
            #expect(line.contains("R Red") && line.contains("stale"))
        }
        let overdue = try runDplan(["list", hillingdonPlan, "--overdue", "--group", "secondary"])
        #expect(overdue.stdout.contains("SEC-03") && overdue.stdout.contains("SEC-05"))
        #expect(overdue.stdout.contains("2 of 27 actions"))
        // A workstream by id or name, as `set --workstream` takes it (PlanModel's findWorkstream):
        // any case, spaces around it ignored.
        let byID = try runDplan(["list", hillingdonPlan, "--workstream", "data-insight"])
        #expect(byID.status == 0 && byID.stdout.contains("WSA-01") && !byID.stdout.contains("WSA-02"))
        for name in ["Data and insight", " DATA AND INSIGHT "] {
            #expect(try runDplan(["list", hillingdonPlan, "--workstream", name]).stdout == byID.stdout, "\(name)")
        }
        let unknown = try runDplan(["list", hillingdonPlan, "--status", "blue"])
        #expect(unknown.status == 2)  // a usage error naming the statuses
        #expect(unknown.stderr.contains("The value 'blue' is invalid for '--status <status>'. Please provide one of 'not-started'"))
    }

    @Test func showPrintsFieldsAndReviewHistory() throws {
        let result = try runDplan(["show", hillingdonPlan, "WSA-01"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("WSA-01  Revisit the serious violence needs assessment"))
        #expect(result.stdout.contains("Due-date changes"))
        #expect(result.stdout.contains("2026-03-31 → 2026-09-30"))
        let history = result.stdout.components(separatedBy: "Review history\n")[1].split(separator: "\n")
        #expect(history.count == 7)
        #expect(history.first?.hasPrefix("  2026/27 Q3  R Red") == true)
        #expect(history.last?.hasPrefix("  2025/26 Q1  A Amber") == true)
    }

    @Test func controlCharactersInPlanTextNeverReachTheTerminal() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        var plan = try PlanFile.load(path)
        plan.actions[0].title = "Evil \u{1B}]0;pwned\u{07}title \u{1B}[2J"
        plan.actions[0].commentary = "line\u{1B}[31m red"
        try PlanFile.save(plan, to: path)
        for command in [["list", path], ["show", path, "WSA-01"], [path]] {
            let result = try runDplan(command)
            #expect(!result.stdout.contains("\u{1B}"), "\(command)")
        }
        #expect(try PlanFile.load(path).actions[0].title.contains("\u{1B}"))  // stored as given
    }

    @Test func newAndAddBuildAPlan() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-new-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("borough.json").path
        let created = try runDplan(["new", path, "--title", "Borough SV Delivery Plan", "--partnership", "Borough CSP"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("2026-04-01 to 2029-03-31"))
        let again = try runDplan(["new", path, "--title", "x", "--partnership", "y"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists"))
        let noOwner = try runDplan(["add", path, "--group", "primary", "--title", "Schools programme", "--owner", "Police"])
        #expect(noOwner.status == 1)
        #expect(noOwner.stderr.contains("--new-owner"))
        let added = try runDplan(["add", path, "--group", "primary", "--title", "Schools programme", "--owner", "Borough Police",
                                  "--new-owner", "--due", "2027-03-31"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("added PRI-01 to Primary prevention"))
        let second = try runDplan(["add", path, "--group", "PRI", "--title", "Bystander training", "--owner", "borough-police"])
        #expect(second.stdout.contains("added PRI-02"))
        let plan = try PlanFile.load(path)
        #expect(plan.owners == [Owner(id: "borough-police", name: "Borough Police")])
        #expect(plan.actions.map(\.id) == ["PRI-01", "PRI-02"])
        #expect(plan.actions[0].created == Timestamp(iso: "2026-11-22T10:00:00Z"))
        #expect(try runDplan(["validate", path]).status == 0)
    }

    @Test func summaryWithoutSubcommand() throws {
        let result = try runDplan([hillingdonPlan])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Quarter 2026/27 Q3"))
        #expect(result.stdout.contains("Overdue: 7   No update this quarter: 6"))
    }
}
