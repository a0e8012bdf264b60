import Foundation
import PlanModel
import PlanStore
import TestSupport
import Testing

/// Rounds in `swift test`; `scripts/merge-simulation N` runs more (DPLAN_MERGE_ROUNDS).
private let rounds = ProcessInfo.processInfo.environment["DPLAN_MERGE_ROUNDS"].flatMap(Int.init) ?? 24
private let seed = ProcessInfo.processInfo.environment["DPLAN_MERGE_SEED"].flatMap(UInt64.init) ?? 22

/// A seeded model-based simulation of three agencies sharing a plan through real git (issue #22):
/// a bare origin, three clones with their own user.name set up with `dplan git-setup`, random
/// dplan commands of every kind (and deletions through the store, as the front end makes them),
/// pulls by merge and by rebase, and clocks that step on, repeat a second and go back. Every
/// merge is checked against `MergeOracle`: no conflict markers, a valid plan, every one-sided
/// change present, no audit entry lost, and conflicts only where both sides changed one field
/// differently.
@Suite(.serialized) struct MergeSimulationTests {
    @Test(.requires(.git)) func threeAgenciesMergingThroughGitLoseNothing() throws {
        let (playground, first, second) = try GitMergeTests().twoAgencies()
        let third = try playground.clone("Probation")
        var simulation = MergeSimulation(agencies: [first, second, third], seed: seed)
        for round in 0..<rounds { try simulation.round(round) }
        let tally = simulation.tally
        print("merge simulation (seed \(seed)): \(rounds) rounds, \(tally.commands) commands (\(tally.refused) refused), "
              + "\(tally.merges) merges (\(tally.rebases) by rebase), \(tally.expectedConflicts) expected conflicts, "
              + "\(tally.spurious.count) spurious conflicts, \(tally.lostEdits.count) lost edits, "
              + "\(tally.lostAudit.count) lost audit entries, \(tally.invalid.count) invalid files, \(tally.leaks.count) leaks")
        #expect(tally.merges > rounds / 3, "too few merges to prove anything")
        #expect(tally.spurious.isEmpty, "\(tally.spurious.prefix(5))")
        #expect(tally.lostEdits.isEmpty, "\(tally.lostEdits.prefix(5))")
        #expect(tally.lostAudit.isEmpty, "\(tally.lostAudit.prefix(5))")
        #expect(tally.invalid.isEmpty, "\(tally.invalid.prefix(5))")
        #expect(tally.leaks.isEmpty, "\(tally.leaks.prefix(5))")
        #expect(tally.crashes.isEmpty, "\(tally.crashes.prefix(5))")
    }
}

/// What the simulation found.
struct SimulationTally {
    var commands = 0, refused = 0, merges = 0, rebases = 0, expectedConflicts = 0
    var spurious: [String] = [], lostEdits: [String] = [], lostAudit: [String] = [], invalid: [String] = []
    var leaks: [String] = [], crashes: [String] = []

    mutating func add(_ findings: MergeOracle.Findings, at label: String) {
        expectedConflicts += findings.expectedConflicts
        spurious += findings.spuriousConflicts.map { "\(label): \($0)" }
        lostEdits += findings.lostEdits.map { "\(label): \($0)" }
        lostAudit += findings.lostAuditEntries.map { "\(label): \($0)" }
        leaks += findings.leaks.map { "\(label): \($0)" }
    }
}

struct MergeSimulation {
    let agencies: [GitMergeTests.Agency]
    var random: SplitMix64
    var clocks: [Int]
    var tally = SimulationTally()
    var counter = 0
    /// Actions most edits go to, so both sides often touch the same one.
    let hot = ["SEC-06", "PRI-03", "WSA-02", "TER-04"]

    init(agencies: [GitMergeTests.Agency], seed: UInt64) {
        self.agencies = agencies
        random = SplitMix64(state: seed)
        clocks = Array(repeating: Timestamp(iso: "2026-11-16T09:00:00Z")!.secondsSinceEpoch, count: agencies.count)
    }

    mutating func round(_ number: Int) throws {
        let who = Int.random(in: 0..<agencies.count, using: &random)
        let agency = agencies[who]
        for _ in 0..<Int.random(in: 1...3, using: &random) { try edit(agency, clock: who) }
        if try !agency.git(["status", "--porcelain"]).stdout.isEmpty {
            try agency.git(["commit", "-q", "-am", "round \(number): \(agency.name)"])
        }
        try sync(agency, label: "round \(number) \(agency.name)")
        try agency.git(["push", "-q", "origin", "HEAD"])
    }

