import ArgumentParser
import PlanApp
import PlanModel

/// `dplan board-view FILE ACTION-ID --status S --reason TEXT`: the board's view of an action for
/// the current quarter, beside the lead's update (what meeting mode records).
struct BoardViewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board-view",
        abstract: "Record the board's view of an action for the current quarter: the status it settles on and why.",
        discussion: """
            The lead's update (its status and words) stays as it was, shown beside the board's view in show, the
            detail screen and every paper; the action's status becomes the board's. A lead who has not updated
            this quarter still owes an update.
            """)

    @OptionGroup var plan: PlanFileArgument
    @Argument(help: "The action id, e.g. SEC-03.") var actionID: String
    @Option(help: "The status the board settles on: not-started, red, amber, green, complete (or N/R/A/G/C).") var status: Status
    @Option(help: "Why the board takes this view (required).") var reason: String
    @OptionGroup var author: AuthorOption

    func run() throws {
        let file = self.plan.file
        var (document, plan) = try openForEditing(file)
        let context = EditContext(by: author.name, now: try currentTime())
        try refusing(file) { try plan.recordBoardView(actionID: actionID, status: status, reason: reason, context: context) }
        try save(plan, in: &document)
        let action = plan.actions[plan.actionIndex(id: actionID)!]
        let review = action.reviews.last { $0.board != nil }!
        let lead = review.noUpdateProvided == true ? "no update from the lead yet" : "the lead's update stays: \(review.status.label)"
        print("\(clean(actionID)): the board's view for \(review.quarter) is \(status.label): \(clean(review.board!.reason)) (\(lead))")
    }
}
