import Foundation
import PlanApp
import PlanModel
import PlanStore
@testable import PlanTUI
import Testing

/// The start screen (`dplan` alone): what it lists, and what each key and answer asks the run
/// loop to do.
@Suite struct StartScreenTests {
    static let listing = StartListing(
        folder: "/home/officer/plans",
        plans: [StartEntry(path: "/home/officer/plans/a.json", label: "Plan A"), StartEntry(path: "/home/officer/plans/b.json", label: "Plan B")],
        recent: [StartEntry(path: "/srv/shared/c.json", label: "Plan C")],
        samples: [StartEntry(path: "/usr/share/dplan/plans/s1.json", label: "Sample one"),
                  StartEntry(path: "/usr/share/dplan/plans/s2.json", label: "Sample two")],
        trackers: ["tracker.xlsx", "returns.csv"])

    static func state(_ listing: StartListing = listing) -> StartState {
        StartState(listing: listing, today: fixedNow.day, size: (100, 30))
    }

    @Test func listsTheFolderTheRecentPlansAndTheWaysToBegin() {
        var state = Self.state()
        #expect(state.rows == [.plan(Self.listing.plans[0]), .plan(Self.listing.plans[1]), .portfolio, .recent(Self.listing.recent[0]),
                               .newPlan, .importTracker, .sample])
        let text = renderStart(state).plainText
        for words in ["dplan │ start", "Plans in this folder", "a.json  Plan A", "Recently opened", "Plan C  /srv/shared/c.json",
                      "New plan", "Import a tracker", "Open a sample plan", "/home/officer/plans"] {
            #expect(text.contains(words), "\(words)")
        }
        #expect(state.update(.key(.down)) == nil)
        #expect(state.update(.key(.enter)) == .open(path: "/home/officer/plans/b.json"))
        _ = state.update(.key(.down))
        _ = state.update(.key(.down))
        #expect(state.update(.key(.enter)) == .open(path: "/srv/shared/c.json"))
        #expect(state.update(.key(.character("p"))) == .portfolio)
        #expect(state.update(.key(.character("z"))) == nil)
        #expect(state.message?.text == "z does nothing here; ? lists the keys")
        #expect(state.update(.key(.character("q"))) == .quit)
    }

    @Test func anEmptyFolderSaysSoAndHasNoPortfolio() {
        var state = Self.state(StartListing(folder: "/tmp/empty", plans: [], recent: [], samples: [], trackers: []))
        #expect(state.rows == [.newPlan, .importTracker, .sample])
        #expect(renderStart(state).plainText.contains("(none)"))
        #expect(state.update(.key(.character("p"))) == nil)
        #expect(state.message?.text == "There are no plans in this folder")
        #expect(state.update(.key(.character("o"))) == nil)
        #expect(state.message?.text == "No sample plans are installed")
        #expect(state.flow == nil)
    }

    @Test func helpListsTheKeysAndAnyKeyClosesIt() {
        var state = Self.state()
        _ = state.update(.key(.character("?")))
        let text = renderStart(state).plainText
        for binding in Keymap.start { #expect(text.contains(binding.help)) }
        #expect(state.update(.key(.character("q"))) == nil, "the key that closes help does nothing else")
        #expect(state.help == nil)
        #expect(state.update(.key(.character("q"))) == .quit)
    }

    @Test func aSampleIsChosenFromAList() {
        var state = Self.state()
        _ = state.update(.key(.character("o")))
        #expect(renderStart(state).plainText.contains("Sample two"))
        _ = state.update(.key(.down))
        #expect(state.update(.key(.enter)) == .open(path: "/usr/share/dplan/plans/s2.json"))
        #expect(state.flow == nil)
    }

    @Test func aNewPlanAsksEachQuestionWithASuggestionThenAsksForThePlan() {
        var state = Self.state()
        _ = state.update(.key(.character("n")))
        #expect(renderStart(state).plainText.contains("New plan (1/6): its title"))
        #expect(state.update(.key(.enter)) == nil)
        #expect(state.message?.text == "This cannot be empty")
        state.typeLine("Borough SV Delivery Plan 2026-29")
        state.typeLine("Safer Borough Partnership")
        // The period suggested: the three financial years from the one holding today (22 Nov 2026).
        #expect(renderStart(state).plainText.contains("2026-04-01..2029-03-31"))
        state.clearAndType("2026-04-01..2026-03-01")
        #expect(state.update(.key(.enter)) == nil)
        #expect(state.message?.text.hasPrefix("Write the period as START..END") == true)
        state.clearAndType("2026-04-01..2029-03-31")
        _ = state.update(.key(.enter))
        state.clearAndType("Partnership working")
        _ = state.update(.key(.enter))
        for _ in 1...3 { _ = state.update(.key(.enter)) }  // the other group names as suggested
        state.typeLine("Borough Police, Borough Council")
        #expect(renderStart(state).plainText.contains("borough-sv-delivery-plan-2026-29.json"))
        var expected = NewPlanAnswers(today: fixedNow.day)
        expected.title = "Borough SV Delivery Plan 2026-29"
        expected.partnership = "Safer Borough Partnership"
        expected.groupNames[0] = "Partnership working"
        expected.owners = "Borough Police, Borough Council"
        expected.file = "borough-sv-delivery-plan-2026-29.json"
        #expect(state.update(.key(.enter)) == .createPlan(expected))
        #expect(state.flow == nil)
    }

    @Test func theAnswersMakeTheGuidedPlan() throws {
        var answers = NewPlanAnswers(today: fixedNow.day)
        answers.title = "Borough SV Delivery Plan 2026-29"
        answers.partnership = "Safer Borough Partnership"
        answers.groupNames[0] = "Partnership working"
        answers.owners = "Borough Police, , Borough Council"
        answers.file = "/tmp/somewhere/borough.json"
        let context = EditContext(by: "Test Officer", now: fixedNow)
        let plan = try answers.plan(context: context)
        #expect(plan.id == "borough")
        #expect(plan.title == "Borough SV Delivery Plan 2026-29")
        #expect(plan.partnership == "Safer Borough Partnership")
        #expect(plan.period == Period(start: Day(iso: "2026-04-01")!, end: Day(iso: "2029-03-31")!))
        #expect(PreventionGroup.allCases.map { plan.name(of: $0) }
                == ["Partnership working", "Primary prevention", "Secondary prevention", "Tertiary prevention"])
        #expect(plan.owners.map(\.name) == ["Borough Police", "Borough Council"])
        #expect(plan.validate().isEmpty)
        // Two groups may not answer to one name: refused, as dplan group set refuses it.
        answers.groupNames[1] = "Partnership working"
        #expect(throws: DplanError.self) { try answers.plan(context: context) }
    }

    /// A plan that cannot be made (its file exists) asks for the file again, every other answer kept.
    @Test func aFailedNewPlanAsksForTheFileAgain() {
        var state = Self.state()
        _ = state.update(.key(.character("n")))
        state.typeLine("Borough plan")
        state.typeLine("Safer Borough Partnership")
        for _ in 1...6 { _ = state.update(.key(.enter)) }  // period, four group names, no owners
        guard case .createPlan(let answers)? = state.update(.key(.enter)) else {
            Issue.record("no plan asked for")
            return
        }
        _ = state.update(.failed("borough-plan.json exists"))
        #expect(state.message?.text == "borough-plan.json exists")
        #expect(renderStart(state).plainText.contains("New plan (6/6): the file to create: borough-plan.json"))
        state.clearAndType("borough-plan-2")
        var renamed = answers
        renamed.file = "borough-plan-2.json"
        #expect(state.update(.key(.enter)) == .createPlan(renamed))
        // Made, opened, closed: the listing read again forgets the question.
        _ = state.update(.listed(Self.listing))
        _ = state.update(.failed("a later failure of something else"))
        #expect(state.flow == nil)
    }

    @Test func aFailedImportAsksForTheFileAgain() {
        var state = Self.state()
        _ = state.update(.key(.character("i")))
        _ = state.update(.key(.enter))
        _ = state.update(.previewed(path: "tracker.xlsx", mapping: ["Sheet"], title: "Borough plan"))
        _ = state.update(.key(.enter))
        state.typeLine("Safer Borough Partnership")
        #expect(state.update(.key(.enter)) != nil)
        _ = state.update(.failed("borough-plan.json exists"))
        #expect(renderStart(state).plainText.contains("the file to create: borough-plan.json"))
    }

    @Test func escapeLeavesANewPlanWithNothingAsked() {
        var state = Self.state()
        _ = state.update(.key(.character("n")))
        state.typeLine("Title")
        #expect(state.update(.key(.escape)) == nil)
        #expect(state.flow == nil)
        #expect(!renderStart(state).plainText.contains("New plan (2/6)"))
    }

    @Test func aTrackerIsPickedItsMappingShownThenConfirmed() {
        var state = Self.state()
        _ = state.update(.key(.character("i")))
        #expect(renderStart(state).plainText.contains("Type a path…"))
        _ = state.update(.key(.down))
        #expect(state.update(.key(.enter)) == .previewTracker(path: "returns.csv"))
        let mapping = ["Sheet \"returns\", header in row 1", "A \"Ref\" → id", "B \"Action\" → title"]
        _ = state.update(.previewed(path: "returns.csv", mapping: mapping, title: nil))
        let shown = renderStart(state).plainText
        for line in mapping { #expect(shown.contains(line)) }
        _ = state.update(.key(.enter))
        state.typeLine("Safer Borough Partnership")
        // No title row in the tracker: its title is asked for, then the file (named after it).
        state.typeLine("Borough plan")
        #expect(renderStart(state).plainText.contains("borough-plan.json"))
        var expected = ImportAnswers(tracker: "returns.csv", mapping: mapping, trackerTitle: nil)
        expected.partnership = "Safer Borough Partnership"
        expected.title = "Borough plan"
        expected.file = "borough-plan.json"
        #expect(state.update(.key(.enter)) == .importTracker(expected))
    }

    @Test func aTrackerPathMayBeTypedAndAFailureIsShown() {
        var state = Self.state()
        _ = state.update(.key(.character("i")))
        _ = state.update(.key(.end))
        _ = state.update(.key(.enter))
        state.type("elsewhere/plan.xlsx")
        #expect(state.update(.key(.enter)) == .previewTracker(path: "elsewhere/plan.xlsx"))
        _ = state.update(.failed("elsewhere/plan.xlsx: no such file\nsecond line\nthird line"))
        let text = renderStart(state).plainText
        #expect(text.contains("elsewhere/plan.xlsx: no such file second line"))
        #expect(!text.contains("third line"))
        #expect(state.flow == nil)
    }

    @Test func theListingReadAgainKeepsTheCursorOnScreen() {
        var state = Self.state()
        for _ in 1...6 { _ = state.update(.key(.down)) }
        #expect(state.rows[state.selection] == .sample)
        _ = state.update(.listed(StartListing(folder: "/x", plans: [], recent: [], samples: [], trackers: [])))
        #expect(state.rows[state.selection] == .sample)
        _ = state.update(.resized(width: 40, height: 10))
        #expect(renderStart(state).plainText.contains("too small"))
    }
}

extension StartState {
    /// Types text one character at a time.
    mutating func type(_ text: String) {
        for character in text { _ = update(.key(.character(character))) }
    }

    /// Types a whole answer over the suggestion, then Enter.
    mutating func typeLine(_ text: String) {
        clearAndType(text)
        _ = update(.key(.enter))
    }

    mutating func clearAndType(_ text: String) {
        _ = update(.key(.control("u")))
        type(text)
    }
}
