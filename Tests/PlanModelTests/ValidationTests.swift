import PlanModel
import Testing

@Suite struct ValidationTests {
    @Test func sampleIsValid() {
        #expect(samplePlan().validate().isEmpty)
    }

    @Test func reportsEveryProblemWithItsPath() {
        var plan = samplePlan()
        plan.actions[2].id = "WSA-01"                  // duplicate id
        plan.actions[1].owner = "fire"                 // unknown owner
        plan.period.end = Day(iso: "2024-01-01")!      // end before start
        plan.actions[3].title = "  "                   // empty title
        plan.actions[3].group = "quaternary"           // unknown group
        plan.actions[1].workstreams = ["knife", "gangs"]
        plan.actions[1].partners = ["nobody"]
        let problems = plan.validate()
        let paths = problems.map(\.path)
        #expect(paths.contains("actions[2].id"))
        #expect(paths.contains("actions[1].owner"))
        #expect(paths.contains("period.end"))
        #expect(paths.contains("actions[3].title"))
        #expect(paths.contains("actions[3].group"))
        #expect(paths.contains("actions[1].workstreams[1]"))
        #expect(paths.contains("actions[1].partners[0]"))
        #expect(problems.first { $0.path == "actions[2].id" }?.message.contains("duplicate id \"WSA-01\"") == true)
        #expect(problems.first { $0.path == "actions[1].owner" }?.message == "unknown owner \"fire\"")
    }

    @Test func reviewQuartersMustBeInsideThePeriodAndUnique() {
        var plan = samplePlan()
        let at = Timestamp(iso: "2025-07-10T10:00:00Z")!
        plan.actions[0].reviews.append(Review(quarter: Quarter("2025/26 Q1")!, status: .red, commentary: "", by: "b", on: at))
        plan.actions[0].reviews.append(Review(quarter: Quarter("2030/31 Q1")!, status: .red, commentary: "", by: "b", on: at))
        let problems = plan.validate()
        #expect(problems.contains { $0.path == "actions[0].reviews[1].quarter" && $0.message.contains("second review for 2025/26 Q1") })
        #expect(problems.contains { $0.path == "actions[0].reviews[2].quarter" && $0.message.contains("outside the plan period") })
    }

    @Test func otherChecks() {
        var plan = samplePlan()
        plan.actions[0].start = Day(iso: "2026-06-01")
        plan.owners.append(Owner(id: "police", name: ""))
        plan.ragDefinitions["purple"] = "?"
        plan.groups["quaternary"] = GroupInfo(name: "x", aim: "y")
        plan.financialYearStartMonth = 13
        let paths = plan.validate().map(\.path)
        #expect(paths.contains("actions[0].due"))
        #expect(paths.contains("owners[3].id"))
        #expect(paths.contains("owners[3].name"))
        #expect(paths.contains("ragDefinitions.purple"))
        #expect(paths.contains("groups.quaternary"))
        #expect(paths.contains("financialYearStartMonth"))
    }
}
