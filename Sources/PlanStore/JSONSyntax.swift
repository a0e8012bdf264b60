/// Finds the first syntax error in JSON text, for messages that say where and what was expected.
///
/// Foundation's decoder only says "not valid JSON"; this scanner walks the bytes once (only after
/// decoding has failed) and reports the first offending byte offset with what was expected there.
struct JSONSyntaxError: Equatable {
    var offset: Int
    var expected: String
}

struct JSONSyntaxChecker {
    private let bytes: [UInt8]
    private var i = 0
    private static let maxDepth = 512

    /// Returns nil when the text is valid JSON.
    static func firstError(in bytes: [UInt8]) -> JSONSyntaxError? {
        var checker = JSONSyntaxChecker(bytes: bytes)
        return checker.check()
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func check() -> JSONSyntaxError? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        skipSpace()
        if let error = value(depth: 0) { return error }
        skipSpace()
        return i < bytes.count ? JSONSyntaxError(offset: i, expected: "end of file after the top-level value") : nil
    }

    private mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
    }

    private func fail(_ expected: String) -> JSONSyntaxError { JSONSyntaxError(offset: i, expected: expected) }

    private mutating func value(depth: Int) -> JSONSyntaxError? {
        guard i < bytes.count else { return fail("a value (object, list, string, number, true, false or null)") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return object(depth: depth + 1)
        case UInt8(ascii: "["): return array(depth: depth + 1)
        case UInt8(ascii: "\""): return string()
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
        default: return fail("a value (object, list, string, number, true, false or null)")
        }
    }

    private mutating func object(depth: Int) -> JSONSyntaxError? {
        guard depth <= Self.maxDepth else { return fail("at most \(Self.maxDepth) levels of nesting") }
        i += 1
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return nil }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return fail("a field name in double quotes") }
            if let error = string() { return error }
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return fail("':' after the field name") }
            i += 1
            skipSpace()
            if let error = value(depth: depth) { return error }
            skipSpace()
            guard i < bytes.count else { return fail("',' or '}'") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return nil }
            return fail("',' or '}'")
        }
    }

    private mutating func array(depth: Int) -> JSONSyntaxError? {
        guard depth <= Self.maxDepth else { return fail("at most \(Self.maxDepth) levels of nesting") }
        i += 1
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return nil }
        while true {
            skipSpace()
            if let error = value(depth: depth) { return error }
            skipSpace()
            guard i < bytes.count else { return fail("',' or ']'") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return nil }
            return fail("',' or ']'")
        }
    }

    private mutating func literal(_ word: String) -> JSONSyntaxError? {
        for byte in word.utf8 {
            guard i < bytes.count, bytes[i] == byte else { return fail("\(word)") }
            i += 1
        }
        return nil
    }

    private mutating func digits() -> Bool {
        let start = i
        while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
        return i > start
    }

    private mutating func number() -> JSONSyntaxError? {
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard digits() else { return fail("a digit") }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() else { return fail("a digit after the decimal point") }
        }
        if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() else { return fail("a digit in the exponent") }
        }
        return nil
    }

    private mutating func string() -> JSONSyntaxError? {
        i += 1
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "\""):
                i += 1
                return nil
            case UInt8(ascii: "\\"):
                i += 1
                guard i < bytes.count else { return fail("an escape character after '\\'") }
                if bytes[i] == UInt8(ascii: "u") {
                    for _ in 0..<4 {
                        i += 1
                        guard i < bytes.count, isHex(bytes[i]) else { return fail("four hex digits after \\u") }
                    }
                } else if !Array("\"\\/bfnrt".utf8).contains(bytes[i]) {
                    return fail("a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")
                }
                i += 1
            case 0..<0x20:
                return fail("no control characters inside a string (write \\n, \\t or \\u00XX)")
            case 0x80...:
                guard let length = utf8SequenceLength(at: i) else { return fail("valid UTF-8 text") }
                i += length
            default:
                i += 1
            }
        }
        return fail("a closing '\"' before the end of the file")
    }

    private func isHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
    }

    /// Length of a well-formed UTF-8 sequence starting at `start`, or nil.
    private func utf8SequenceLength(at start: Int) -> Int? {
        let lead = bytes[start]
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return nil
        }
        guard start + length <= bytes.count else { return nil }
        let sequence = Array(bytes[start..<start + length])
        var iterator = sequence.makeIterator()
        var decoder = UTF8()
        if case .scalarValue = decoder.decode(&iterator) { return length }
        return nil
    }
}

/// 1-based line and column (in characters) of a byte offset.
func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
    var line = 1
    var lineStart = 0
    for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
        line += 1
        lineStart = index + 1
    }
    let prefix = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self)
    return (line, prefix.count + 1)
}
