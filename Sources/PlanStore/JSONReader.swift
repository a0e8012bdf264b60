import Foundation  // memcmp

/// A forward-only JSON reader over bytes, for decoding plan files in one pass without building
/// an intermediate tree or going through `Codable`.
///
/// Callers pull exactly the shape they expect (`beginObject` then `nextKey` until nil, `string`,
/// `integer`, …); anything else throws a `JSONReadFailure` with the byte offset of the value, which
/// `PlanCoding` turns into a line, column and JSON path. Strict JSON (RFC 8259): no comments,
/// trailing commas or raw control characters inside strings; an optional UTF-8 byte-order mark.
struct JSONReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var offset = 0
    /// Open objects and lists; deeper input is refused rather than risking the stack.
    private var depth = 0
    /// Fields a caller did not expect, with the offset of each value: reported, not kept.
    private(set) var unknownFields: [(offset: Int, name: String)] = []
    /// Recently read names (16 to 64 bytes) that tend to repeat, so each repeat shares one copy.
    private var interned: [(bytes: [UInt8], text: String)] = []
    static let maxDepth = 512

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { offset = 3 }
    }

    /// The kind of value at the cursor, for "expected …, found …" messages.
    enum Kind {
        case object, list, string, number, bool, null, invalid

        var described: String {
            switch self {
            case .object: "an object"
            case .list: "a list"
            case .string: "text"
            case .number: "a number"
            case .bool: "true or false"
            case .null: "null"
            case .invalid: "invalid JSON"
            }
        }
    }

    /// Progress through one object or list: whether a comma is due before the next item.
    struct Container {
        fileprivate var started = false
        /// Byte offset of the opening brace or bracket.
        let offset: Int
        /// An object's field names so far: a name written twice is refused, as a JSON reader
        /// would keep only one of the two values, and a save would drop the other silently.
        fileprivate var keys: [Key] = []
    }

    /// A field name: a range of the input, or the decoded text when it held escapes.
    struct Key {
        fileprivate let start: Int
        fileprivate let count: Int
        fileprivate let unescaped: String?

        /// The name as text (for maps keyed by user data, such as `ragDefinitions`).
        func text(in reader: JSONReader) -> String {
            unescaped ?? String(decoding: UnsafeBufferPointer(rebasing: reader.bytes[start..<start + count]), as: UTF8.self)
        }
    }

    // MARK: - Structure

    /// Skips whitespace and reports what the next value is, without consuming it.
    mutating func peek() -> Kind {
        skipSpace()
        guard offset < bytes.count else { return .invalid }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .list
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        default: return .invalid
        }
    }

    /// Consumes a `null` if one is next; true when it did.
    mutating func skipNull() throws(JSONReadFailure) -> Bool {
        guard peek() == .null else { return false }
        try literal("null")
        return true
    }

    mutating func beginObject(_ expected: String = "an object") throws(JSONReadFailure) -> Container {
        guard peek() == .object else { throw mismatch(expected) }
        return try open()
    }

    /// The next field name of the object (the cursor is then at its value), or nil at its end.
    mutating func nextKey(_ object: inout Container) throws(JSONReadFailure) -> Key? {
        guard try advance(&object, closing: UInt8(ascii: "}")) else { return nil }
        guard peek() == .string else { throw syntax("a field name in double quotes") }
        let key = try rawString()
        if object.keys.contains(where: { same($0, key) }) {
            throw JSONReadFailure(offset: key.start - 1, message: "the field \"\(key.text(in: self))\" is written twice in one object; "
                                  + "only one of its values could be kept, so remove the other")
        }
        object.keys.append(key)
        skipSpace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else { throw syntax("':' after the field name") }
        offset += 1
        return key
    }

    /// Whether two field names are the same text.
    private func same(_ a: Key, _ b: Key) -> Bool {
        if a.unescaped == nil && b.unescaped == nil {
            return a.count == b.count && memcmp(bytes.baseAddress! + a.start, bytes.baseAddress! + b.start, a.count) == 0
        }
        return a.text(in: self) == b.text(in: self)
    }

    mutating func beginList(_ expected: String = "a list") throws(JSONReadFailure) -> Container {
        guard peek() == .list else { throw mismatch(expected) }
        return try open()
    }

    /// True when the list has another item (the cursor is then at it), false at its end.
    mutating func nextItem(_ list: inout Container) throws(JSONReadFailure) -> Bool {
        try advance(&list, closing: UInt8(ascii: "]"))
    }

    /// Requires that only whitespace follows the top-level value.
    mutating func end() throws(JSONReadFailure) {
        skipSpace()
        guard offset == bytes.count else { throw syntax("end of file after the top-level value") }
    }

    private mutating func open() throws(JSONReadFailure) -> Container {
        depth += 1
        guard depth <= Self.maxDepth else { throw syntax("at most \(Self.maxDepth) levels of nesting") }
        let container = Container(offset: offset)
        offset += 1
        return container
    }

    /// Moves past the comma before the next item, or past the closing byte; false when closed.
    private mutating func advance(_ container: inout Container, closing: UInt8) throws(JSONReadFailure) -> Bool {
        skipSpace()
        guard offset < bytes.count else { throw syntax(closing == UInt8(ascii: "}") ? "',' or '}'" : "',' or ']'") }
        if bytes[offset] == closing {
            offset += 1
            depth -= 1
            return false
        }
        if container.started {
            guard bytes[offset] == UInt8(ascii: ",") else { throw syntax(closing == UInt8(ascii: "}") ? "',' or '}'" : "',' or ']'") }
            offset += 1
            skipSpace()
        }
        container.started = true
        return true
    }

    @inline(__always)
    private mutating func skipSpace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20:
                // Indentation comes in runs of spaces: skip eight at a time while they last.
                while offset + 8 <= bytes.count {
                    let spaces = word(at: offset) ^ 0x2020_2020_2020_2020
                    guard spaces == 0 else {
                        offset += spaces.trailingZeroBitCount >> 3
                        break
                    }
                    offset += 8
                }
                if offset < bytes.count, bytes[offset] == 0x20 { offset += 1 }
            case 0x0A, 0x09, 0x0D: offset += 1
            default: return
            }
        }
    }

    /// Eight input bytes from `index` as a little-endian word (the caller checks the bounds).
    @inline(__always)
    private func word(at index: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
    }

    // MARK: - Values

    /// A string value; `expected` names it in the message when something else is there.
    mutating func string(_ expected: String = "text (a string)") throws(JSONReadFailure) -> String {
        guard peek() == .string else { throw mismatch(expected) }
        let key = try rawString()
        return key.text(in: self)
    }

    /// A string that is likely to repeat across the file (who made a review, an owner id): a
    /// repeat of one of the last few such strings shares that String instead of allocating.
    mutating func repeatedString(_ expected: String = "text (a string)") throws(JSONReadFailure) -> String {
        guard peek() == .string else { throw mismatch(expected) }
        let key = try rawString()
        // Up to 15 bytes, Swift stores a String inline: nothing to share.
        guard key.unescaped == nil, key.count > 15, key.count <= 64 else { return key.text(in: self) }
        let bytes = UnsafeBufferPointer(rebasing: self.bytes[key.start..<key.start + key.count])
        for entry in interned where entry.bytes.count == bytes.count {
            if entry.bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }) {
                return entry.text
            }
        }
        let text = key.text(in: self)
        if interned.count == 32 { interned.removeFirst() }
        interned.append((Array(bytes), text))
        return text
    }

    /// The string's raw UTF-8 bytes (escapes decoded) passed to `body`, without making a String.
    mutating func withStringBytes<T>(_ expected: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) throws(JSONReadFailure) -> T {
        guard peek() == .string else { throw mismatch(expected) }
        let key = try rawString()
        if let text = key.unescaped {
            var text = text
            return text.withUTF8(body)
        }
        return body(UnsafeBufferPointer(rebasing: bytes[key.start..<key.start + key.count]))
    }

    mutating func bool() throws(JSONReadFailure) -> Bool {
        guard peek() == .bool else { throw mismatch("true or false") }
        if bytes[offset] == UInt8(ascii: "t") {
            try literal("true")
            return true
        }
        try literal("false")
        return false
    }

    /// A whole number (`4`, `4.0` and `4e0` are all 4).
    mutating func integer() throws(JSONReadFailure) -> Int {
        let start = valueStart()
        let text = try numberText("a whole number")
        if let value = Int(text) { return value }
        guard let value = Double(text), value.rounded() == value, abs(value) < 1e15 else {
            throw JSONReadFailure(offset: start, message: "expected a whole number, found \(text)")
        }
        return Int(value)
    }

    /// The text of a number, checked against the JSON grammar.
    mutating func numberText(_ expected: String = "a number") throws(JSONReadFailure) -> String {
        guard peek() == .number else { throw mismatch(expected) }
        let start = offset
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        guard digits() else { throw syntax("a digit") }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard digits() else { throw syntax("a digit after the decimal point") }
        }
        if offset < bytes.count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") { offset += 1 }
            guard digits() else { throw syntax("a digit in the exponent") }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
    }

    /// Skips the value of a field the caller does not know, noting where it was.
    mutating func skipUnknownField(_ key: Key) throws(JSONReadFailure) {
        unknownFields.append((valueStart(), key.text(in: self)))
        try skipValue()
    }

    /// Skips one value of any kind, checking its syntax.
    mutating func skipValue() throws(JSONReadFailure) {
        switch peek() {
        case .object:
            var object = try open()
            while try nextKey(&object) != nil { try skipValue() }
        case .list:
            var list = try open()
            while try nextItem(&list) { try skipValue() }
        case .string: _ = try rawString()
        case .number: _ = try numberText()
        case .bool: _ = try bool()
        case .null: try literal("null")
        case .invalid: throw syntax("a value (object, list, string, number, true, false or null)")
        }
    }

    /// One value of any kind, syntax checked, as the JSON text it was written with.
    mutating func rawValue() throws(JSONReadFailure) -> String {
        let start = valueStart()
        try skipValue()
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
    }

    /// The failure for a value of the wrong kind at the cursor.
    mutating func mismatch(_ expected: String) -> JSONReadFailure {
        let kind = peek()
        if kind == .invalid { return syntax("a value (object, list, string, number, true, false or null)") }
        return JSONReadFailure(offset: offset, message: "expected \(expected), found \(kind.described)")
    }

    /// Skips whitespace and returns where the next value starts, for a message about it.
    mutating func valueStart() -> Int {
        _ = peek()
        return offset
    }

    private func syntax(_ expected: String) -> JSONReadFailure {
        JSONReadFailure(offset: offset, message: "invalid JSON: expected \(expected)")
    }

    private mutating func literal(_ word: StaticString) throws(JSONReadFailure) {
        let count = word.utf8CodeUnitCount
        guard offset + count <= bytes.count else { throw syntax("\(word)") }
        let base = word.utf8Start
        for index in 0..<count where bytes[offset + index] != base[index] { throw syntax("\(word)") }
        offset += count
    }

    private mutating func digits() -> Bool {
        let start = offset
        while offset < bytes.count, bytes[offset] &- UInt8(ascii: "0") < 10 { offset += 1 }
        return offset > start
    }

    /// Reads a string at the cursor (which is at its opening quote). Plain strings are returned
    /// as a range of the input; strings with escapes are decoded.
    private mutating func rawString() throws(JSONReadFailure) -> Key {
        offset += 1
        let start = offset
        var highBits: UInt64 = 0
        while offset < bytes.count {
            // Eight bytes at a time while none is a quote, a backslash or a control character.
            while offset + 8 <= bytes.count {
                let chunk = word(at: offset)
                highBits |= chunk
                let special = Self.specialBytes(chunk)
                if special != 0 {
                    offset += special.trailingZeroBitCount >> 3
                    break
                }
                offset += 8
            }
            guard offset < bytes.count else { break }
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let key = Key(start: start, count: offset - start, unescaped: nil)
                if highBits & 0x8080_8080_8080_8080 != 0 { try checkUTF8(from: start, to: offset) }
                offset += 1
                return key
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            if byte < 0x20 { throw syntax("no control characters inside a string (write \\n, \\t or \\u00XX)") }
            highBits |= UInt64(byte)
            offset += 1
        }
        throw syntax("a closing '\"' before the end of the file")
    }

    /// Marks the bytes of `chunk` that are `"`, `\` or below 0x20 (classic SWAR zero-byte
    /// tests): zero when there are none; otherwise the lowest set bit is in the first such byte.
    @inline(__always)
    private static func specialBytes(_ chunk: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let quote = chunk ^ (ones &* 0x22), backslash = chunk ^ (ones &* 0x5C)
        let zeroInQuote = (quote &- ones) & ~quote
        let zeroInBackslash = (backslash &- ones) & ~backslash
        let control = (chunk &- ones &* 0x20) & ~chunk
        return (zeroInQuote | zeroInBackslash | control) & highs
    }

    private mutating func checkUTF8(from start: Int, to end: Int) throws(JSONReadFailure) {
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard String(validating: slice, as: UTF8.self) == nil else { return }
        // Point at the first bad byte.
        var index = start
        var iterator = slice.makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { index += UTF8.width(scalar) }
        offset = index
        throw syntax("valid UTF-8 text")
    }

    /// Finishes a string that contains escapes, from its first byte after the opening quote.
    private mutating func escapedString(from start: Int) throws(JSONReadFailure) -> Key {
        var out = [UInt8](UnsafeBufferPointer(rebasing: bytes[start..<offset]))
        var runStart = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<offset]))
                guard let text = String(validating: out, as: UTF8.self) else {
                    try checkUTF8(from: start, to: offset)
                    throw syntax("valid UTF-8 text")
                }
                offset += 1
                return Key(start: start, count: 0, unescaped: text)
            }
            if byte < 0x20 { throw syntax("no control characters inside a string (write \\n, \\t or \\u00XX)") }
            guard byte == UInt8(ascii: "\\") else {
                offset += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<offset]))
            offset += 1
            guard offset < bytes.count else { throw syntax("an escape character after '\\'") }
            switch bytes[offset] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(bytes[offset])
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    guard offset + 2 < bytes.count, bytes[offset + 1] == UInt8(ascii: "\\"), bytes[offset + 2] == UInt8(ascii: "u") else {
                        throw syntax("a low surrogate (\\uDC00–\\uDFFF) after a high surrogate")
                    }
                    offset += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw syntax("a low surrogate (\\uDC00–\\uDFFF) after a high surrogate") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw syntax("a high surrogate before a low surrogate")
                }
                out.append(contentsOf: UTF8.encode(Unicode.Scalar(scalar)!)!)
            default:
                throw syntax("a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")
            }
            offset += 1
            runStart = offset
        }
        throw syntax("a closing '\"' before the end of the file")
    }

    /// Reads the four hex digits after `\u` (cursor on the `u`; left on the last digit).
    private mutating func hex4() throws(JSONReadFailure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            offset += 1
            guard offset < bytes.count else { throw syntax("four hex digits after \\u") }
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw syntax("four hex digits after \\u")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    // MARK: - Field names

    /// Whether `key` is exactly `name`.
    func key(_ key: Key, is name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        if let text = key.unescaped { return text == "\(name)" }
        guard key.count == count else { return false }
        let base = name.utf8Start
        for index in 0..<count where bytes[key.start + index] != base[index] { return false }
        return true
    }
}

