import ArgumentParser
import Foundation
import PlanApp
import TerminalText

/// The `dplan` command: subcommands for scripts, and `dplan FILE` for the interactive front end.
@main
struct Dplan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dplan",
        abstract: "Run a Serious Violence Duty delivery plan kept in a plain JSON file.",
        discussion: """
            dplan alone, in a terminal, opens the start screen: the plans in this folder, those opened lately,
            a new plan, a tracker to import, a sample plan.
            Exit codes: 0 success, 1 invalid data or refused operation, 2 usage error.
            Who made a change comes from --by, else $DPLAN_USER, else $USER.
            """,
        version: BuildInfo.versionLine,
        subcommands: [Open.self, Validate.self, List.self, Show.self, SetCommand.self, BoardViewCommand.self, New.self, Add.self, Format.self,
                      PlanCommand.self, GroupCommand.self, WorkstreamCommand.self, OwnerCommand.self,
                      MilestoneCommand.self, FundingCommand.self, ReviewCommand.self, Changes.self, Chase.self, Export.self, Import.self, Merge.self,
                      Resolve.self, GitSetup.self, MergeDriverCommand.self, Generate.self, BenchTUI.self, Keys.self, Log.self, IndicatorCommand.self],
        defaultSubcommand: Open.self
    )

    /// Runs the command and maps errors to dplan's exit codes: `DplanError.exitCode` (1 for
    /// refused operations and bad data, 2 for usage errors), argument-parser's own for its
    /// errors; messages go to stderr.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
            try finishStandardOutput()
        } catch let error as DplanError {
            printError(error.exitCode == 2 ? "Error: " + error.message : error.message)
            Foundation.exit(error.exitCode)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            printError(fullMessage(for: error))
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
