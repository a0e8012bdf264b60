import ArgumentParser
import PlanApp
import PlanModel

extension IndicatorCommand {
    /// `dplan indicator measure PLAN ID CODE|none`: which national measure an indicator reports.
    struct SetMeasure: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "measure",
            abstract: "Mark an indicator as reporting a national Serious Violence Duty measure (or none), so plans can be compared.",
            discussion: """
                Codes: \(NationalMeasure.allCases.map { "\($0.rawValue) (\($0.name))" }.joined(separator: "; ")).
                A measure is a count with lower better, and one indicator per plan reports each. "none" makes the
                indicator a local one again. The change is written to the indicator's audit trail.
                """)

        @OptionGroup var plan: PlanFileArgument
        @Argument(help: "The indicator id.") var indicatorID: String
        @Argument(help: "A measure code, or none.") var code: String
        @OptionGroup var author: AuthorOption

        func validate() throws {
            if code.lowercased() != "none" && NationalMeasure(rawValue: code) == nil {
                throw ValidationError("unknown measure \"\(clean(code))\"; expected none or one of \(NationalMeasure.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() throws {
            let file = self.plan.file
            var (document, plan) = try openForEditing(file)
            let measure = NationalMeasure(rawValue: code)
            let before = plan
            do {
                try plan.setIndicatorMeasure(id: indicatorID, measure: measure, context: EditContext(by: author.name, now: try currentTime()))
            } catch {
                throw DplanError.refused("\(file): \(error) (nothing was written)")
            }
            guard plan != before else { print("\(clean(indicatorID)) already reports \(measure?.rawValue ?? "no national measure"); nothing changed"); return }
            try save(plan, in: &document)
            print("\(clean(indicatorID)) reports \(measure.map { "\($0.rawValue) (\($0.name))" } ?? "no national measure")")
        }
    }
}
