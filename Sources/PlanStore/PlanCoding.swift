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
        guard !data.isEmpty else {
            throw PlanFileError(file: file, message: "the file is empty; expected a JSON plan (see docs/plan-format.md)")
        }
        let plan: Plan
        do {
            plan = try JSONDecoder().decode(Plan.self, from: data)
        } catch let error as DecodingError {
            throw explain(error, data: data, file: file)
        } catch {
            throw PlanFileError(file: file, message: "could not read the plan: \(error)")
        }
        try checkSchemaVersion(plan.schemaVersion, file: file)
        return plan
    }

    /// The canonical bytes of a plan.
    public static func encode(_ plan: Plan) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Every field of Plan encodes infallibly (strings, numbers, lists and keyed containers).
        let data = try! encoder.encode(plan)
        return collapseEmptyContainers(data) + Data("\n".utf8)
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

    /// Just enough of a plan to see which format version it claims.
    private struct Header: Decodable { var schemaVersion: Int? }

    private static func explain(_ error: DecodingError, data: Data, file: String) -> PlanFileError {
        let bytes = [UInt8](data)
        if let syntax = JSONSyntaxChecker.firstError(in: bytes) {
            let (line, column) = lineAndColumn(of: syntax.offset, in: bytes)
            let found = syntax.offset < bytes.count ? "" : " (the file ends here; is it truncated?)"
            return PlanFileError(file: file, line: line, column: column, message: "invalid JSON: expected \(syntax.expected)\(found)")
        }
        // Valid JSON that is not a plan: a newer format explains itself before any field error.
        if let header = try? JSONDecoder().decode(Header.self, from: data) {
            guard let version = header.schemaVersion else {
                return PlanFileError(file: file, path: "schemaVersion", message: "missing required field; expected 1 for this dplan")
            }
            do { try checkSchemaVersion(version, file: file) } catch { return error }
        }
        switch error {
        case .keyNotFound(let key, let context):
            return PlanFileError(file: file, path: jsonPath(context.codingPath + [key]), message: "missing required field")
        case .typeMismatch(let type, let context):
            return PlanFileError(file: file, path: jsonPath(context.codingPath), message: "expected \(describe(type)), \(found(context))")
        case .valueNotFound(let type, let context):
            return PlanFileError(file: file, path: jsonPath(context.codingPath), message: "expected \(describe(type)), found null")
        case .dataCorrupted(let context):
            return PlanFileError(file: file, path: jsonPath(context.codingPath), message: context.debugDescription)
        @unknown default:
            return PlanFileError(file: file, message: "\(error)")
        }
    }

    /// `actions[3].reviews[0].status` from a coding path.
    static func jsonPath(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "(top level)" : text
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text (a string)"
        case is Int.Type: "a whole number"
        case is Double.Type, is Decimal.Type: "a number"
        case is Bool.Type: "true or false"
        default:
            if "\(type)".hasPrefix("Array") { "a list" } else if "\(type)".hasPrefix("Dictionary") { "an object" } else { "an object" }
        }
    }

    /// "found a number" from Foundation's "Expected to decode String but found number instead."
    private static func found(_ context: DecodingError.Context) -> String {
        let text = context.debugDescription
        guard let range = text.range(of: "found ") else { return "found something else" }
        let rest = text[range.upperBound...].replacingOccurrences(of: " instead.", with: "")
        return "found \(rest.hasPrefix("a") || rest.hasPrefix("n") ? "" : "a ")\(rest)"
    }

    /// Rewrites Foundation's `[\n\n  ]` and `{\n\n  }` as `[]` and `{}`. JSON strings cannot hold
    /// raw newlines, so the pattern only ever matches structure.
    private static func collapseEmptyContainers(_ data: Data) -> Data {
        let bytes = [UInt8](data)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if (byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{")), i + 2 < bytes.count,
               bytes[i + 1] == 0x0A, bytes[i + 2] == 0x0A {
                var j = i + 3
                while j < bytes.count, bytes[j] == 0x20 { j += 1 }
                let close = byte == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
                if j < bytes.count, bytes[j] == close {
                    out.append(byte)
                    out.append(close)
                    i = j + 1
                    continue
                }
            }
            out.append(byte)
            i += 1
        }
        return Data(out)
    }
}
