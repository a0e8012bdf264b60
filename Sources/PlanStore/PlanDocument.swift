import Foundation
import PlanModel

/// A plan file opened for editing: remembers exactly what was loaded, so that a save never
/// overwrites somebody else's change, and keeps rotating backups of what it replaces.
public struct PlanDocument: Sendable {
    public let path: String
    /// The plan as last loaded or saved (the common ancestor for merges).
    public private(set) var base: Plan
    private var loadedBytes: Data
    private var signature: FileSignature?
    /// How many earlier versions to keep in `.dplan/` beside the file.
    public var backups = 5
    /// Fields of the file as opened that dplan does not know: a save would not keep them.
    public let unknownFields: [PlanFileError]

    public static func open(_ path: String) throws(PlanFileError) -> PlanDocument {
        let data = try PlanFile.read(path, planFile: true)
        var unknown: [PlanFileError] = []
        let plan = try PlanCoding.decode(data, file: path, unknownFields: &unknown)
        return PlanDocument(path: path, base: plan, loadedBytes: data, signature: FileSignature(path), unknownFields: unknown)
    }

    /// What a save did.
    public enum SaveOutcome: Equatable, Sendable {
        case saved
        /// The file had changed on disk; the other changes were merged in. The merged plan is
        /// what was written.
        case merged(Plan)
    }

    /// Why a save did not happen. The file on disk is unchanged in every case.
    public enum SaveError: Error, CustomStringConvertible, Sendable {
        case file(PlanFileError)
        /// Someone else changed the same fields; nothing was written.
        case conflicts(path: String, [MergeConflict])
        /// The plan (or the version on disk it was merged with) has merge conflicts nobody has
        /// resolved yet; nothing was written.
        case unresolvedConflicts(path: String, [MergeConflict])

        public var description: String {
            switch self {
            case .file(let error): error.description
            case .conflicts(let path, let fields):
                "\(path): changed on disk by someone else in the same place (\(fields.prefix(5).map(\.path).joined(separator: ", "))\(fields.count > 5 ? ", …" : "")); nothing was written"
            case .unresolvedConflicts(let path, let conflicts):
                "\(path): \(conflicts.count) unresolved merge conflict\(conflicts.count == 1 ? "" : "s") "
                    + "(\(conflicts.prefix(3).map(\.label).joined(separator: "; "))\(conflicts.count > 3 ? "; …" : "")); nothing was written. "
                    + PlanDocument.howToResolve(path)
            }
        }
    }

    /// Whether the file on disk differs from what was loaded or last saved. Cheap when nothing
    /// changed (size and modification time); reads the file only when they moved.
    public func changedOnDisk() -> Bool {
        guard FileSignature(path) != signature else { return false }
        return (try? PlanFile.read(path)) != loadedBytes
    }

    /// How to settle recorded merge conflicts, for messages.
    public static func howToResolve(_ path: String) -> String {
        "List them with: dplan resolve \(path); keep one side with: dplan resolve \(path) --ours (or --theirs); "
            + "or decide one field with: dplan resolve \(path) ID FIELD --take ours|theirs"
    }

    /// Saves `plan`. When the file changed on disk since it was loaded, the other version is
    /// merged field by field; if both changed the same field, nothing is written. A plan with
    /// recorded merge conflicts is refused unless `keepingConflicts` (resolving some of them, or
    /// recording a merge's).
    public mutating func save(_ plan: Plan, resolving resolutions: [String: MergeConflict.Side] = [:],
                              keepingConflicts: Bool = false) throws(SaveError) -> SaveOutcome {
        let disk: Data
        do { disk = try PlanFile.read(path) } catch { throw .file(error) }
        var toWrite = plan
        var outcome = SaveOutcome.saved
        if disk != loadedBytes {
            let theirs: Plan
            do { theirs = try Self.decodeKeepingEveryField(disk, file: path) } catch { throw .file(error) }
            let merge = PlanMerge.merge(base: base, mine: plan, theirs: theirs, resolutions: resolutions)
            guard merge.conflicts.isEmpty else { throw .conflicts(path: path, merge.conflicts) }
            toWrite = merge.plan
            outcome = .merged(merge.plan)
        }
        guard toWrite.conflicts.isEmpty || keepingConflicts else { throw .unresolvedConflicts(path: path, toWrite.conflicts) }
        // The last line of defence for "no command writes a plan that fails validation": a
        // merge can combine two valid plans into an invalid one (one shortens the period while
        // the other records a review in a quarter it drops).
        if let problem = toWrite.validate().first(where: { !$0.path.hasPrefix("conflicts") }) {
            throw .file(PlanFileError(file: path, path: problem.path,
                                      message: "\(problem.message); the plan would fail validation, so nothing was written"))
        }
        let bytes = PlanCoding.encode(toWrite)
        do {
            try keepBackup(of: disk)
            try AtomicFile.write(bytes, to: path)
        } catch {
            throw .file(error)
        }
        base = toWrite
        loadedBytes = bytes
        signature = FileSignature(path)
        return outcome
    }