    /// The clock of one agency: on by up to an hour, the same second again, or back up to two hours.
    mutating func tick(_ clock: Int) -> String {
        let roll = Int.random(in: 0..<100, using: &random)
        if roll < 70 { clocks[clock] += Int.random(in: 1...3600, using: &random) } else if roll >= 85 {
            clocks[clock] -= Int.random(in: 1...7200, using: &random)
        }
        return Timestamp(secondsSinceEpoch: clocks[clock]).description
    }

    mutating func pick<T>(_ items: [T]) -> T? {
        items.isEmpty ? nil : items[Int.random(in: 0..<items.count, using: &random)]
    }

    /// One random command on one agency's clone.
    mutating func edit(_ agency: GitMergeTests.Agency, clock: Int) throws {
        let plan = try PlanFile.load(agency.plan)
        let ids = plan.actions.map(\.id)
        guard let id = Int.random(in: 0..<10, using: &random) < 6 ? pick(hot.filter(ids.contains)) ?? pick(ids) : pick(ids),
              let action = plan.actions.first(where: { $0.id == id }) else { return }
        counter += 1
        let n = "\(agency.name)-\(counter)"
        let file = "plans/plan.json"
        let owners = plan.owners.map(\.id), workstreams = plan.workstreams.map(\.id)
        var arguments: [String]
        switch Int.random(in: 0..<15, using: &random) {
        case 0:
            let status = pick(["red", "amber", "green", "complete"])!
            arguments = ["set", file, id, "--status", status] + (Bool.random(using: &random) ? ["--comment", "status words \(n)"] : [])
        case 1: arguments = ["set", file, id, "--comment", "words \(n)"]
        case 2: arguments = ["set", file, id, "--due", "2027-0\(Int.random(in: 1...3, using: &random))-\(Int.random(in: 10...28, using: &random))", "--reason", "moved \(n)"]
        case 3: arguments = ["set", file, id, "--title", "Title \(n)"]
        case 4: arguments = ["set", file, id, "--owner", pick(owners)!]
        case 5:
            let partner = pick(owners)!
            arguments = ["set", file, id, action.partners.contains(partner) ? "--remove-partner" : "--partner", partner]
        case 6:
            guard let stream = pick(workstreams) else { return }
            arguments = ["set", file, id, action.workstreams.contains(stream) ? "--remove-workstream" : "--workstream", stream]
        case 7:
            let group = pick(["whole-system", "primary", "secondary", "tertiary"])!
            arguments = ["add", file, "--group", group, "--title", "New action \(n)", "--owner", pick(owners)!]
        case 8: arguments = ["milestone", "add", file, id, "--title", "Milestone \(n)", "--due", "2027-02-\(Int.random(in: 10...28, using: &random))"]
        case 9:
            guard let milestone = pick(action.milestones) else { return }
            arguments = ["milestone", "done", file, id, milestone.id] + (milestone.isDone ? ["--undo"] : [])
        case 10:
            arguments = ["funding", "add", file, "--source", "Source \(n)", "--year", "2026/27", "--amount", "\(Int.random(in: 1...9, using: &random) * 1000)"]
                + (Bool.random(using: &random) ? ["--action", id] : [])
        case 11: arguments = ["set", file, id, action.commentaryRestricted == true ? "--no-restricted" : "--restricted"]
        case 12: arguments = ["set", file, id, "--restricted", "--comment", "secret \(n)"]
        case 13:
            // The board closes the quarter it is in (refused when closed already, or the clock went back out of it).
            let quarter = plan.quarter(containing: Timestamp(secondsSinceEpoch: clocks[clock]).day)
            arguments = ["review", "close", file, quarter.description, "--board", "SHP"]
        default:
            try delete(id, in: agency, at: tick(clock))
            return
        }
        let result = try agency.dplan(arguments, at: tick(clock))
        tally.commands += 1
        if result.status == 1 { tally.refused += 1 } else if result.status != 0 {
            tally.crashes.append("\(arguments.joined(separator: " ")): exit \(result.status) \(result.stderr)")
        }
    }

