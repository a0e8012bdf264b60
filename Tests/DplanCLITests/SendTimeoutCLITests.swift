import Foundation
import PlanModel
import PlanStore
import Testing
import TestSupport

/// A mail program that never finishes (a relay that accepts the connection and never answers)
/// once hung `--send` for ever: now each message has `--send-timeout` seconds, after which the
/// program is stopped, the lead named as not sent, and nothing recorded.
@Suite struct SendTimeoutCLITests {
    @Test func aMailProgramThatNeverFinishesIsStoppedAndNothingIsRecorded() throws {
        let plan = try temporaryCopy(of: hillingdonPlan)
        #expect(try runDplan(["owner", "set", plan, "thh", "--contact", "trust@thh.nhs.uk"]).status == 0)
        let folder = (plan as NSString).deletingLastPathComponent
        let program = "\(folder)/never-answers.sh", pidFile = "\(folder)/never-answers.pid"
        try "#!/bin/sh\necho $$ > '\(pidFile)'\ncat > /dev/null\nexec sleep 600\n".write(toFile: program, atomically: true, encoding: .utf8)
        chmod(program, 0o755)
        let before = try PlanFile.load(plan).quarters
        let started = Date()
        let result = try runDplan(["chase", plan, "--send", "--mail-from", "csp@hillingdon.gov.uk", "--sendmail", program, "--send-timeout", "1"])
        #expect(Date().timeIntervalSince(started) < 120, "dplan waited for the program instead of stopping it")
        #expect(result.status == 1)
        #expect(result.stderr.contains("(thh): not sent: \(program) -t did not finish within 1 seconds and was stopped; "
                                       + "the message may not have been sent"), "\(result.stderr)")
        #expect(try PlanFile.load(plan).quarters == before)
        let pid = try #require(Int32(String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, 0) != 0 && errno == ESRCH, "the program was left running")
        let zero = try runDplan(["chase", plan, "--send", "--mail-from", "csp@hillingdon.gov.uk", "--sendmail", program, "--send-timeout", "0"])
        #expect(zero.status == 2 && zero.stderr.contains("--send-timeout must be a number of seconds above 0"))
    }
}