    /// Brings in what someone else saved, keeping my unsaved edits: merges the file on disk into
    /// `mine` and makes it the new base. Conflicts are refused (saving resolves them).
    public mutating func reload(keeping mine: Plan) throws(SaveError) -> Plan {
        let disk: Data
        let theirs: Plan
        do {
            disk = try PlanFile.read(path)
            theirs = try Self.decodeKeepingEveryField(disk, file: path)
        } catch {
            throw .file(error)
        }
        let merge = PlanMerge.merge(base: base, mine: mine, theirs: theirs)
        guard merge.conflicts.isEmpty else { throw .conflicts(path: path, merge.conflicts) }
        base = theirs
        loadedBytes = disk
        signature = FileSignature(path)
        return merge.plan
    }

    /// Decodes what someone else saved, refusing a version with fields dplan does not know: a
    /// merge could not keep them.
    private static func decodeKeepingEveryField(_ data: Data, file: String) throws(PlanFileError) -> Plan {
        var unknown: [PlanFileError] = []
        let plan = try PlanCoding.decode(data, file: file, unknownFields: &unknown)
        if let first = unknown.first {
            throw PlanFileError(file: file, line: first.line, column: first.column, path: first.path,
                                message: "changed on disk by someone else, with fields dplan does not know (\(unknown.count)); "
                                    + "merging would drop them, so nothing was written")
        }
        return plan
    }

    /// Keeps a copy of the saved plan in `.dplan/` named for a closed quarter
    /// (`plan.2026-27-Q3-closed.json`); rotation never removes it.
    public func keepClosedQuarterSnapshot(_ quarter: Quarter) throws(PlanFileError) {
        try keepSnapshot(label: quarter.description.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: " ", with: "-") + "-closed")
    }

    private func keepSnapshot(label: String) throws(PlanFileError) {
        let (folder, name) = try backupFolder()
        try AtomicFile.write(loadedBytes, to: "\(folder)/\(name).\(label).json")
    }

    /// The versions kept in `.dplan/` beside a plan file (rotating backups and closed-quarter
    /// copies), newest first, each with when it was last written (seconds since 1970).
    public static func keptVersions(of path: String) -> [(path: String, modified: Double)] {
        let target = AtomicFile.resolvedTarget(path)
        let folder = ((target as NSString).deletingLastPathComponent as NSString).appendingPathComponent(".dplan")
        let name = ((target as NSString).lastPathComponent as NSString).deletingPathExtension
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasPrefix(name + ".") && $0.hasSuffix(".json") }
            .map { (folder as NSString).appendingPathComponent($0) }
            .compactMap { path in modificationTime(path).map { (path, $0) } }
            .sorted { $0.modified > $1.modified }
    }

    /// When a file was last written, in seconds since 1970.
    public static func modificationTime(_ path: String) -> Double? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
    }

    private func backupFolder() throws(PlanFileError) -> (folder: String, name: String) {
        let target = AtomicFile.resolvedTarget(path)
        let folder = PathParts.join(PathParts.folder(of: target), ".dplan")
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw PlanFileError(file: folder, message: "cannot create the backup folder: \(error.localizedDescription)")
        }
        let name = PathParts.name(of: target)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return (folder, name) }
        return (folder, String(name[..<dot]))
    }

    /// Rotates `.dplan/<name>.1.json … .N.json` beside the file and keeps the current version
    /// as 1. That is a hard link to the file about to be replaced when the file system allows
    /// (saves replace the file by renaming a new one over it, so the old one is never written
    /// again), which costs nothing however large the plan; otherwise a copy of `data`.
    private func keepBackup(of data: Data) throws(PlanFileError) {
        guard backups > 0 else { return }
        let (folder, name) = try backupFolder()
        func backup(_ n: Int) -> String { "\(folder)/\(name).\(n).json" }
        try? FileManager.default.removeItem(atPath: backup(backups))
        for n in stride(from: backups - 1, through: 1, by: -1) where FileManager.default.fileExists(atPath: backup(n)) {
            rename(backup(n), backup(n + 1))
        }
        unlink(backup(1))
        var linked = stat()
        if link(AtomicFile.resolvedTarget(path), backup(1)) == 0, stat(backup(1), &linked) == 0, Int(linked.st_size) == data.count {
            AtomicFile.flushFolder(folder)
            return
        }
        unlink(backup(1))
        try AtomicFile.write(data, to: backup(1))
    }
}

/// Size and modification time of a file, to notice outside changes without reading it.
struct FileSignature: Equatable, Sendable {
    var size: Int64
    var seconds: Int
    var nanoseconds: Int

    init?(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int64(info.st_size)
        seconds = Int(info.st_mtim.tv_sec)
        nanoseconds = Int(info.st_mtim.tv_nsec)
    }
}
