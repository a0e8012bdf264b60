import Foundation
import PlanModel
import PlanStore
import TestSupport
import Testing

private let q2Text = "No funding; board asked to consider alternatives."  // PRI-03's 2026/27 Q2 review and current commentary

/// Issue 11 on the command line: one test per numbered defect.
@Suite struct IssueElevenCLITests {
    /// Item 1: restricting an action with no update this quarter restricts the text its last
    /// review holds, so neither the public history CSV nor a public report on that closed quarter
    /// prints it.
    @Test func restrictingTheCurrentCommentaryWithholdsItInHistoryAndEarlierQuarters() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        #expect(try runDplan(["set", path, "PRI-03", "--restricted"]).status == 0)
        let history = try runDplan(["export", path, "--public", "--format", "csv", "--history", "-o", "-"])
        #expect(history.status == 0 && !history.stdout.contains(q2Text) && history.stdout.contains("(withheld)"))
        #expect(!history.stdout.contains("Test Officer") && history.stdout.hasPrefix("ID,Action,Quarter,Status,Commentary,On,Board's view,Board's reason\r\n"))
        let q2 = try runDplan(["export", path, "--public", "--quarter", "2026/27 Q2", "--format", "html", "-o", "-"])
        #expect(q2.status == 0 && !q2.stdout.contains(q2Text) && q2.stdout.contains("<em>withheld</em>"))
        let named = try runDplan(["export", path, "--public", "--with-names", "--format", "csv", "--history", "-o", "-"])
        #expect(named.stdout.hasPrefix("ID,Action,Quarter,Status,Commentary,By,On,Board's view,Board's reason\r\n") && !named.stdout.contains(q2Text))
        #expect(try runDplan(["export", path, "--with-names", "--format", "csv", "-o", "-"]).status == 2)
    }

    /// Item 2: after the period ends, `set` records in its last quarter and the plan stays valid;
    /// once that quarter is closed `set` and `import-csv` refuse and say how to extend the
    /// period; `plan set --end` extends it, on the record.
    @Test func updatesAfterThePeriodNeverBrickThePlan() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let late = "2027-05-02T10:00:00Z"
        let set = try runDplan(["set", path, "PRI-03", "--status", "amber", "--comment", "Partly funded"], now: late)
        #expect(set.status == 0 && set.stdout.contains("update recorded for 2026/27 Q4"), "\(set.stderr)")
        #expect(try runDplan(["validate", path], now: late).status == 0)
        #expect(try runDplan(["review", "close", path, "2026/27 Q4"], now: late).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let refused = try runDplan(["set", path, "PRI-03", "--status", "green"], now: late)
        #expect(refused.status == 1 && refused.stderr.contains("dplan plan set PLAN --end"), "\(refused.stderr)")
        #expect(try runDplan(["chase", path], now: late).stdout == "2026/27 Q4, the last quarter of the plan period (to 2027-03-31), is closed. No update is owed.\n")
        let csv = (path as NSString).deletingLastPathComponent + "/tracker.csv"
        try "Action,Lead,RAG\nNew work,Probation Service,Green\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let imported = try runDplan(["import-csv", csv, "--into", path, "--group", "primary"], now: late)
        #expect(imported.status == 1 && imported.stderr.contains("dplan plan set PLAN --end"), "\(imported.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let extend = try runDplan(["plan", "set", path, "--end", "2028-03-31"], now: late)
        #expect(extend.status == 0 && extend.stdout.contains("plan period 2024-04-01 to 2028-03-31"), "\(extend.stderr)")
        #expect(try runDplan(["set", path, "PRI-03", "--status", "green"], now: late).stdout.contains("update recorded for 2027/28 Q1"))
        #expect(try runDplan(["import-csv", csv, "--into", path, "--group", "primary"], now: late).status == 0)
        #expect(try runDplan(["validate", path], now: late).status == 0)
        #expect(try runDplan(["log", path]).stdout.contains("period.end"))
        let shrink = try runDplan(["plan", "set", path, "--end", "2026-12-31"], now: late)
        #expect(shrink.status == 1 && shrink.stderr.contains("2026/27 Q4 has reviews"), "\(shrink.stderr)")
    }

    /// Item 3: closing a skipped quarter late records the status at that quarter's end.
    @Test func closingASkippedQuarterLateRecordsWhatWasTrueThen() throws {
        let folder = (try temporaryCopy(of: hillingdonPlan) as NSString).deletingLastPathComponent
        let path = folder + "/new.json"
        #expect(try runDplan(["new", path, "--title", "T", "--partnership", "CSP", "--start", "2018-04-01", "--end", "2021-03-31"]).status == 0)
        #expect(try runDplan(["add", path, "--group", "primary", "--title", "Schools", "--owner", "Police", "--new-owner"],
                             now: "2018-05-01T10:00:00Z").status == 0)
        #expect(try runDplan(["set", path, "PRI-01", "--status", "red", "--comment", "Stalled"], now: "2018-05-02T10:00:00Z").status == 0)
        // No update in 2018/19 Q2, which is skipped; in Q3 the action goes green.
        #expect(try runDplan(["set", path, "PRI-01", "--status", "green"], now: "2018-11-01T10:00:00Z").status == 0)
        #expect(try runDplan(["review", "close", path, "2018/19 Q2"], now: "2018-11-02T10:00:00Z").status == 0)
        let action = try #require(try PlanFile.load(path).actions.first)
        #expect(action.review(for: Quarter("2018/19 Q2")!)?.status == .red)
        #expect(action.review(for: Quarter("2018/19 Q3")!)?.status == .green)
    }

    /// Item 5: `changes` compares with the latest quarter that has reviews and says so.
    @Test func changesSaysWhichQuartersItComparesAndFindsNewlyRed() throws {
        let folder = (try temporaryCopy(of: hillingdonPlan) as NSString).deletingLastPathComponent
        let path = folder + "/new.json"
        #expect(try runDplan(["new", path, "--title", "T", "--partnership", "CSP", "--start", "2025-04-01", "--end", "2028-03-31"]).status == 0)
        #expect(try runDplan(["add", path, "--group", "primary", "--title", "Schools", "--owner", "Police", "--new-owner"],
                             now: "2025-05-01T10:00:00Z").status == 0)
        #expect(try runDplan(["set", path, "PRI-01", "--status", "green"], now: "2025-05-02T10:00:00Z").status == 0)
        #expect(try runDplan(["review", "close", path, "2025/26 Q1"], now: "2025-07-02T10:00:00Z").status == 0)
        #expect(try runDplan(["set", path, "PRI-01", "--status", "red", "--comment", "Stalled"], now: "2025-11-01T10:00:00Z").status == 0)
        // Q2 has ended and is not closed, so it would be the default: ask for Q3.
        let changes = try runDplan(["changes", path, "--to", "2025/26 Q3"], now: "2025-11-02T10:00:00Z")
        #expect(changes.stdout.hasPrefix("Changes from 2025/26 Q1 to 2025/26 Q3 (so far) (the latest quarter with reviews; 2025/26 Q2 has none)"),
                "\(changes.stdout)")
        #expect(changes.stdout.contains("Newly red") && changes.stdout.contains("Worsened"))
    }

    /// Item 6: a report on a quarter outside the plan period, or one not started, is refused.
    @Test func exportRefusesQuartersItCannotReportOn() throws {
        for (quarter, words) in [("2030/31 Q1", "outside the plan period"), ("2026/27 Q4", "has not started yet")] {
            let result = try runDplan(["export", hillingdonPlan, "--quarter", quarter, "--format", "markdown", "-o", "-"])
            #expect(result.status == 2 && result.stderr.contains(words) && result.stdout.isEmpty, "\(result.stderr)")
        }
        #expect(try runDplan(["export", hillingdonPlan, "--from", "2026/27 Q3", "--format", "markdown", "-o", "-"]).status == 2)
        #expect(try runDplan(["changes", hillingdonPlan, "--to", "2030/31 Q1"]).status == 2)
    }

    /// Item 8: an export never replaces a FIFO (or device) with a regular file, and a plan must
    /// be a regular file.
    @Test func specialFilesAreNeverReplaced() throws {
        let folder = (try temporaryCopy(of: hillingdonPlan) as NSString).deletingLastPathComponent
        let fifo = folder + "/pipe"
        #expect(mkfifo(fifo, 0o644) == 0)
        let result = try runDplan(["export", hillingdonPlan, "--format", "csv", "-o", fifo])
        #expect(result.status == 1 && result.stderr.contains("is a FIFO (named pipe), not a regular file"), "\(result.stderr)")
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        let device = try runDplan(["validate", "/dev/null"])
        #expect(device.status == 1 && device.stderr.contains("is a character device; a plan must be a regular file"), "\(device.stderr)")
    }

    /// Found while testing item 8: a one-character output name with no folder crashed
    /// Foundation's path functions; it is written like any other name.
    @Test func aOneCharacterOutputNameIsWritten() throws {
        let folder = (try temporaryCopy(of: hillingdonPlan) as NSString).deletingLastPathComponent
        let process = Process()
        process.executableURL = dplanBinary()
        process.arguments = ["export", hillingdonPlan, "--format", "csv", "-o", "x"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: folder + "/x"))
    }

    /// Item 9: a due-date move alone says what happened and claims no quarterly update.
    @Test func setDueSaysWhatItDid() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let result = try runDplan(["set", path, "PRI-03", "--due", "2027-03-31", "--reason", "New funding bid"])
        #expect(result.status == 0)
        #expect(result.stdout == "PRI-03: R Red, due 2027-03-31; due date moved 2026-03-31 → 2027-03-31 by Test Officer\n", "\(result.stdout)")
        #expect(try PlanFile.load(path).actions.first { $0.id == "PRI-03" }?.review(for: Quarter("2026/27 Q3")!) == nil)
    }
}
