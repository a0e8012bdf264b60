import Foundation
import PlanModel
import PropertyBased
import Testing

private let cases = ProcessInfo.processInfo.environment["DPLAN_PROPERTY_CASES"].flatMap(Int.init) ?? 150

/// An owner id made from a name, however long the name (a 90-character team name was refused as
/// "owners[11].id is longer than 64 characters" after the import said "1 imported"): every id
/// made is a valid owner id, unique in the plan, and the name's first whole words.
@Suite struct OwnerIDPropertyTests {
    static let words = ["Hammersmith", "and", "Fulham", "Council", "Community", "Safety", "Violence", "Against", "Women", "Girls",
                        "Team", "Ünïted", "of", "North", String(repeating: "x", count: 70), "Metropolitan"]
    static let name = Gen.int(in: 0...(words.count - 1)).array(of: 1...16).map { $0.map { words[$0] }.joined(separator: " ") }

    @Test func idsMadeFromNamesAreValidUniqueAndTheNamesFirstWords() async {
        await propertyCheck(count: cases, input: Self.name.array(of: 1...8)) { names in
            var plan = Plan(id: "p", title: "Plan", partnership: "CSP", period: Period(start: Day(iso: "2026-04-01")!, end: Day(iso: "2027-03-31")!))
            let context = EditContext(by: "Officer", now: Timestamp(secondsSinceEpoch: 1_794_000_000))
            for name in names where plan.findOwner(name) == nil {
                let id = try plan.addOwner(name: name, context: context)
                #expect(Owner.idProblem(id) == nil, "\(id)")
                let slug = name.lowercased().split(separator: " ").joined(separator: "-")
                let base = id.replacing(/-\d+$/, with: "")
                let firstWordCut = base.count == 56 && !base.contains("-")
                #expect(slug == base || slug.hasPrefix(base + "-") || (firstWordCut && slug.hasPrefix(base)), "\(id) from \(name)")
            }
            #expect(Set(plan.owners.map(\.id)).count == plan.owners.count)
            #expect(plan.validate().isEmpty, "\(plan.validate())")
        }
    }
}
