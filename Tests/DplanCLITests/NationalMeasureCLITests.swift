import Foundation
import TestSupport
import Testing

private let domesticAbusePlan = repositoryRoot.appendingPathComponent("plans/hillingdon-domestic-abuse-2018-21.json").path

/// The national-measure code and the population through the real binary.
@Suite struct NationalMeasureCLITests {
    @Test func addWithAMeasureChangeItShowItAndSetThePopulation() throws {
        let plan = try temporaryCopy(of: domesticAbusePlan)
        let add = try runDplan(["indicator", "add", plan, "--id", "knife-u25", "--name", "Knife admissions under 25", "--unit", "count",
                                "--better", "lower", "--measure", "hospital-knife-u25"])
        #expect(add.status == 0, "\(add.stderr)")
        let taken = try runDplan(["indicator", "measure", plan, "hidva-referrals", "hospital-knife-u25"])
        #expect(taken.status != 0 && taken.stderr.contains("indicator \"knife-u25\" already reports hospital-knife-u25"), "\(taken.stderr)")
        let unknown = try runDplan(["indicator", "measure", plan, "knife-u25", "knife"])
        #expect(unknown.status != 0 && unknown.stderr.contains("unknown measure \"knife\""), "\(unknown.stderr)")
        let change = try runDplan(["indicator", "measure", plan, "knife-u25", "hospital-knife"])
        #expect(change.status == 0 && change.stdout.contains("knife-u25 reports hospital-knife"), "\(change.stderr)")
        let show = try runDplan(["indicator", "show", plan, "knife-u25"])
        #expect(show.stdout.contains("National measure  hospital-knife (Hospital admissions"), "\(show.stdout)")
        let population = try runDplan(["plan", "set", plan, "--population", "309,000"])
        #expect(population.status == 0 && population.stdout.contains("population: (empty) → 309000"), "\(population.stdout)\(population.stderr)")
        let text = try String(contentsOfFile: plan, encoding: .utf8)
        #expect(text.contains("\"population\" : 309000") && text.contains("\"measure\" : \"hospital-knife\""))
        #expect(try runDplan(["plan", "set", plan, "--population", "0"]).status != 0)
        #expect(try runDplan(["validate", plan]).status == 0)
    }

    @Test func validateNamesATwiceUsedMeasure() throws {
        let plan = try temporaryCopy(of: domesticAbusePlan)
        let text = try String(contentsOfFile: plan, encoding: .utf8)
            .replacingOccurrences(of: "\"id\" : \"hidva-referrals\",", with: "\"id\" : \"hidva-referrals\",\n      \"measure\" : \"homicide\",")
            .replacingOccurrences(of: "\"id\" : \"hidva-repeat-referrals\",", with: "\"id\" : \"hidva-repeat-referrals\",\n      \"measure\" : \"homicide\",")
        try text.write(toFile: plan, atomically: true, encoding: .utf8)
        let validate = try runDplan(["validate", plan])
        #expect(validate.status != 0)
        #expect(validate.stdout.contains("indicators[1].measure: homicide is already the measure of indicators[0]")
                || validate.stderr.contains("indicators[1].measure: homicide is already the measure of indicators[0]"),
                "\(validate.stdout)\(validate.stderr)")
    }
}
