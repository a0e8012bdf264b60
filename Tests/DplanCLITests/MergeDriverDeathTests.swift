import Foundation
import PlanModel
import PlanStore
import TestSupport
import Testing

/// git's merge driver killed by a signal (issue 22, item 10): git keeps `%A` as the file and
/// marks it conflicted; dplan must then say the merge did not finish, never "ok".
@Suite(.serialized) struct MergeDriverDeathTests {
    /// Police and Council each change a different action of the shared plan; Police pushes.
    /// Council's `git pull` then runs the merge driver, which is `script` (run by sh with git's
    /// %O %A %B %P as $1…$4 and the real dplan as $DPLAN).
    private func pullWithDriver(_ script: String) throws -> (GitMergeTests.Playground, GitMergeTests.Agency, RunResult) {
        let (playground, police, council) = try GitMergeTests().twoAgencies()
        #expect(try police.dplan(["set", "plans/plan.json", "WSA-02", "--comment", "Police update"], at: "2026-11-22T10:00:00Z").status == 0)
        try police.commit("Police update")
        try police.git(["push", "-q", "origin", "HEAD"])
        #expect(try council.dplan(["set", "plans/plan.json", "TER-04", "--comment", "Council update"], at: "2026-11-22T10:05:00Z").status == 0)
        try council.commit("Council update")
        let wrapper = playground.root + "/driver.sh"
        try writeExecutable("#!/bin/sh\nDPLAN='" + dplanBinary().path + "'\n" + script + "\n", to: wrapper)
        try council.git(["config", "merge.dplan.driver", "\(wrapper) %O %A %B %P"])
        let pull = try council.git(["pull", "-q", "--no-rebase", "--no-edit"], allowFailure: true)
        return (playground, council, pull)
    }

    /// Killed before it wrote anything: the file is our side alone, a valid plan, but git has
    /// it unmerged; validate says the merge did not finish and how to run it again, and that
    /// advice works.
    @Test(.requires(.git)) func aDriverKilledAtOnceLeavesAConflictThatValidateReports() throws {
        let (_, council, pull) = try pullWithDriver("kill -KILL $$")
        #expect(pull.status != 0)
        #expect(try council.git(["status", "--porcelain"]).stdout.contains("UU plans/plan.json"))
        #expect(try PlanFile.load(council.plan).validate().isEmpty, "the file is our side, a valid plan")
        let validate = try council.dplan(["validate", "plans/plan.json"], at: "2026-11-22T12:00:00Z")
        #expect(validate.status == 1)
        #expect(validate.stderr.contains("git has this file as unmerged, and it is still only our side: the merge did not finish"),
                "\(validate.stderr)")
        #expect(validate.stderr.contains("Merge it again with: git checkout -m plans/plan.json"))
        // With the real driver back, the advice merges both updates.
        try council.git(["config", "merge.dplan.driver", "'\(dplanBinary().path)' merge-driver %O %A %B %P"])
        try council.git(["checkout", "-m", "plans/plan.json"])
        let merged = try PlanFile.load(council.plan)
        #expect(merged.actions.first { $0.id == "WSA-02" }?.commentary == "Police update")
        #expect(merged.actions.first { $0.id == "TER-04" }?.commentary == "Council update")
        #expect(try council.dplan(["validate", "plans/plan.json"], at: "2026-11-22T12:00:00Z").status == 0)
    }

    /// Killed in the middle of merging (after it has read the three versions): `%A` holds the
    /// driver's "did not finish" line, which git keeps; every command refuses the file with
    /// what to do, and git-setup's ignore list covers the temporary files a killed write leaves.
    @Test(.requires(.git)) func aDriverKilledMidMergeLeavesAFileEveryCommandRefuses() throws {
        let script = """
            "$DPLAN" merge-driver "$@" &
            driver=$!
            while kill -0 $driver 2>/dev/null; do
              first=; read -r first < "$2" 2>/dev/null
              case $first in "dplan: this merge of"*) kill -KILL $driver; break ;; esac
            done
            wait $driver
            """
        let (_, council, pull) = try pullWithDriver(script)
        #expect(pull.status != 0)
        #expect(try council.git(["status", "--porcelain"]).stdout.contains("UU plans/plan.json"))
        for command in [["validate"], ["set", "--comment", "More"], ["list"]] {
            var arguments = [command[0], "plans/plan.json"] + command.dropFirst()
            if command[0] == "set" { arguments.insert("TER-04", at: 2) }
            let run = try council.dplan(arguments, at: "2026-11-22T12:00:00Z")
            #expect(run.status == 1, "\(command[0])")
            #expect(run.stderr.contains("git's merge of this file did not finish (dplan merge-driver was stopped)"), "\(run.stderr)")
            #expect(run.stderr.contains("git checkout -m plans/plan.json"))
        }
        let ignored = try String(contentsOfFile: council.root + "/.gitignore", encoding: .utf8)
        #expect(ignored.split(separator: "\n").contains(".merge_file_*"))
    }
}
