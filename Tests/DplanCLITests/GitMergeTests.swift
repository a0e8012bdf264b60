import Foundation
import PlanModel
import PlanStore
import Testing
import TestSupport

/// Two agencies share a plan through git, as the README describes: a bare repository, two clones
/// with different user.name, `dplan git-setup` in each, commits and `git pull`.
@Suite(.serialized, .requires(.git)) struct GitMergeTests {
    /// A hermetic playground: its own HOME, no system git config.
    final class Playground {
        let root: String
        let environment: [String: String]

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-git-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: root + "/home", withIntermediateDirectories: true)
            environment = ["HOME": root + "/home", "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0", "XDG_CONFIG_HOME": root + "/home/.config"]
            try git(["init", "-q", "--bare", "origin.git"], in: root)
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        @discardableResult
        func git(_ arguments: [String], in directory: String, allowFailure: Bool = false) throws -> RunResult {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try ExternalProgram.git.path())
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: directory)
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let output = out.fileHandleForReading.readDataToEndOfFile(), errors = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let result = RunResult(status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
                                   stderr: String(decoding: errors, as: UTF8.self))
            if !allowFailure && result.status != 0 { Issue.record("git \(arguments.joined(separator: " ")) failed: \(result.stderr)") }
            return result
        }

        /// A clone for one agency, set up with `dplan git-setup`.
        func clone(_ agency: String) throws -> Agency {
            try git(["clone", "-q", "origin.git", agency], in: root, allowFailure: true)
            let agencyRoot = root + "/" + agency
            try git(["config", "user.name", agency], in: agencyRoot)
            try git(["config", "user.email", "\(agency.lowercased())@example.org"], in: agencyRoot)
            let setup = try runDplan(["git-setup"], environment: environment, in: agencyRoot)
            #expect(setup.status == 0, "\(setup.stderr)")
            return Agency(name: agency, root: agencyRoot, playground: self)
        }
    }

    struct Agency {
        let name: String
        let root: String
        let playground: Playground
        var plan: String { root + "/plans/plan.json" }

        func dplan(_ arguments: [String], at now: String) throws -> RunResult {
            try runDplan(arguments, now: now, environment: playground.environment.merging(["DPLAN_USER": name]) { _, new in new }, in: root)
        }

        @discardableResult
        func git(_ arguments: [String], allowFailure: Bool = false) throws -> RunResult {
            try playground.git(arguments, in: root, allowFailure: allowFailure)
        }

        func commit(_ message: String) throws {
            try git(["commit", "-q", "-am", message])
        }

        func head() throws -> String { try git(["rev-parse", "HEAD"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// Police and Council clones of a repository holding the Hillingdon sample plan.
    func twoAgencies() throws -> (Playground, Agency, Agency) {
        let playground = try Playground()
        let police = try playground.clone("Police")
        try FileManager.default.createDirectory(atPath: police.root + "/plans", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: hillingdonPlan, toPath: police.plan)
        try police.git(["add", "-A"])
        try police.commit("Hillingdon plan")
        try police.git(["push", "-q", "origin", "HEAD"])
        let council = try playground.clone("Council")
        return (playground, police, council)
    }

    @Test func gitSetupIsIdempotentAndCheckSaysWhatIsMissing() throws {
        let (playground, police, _) = try twoAgencies()
        let attributes = try String(contentsOfFile: police.root + "/.gitattributes", encoding: .utf8)
        #expect(attributes == "*.json merge=dplan\n")
        let again = try runDplan(["git-setup"], environment: playground.environment, in: police.root)
        #expect(again.status == 0 && !again.stdout.contains("set:") && !again.stdout.contains("added"))
        #expect(try String(contentsOfFile: police.root + "/.gitattributes", encoding: .utf8) == attributes)
        #expect(try runDplan(["git-setup", "--check"], environment: playground.environment, in: police.root).status == 0)
        // A clone has the committed attributes but not the merge settings: --check says so and changes nothing.
        try playground.git(["clone", "-q", "origin.git", "probation"], in: playground.root)
        let check = try runDplan(["git-setup", "--check"], environment: playground.environment, in: playground.root + "/probation")
        #expect(check.status == 1 && check.stdout.contains("missing: merge.dplan.driver is not set"))
        #expect(try playground.git(["config", "--get", "merge.dplan.driver"], in: playground.root + "/probation", allowFailure: true).status != 0)
    }

    /// The +/- lines of `git diff -U0 from to` for the plan, as a sorted list (moves show).
    /// With `ignoringPunctuation`, lines holding only brackets and commas are left out (two audit
    /// trails started on both sides join with different punctuation).
    func changedLines(_ agency: Agency, _ from: String, _ to: String, ignoring: [String] = [], ignoringPunctuation: Bool = false) throws -> [String] {
        try agency.git(["diff", "-U0", from, to, "--", "plans/plan.json"]).stdout.split(separator: "\n")
            .filter { ($0.hasPrefix("+") || $0.hasPrefix("-")) && !$0.hasPrefix("+++") && !$0.hasPrefix("---") }
            .filter { line in !ignoring.contains { line.contains($0) } }
            .filter { line in !ignoringPunctuation || !line.dropFirst().allSatisfy { " {}[],".contains($0) } }
            .map(String.init).sorted()
    }

    /// After a clean pull: the merge changed our file by exactly what they changed (apart from
    /// `ignoring`), it validates, and git saw no conflict markers.
    func expectCleanPull(_ agency: Agency, ignoring: [String] = [], ignoringPunctuation: Bool = false) throws {
        let pull = try agency.git(["pull", "-q", "--no-rebase", "--no-edit"], allowFailure: true)
        #expect(pull.status == 0, "\(pull.stderr)")
        let merge = try agency.head()
        let parents = try agency.git(["rev-list", "--parents", "-n", "1", merge]).stdout.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(parents.count == 3, "expected a merge commit")
        guard parents.count == 3 else { return }
        let base = try agency.git(["merge-base", parents[1], parents[2]]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let ours = try changedLines(agency, parents[1], merge, ignoring: ignoring, ignoringPunctuation: ignoringPunctuation)
        let theirs = try changedLines(agency, base, parents[2], ignoring: ignoring, ignoringPunctuation: ignoringPunctuation)
        #expect(!theirs.isEmpty)
        #expect(ours == theirs, "the merge changed other lines than the other agency did")
        #expect(try agency.dplan(["validate", "plans/plan.json"], at: "2026-11-22T12:00:00Z").status == 0)
        #expect(!(try String(contentsOfFile: agency.plan, encoding: .utf8)).contains("<<<<<<<"))
    }

    @Test func differentActionsMergeCleanly() throws {
        let (_, police, council) = try twoAgencies()
        #expect(try police.dplan(["set", "plans/plan.json", "PRI-03", "--status", "amber", "--comment", "Two hotspots closed"], at: "2026-11-22T10:00:00Z").status == 0)
        try police.commit("Police Q3 update")
        try police.git(["push", "-q"])
        #expect(try council.dplan(["set", "plans/plan.json", "WSA-02", "--status", "amber", "--comment", "Comms plan slipping"], at: "2026-11-22T11:00:00Z").status == 0)
        try council.commit("Council Q3 update")
        try expectCleanPull(council)
        let plan = try PlanFile.load(council.plan)
        #expect(plan.actions.first { $0.id == "PRI-03" }?.commentary == "Two hotspots closed")
        #expect(plan.actions.first { $0.id == "WSA-02" }?.commentary == "Comms plan slipping")
    }

    @Test func differentFieldsOfOneActionMergeWithTheLaterStamp() throws {
        let (_, police, council) = try twoAgencies()
        #expect(try police.dplan(["set", "plans/plan.json", "SEC-06", "--due", "2027-06-30", "--reason", "Funding moved"], at: "2026-11-22T10:00:00Z").status == 0)
        try police.commit("Police moves SEC-06")
        try police.git(["push", "-q"])
        #expect(try council.dplan(["set", "plans/plan.json", "SEC-06", "--restricted"], at: "2026-11-22T11:00:00Z").status == 0)
        try council.commit("Council restricts SEC-06")
        // Police's stamp is older than Council's, so the merge keeps Council's updated/updatedBy;
        // both started the action's audit trail, so Police's entry joins Council's.
        try expectCleanPull(council, ignoring: ["\"updated\" :", "\"updatedBy\" :", "\"changeLog\" : ["], ignoringPunctuation: true)
        let action = try #require(try PlanFile.load(council.plan).actions.first { $0.id == "SEC-06" })
        #expect(action.due == Day(iso: "2027-06-30") && action.commentaryRestricted == true)
        #expect(action.updatedBy == "Council")
        #expect(action.changeLog?.suffix(2).map(\.by) == ["Police", "Council"])
    }

    @Test func concurrentQuarterUpdatesMergeTheirReviews() throws {
        let (_, police, council) = try twoAgencies()
        for (id, words) in [("PRI-03", "Hotspot patrols"), ("TER-01", "Orders served"), ("TER-02", "Caseload down")] {
            #expect(try police.dplan(["set", "plans/plan.json", id, "--status", "amber", "--comment", words], at: "2026-11-20T09:00:00Z").status == 0)
        }
        try police.commit("Police quarterly return")
        try police.git(["push", "-q"])
        for (id, words) in [("WSA-02", "Comms agreed"), ("PRI-04", "Training booked"), ("SEC-01", "Screening live")] {
            #expect(try council.dplan(["set", "plans/plan.json", id, "--status", "green", "--comment", words], at: "2026-11-21T09:00:00Z").status == 0)
        }
        try council.commit("Council quarterly return")
        try expectCleanPull(council)
        let plan = try PlanFile.load(council.plan)
        let quarter = try #require(Quarter("2026/27 Q3"))
        for id in ["PRI-03", "TER-01", "TER-02", "WSA-02", "PRI-04", "SEC-01"] {
            #expect(plan.actions.first { $0.id == id }?.review(for: quarter) != nil, "\(id) lost its review")
        }
        // Police pulls the merge: a fast-forward to the same file.
        try council.git(["push", "-q"])
        try police.git(["pull", "-q", "--no-rebase", "--no-edit"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: police.plan)) == Data(contentsOf: URL(fileURLWithPath: council.plan)))
    }

    @Test func oneSideDeletesAnActionTheOtherEdited() throws {
        let (_, police, council) = try twoAgencies()
        var plan = try PlanFile.load(police.plan)
        try plan.deleteAction(id: "TER-04", context: EditContext(by: "Police", now: Timestamp(iso: "2026-11-22T10:00:00Z")!))
        try PlanFile.save(plan, to: police.plan)
        try police.commit("Police removes TER-04")
        try police.git(["push", "-q"])
        #expect(try council.dplan(["set", "plans/plan.json", "TER-04", "--status", "amber", "--comment", "Still needed"], at: "2026-11-22T11:00:00Z").status == 0)
        try council.commit("Council updates TER-04")
        let pull = try council.git(["pull", "--no-rebase", "--no-edit"], allowFailure: true)
        #expect(pull.status != 0 && pull.stdout.contains("CONFLICT"))
        // No markers: a loadable plan that keeps our edited action and lists the conflict.
        let conflicted = try PlanFile.load(council.plan)
        #expect(conflicted.conflicts.map(\.path) == ["actions[id=TER-04]"])
        #expect(conflicted.conflicts.first?.theirsBy == "Police" && conflicted.conflicts.first?.oursBy == "Council")
        let validate = try council.dplan(["validate", "plans/plan.json"], at: "2026-11-22T12:00:00Z")
        #expect(validate.status == 1 && validate.stderr.contains("unresolved merge conflict on action TER-04"))
        let resolve = try council.dplan(["resolve", "plans/plan.json", "TER-04", "--take", "theirs"], at: "2026-11-22T12:00:00Z")
        #expect(resolve.status == 0, "\(resolve.stderr)")
        let resolved = try PlanFile.load(council.plan)
        #expect(resolved.actionIndex(id: "TER-04") == nil && resolved.removedActions.map(\.id) == ["TER-04"])
        #expect(try council.dplan(["validate", "plans/plan.json"], at: "2026-11-22T12:00:00Z").status == 0)
        try council.git(["commit", "-q", "-am", "Merge: TER-04 removed"])
        // The merge changed our file by the deletion only (the action's lines and its record).
        let merge = try council.head()
        let removedLines = try changedLines(council, "\(merge)^1", merge).filter { $0.hasPrefix("+") }
        #expect(removedLines.allSatisfy { line in ["{", "}", "],", "\"by\" : \"Police\"", "TER-04", "\"group\" : \"tertiary\"", "\"on\" : ", "\"owner\" :", "\"status\" :", "\"title\" :", "\"removedActions\""].contains { line.contains($0) } },
                "\(removedLines)")
    }

    @Test func aSameFieldConflictIsResolvedWithDplanResolve() throws {
        let (_, police, council) = try twoAgencies()
        #expect(try police.dplan(["set", "plans/plan.json", "SEC-06", "--status", "red", "--comment", "IDVA post vacant"], at: "2026-11-22T10:00:00Z").status == 0)
        try police.commit("Police: SEC-06 red")
        try police.git(["push", "-q"])
        #expect(try council.dplan(["set", "plans/plan.json", "SEC-06", "--status", "amber", "--comment", "Recruiting"], at: "2026-11-22T11:00:00Z").status == 0)
        try council.commit("Council: SEC-06 amber")
        let pull = try council.git(["pull", "--no-rebase", "--no-edit"], allowFailure: true)
        #expect(pull.status != 0 && pull.stdout.contains("CONFLICT (content): Merge conflict in plans/plan.json"))
        // Two reviews of one quarter: one conflict, each side a whole review with its author.
        #expect(pull.stderr.contains("action SEC-06: review for 2026/27 Q3: ours amber — Recruiting (Council, 2026-11-22T11:00:00Z), "
                                     + "theirs red — IDVA post vacant (Police, 2026-11-22T10:00:00Z)"), "\(pull.stderr)")
        let text = try String(contentsOfFile: council.plan, encoding: .utf8)
        #expect(!text.contains("<<<<<<<") && !text.contains(">>>>>>>"))
        let conflicted = try PlanFile.load(council.plan)
        #expect(conflicted.conflicts.map(\.field) == ["reviews[quarter=2026/27 Q3]"])
        #expect(conflicted.actions.first { $0.id == "SEC-06" }?.status == .amber)  // ours until decided
        // Saving on top of it is refused, with how to resolve.
        let set = try council.dplan(["set", "plans/plan.json", "PRI-01", "--comment", "x"], at: "2026-11-22T12:00:00Z")
        #expect(set.status == 1 && set.stderr.contains("dplan resolve plans/plan.json --ours"))
        let listing = try council.dplan(["resolve", "plans/plan.json"], at: "2026-11-22T12:00:00Z")
        #expect(listing.status == 0 && listing.stdout.contains("1 unresolved merge conflict"), "\(listing.stdout)")
        // Police is right about this one: take theirs, the whole review.
        let rest = try council.dplan(["resolve", "plans/plan.json", "SEC-06", "--take", "theirs"], at: "2026-11-22T12:00:00Z")
        #expect(rest.status == 0 && rest.stdout.contains("every conflict is resolved and the plan validates"), "\(rest.stdout)\(rest.stderr)")
        let resolved = try PlanFile.load(council.plan)
        let action = try #require(resolved.actions.first { $0.id == "SEC-06" })
        #expect(action.status == .red && action.commentary == "IDVA post vacant")
        let police3 = try PlanFile.load(police.plan).actions.first { $0.id == "SEC-06" }?.review(for: Quarter("2026/27 Q3")!)
        #expect(action.review(for: Quarter("2026/27 Q3")!) == police3)  // status, words and author together
        // The decision is on the audit trail, by who made it: the log ends with what the plan holds.
        let last = try #require(action.changeLog?.suffix(2))
        #expect(last.map(\.field) == ["status", "commentary"] && last.map(\.to) == ["red", "IDVA post vacant"] && last.allSatisfy { $0.by == "Council" })
        let log = try council.dplan(["log", "plans/plan.json", "SEC-06"], at: "2026-11-22T12:00:00Z")
        let lastLine = log.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(log.status == 0 && lastLine.hasPrefix("2026-11-22 12:00  SEC-06  commentary") && lastLine.contains("IDVA post vacant  Council"), "\(log.stdout)")
        #expect(try council.dplan(["validate", "plans/plan.json"], at: "2026-11-22T12:00:00Z").status == 0)
    }

    /// The tester's case: clone B records a Q3 update offline while clone A closes Q3. The merge
    /// (either way round) does not rewrite the closed review: it is a conflict holding B's words;
    /// keeping the close leaves Q3 as frozen, keeping B's update reopens Q3.
    @Test func anUpdateToAQuarterTheOtherCloneClosedIsAConflictNotARewrite() throws {
        let quarter = try #require(Quarter("2026/27 Q3"))
        for keepUpdate in [false, true] {
            let (_, police, council) = try twoAgencies()
            #expect(try council.dplan(["set", "plans/plan.json", "SEC-05", "--status", "red", "--comment", "B offline red words"], at: "2026-12-06T10:00:00Z").status == 0)
            try council.commit("Council: SEC-05 red")
            #expect(try police.dplan(["review", "close", "plans/plan.json", "2026/27 Q3", "--board", "SHP"], at: "2026-12-06T10:05:00Z").status == 0)
            try police.commit("Police closes Q3")
            try police.git(["push", "-q"])
            let pull = try council.git(["pull", "--no-rebase", "--no-edit"], allowFailure: true)
            #expect(pull.status != 0 && pull.stderr.contains("action SEC-05: review for 2026/27 Q3: ours red — B offline red words (Council"), "\(pull.stderr)")
            #expect(try PlanFile.load(council.plan).conflicts.map(\.path) == ["actions[id=SEC-05].reviews[quarter=2026/27 Q3]"])
            let resolve = try council.dplan(["resolve", "plans/plan.json", keepUpdate ? "--ours" : "--theirs"], at: "2026-12-06T11:00:00Z")
            #expect(resolve.status == 0, "\(resolve.stderr)")
            let plan = try PlanFile.load(council.plan)
            #expect(plan.validate().isEmpty, "\(plan.validate())")
            let review = plan.actions.first { $0.id == "SEC-05" }?.review(for: quarter)
            if keepUpdate {
                #expect(!plan.isClosed(quarter) && plan.frozen(quarter) == nil)
                #expect(review?.commentary == "B offline red words" && review?.by == "Council")
                #expect(plan.quarters.first { $0.quarter == quarter }?.reopenings?.last?.by == "Council")
            } else {
                let frozen = try #require(plan.frozen(quarter))
                #expect(plan.isClosed(quarter) && review?.commentary != "B offline red words")
                for action in plan.actions {
                    #expect(action.review(for: quarter) == frozen.plan.actions.first { $0.id == action.id }?.review(for: quarter), "\(action.id)")
                }
            }
        }
    }
}