/// Why a plan file could not be read: the byte offset of the offending value and a message.
/// `missingField` names a required field absent from the object at `offset`.
struct JSONReadFailure: Error {
    var offset: Int
    var message: String
    var missingField: String? = nil
}

extension UTF8 {
    /// Number of UTF-8 bytes of a scalar.
    static func width(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case ..<0x80: 1
        case ..<0x800: 2
        case ..<0x10000: 3
        default: 4
        }
    }
}

extension JSONReader {
    /// The JSON paths (`actions[3].reviews[0]`) of the values starting at the byte offsets
    /// `targets`, found in one walk; "" for the top-level value, no entry for an offset where no
    /// value starts. Reads from the cursor, which must be at the start of valid JSON.
    mutating func paths(to targets: Set<Int>) -> [Int: String] {
        var steps: [PathStep] = []
        var found: [Int: String] = [:]
        _ = try? collectPaths(to: targets, steps: &steps, found: &found)
        return found
    }

    /// One step of a path: a field name or a list position.
    private enum PathStep {
        case field(Key)
        case index(Int)
    }

    /// Consumes the value at the cursor, noting the paths of targets at or below it; true once
    /// every target is found (the walk stops there).
    private mutating func collectPaths(to targets: Set<Int>, steps: inout [PathStep], found: inout [Int: String]) throws(JSONReadFailure) -> Bool {
        let kind = peek()
        if targets.contains(offset) {
            found[offset] = steps.reduce(into: "") { path, step in
                switch step {
                case .field(let key): path += path.isEmpty ? key.text(in: self) : "." + key.text(in: self)
                case .index(let index): path += "[\(index)]"
                }
            }
            if found.count == targets.count { return true }
        }
        switch kind {
        case .object:
            var object = try beginObject()
            while let key = try nextKey(&object) {
                steps.append(.field(key))
                defer { steps.removeLast() }
                if try collectPaths(to: targets, steps: &steps, found: &found) { return true }
            }
        case .list:
            var list = try beginList()
            var index = 0
            while try nextItem(&list) {
                steps.append(.index(index))
                defer { steps.removeLast() }
                if try collectPaths(to: targets, steps: &steps, found: &found) { return true }
                index += 1
            }
        default:
            try skipValue()
        }
        return false
    }
}

extension JSONReader {
    /// For a top-level object: `.some(value)` of its integer field `name`, `.some(nil)` when the
    /// field is absent. Nil when the input is not an object or the field is not an integer.
    mutating func topLevelInteger(_ name: StaticString) -> Int?? {
        do {
            var object = try beginObject()
            var value: Int?
            while let key = try nextKey(&object) {
                guard self.key(key, is: name) else {
                    try skipValue()
                    continue
                }
                guard peek() == .number else { return nil }
                value = try integer()
            }
            return .some(value)
        } catch {
            return nil
        }
    }
}
