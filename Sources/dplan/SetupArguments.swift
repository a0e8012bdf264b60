import ArgumentParser
import Foundation
import PlanApp
import PlanModel

// Argument types and helpers for the set-up commands (plan, group, workstream, owner,
// milestone, funding) and the options of `add` and `set` that create owners and workstreams.

/// An amount in pounds as typed: `10000`, `10,000`, `£10,000.50`.
struct Money: ExpressibleByArgument {
    var amount: Decimal

    init?(argument: String) {
        let text = argument.trimmingSpaces().replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "£", with: "")
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let value = Decimal(string: text, locale: Locale(identifier: "en_GB")) else { return nil }
        amount = value
    }
}

extension FinancialYear: ExpressibleByArgument {
    /// "2025/26".
    public init?(argument: String) { self.init(argument) }
}

/// A month as typed for `--fy-start`: 1–12 or its English name ("April", "apr").
struct MonthArgument: ExpressibleByArgument {
    var month: Int

    private static let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                                "october", "november", "december"]

    init?(argument: String) {
        let key = argument.trimmingSpaces().lowercased()
        if let number = Int(key), (1...12).contains(number) {
            month = number
        } else if key.count >= 3, let index = Self.names.firstIndex(where: { $0.hasPrefix(key) }) {
            month = index + 1
        } else {
            return nil
        }
    }
}

/// `STATUS=TEXT` for `--status-word` and `--rag-definition`: `complete=Blue`.
struct StatusText: ExpressibleByArgument {
    var status: Status
    var text: String

    init?(argument: String) {
        guard let equals = argument.firstIndex(of: "="), let status = Status(word: String(argument[..<equals])) else { return nil }
        self.status = status
        text = String(argument[argument.index(after: equals)...])
    }
}

/// Runs a model operation, turning its refusal into a `DplanError.edit` that names the file and
/// says nothing was written.
func refusing<T>(_ file: String, _ operation: () throws -> T) throws -> T {
    do {
        return try operation()
    } catch let error as PlanEditError {
        throw DplanError.edit(file: file, error)
    }
}

extension Plan {
    /// The id of the owner `text` names; with `create`, a new owner of that name when none has it
    /// (on the plan's audit trail). Otherwise a refusal naming the owners and the flag.
    mutating func ownerID(_ text: String, option: String, create: Bool, flag: String, context: EditContext) throws -> String {
        if let found = findOwner(text) { return found.id }
        if create { return try refusing(option) { try addOwner(name: text, context: context) } }
        throw DplanError.refused("\(option): no owner with id or name \"\(clean(text))\"; owners are: "
                      + "\(owners.map { clean($0.id) }.joined(separator: ", ")). Add \(flag) to create it.")
    }

    /// The id of the workstream `text` names (id or name); with `create`, a new workstream of
    /// that name when none has it.
    mutating func workstreamID(_ text: String, create: Bool, context: EditContext) throws -> String {
        if let found = findWorkstream(text) { return found.id }
        if create { return try refusing("--workstream") { try addWorkstream(name: text, context: context) } }
        let known = workstreams.isEmpty ? "the plan has none yet (dplan workstream add)" : "workstreams are: "
            + workstreams.map { "\(clean($0.id)) (\(clean($0.name)))" }.joined(separator: ", ")
        throw DplanError.refused("--workstream: no workstream with id or name \"\(clean(text))\"; \(known). Add --new-workstream to create it.")
    }
}
