import Foundation
import PlanModel

/// Unsaved front-end edits, journalled beside the plan after every change (like vim's swap
/// file), so a crash, a kill or a power cut loses nothing: the next open offers to recover them.
///
/// The journal is `.<plan name>.dplan-swap` in the plan's folder, one line per change:
/// a checksum, a space, and a JSON entry holding only what changed (the changed actions, deleted
/// ids, the new action order, and the plan without its actions when anything else changed). A
/// damaged line (a torn last write, a bad checksum) is reported and skipped, never replayed.
///
/// Actions and the plan are written and read by the plan file's own writer and reader, so the
/// journal holds every field the plan file does, by construction.
public struct SwapJournal: Sendable {
    public let path: String

    public init(planPath: String) {
        let target = AtomicFile.resolvedTarget(planPath)
        path = PathParts.join(PathParts.folder(of: target), ".\(PathParts.name(of: target)).dplan-swap")
    }

    /// One journalled change.
    public struct Entry: Equatable, Sendable {
        public var label: String
        public var by: String
        public var on: Timestamp
        public var actions: [Action]
        public var deleted: [String]
        public var order: [String]?
        /// Everything but the actions, when any of it changed (owners, quarters, removed actions…).
        public var plan: Plan?
    }

    /// What a journal on disk holds.
    public struct Contents: Sendable {
        public var entries: [Entry]
        /// 1-based line numbers of damaged entries that were skipped.
        public var damagedLines: [Int]
    }

    public var exists: Bool { FileManager.default.fileExists(atPath: path) }

    /// Why edits cannot be journalled, when the journal's place is taken by something that is
    /// not a file (a FIFO, a device, a folder), in one line of at most 80 columns; nil otherwise.
    public var problem: String? {
        AtomicFile.nonRegularKind(path).map { kind in
            PlanLock.fitted([PathParts.name(of: path)]) { "\($0[0]) is \(kind); remove it to keep a swap file" }
        }
    }

