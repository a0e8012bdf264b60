import ArgumentParser
import PlanApp
import PlanModel
import PlanReports

// Option and argument types shared by the subcommands. Values are parsed by swift-argument-parser,
// so a bad status, date or quarter is a usage error (exit 2) that names what is allowed.

/// The plan file a command reads or changes.
struct PlanFileArgument: ParsableArguments {
    @Argument(help: "The plan file.")
    var file: String
}

/// The plan files a reading command reads: one, or several, when each row carries its plan's
/// label (the plan's id, or the file name where two plans share one).
struct PlanFilesArgument: ParsableArguments {
    @Argument(help: "The plan file, or several (each row is then labelled with its plan).")
    var files: [String]

    var several: Bool { files.count > 1 }

    func validate() throws {
        if files.isEmpty { throw ValidationError("give a plan file") }
    }

    /// The plans, labelled; a plan with unresolved merge conflicts is read with a warning.
    func load() throws -> [LabelledPlan] {
        LabelledPlan.labelled(try files.map { file in (file, try loadPlan(file)) })
    }
}

/// `--by`: who is making a change.
struct AuthorOption: ParsableArguments {
    @Option(help: "Who is making the change (default $DPLAN_USER, else $USER).")
    var by: String?

    /// `--by`, else `$DPLAN_USER`, else `$USER`.
    var name: String { resolveUser(by) }
}

extension Status: ExpressibleByArgument {
    /// A status word, raw value or letter: "amber", "A", "not started".
    public init?(argument: String) { self.init(word: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// `--status red,amber`: one status or several, comma-separated.
struct StatusList: ExpressibleByArgument {
    var statuses: Set<Status>

    init?(argument: String) {
        var statuses = Set<Status>()
        for word in argument.split(separator: ",") {
            guard let status = Status(word: String(word)) else { return nil }
            statuses.insert(status)
        }
        guard !statuses.isEmpty else { return nil }
        self.statuses = statuses
    }

    static var allValueStrings: [String] { Status.allValueStrings }
}

extension Day: ExpressibleByArgument {
    /// `YYYY-MM-DD`.
    public init?(argument: String) { self.init(iso: argument) }
    public static var defaultCompletionKind: CompletionKind { .default }
}

extension Quarter: ExpressibleByArgument {
    /// "2025/26 Q2".
    public init?(argument: String) { self.init(argument) }
}

/// A prevention group as typed: its key (`primary`), id prefix (`PRI`), default name, or the
/// plan's own name for it ("Prevent before it happens"). The last needs the plan, so `resolve`
/// finishes the job and a name the plan does not have is a usage error listing the choices.
struct GroupArgument: ExpressibleByArgument {
    var text: String

    init?(argument: String) {
        guard !argument.isBlank else { return nil }
        text = argument
    }

    func resolve(in plan: Plan, option: String = "--group") throws -> PreventionGroup {
        try resolveGroup(text, in: plan, option: option)
    }
}

extension ReportFormat: ExpressibleByArgument {}
