import ArgumentParser
import PlanTUI

/// `dplan keys`: the front end's key table as Markdown, for the README (a developer tool).
struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the front end's keys as a Markdown table (the README's table comes from it).",
        shouldDisplay: false)

    func run() {
        print(Keymap.markdownTable)
    }
}
