/// Writes pretty-printed JSON straight into a byte buffer, in the plan file's canonical layout:
/// two-space indents, `"key" : value`, `[]` and `{}` for empty containers, slashes and non-ASCII
/// text written as is, and the short escapes (`\n`, `\t`, …) or `\u00XX` for control characters.
/// Callers write fields in sorted order; `PlanWriting` does so for every plan type.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private var depth = 0

    /// Progress through one object or list: whether anything was written in it yet.
    struct Container {
        fileprivate var empty = true
    }

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func beginObject() -> Container {
        bytes.append(UInt8(ascii: "{"))
        depth += 1
        return Container()
    }

    /// Starts a field: separator, new line, indent, quoted name and ` : `.
    mutating func key(_ name: StaticString, in object: inout Container) {
        newItem(&object)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(contentsOf: [UInt8(ascii: "\""), 0x20, UInt8(ascii: ":"), 0x20])
    }

    /// Starts a field whose name is data (a map key).
    mutating func key(text name: String, in object: inout Container) {
        newItem(&object)
        string(name)
        bytes.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
    }

    mutating func endObject(_ object: Container) {
        close(object, UInt8(ascii: "}"))
    }

    mutating func beginList() -> Container {
        bytes.append(UInt8(ascii: "["))
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
        if !container.empty { bytes.append(UInt8(ascii: ",")) }
        container.empty = false
        newLine()
    }

    private mutating func close(_ container: Container, _ byte: UInt8) {
        depth -= 1
        if !container.empty { newLine() }
        bytes.append(byte)
    }

    private mutating func newLine() {
        bytes.append(0x0A)
        for _ in 0..<depth { bytes.append(contentsOf: [0x20, 0x20]) }
    }

    // MARK: - Values

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            bytes.append(UInt8(ascii: "\""))
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
                case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
                case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
            bytes.append(UInt8(ascii: "\""))
        }
    }

    mutating func bool(_ value: Bool) {
        bytes.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8))
    }

    /// A number written as its text (an `Int`'s or a `Decimal`'s description).
    mutating func number(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// A string of ASCII digits and separators built in place, e.g. a date: `body` appends the
    /// characters between the quotes.
    mutating func asciiString(_ body: (inout [UInt8]) -> Void) {
        bytes.append(UInt8(ascii: "\""))
        body(&bytes)
        bytes.append(UInt8(ascii: "\""))
    }
}

extension Array where Element == UInt8 {
    /// Appends `value` (non-negative) as decimal digits, zero-padded to `width`.
    mutating func appendDigits(_ value: Int, width: Int) {
        var count = 1
        var rest = value / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        append(contentsOf: repeatElement(UInt8(ascii: "0"), count: Swift.max(width, count)))
        rest = value
        var index = self.count - 1
        while rest > 0 {
            self[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            index -= 1
        }
    }
}
