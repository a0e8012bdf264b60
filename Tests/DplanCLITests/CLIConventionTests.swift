import Foundation
import PlanModel
import PlanStore
import TestSupport
import Testing

/// The command line's conventions: values parsed by the argument parser (usage errors exit 2
/// and name what is allowed), developer tools hidden from help, a version, and the domain's
/// commentary rules holding on the command line as on every screen.
@Suite struct CLIConventionTests {
    @Test func unknownStatusIsAUsageErrorNamingTheStatuses() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let result = try runDplan(["set", path, "PRI-03", "--status", "purple"])
        #expect(result.status == 2)
        for status in Status.allCases { #expect(result.stderr.contains("'\(status.rawValue)'")) }
        let list = try runDplan(["list", path, "--status", "red,purple"])
        #expect(list.status == 2)
        #expect(list.stderr.contains("'not-started'"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func badQuarterAndGroupAreUsageErrors() throws {
        let quarter = try runDplan(["changes", hillingdonPlan, "--to", "Q3 2026"])
        #expect(quarter.status == 2)
        #expect(quarter.stderr.contains("The value 'Q3 2026' is invalid"))
        let group = try runDplan(["list", hillingdonPlan, "--group", "quaternary"])
        #expect(group.status == 2)
        #expect(group.stderr.contains("unknown prevention group \"quaternary\"; expected one of whole-system"))
        // The plan's own name for a group is accepted beside the key.
        let named = try runDplan(["list", hillingdonPlan, "--group", "Secondary prevention"])
        #expect(named.status == 0, "\(named.stderr)")
    }

    @Test func helpHidesDeveloperToolsThatStillRun() throws {
        let help = try runDplan(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("export"))
        #expect(!help.stdout.contains("generate"))
        #expect(!help.stdout.contains("bench-tui"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-gen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let generated = try runDplan(["generate", "--actions", "5", "--quarters", "2", "-o", folder.appendingPathComponent("g.json").path])
        #expect(generated.status == 0, "\(generated.stderr)")
    }

    @Test func versionIsPrinted() throws {
        let result = try runDplan(["--version"])
        #expect(result.status == 0)
        // A build from source has no commit baked in (scripts/package bakes one).
        #expect(result.stdout.range(of: #"^dplan \d+\.\d+\.\d+ \(built from source\)\n$"#, options: .regularExpression) != nil,
                "\(result.stdout)")
    }

    /// `dplan` alone outside a terminal (a script, a pipe): the three commands people start
    /// with, and exit 2 as any usage error.
    @Test func dplanAloneOutsideATerminalSaysHowToStart() throws {
        let result = try runDplan([])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("Error: no plan given. In a terminal, dplan alone opens the start screen."))
        for command in ["dplan PLAN.json", "dplan import TRACKER.xlsx --into PLAN.json", "dplan export PLAN.json --format pdf"] {
            #expect(result.stderr.contains(command), "\(command)")
        }
    }

    /// A red status kept for another quarter needs words on what is being done: the same rule
    /// the front end's meeting mode applies.
    @Test func keepingRedNeedsACommentaryOnTheCommandLine() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let plan = try PlanFile.load(path)
        let quarter = plan.editingQuarter(on: Day(iso: "2026-11-22")!)
        let red = try #require(plan.actions.first { $0.status == .red && $0.review(for: quarter) == nil })
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let refused = try runDplan(["set", path, red.id, "--status", "red"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("stays red for \(quarter)"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let kept = try runDplan(["set", path, red.id, "--status", "red", "--comment", "Waiting on the police data-sharing agreement"])
        #expect(kept.status == 0, "\(kept.stderr)")
        // Once this quarter's review has words, recording red again needs none.
        let again = try runDplan(["set", path, red.id, "--status", "red"])
        #expect(again.status == 0, "\(again.stderr)")
    }
}