    /// A deletion as the front end makes it: through the store's document.
    mutating func delete(_ id: String, in agency: GitMergeTests.Agency, at now: String) throws {
        guard Int.random(in: 0..<3, using: &random) == 0 else { return }  // rarer than edits
        var document = try PlanDocument.open(agency.plan)
        var plan = document.base
        try plan.deleteAction(id: id, context: EditContext(by: agency.name, now: Timestamp(iso: now)!))
        _ = try document.save(plan)
        tally.commands += 1
    }

    /// The plan at a commit.
    func plan(at revision: String, in agency: GitMergeTests.Agency) throws -> Plan {
        let text = try agency.git(["show", "\(revision):plans/plan.json"]).stdout
        return try PlanCoding.decode(Data(text.utf8), file: revision)
    }

    /// Pulls by merge or by rebase, checking the result against the model and settling any
    /// conflict with `dplan resolve`.
    mutating func sync(_ agency: GitMergeTests.Agency, label: String) throws {
        try agency.git(["fetch", "-q", "origin"])
        let head = try agency.head()
        let branch = try agency.git(["rev-parse", "--abbrev-ref", "HEAD"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let upstream = "origin/\(branch)"
        let theirsRevision = try agency.git(["rev-parse", upstream]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let baseRevision = try agency.git(["merge-base", head, theirsRevision]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard baseRevision != theirsRevision, baseRevision != head else {
            try agency.git(["merge", "-q", "--ff-only", theirsRevision])
            return
        }
        let oracle = try MergeOracle(base: plan(at: baseRevision, in: agency), ours: plan(at: head, in: agency),
                                     theirs: plan(at: theirsRevision, in: agency))
        tally.merges += 1
        let byRebase = Bool.random(using: &random)
        var seen: [MergeConflict] = []
        if byRebase {
            tally.rebases += 1
            var step = try agency.git(["rebase", "-q", theirsRevision], allowFailure: true)
            while step.status != 0 {
                guard let conflicts = try checkFile(agency, label: label) else { break }
                seen += conflicts
                try resolve(agency)
                step = try agency.git(["-c", "core.editor=true", "rebase", "--continue"], allowFailure: true)
            }
        } else {
            let merge = try agency.git(["merge", "-q", "--no-edit", theirsRevision], allowFailure: true)
            if merge.status != 0, let conflicts = try checkFile(agency, label: label) {
                var recorded = try PlanFile.load(agency.plan)
                recorded.conflicts = conflicts
                tally.add(oracle.check(recorded), at: label)
                try resolve(agency)
                try agency.git(["commit", "-q", "--no-edit"])
                return try afterMerge(agency, label: label)
            }
        }
        _ = try checkFile(agency, label: label)
        var final = try PlanFile.load(agency.plan)
        final.conflicts = seen
        tally.add(oracle.check(final), at: label + (byRebase ? " (rebase)" : ""))
        try afterMerge(agency, label: label)
    }

    /// The merged file is committed, clean and valid.
    mutating func afterMerge(_ agency: GitMergeTests.Agency, label: String) throws {
        if try !agency.git(["status", "--porcelain"]).stdout.isEmpty { tally.invalid.append("\(label): uncommitted changes after the merge") }
        if let problem = try PlanFile.load(agency.plan).validate().first { tally.invalid.append("\(label): \(problem)") }
    }

    /// Checks the file in the work tree mid-merge: no markers, readable, valid but for the
    /// conflicts it records. Returns those conflicts; nil when the file is not a plan.
    mutating func checkFile(_ agency: GitMergeTests.Agency, label: String) throws -> [MergeConflict]? {
        let text = try String(contentsOfFile: agency.plan, encoding: .utf8)
        if text.contains("<<<<<<<") || text.contains(">>>>>>>") { tally.invalid.append("\(label): conflict markers") }
        guard let plan = try? PlanFile.load(agency.plan) else {
            tally.invalid.append("\(label): the merged file does not load")
            return nil
        }
        for problem in plan.validate() where !problem.path.hasPrefix("conflicts[") { tally.invalid.append("\(label): \(problem)") }
        return plan.conflicts
    }

    /// Settles every recorded conflict one way or the other, as a person would with `dplan resolve`.
    mutating func resolve(_ agency: GitMergeTests.Agency) throws {
        let side = Bool.random(using: &random) ? "--ours" : "--theirs"
        let result = try agency.dplan(["resolve", "plans/plan.json", side], at: Timestamp(secondsSinceEpoch: clocks.max()!).description)
        if result.status != 0 { tally.invalid.append("resolve \(side): \(result.stderr)") }
        try agency.git(["add", "plans/plan.json"])
    }
}
