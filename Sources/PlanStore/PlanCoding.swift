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
        bytes.withUnsafeBufferPointer { buffer in
            unknown.map { field in
                var locator = JSONReader(buffer)
                let (line, column) = lineAndColumn(of: field.offset, in: bytes)
                return PlanFileError(file: file, line: line, column: column, path: locator.path(to: field.offset) ?? field.name,
                                     message: "unknown field; dplan does not keep it when it saves the plan")
            }
        }
    }

    /// The canonical bytes of a plan.
    public static func encode(_ plan: Plan) -> Data {
        var writer = JSONWriter(capacity: estimatedSize(of: plan))
        writer.plan(plan)
        return writer.finish()
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
        return size + size / 8
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
                let (line, column) = lineAndColumn(of: error.offset, in: bytes)
                let found = error.offset < bytes.count ? "" : " (the file ends here; is it truncated?)"
                return PlanFileError(file: file, line: line, column: column, message: error.message + found)
            }
            let (line, column) = lineAndColumn(of: failure.offset, in: bytes)
            // Valid JSON that is not a plan: a newer format explains itself before any field error.
            var header = JSONReader(buffer)
            if let version = header.topLevelInteger("schemaVersion") {
                guard let version else {
                    return PlanFileError(file: file, path: "schemaVersion", message: "missing required field; expected 1 for this dplan")
                }
                do throws(PlanFileError) { try checkSchemaVersion(version, file: file) } catch { return error }
            }
            var locator = JSONReader(buffer)
            var path = locator.path(to: failure.offset) ?? ""
            if let field = failure.missingField { path += path.isEmpty ? field : ".\(field)" }
            return PlanFileError(file: file, line: line, column: column, path: path.isEmpty ? "(top level)" : path, message: failure.message)
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    private static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let prefix = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self)
        return (line, prefix.count + 1)
    }
}
