import Foundation
import PlanModel

/// Unsaved front-end edits, journalled beside the plan after every change (like vim's swap
/// file), so a crash, a kill or a power cut loses nothing: the next open offers to recover them.
///
/// The journal is `.<plan name>.dplan-swap` in the plan's folder, one line per change:
/// a checksum, a space, and a JSON entry holding only what changed (the changed actions, deleted
/// ids, the new action order, and quarters/owners/removed actions when they changed). A damaged
/// line (a torn last write, a bad checksum) is reported and skipped, never replayed.
public struct SwapJournal: Sendable {
    public let path: String

    public init(planPath: String) {
        let target = AtomicFile.resolvedTarget(planPath)
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        path = ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(".\(name).dplan-swap")
    }

    /// One journalled change.
    public struct Entry: Codable, Equatable, Sendable {
        public var label: String
        public var by: String
        public var on: Timestamp
        public var actions: [Action]
        public var deleted: [String]
        public var order: [String]?
        public var quarters: [QuarterRecord]?
        public var owners: [Owner]?
        public var removedActions: [RemovedAction]?
    }

    /// What a journal on disk holds.
    public struct Contents: Sendable {
        public var entries: [Entry]
        /// 1-based line numbers of damaged entries that were skipped.
        public var damagedLines: [Int]
    }

    public var exists: Bool { FileManager.default.fileExists(atPath: path) }

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
            if old.quarters != new.quarters { entry.quarters = new.quarters }
            if old.owners != new.owners { entry.owners = new.owners }
            if old.removedActions != new.removedActions { entry.removedActions = new.removedActions }
        }
        let listed = Set(entry.actions.map(\.id))
        entry.actions += new.actions.filter { ids.contains($0.id) && !listed.contains($0.id) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = try encoder.encode(entry)
        let line = Data((checksum(json) + " ").utf8) + json + Data("\n".utf8)
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw PlanFileError(file: path, message: "cannot write the swap file: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let written = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == line.count, fsync(fd) == 0 else {
            throw PlanFileError(file: path, message: "cannot write the swap file: \(String(cString: strerror(errno)))")
        }
    }

    /// Reads the journal; nil when there is none.
    public func read() -> Contents? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var contents = Contents(entries: [], damagedLines: [])
        for (number, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            guard let space = line.firstIndex(of: UInt8(ascii: " ")),
                  String(decoding: line[line.startIndex..<space], as: UTF8.self) == checksum(Data(line[(space + 1)...])),
                  let entry = try? JSONDecoder().decode(Entry.self, from: Data(line[(space + 1)...])) else {
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
            plan.actions = order.compactMap { byID[$0] }
            if let quarters = entry.quarters { plan.quarters = quarters }
            if let owners = entry.owners { plan.owners = owners }
            if let removed = entry.removedActions { plan.removedActions = removed }
        }
        return plan
    }

    /// Deletes the journal (after a save, or when the user discards it).
    public func remove() {
        unlink(path)
    }

    /// FNV-1a 64-bit of the bytes, as 16 hex digits: enough to catch a torn or edited line.
    private func checksum(_ data: Data) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in data { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
