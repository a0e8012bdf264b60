import Foundation
import PlanModel
import PlanReports
import PropertyBased
import Spreadsheet
import Testing

/// Whatever a tracker holds, an import either refuses the whole file or gives a valid plan in
/// which every data row is accounted for: "no command writes an invalid plan", for the importer.
@Suite struct TrackerImportPropertyTests {
    /// Values each column may hold, good and bad, including ids and titles already in the plan.
    static let vocabulary: [[String]] = [
        ["", "A1", "A2", "A3", "B7", "1.1", "A1"],  // Ref
        ["", "Mentoring", "Street lighting", "Knife bins", "Total", "Notes: key", "New action"],  // Action
        ["", "Borough Council", "Police", "Youth Service", "borough council"],  // Lead
        ["", "Red", "R", "Amber", "A/R", "Green", "On hold", "Blue", "Not started", "purple", "G/Z"],  // RAG
        ["", "Going well", "Stalled", "  "],  // Progress update
        ["", "31/03/2027", "TBC", "Mar-27", "Q3 26/27", "46112", "31/02/2027", "2020-01-01", "Someday"],  // Target date
        ["", "Primary prevention", "Respond to immediate risk", "Reducing access to weapons", "tertiary"],  // Priority
        ["", "Supplier delay"],  // Reason
    ]

    static let row = Gen<Int>.int(in: 0...1_000_000).array(of: vocabulary.count).map { picks in
        zip(vocabulary, picks).map { words, pick in words[pick % words.count] }
    }

    func basePlan() throws -> Plan {
        try importing("Ref,Action,Lead,RAG,Progress update,Target date\nA1,Mentoring,Borough Council,Green,Started,31/03/2027\n"
            + "A2,Street lighting,Borough Council,Red,No lights yet,31/12/2026\nA3,Knife bins,Borough Council,Amber,,\n",
            options: .init(defaultGroup: .primary, quarter: Quarter("2026/27 Q2"))).plan
    }

    @Test func everyImportIsRefusedWholeOrGivesAValidPlanWithEveryRowAccountedFor() async throws {
        let plan = try basePlan()
        let quarters = [nil, "2026/27 Q2", "2026/27 Q3", "2025/26 Q4", "2029/30 Q1"]
        await propertyCheck(count: 150, input: Self.row.array(of: 0...8), Gen<Bool>.bool, Gen<Int>.int(in: 0...(quarters.count - 1))) { rows, update, q in
            let csv = "Ref,Action,Lead,RAG,Progress update,Target date,Priority,Reason\r\n"
                + rows.map { $0.map { "\"\($0)\"" }.joined(separator: ",") + "\r\n" }.joined()
            let options = TrackerImport.Options(quarter: quarters[q].flatMap(Quarter.init), update: update)
            do {
                let result = try importing(csv, into: plan, options: options)
                // One outcome for each data row, by its row number (the header is row 1), blank rows left out.
                let dataRows = rows.indices.filter { !rows[$0].allSatisfy { $0.allSatisfy(\.isWhitespace) } }.map { $0 + 2 }
                #expect(result.rows.map(\.row) == dataRows)
                // Added actions are new and in the result; updated or unchanged ones were there
                // before or added by an earlier row; no action appears that no row accounts for.
                var added: Set<String> = []
                for outcome in result.rows {
                    switch outcome.kind {
                    case .added(let id):
                        #expect(plan.actionIndex(id: id) == nil && result.plan.actionIndex(id: id) != nil, "row \(outcome.row): \(id)")
                        added.insert(id)
                    case .updated(let id), .unchanged(let id):
                        #expect(plan.actionIndex(id: id) != nil || added.contains(id), "row \(outcome.row): \(id)")
                    case .notAnAction, .problem:
                        break
                    }
                }
                #expect(result.plan.actions.count == plan.actions.count + added.count)
                #expect(result.plan.validate().isEmpty, "\(result.plan.validate())")
                #expect(result.quarters.allSatisfy { result.plan.periodQuarters.contains($0) })
                if !update { #expect(result.plan.actions.filter { plan.actionIndex(id: $0.id) != nil } == plan.actions) }
            } catch let error as TrackerImportError {
                // Only a quarter outside the plan period refuses a whole file here.
                #expect(error.description.contains("outside the plan period"), "\(error)")
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }
}
