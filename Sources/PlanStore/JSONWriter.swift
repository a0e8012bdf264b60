import Foundation  // malloc, Data(bytesNoCopy:)

/// Writes pretty-printed JSON straight into one growing byte buffer, in the plan file's
/// canonical layout: two-space indents, `"key" : value`, `[]` and `{}` for empty containers,
/// slashes and non-ASCII text written as is, and the short escapes (`\n`, `\t`, …) or `\u00XX`
/// for control characters. Callers write fields in sorted order; `PlanWriting` does so for every
/// plan type. `finish()` hands the buffer to a `Data` without copying it.
///
/// The writer owns its malloc'd buffer: it cannot be copied (so two writers never share or
/// double-free it), and a writer dropped without `finish()` frees it.
struct JSONWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    private var depth = 0
    /// One line, no indents: for the swap journal's one-entry-per-line format.
    private let compact: Bool

    /// Progress through one object or list: whether anything was written in it yet.
    struct Container {
        fileprivate var empty = true
    }

    init(capacity: Int, compact: Bool = false) {
        self.capacity = max(capacity, 64)
        self.compact = compact
        base = malloc(self.capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    deinit {
        free(base)
    }

    /// The bytes written, ending with one newline; the buffer now belongs to the `Data`.
    consuming func finish() -> Data {
        put(0x0A)
        let data = Data(bytesNoCopy: base, count: count, deallocator: .free)
        discard self
        return data
    }

    // MARK: - Bytes

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        capacity = max(capacity * 2, count + extra)
        base = realloc(base, capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    @inline(__always)
    private mutating func put(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    private mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    private mutating func put(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { put($0) }
    }

    private mutating func put(_ text: StaticString) {
        put(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// `value` (non-negative) as decimal digits, zero-padded to `width`.
    mutating func digits(_ value: Int, width: Int) {
        var length = 1
        var rest = value / 10
        while rest > 0 {
            length += 1
            rest /= 10
        }
        let total = max(width, length)
        reserve(total)
        rest = value
        for index in stride(from: count + total - 1, through: count, by: -1) {
            base[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        count += total
    }

    // MARK: - Structure

    mutating func beginObject() -> Container {
        put(UInt8(ascii: "{"))
        depth += 1
        return Container()
    }

    /// Starts a field: separator, new line, indent, quoted name and ` : `.
    mutating func key(_ name: StaticString, in object: inout Container) {
        newItem(&object)
        put(UInt8(ascii: "\""))
        put(name)
        put("\" : ")
    }

    /// Starts a field whose name is data (a map key).
    mutating func key(text name: String, in object: inout Container) {
        newItem(&object)
        string(name)
        put(" : ")
    }

    mutating func endObject(_ object: Container) {
        close(object, UInt8(ascii: "}"))
    }

    mutating func beginList() -> Container {
        put(UInt8(ascii: "["))
        depth += 1
        return Container()
    }

    /// Starts a list item: separator, new line and indent.
    mutating func item(in list: inout Container) {
        newItem(&list)
    }

    mutating func endList(_ list: Container) {
        close(list, UInt8(ascii: "]"))
    }

    private mutating func newItem(_ container: inout Container) {
        if !container.empty { put(UInt8(ascii: ",")) }
        container.empty = false
        newLine()
    }

    private mutating func close(_ container: Container, _ byte: UInt8) {
        depth -= 1
        if !container.empty { newLine() }
        put(byte)
    }

    private mutating func newLine() {
        guard !compact else { return }
        reserve(1 + depth * 2)
        base[count] = 0x0A
        (base + count + 1).initialize(repeating: 0x20, count: depth * 2)
        count += 1 + depth * 2
    }

    // MARK: - Values

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            put(UInt8(ascii: "\""))
            var runStart = 0
            var index = 0
            while index < utf8.count {
                // Eight bytes at a time while none needs escaping (the common case).
                if index + 8 <= utf8.count {
                    let chunk = UInt64(littleEndian: UnsafeRawPointer(utf8.baseAddress! + index).loadUnaligned(as: UInt64.self))
                    if !Self.needsEscape(chunk) {
                        index += 8
                        continue
                    }
                }
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
                    index += 1
                    continue
                }
                put(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                index += 1
                runStart = index
                putEscape(byte)
            }
            put(UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
            put(UInt8(ascii: "\""))
        }
    }

    /// Whether any byte of `chunk` is `"`, `\` or below 0x20 (SWAR zero-byte tests).
    @inline(__always)
    private static func needsEscape(_ chunk: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = chunk ^ (ones &* 0x22), backslash = chunk ^ (ones &* 0x5C)
        let found = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((chunk &- ones &* 0x20) & ~chunk)
        return found & 0x8080_8080_8080_8080 != 0
    }

    private mutating func putEscape(_ byte: UInt8) {
        put(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): put(byte)
        case 0x08: put(UInt8(ascii: "b"))
        case 0x09: put(UInt8(ascii: "t"))
        case 0x0A: put(UInt8(ascii: "n"))
        case 0x0C: put(UInt8(ascii: "f"))
        case 0x0D: put(UInt8(ascii: "r"))
        default:
            let hex = Array("0123456789abcdef".utf8)
            put([UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }

    mutating func bool(_ value: Bool) {
        put(value ? "true" : "false")
    }

    /// A number written as its text (an `Int`'s or a `Decimal`'s description), or any value
    /// already in compact JSON text.
    mutating func number(_ text: String) {
        put(Array(text.utf8))
    }

    /// A string of ASCII characters the caller writes with `digits` and `character` (a date).
    mutating func asciiString(_ body: (inout JSONWriter) -> Void) {
        put(UInt8(ascii: "\""))
        body(&self)
        put(UInt8(ascii: "\""))
    }

    /// One ASCII character inside `asciiString`.
    mutating func character(_ byte: UInt8) {
        put(byte)
    }
}
