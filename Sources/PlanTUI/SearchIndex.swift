import Foundation  // memchr, memcmp
import PlanModel

/// Lower-cased searchable text (id, title, description, commentary) of each action as bytes.
///
/// Built on the first search key as one buffer, kept up to date one action at a time as
/// actions are edited, and rebuilt only when the plan changed as a whole; so typing a search
/// does not lower-case the whole plan on every key, and editing without a search costs nothing.
struct SearchIndex: Sendable {
    /// Every action's text, one after another.
    private var buffer: [UInt8] = []
    /// Where each action's text starts in `buffer`; one more entry marks the end.
    private var starts: [Int] = []
    /// Texts of actions edited since the buffer was built, by action index.
    private var edited: [Int: [UInt8]] = [:]
    /// The plan revision the index describes; -1 before the first build.
    private(set) var revision = -1

    /// Makes the index describe `plan` at `revision`, rebuilding it if it describes another.
    mutating func update(for plan: Plan, revision: Int) {
        guard revision != self.revision else { return }
        var size = 0
        for action in plan.actions {
            size += action.id.utf8.count + action.title.utf8.count + action.description.utf8.count + action.commentary.utf8.count + 3
        }
        buffer = []
        buffer.reserveCapacity(size)
        starts = []
        starts.reserveCapacity(plan.actions.count + 1)
        for action in plan.actions {
            starts.append(buffer.count)
            Self.append(action, to: &buffer)
        }
        starts.append(buffer.count)
        edited = [:]
        self.revision = revision
    }

    /// After one action changed between two revisions: refreshes just that action if the index
    /// was current; otherwise leaves it to be rebuilt when next needed.
    mutating func update(action index: Int, of plan: Plan, from old: Int, to new: Int) {
        guard revision == old, index < starts.count - 1 else { return }
        var text: [UInt8] = []
        Self.append(plan.actions[index], to: &text)
        edited[index] = text
        revision = new
    }

    /// Whether action `index`'s text contains `needle` (lower-cased, see `needle(_:)`).
    func action(_ index: Int, contains needle: [UInt8]) -> Bool {
        if let text = edited[index] { return Self.contains(text, needle) }
        return buffer.withUnsafeBufferPointer { all in
            Self.contains(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(all)[starts[index]..<starts[index + 1]]), needle)
        }
    }

    private static func append(_ action: Action, to bytes: inout [UInt8]) {
        lowercase(action.id, into: &bytes)
        bytes.append(0x0A)
        lowercase(action.title, into: &bytes)
        bytes.append(0x0A)
        lowercase(action.description, into: &bytes)
        bytes.append(0x0A)
        lowercase(action.commentary, into: &bytes)
    }

    /// Appends `text` lower-cased: byte by byte when it is ASCII (nearly always), else by Unicode.
    private static func lowercase(_ text: String, into bytes: inout [UInt8]) {
        var text = text
        let ascii = text.withUTF8 { utf8 in
            let start = bytes.count
            bytes.append(contentsOf: utf8)
            return bytes.withUnsafeMutableBufferPointer { buffer in
                var high: UInt8 = 0
                for index in start..<buffer.count {
                    let byte = buffer[index]
                    high |= byte
                    buffer[index] = byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
                }
                return high < 0x80  // otherwise the copy is replaced below, lower-cased by Unicode
            }
        }
        if !ascii {
            bytes.removeSubrange((bytes.count - text.utf8.count)...)
            bytes.append(contentsOf: text.lowercased().utf8)
        }
    }

    /// A search term as lower-cased bytes.
    static func needle(_ search: String) -> [UInt8] {
        var bytes: [UInt8] = []
        lowercase(search, into: &bytes)
        return bytes
    }

    /// Whether `needle` occurs in `haystack` (byte-wise; both already lower-cased).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBytes { contains($0, needle) }
    }

    private static func contains(_ hay: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= hay.count else { return false }
        return needle.withUnsafeBytes { pin in
            // memchr finds each candidate first byte at vector speed; memcmp checks the rest.
            let base = hay.baseAddress!, first = Int32(pin[0])
            let last = hay.count - pin.count
            var start = 0
            while start <= last, let found = memchr(base + start, first, last - start + 1) {
                let at = base.distance(to: UnsafeRawPointer(found))
                if memcmp(base + at + 1, pin.baseAddress! + 1, pin.count - 1) == 0 { return true }
                start = at + 1
            }
            return false
        }
    }
}
