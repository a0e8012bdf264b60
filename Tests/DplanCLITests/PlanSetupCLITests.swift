import Foundation
import Testing

/// A new empty plan in a temporary folder, as `dplan new` makes it.
private func newPlan() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-setup-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("plan.json").path
    let made = try runDplan(["new", path, "--title", "Plan", "--partnership", "CSP", "--start", "2026-04-01", "--end", "2029-03-31"])
    #expect(made.status == 0, "\(made.stderr)")
    return path
}

private func json(_ path: String) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any] ?? [:]
}

private func action(_ path: String, _ id: String) throws -> [String: Any] {
    ((try json(path)["actions"] as? [[String: Any]]) ?? []).first { $0["id"] as? String == id } ?? [:]
}

/// The set-up commands of issue #17: each changes the plan on the record, refuses bad input with
/// a message and a non-zero exit, and never leaves an invalid plan.
@Suite struct PlanSetupCLITests {
    /// The board paper's author and contact (issue #27): set on the record, printed on the cover
    /// of every paper, removed with an empty text.
    @Test func planSetNamesThePapersAuthorAndContact() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let set = try runDplan(["plan", "set", path, "--author", "Jane Smith, Community Safety Manager",
                                "--contact", "community.safety@hillingdon.gov.uk"])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.contains("author: (empty) → Jane Smith, Community Safety Manager"), "\(set.stdout)")
        #expect(try json(path)["contact"] as? String == "community.safety@hillingdon.gov.uk")
        let log = try runDplan(["log", path])
        #expect(log.stdout.contains("author") && log.stdout.contains("contact"), "\(log.stdout)")
        let paper = try runDplan(["export", path, "--format", "markdown", "-o", "-"])
        #expect(paper.status == 0 && paper.stdout.contains("**Author:** Jane Smith, Community Safety Manager · **Contact:** community.safety@hillingdon.gov.uk"))
        #expect(try runDplan(["plan", "set", path, "--author", ""]).status == 0)
        #expect(try json(path)["author"] == nil)
        let again = try runDplan(["export", path, "--format", "markdown", "-o", "-"])
        #expect(!again.stdout.contains("**Author:**") && again.stdout.contains("**Contact:**"))
    }

    /// `--public` leaves the board's asks out; `--with-decisions` keeps them; alone it is a usage error.
    @Test func aPublicExportKeepsTheAsksOnlyWithDecisions() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        #expect(try runDplan(["set", path, "SEC-06", "--decision", "Agree the IDVA's funding"]).status == 0)
        let board = try runDplan(["export", path, "--format", "markdown", "-o", "-"])
        #expect(board.stdout.contains("## Decisions and recommendations for the board") && board.stdout.contains("Agree the IDVA's funding"))
        let published = try runDplan(["export", path, "--format", "markdown", "--public", "-o", "-"])
        #expect(published.status == 0 && !published.stdout.contains("Decisions and recommendations") && !published.stdout.contains("IDVA's funding"))
        let withAsks = try runDplan(["export", path, "--format", "markdown", "--public", "--with-decisions", "-o", "-"])
        #expect(withAsks.status == 0 && withAsks.stdout.contains("Agree the IDVA's funding"))
        let alone = try runDplan(["export", path, "--format", "markdown", "--with-decisions", "-o", "-"])
        #expect(alone.status == 2 && alone.stderr.contains("--with-decisions goes with --public"), "\(alone.stderr)")
    }

    @Test func planSetChangesDetailsAndStatusWordsOnTheAuditTrail() throws {
        let path = try newPlan()
        let set = try runDplan(["plan", "set", path, "--title", "DA Strategy", "--partnership", "Safer Hillingdon Partnership",
                                "--description", "Built from the strategy", "--fy-start", "January",
                                "--status-word", "complete=Blue", "--rag-definition", "green=No issues."])
        #expect(set.status == 0, "\(set.stderr)")
        let plan = try json(path)
        #expect(plan["title"] as? String == "DA Strategy")
        #expect(plan["partnership"] as? String == "Safer Hillingdon Partnership")
        #expect(plan["financialYearStartMonth"] as? Int == 1)
        #expect((plan["statusWords"] as? [String: String])?["complete"] == "Blue")
        #expect((plan["ragDefinitions"] as? [String: String])?["green"] == "No issues.")
        let log = try runDplan(["log", path])
        for field in ["title", "partnership", "description", "financialYearStartMonth", "statusWords.complete", "ragDefinitions.green"] {
            #expect(log.stdout.contains(field), "\(field) missing from the log")
        }
        #expect(try runDplan(["plan", "set", path, "--title", " "]).status == 1)
        #expect(try runDplan(["plan", "set", path, "--fy-start", "13"]).status == 2)
        #expect(try runDplan(["plan", "set", path, "--status-word", "purple=x"]).status == 2)
    }

    @Test func financialYearAndPeriodChangesThatWouldMisplaceHistoryAreRefusedSayingWhich() throws {
        let path = try newPlan()
        #expect(try runDplan(["add", path, "--group", "primary", "--title", "A", "--owner", "Police", "--new-owner"]).status == 0)
        #expect(try runDplan(["set", path, "PRI-01", "--status", "green"], now: "2026-11-22T10:00:00Z").status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let fy = try runDplan(["plan", "set", path, "--fy-start", "1"])
        #expect(fy.status == 1 && fy.stderr.contains("2026/27 Q3") && fy.stderr.contains("nothing was written"))
        let period = try runDplan(["plan", "set", path, "--start", "2027-04-01"])
        #expect(period.status == 1 && period.stderr.contains("2026/27 Q3"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func groupSetNamesAimsAndOrdersGroupsAndGroupOptionsTakeTheNewNames() throws {
        let path = try newPlan()
        #expect(try runDplan(["group", "set", path, "whole-system", "--name", "Partnership working", "--order", "4"]).status == 0)
        #expect(try runDplan(["group", "set", path, "primary", "--name", "Prevention", "--aim", "Stop it early"]).status == 0)
        let plan = try json(path)
        #expect(plan["groupOrder"] as? [String] == ["primary", "secondary", "tertiary", "whole-system"])
        #expect((plan["groups"] as? [String: [String: String]])?["primary"]?["aim"] == "Stop it early")
        #expect(try runDplan(["add", path, "--group", "Partnership working", "--title", "Protocol", "--owner", "Council", "--new-owner"]).status == 0)
        #expect(try runDplan(["add", path, "--group", "prevention", "--title", "Schools", "--owner", "Council"]).status == 0)
        let list = try runDplan(["list", path, "--group", "Partnership working"])
        #expect(list.stdout.contains("WSA-01") && !list.stdout.contains("PRI-01"))
        // The action of the group shown first comes first in the file, as the plan orders them.
        let order = ((try json(path)["actions"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
        #expect(order == ["PRI-01", "WSA-01"])
        let taken = try runDplan(["group", "set", path, "secondary", "--name", "prevention"])
        #expect(taken.status == 1 && taken.stderr.contains("already names the group primary"))
        #expect(try runDplan(["group", "set", path, "primary", "--order", "5"]).status == 2)
        #expect(try runDplan(["group", "set", path, "nonsense", "--name", "x"]).status == 2)
        #expect(try runDplan(["log", path]).stdout.contains("groupOrder"))
    }

    @Test func workstreamsAreAddedRenamedAndRemovedOnlyWhenUnused() throws {
        let path = try newPlan()
        #expect(try runDplan(["workstream", "add", path, "Reducing access to weapons", "--description", "Sweeps"]).status == 0)
        #expect(try runDplan(["workstream", "set", path, "reducing-access-to-weapons", "--name", "Weapons"]).status == 0)
        #expect(try runDplan(["add", path, "--group", "primary", "--title", "Sweeps", "--owner", "Police", "--new-owner",
                              "--workstream", "Weapons", "--workstream", "Knife crime", "--new-workstream"]).status == 0)
        #expect(try action(path, "PRI-01")["workstreams"] as? [String] == ["reducing-access-to-weapons", "knife-crime"])
        let unknown = try runDplan(["add", path, "--group", "primary", "--title", "X", "--owner", "Police", "--workstream", "Nope"])
        #expect(unknown.status == 1 && unknown.stderr.contains("--new-workstream") && unknown.stderr.contains("Weapons"))
        let refused = try runDplan(["workstream", "remove", path, "Weapons"])
        #expect(refused.status == 1 && refused.stderr.contains("PRI-01") && refused.stderr.contains("--from-actions"))
        #expect(try runDplan(["workstream", "remove", path, "Weapons", "--from-actions"]).status == 0)
        #expect(try action(path, "PRI-01")["workstreams"] as? [String] == ["knife-crime"])
        #expect(((try json(path)["workstreams"] as? [[String: Any]]) ?? []).count == 1)
        #expect(try runDplan(["workstream", "add", path, "knife crime"]).status == 1)
        #expect(try runDplan(["validate", path]).status == 0)
    }

    @Test func ownersAreAddedChangedAndMergedEverywhere() throws {
        let path = try newPlan()
        #expect(try runDplan(["owner", "add", path, "Metropolitan Police Service", "--role", "Responsible authority"]).status == 0)
        #expect(try runDplan(["owner", "add", path, "MPS", "--id", "mps-dup", "--contact", "mps@example.org"]).status == 0)
        #expect(try runDplan(["owner", "set", path, "MPS", "--role", "Duplicate"]).status == 0)
        #expect(try runDplan(["add", path, "--group", "primary", "--title", "A", "--owner", "MPS",
                              "--partner", "Metropolitan Police Service", "--partner", "Youth Justice", "--new-partner"]).status == 0)
        #expect(try runDplan(["add", path, "--group", "primary", "--title", "B", "--owner", "Youth Justice", "--partner", "MPS"]).status == 0)
        #expect(try runDplan(["set", path, "PRI-01", "--status", "green"]).status == 0)
        let merge = try runDplan(["owner", "merge", path, "MPS", "--into", "Metropolitan Police Service"])
        #expect(merge.status == 0 && merge.stdout.contains("2 actions"), "\(merge.stderr)")
        let first = try action(path, "PRI-01"), second = try action(path, "PRI-02")
        #expect(first["owner"] as? String == "metropolitan-police-service")
        #expect(first["partners"] as? [String] == ["youth-justice"])  // the lead is not also a partner
        #expect(second["partners"] as? [String] == ["metropolitan-police-service"])
        #expect((first["reviews"] as? [[String: Any]])?.first?["owner"] as? String == "metropolitan-police-service")
        let owners = (try json(path)["owners"] as? [[String: Any]]) ?? []
        #expect(owners.map { $0["id"] as? String } == ["metropolitan-police-service", "youth-justice"])
        #expect(owners[0]["contact"] as? String == "mps@example.org" && owners[0]["role"] as? String == "Responsible authority")
        #expect(try runDplan(["log", path, "PRI-01"]).stdout.contains("owner"))
        #expect(try runDplan(["log", path]).stdout.contains("owners[id=mps-dup]"))
        #expect(try runDplan(["owner", "merge", path, "youth-justice", "--into", "Youth Justice"]).status == 1)
        #expect(try runDplan(["owner", "add", path, "metropolitan police service"]).status == 1)
        #expect(try runDplan(["validate", path]).status == 0)
    }

    @Test func setChangesFieldsAndCreatesPartnersAndWorkstreamsOnRequest() throws {
        let path = try newPlan()
        #expect(try runDplan(["add", path, "--group", "primary", "--title", "A", "--owner", "Council", "--new-owner"]).status == 0)
        let refused = try runDplan(["set", path, "PRI-01", "--partner", "Fire"])
        #expect(refused.status == 1 && refused.stderr.contains("--new-partner"))
        let set = try runDplan(["set", path, "PRI-01", "--partner", "Fire", "--new-partner", "--workstream", "Arson", "--new-workstream",
                                "--title", "A better title", "--outcome", "Fewer fires"])
        #expect(set.status == 0, "\(set.stderr)")
        let changed = try action(path, "PRI-01")
        #expect(changed["partners"] as? [String] == ["fire"] && changed["workstreams"] as? [String] == ["arson"])
        #expect(changed["title"] as? String == "A better title" && changed["outcomeMeasure"] as? String == "Fewer fires")
        #expect(try runDplan(["set", path, "PRI-01", "--remove-partner", "Fire", "--remove-workstream", "arson"]).status == 0)
        #expect(try action(path, "PRI-01")["partners"] as? [String] == [])
        #expect(try runDplan(["log", path]).stdout.contains("owners[id=fire]"))
    }

    @Test func milestonesAreAddedTickedAndShownWithTheOverdueFact() throws {
        let path = try newPlan()
        #expect(try runDplan(["add", path, "--group", "primary", "--title", "A", "--owner", "Council", "--new-owner"]).status == 0)
        #expect(try runDplan(["milestone", "add", path, "PRI-01", "--title", "Pilot", "--due", "2026-10-31"]).status == 0)
        #expect(try runDplan(["milestone", "add", path, "PRI-01", "--title", "Roll out", "--due", "2027-03-31"]).status == 0)
        let show = try runDplan(["show", path, "PRI-01"], now: "2026-11-22T10:00:00Z")
        #expect(show.stdout.contains("milestone overdue") && show.stdout.contains("[ ] M1 Pilot, due 2026-10-31"))
        #expect(try runDplan(["milestone", "done", path, "PRI-01", "Pilot"], now: "2026-11-23T10:00:00Z").status == 0)
        let milestone = (try action(path, "PRI-01")["milestones"] as? [[String: Any]])?.first ?? [:]
        #expect(milestone["doneBy"] as? String == "Test Officer" && milestone["doneOn"] as? String == "2026-11-23T10:00:00Z")
        #expect(!(try runDplan(["show", path, "PRI-01"], now: "2026-11-24T10:00:00Z").stdout.contains("milestone overdue")))
        #expect(try runDplan(["milestone", "done", path, "PRI-01", "M1", "--undo"]).status == 0)
        #expect(try runDplan(["milestone", "set", path, "PRI-01", "M2", "--due", "2027-06-30"]).status == 0)
        #expect(try runDplan(["milestone", "remove", path, "PRI-01", "M1"]).status == 0)
        #expect((try action(path, "PRI-01")["milestones"] as? [[String: Any]])?.map { $0["id"] as? String } == ["M2"])
        #expect(try runDplan(["milestone", "done", path, "PRI-01", "M9"]).status == 1)
        #expect(try runDplan(["milestone", "add", path, "PRI-01", "--title", " ", "--due", "2027-01-01"]).status == 1)
        #expect(try runDplan(["milestone", "add", path, "PRI-01", "--title", "x", "--due", "soon"]).status == 2)
        #expect(try runDplan(["log", path, "PRI-01"]).stdout.contains("milestones"))
    }

    @Test func fundingLinesWithSplitsAtActionAndPlanLevel() throws {
        let path = try newPlan()
        #expect(try runDplan(["add", path, "--group", "primary", "--title", "A", "--owner", "Council", "--new-owner"]).status == 0)
        let add = try runDplan(["funding", "add", path, "--action", "PRI-01", "--source", "SVD grant", "--year", "2026/27",
                                "--amount", "£10,000", "--labour", "4000"])
        #expect(add.status == 0 && add.stdout.contains("non-labour £6,000"), "\(add.stderr)")
        #expect(try runDplan(["funding", "add", path, "--source", "Mayor", "--year", "2027/28", "--amount", "6800000"]).status == 0)
        let line = (try action(path, "PRI-01")["fundingLines"] as? [[String: Any]])?.first ?? [:]
        #expect(line["id"] as? String == "F1" && line["year"] as? String == "2026/27")
        #expect((line["labour"] as? NSNumber)?.intValue == 4000 && (line["nonLabour"] as? NSNumber)?.intValue == 6000)
        #expect(((try json(path)["fundingLines"] as? [[String: Any]]) ?? []).count == 1)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let bad = try runDplan(["funding", "add", path, "--source", "x", "--year", "2026/27", "--amount", "100", "--labour", "60", "--non-labour", "60"])
        #expect(bad.status == 1 && bad.stderr.contains("add up to £120"))
        #expect(try runDplan(["funding", "add", path, "--source", "x", "--year", "2026/28", "--amount", "1"]).status == 2)
        #expect(try runDplan(["funding", "add", path, "--source", "x", "--year", "2026/27", "--amount", "-1"]).status == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try runDplan(["funding", "remove", path, "F1", "--action", "PRI-01"]).status == 0)
        #expect(try runDplan(["funding", "remove", path, "F7"]).status == 1)
        #expect(try runDplan(["log", path]).stdout.contains("fundingLines[id=F1]"))
    }
}
