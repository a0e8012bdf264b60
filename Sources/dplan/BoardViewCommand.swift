import ArgumentParser
import PlanApp
import PlanModel

/// `dplan board-view FILE ACTION-ID --status S --reason TEXT`: the board's view of an action for
/// the quarter being updated or `--quarter`, beside the lead's update (what meeting mode records).
struct BoardViewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board-view",
        abstract: "Record the board's view of an action for a quarter: the status it settles on and why.",
        discussion: """
            The view is for the quarter being updated; --quarter names an earlier one that is not closed yet (a
            February meeting reviewing October to December gives --quarter "2026/27 Q3").
            The lead's update (its status and words) stays as it was, shown beside the board's view in show, the
            detail screen and every paper; the action's status becomes the board's. A lead who has not updated
            that quarter still owes an update.
            """)

    @OptionGroup var plan: PlanFileArgument
    @Argument(help: "The action id, e.g. SEC-03.") var actionID: String
    @Option(help: "The status the board settles on: not-started, red, amber, green, complete (or N/R/A/G/C).") var status: Status
    @Option(help: "Why the board takes this view (required).") var reason: String
    @Option(help: "The quarter the view is for, e.g. \"2026/27 Q3\", started and not closed (default: the quarter being updated).")
    var quarter: Quarter?
    @OptionGroup var author: AuthorOption

    func run() throws {
        let file = self.plan.file
        var (document, plan) = try openForEditing(file)
        let context = EditContext(by: author.name, now: try currentTime())
        let quarter = try self.quarter ?? plan.quarterForUpdates(on: context.now.day)
        try refusing(file) { try plan.recordBoardView(actionID: actionID, status: status, reason: reason, quarter: quarter, context: context) }
        try save(plan, in: &document)
        let action = plan.actions[plan.actionIndex(id: actionID)!]
        let review = action.review(for: quarter)!
        let lead = review.noUpdateProvided == true ? "no update from the lead yet" : "the lead's update stays: \(review.status.label)"
        print("\(clean(actionID)): the board's view for \(review.quarter) is \(status.label): \(clean(review.board!.reason)) (\(lead))")
    }
}
