import Foundation
import PlanModel

/// Turns plan-file bytes into a `Plan` and back.
///
/// The encoding is canonical: pretty-printed with two-space indents, keys sorted, slashes not
/// escaped, one trailing newline, empty lists written `[]`. Actions keep their order. So loading
/// and saving an unchanged plan gives the same bytes, and a one-field change is a one-line diff.
public enum PlanCoding {
    /// Decodes a plan, or explains precisely why not. `file` names the source in messages.
    public static func decode(_ data: Data, file: String) throws(PlanFileError) -> Plan {
        var ignored: [PlanFileError] = []
        return try decode(data, file: file, unknownFields: &ignored)
    }

    /// Decodes a plan and lists the fields it does not know (skipped, and so not kept when the
    /// plan is saved), each with its line, column and JSON path.
    public static func decode(_ data: Data, file: String, unknownFields: inout [PlanFileError]) throws(PlanFileError) -> Plan {
        guard !data.isEmpty else {
            throw PlanFileError(file: file, message: "the file is empty; expected a JSON plan (see docs/plan-format.md)")
        }
        if data.starts(with: MergeDriver.unfinishedPrefix.utf8) {
            throw PlanFileError(file: file, message: "git's merge of this file did not finish (dplan merge-driver was stopped), so it "
                                + "holds no plan. " + MergeDriver.howToMergeAgain(file))
        }
        let result = data.withUnsafeBytes { raw -> Result<(Plan, [(offset: Int, name: String)]), JSONReadFailure> in
            var reader = JSONReader(raw.bindMemory(to: UInt8.self))
            do throws(JSONReadFailure) {
                let plan = try reader.plan()
                try reader.end()
                return .success((plan, reader.unknownFields))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let (plan, unknown)):
            try checkSchemaVersion(plan.schemaVersion, file: file)
            if !unknown.isEmpty { unknownFields = describe(unknown, in: [UInt8](data), file: file) }
            return plan
        case .failure(let failure):
            throw explain(failure, data: [UInt8](data), file: file)
        }
    }

    private static func describe(_ unknown: [(offset: Int, name: String)], in bytes: [UInt8], file: String) -> [PlanFileError] {
        let places = locations(of: unknown.map(\.offset), in: bytes)
        return unknown.map { field in
            let place = places[field.offset]
            return PlanFileError(file: file, line: place?.line, column: place?.column, path: place?.path ?? field.name,
                                 message: "unknown field; dplan does not keep it when it saves the plan")
        }
    }

    /// The canonical bytes of a plan.
    public static func encode(_ plan: Plan) -> Data {
        var writer = JSONWriter(capacity: estimatedSize(of: plan))
        writer.plan(plan)
        return writer.finish()
    }

    /// One action as the plan file writes it (for merging it on its own).
    static func encode(_ action: Action) -> Data {
        var writer = JSONWriter(capacity: 4096)
        writer.action(action)
        return writer.finish()
    }

    /// One action from JSON bytes, or nil when they are not an action.
    static func decodeAction(_ data: Data) -> Action? {
        data.withUnsafeBytes { raw -> Action? in
            var reader = JSONReader(raw.bindMemory(to: UInt8.self))
            do throws(JSONReadFailure) {
                let action = try reader.action()
                try reader.end()
                return action
            } catch {
                return nil
            }
        }
    }

    /// A generous guess at the encoded size, so the output buffer is allocated once (growing a
    /// 50 MB buffer means copying it and touching fresh pages each time).
    private static func estimatedSize(of plan: Plan) -> Int {
        var size = 16_384 + plan.description.utf8.count
        for action in plan.actions {
            size += 2048 + action.title.utf8.count + action.description.utf8.count + action.commentary.utf8.count
                + action.outcomeMeasure.utf8.count + (action.changeLog?.count ?? 0) * 256 + action.dueDateChanges.count * 512
            for review in action.reviews { size += 320 + review.commentary.utf8.count }
        }
        return size + size / 8 + plan.frozenQuarters.map { estimatedSize(of: $0.plan) }.reduce(0, +)
    }

    private static func checkSchemaVersion(_ version: Int, file: String) throws(PlanFileError) {
        if version > Plan.currentSchemaVersion {
            throw PlanFileError(
                file: file, path: "schemaVersion",
                message: "this plan was written by a newer dplan (schemaVersion \(version)); this dplan reads schemaVersion \(Plan.currentSchemaVersion). Upgrade dplan to open it; the file was not changed.")
        }
        if version < 1 {
            throw PlanFileError(file: file, path: "schemaVersion", message: "expected 1, found \(version)")
        }
    }

    /// Turns a read failure into a message with line, column and JSON path. A syntax error
    /// anywhere in the file is reported first, then a schema version this dplan cannot read,
    /// then the failure itself.
    private static func explain(_ failure: JSONReadFailure, data bytes: [UInt8], file: String) -> PlanFileError {
        bytes.withUnsafeBufferPointer { buffer in
            // A syntax error anywhere comes first: reading the whole text without a plan in mind.
            var syntax = JSONReader(buffer)
            do throws(JSONReadFailure) {
                try syntax.skipValue()
                try syntax.end()
            } catch {
                let place = locations(of: [error.offset], in: bytes)[error.offset]
                let found = error.offset < bytes.count ? "" : " (the file ends here; is it truncated?)"
                return PlanFileError(file: file, line: place?.line, column: place?.column, message: error.message + found)
            }
            // Valid JSON that is not a plan: a newer format explains itself before any field error.
            var header = JSONReader(buffer)
            if let version = header.topLevelInteger("schemaVersion") {
                guard let version else {
                    return PlanFileError(file: file, path: "schemaVersion", message: "missing required field; expected 1 for this dplan")
                }
                do throws(PlanFileError) { try checkSchemaVersion(version, file: file) } catch { return error }
            }
            let place = locations(of: [failure.offset], in: bytes)[failure.offset]
            var path = place?.path ?? ""
            if let field = failure.missingField { path += path.isEmpty ? field : ".\(field)" }
            return PlanFileError(file: file, line: place?.line, column: place?.column, path: path.isEmpty ? "(top level)" : path,
                                 message: failure.message)
        }
    }

    /// The 1-based line and column (in characters) of each byte offset, and the JSON path of those
    /// that start a value, all found in one pass (a plan can have an unknown field in each of
    /// 10,000 actions).
    private static func locations(of offsets: [Int], in bytes: [UInt8]) -> [Int: (line: Int, column: Int, path: String?)] {
        let paths = bytes.withUnsafeBufferPointer { buffer in
            var locator = JSONReader(buffer)
            return locator.paths(to: Set(offsets))
        }
        var result: [Int: (line: Int, column: Int, path: String?)] = [:]
        var line = 1, lineStart = 0, scanned = 0
        for offset in Set(offsets).sorted() {
            let end = min(offset, bytes.count)
            while scanned < end {
                if bytes[scanned] == 0x0A {
                    line += 1
                    lineStart = scanned + 1
                }
                scanned += 1
            }
            let column = String(decoding: bytes[lineStart..<end], as: UTF8.self).count + 1
            result[offset] = (line, column, paths[offset])
        }
        return result
    }
}