    /// Appends a change and flushes it to disk: the difference from `old` to `new` when the
    /// whole plan may have changed (`old` given), plus the actions `alsoChanged` that were edited
    /// one at a time (so a single edit in a large plan is journalled without comparing it all).
    public func append(from old: Plan?, to new: Plan, alsoChanged ids: Set<String> = [], label: String, by: String, on: Timestamp) throws {
        var entry = Entry(label: label, by: by, on: on, actions: [], deleted: [], order: nil)
        if let old {
            let before = Dictionary(old.actions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let after = Set(new.actions.map(\.id))
            entry.actions = new.actions.filter { before[$0.id] != $0 }
            entry.deleted = old.actions.map(\.id).filter { !after.contains($0) }
            if old.actions.map(\.id) != new.actions.map(\.id) { entry.order = new.actions.map(\.id) }
            let shell = new.withoutActions
            if old.withoutActions != shell { entry.plan = shell }
        }
        let listed = Set(entry.actions.map(\.id))
        entry.actions += new.actions.filter { ids.contains($0.id) && !listed.contains($0.id) }
        var writer = JSONWriter(capacity: 4096, compact: true)
        writer.journalEntry(entry)
        let json = writer.finish().dropLast()  // the entry is one line; the newline comes below
        let line = Data((checksum(json) + " ").utf8) + json + Data("\n".utf8)
        if let problem { throw PlanFileError(file: path, message: problem) }
        // Never waits: a FIFO put in its place meanwhile is refused below rather than waited on.
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_NONBLOCK | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw PlanFileError(file: path, message: "cannot write the swap file: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw PlanFileError(file: path, message: "is not a regular file; remove it to keep a swap file")
        }
        let written = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == line.count, fsync(fd) == 0 else {
            throw PlanFileError(file: path, message: "cannot write the swap file: \(String(cString: strerror(errno)))")
        }
    }

    /// Reads the journal; nil when there is none, or when its place is taken by something that
    /// is not a file (see `problem`), which is never waited on.
    public func read() -> Contents? {
        guard let data = try? PlanFile.read(path) else { return nil }
        var contents = Contents(entries: [], damagedLines: [])
        for (number, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            guard let space = line.firstIndex(of: UInt8(ascii: " ")),
                  String(decoding: line[line.startIndex..<space], as: UTF8.self) == checksum(Data(line[(space + 1)...])),
                  let entry = Self.decode(Data(line[(space + 1)...])) else {
                contents.damagedLines.append(number + 1)
                continue
            }
            contents.entries.append(entry)
        }
        return contents
    }

    /// Applies journalled entries to the plan as loaded from disk.
    public static func replay(_ entries: [Entry], onto plan: Plan) -> Plan {
        var plan = plan
        for entry in entries {
            var byID = Dictionary(plan.actions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for id in entry.deleted { byID[id] = nil }
            for action in entry.actions { byID[action.id] = action }
            let order = entry.order ?? plan.actions.map(\.id) + entry.actions.map(\.id).filter { id in !plan.actions.contains { $0.id == id } }
            let actions = order.compactMap { byID[$0] }
            if let shell = entry.plan { plan = shell }
            plan.actions = actions
        }
        return plan
    }

    /// Deletes the journal (after a save, or when the user discards it).
    public func remove() {
        unlink(path)
    }

    /// One entry read back with the plan file's reader; nil when it does not parse.
    private static func decode(_ data: Data) -> Entry? {
        data.withUnsafeBytes { raw in
            var reader = JSONReader(raw.bindMemory(to: UInt8.self))
            do throws(JSONReadFailure) {
                let entry = try reader.journalEntry()
                try reader.end()
                return entry
            } catch {
                return nil
            }
        }
    }

    /// FNV-1a 64-bit of the bytes, as 16 hex digits: enough to catch a torn or edited line.
    private func checksum(_ data: Data) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in data { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

extension Plan {
    /// The plan with an empty action list: what a journal entry keeps when more than actions changed.
    var withoutActions: Plan {
        var shell = self
        shell.actions = []
        return shell
    }

    /// The plan without its actions and frozen quarters: what a merge merges field by field.
    var shell: Plan {
        var shell = withoutActions
        shell.frozenQuarters = []
        return shell
    }
}

extension JSONWriter {
    mutating func journalEntry(_ entry: SwapJournal.Entry) {
        var o = beginObject()
        key("actions", in: &o); list(entry.actions) { $0.action($1) }
        key("by", in: &o); string(entry.by)
        key("deleted", in: &o); list(entry.deleted) { $0.string($1) }
        key("label", in: &o); string(entry.label)
        key("on", in: &o); timestamp(entry.on)
        if let order = entry.order { key("order", in: &o); list(order) { $0.string($1) } }
        if let plan = entry.plan { key("plan", in: &o); self.plan(plan) }
        endObject(o)
    }
}

extension JSONReader {
    mutating func journalEntry() throws(JSONReadFailure) -> SwapJournal.Entry {
        var object = try beginObject()
        var entry = SwapJournal.Entry(label: "", by: "", on: Timestamp(secondsSinceEpoch: 0), actions: [], deleted: [])
        var on: Timestamp?
        while let key = try nextKey(&object) {
            if self.key(key, is: "actions") {
                entry.actions = try list { (r: inout JSONReader) throws(JSONReadFailure) in try r.action() }
            } else if self.key(key, is: "by") {
                entry.by = try string()
            } else if self.key(key, is: "deleted") {
                entry.deleted = try list { (r: inout JSONReader) throws(JSONReadFailure) in try r.string() }
            } else if self.key(key, is: "label") {
                entry.label = try string()
            } else if self.key(key, is: "on") {
                on = try timestamp()
            } else if self.key(key, is: "order") {
                entry.order = try list { (r: inout JSONReader) throws(JSONReadFailure) in try r.string() }
            } else if self.key(key, is: "plan") {
                entry.plan = try plan()
            } else {
                try skipUnknownField(key)
            }
        }
        entry.on = try required(on, "on", object)
        return entry
    }
}
