import Foundation
import PlanModel
import PlanStore
import Testing
import TestSupport

/// `dplan board-view` records the board's view beside the lead's update, and through git a lead's
/// update on one clone and the board's view on another keep both voices.
@Suite struct BoardViewCLITests {
    @Test func theBoardsViewIsRecordedBesideTheLeadsUpdate() throws {
        let plan = try temporaryCopy(of: hillingdonPlan)
        #expect(try runDplan(["set", plan, "SEC-06", "--status", "amber", "--comment", "Referrals slower than planned", "--by", "Police"]).status == 0)
        let result = try runDplan(["board-view", plan, "SEC-06", "--status", "red", "--reason", "No referrals yet", "--by", "Jo Officer"],
                                  now: "2026-11-22T11:00:00Z")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "SEC-06: the board's view for 2026/27 Q3 is Red: No referrals yet (the lead's update stays: Amber)\n")
        let action = try #require(try PlanFile.load(plan).actions.first { $0.id == "SEC-06" })
        let review = try #require(action.review(for: Quarter("2026/27 Q3")!))
        #expect(review.status == .amber && review.commentary == "Referrals slower than planned" && review.by == "Police")
        #expect(review.board == BoardView(status: .red, reason: "No referrals yet", by: "Jo Officer", on: Timestamp(iso: "2026-11-22T11:00:00Z")!))
        #expect(action.status == .red)
        let show = try runDplan(["show", plan, "SEC-06"])
        #expect(show.stdout.contains("No referrals yet") && show.stdout.contains("Referrals slower than planned"))
    }

    /// The board meets in February on the quarter that ended in December: `--quarter` records its
    /// view there, and that quarter's paper shows it (the view once could only go to the running one).
    @Test func aFebruaryMeetingGivesItsViewForTheQuarterItReviews() throws {
        let plan = try temporaryCopy(of: hillingdonPlan)
        let result = try runDplan(["board-view", plan, "SEC-05", "--status", "red", "--reason", "Board at the Q3 meeting",
                                   "--quarter", "2026/27 Q3", "--by", "Chair"], now: "2027-02-10T10:00:00Z")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("SEC-05: the board's view for 2026/27 Q3 is Red: Board at the Q3 meeting"), "\(result.stdout)")
        let paper = try runDplan(["export", plan, "--quarter", "2026/27 Q3", "--format", "markdown", "-o", "-"], now: "2027-02-10T11:00:00Z")
        #expect(paper.stdout.contains("Board at the Q3 meeting"))
        let closed = try runDplan(["board-view", plan, "SEC-05", "--status", "red", "--reason", "r", "--quarter", "2026/27 Q2"],
                                  now: "2027-02-10T12:00:00Z")
        #expect(closed.status == 1 && closed.stderr.contains("2026/27 Q2"), "\(closed.stderr)")
    }

    @Test func aBoardViewWithoutAReasonIsRefusedAndNothingWritten() throws {
        let plan = try temporaryCopy(of: hillingdonPlan)
        let before = try Data(contentsOf: URL(fileURLWithPath: plan))
        let result = try runDplan(["board-view", plan, "SEC-06", "--status", "red", "--reason", "  "])
        #expect(result.status == 1 && result.stderr.contains("nothing was written"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: plan)) == before)
    }
}

extension GitMergeTests {
    @Test func theLeadsUpdateOnOneCloneAndTheBoardsViewOnAnotherKeepBothVoices() throws {
        let (_, police, council) = try twoAgencies()
        #expect(try police.dplan(["set", "plans/plan.json", "SEC-06", "--status", "amber", "--comment", "Referrals slower than planned"],
                                 at: "2026-11-22T10:00:00Z").status == 0)
        try police.commit("Police Q3 update")
        try police.git(["push", "-q"])
        #expect(try council.dplan(["board-view", "plans/plan.json", "SEC-06", "--status", "red", "--reason", "No referrals yet"],
                                  at: "2026-11-22T11:00:00Z").status == 0)
        try council.commit("Board's view in the meeting")
        let pull = try council.git(["pull", "-q", "--no-rebase", "--no-edit"], allowFailure: true)
        #expect(pull.status == 0, "\(pull.stderr)")
        let plan = try PlanFile.load(council.plan)
        #expect(plan.conflicts.isEmpty, "\(plan.conflicts.map(\.path))")
        let action = try #require(plan.actions.first { $0.id == "SEC-06" })
        let review = try #require(action.review(for: Quarter("2026/27 Q3")!))
        #expect(review.status == .amber && review.commentary == "Referrals slower than planned" && review.by == "Police")
        #expect(review.board?.status == .red && review.board?.reason == "No referrals yet" && review.board?.by == "Council")
        #expect(action.status == .red)
        #expect(try council.dplan(["validate", "plans/plan.json"], at: "2026-11-22T12:00:00Z").status == 0)
    }
}
