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
        let (data, signature) = try PlanFile.readWithSignature(path, planFile: true)
        var unknown: [PlanFileError] = []
        let plan = try PlanCoding.decode(data, file: path, unknownFields: &unknown)
        return PlanDocument(path: path, base: plan, loadedBytes: data, signature: signature, unknownFields: unknown)
    }

    /// What a save did.
    public enum SaveOutcome: Equatable, Sendable {
        case saved
        /// The file had changed on disk; the other changes were merged in. The merged plan is
        /// what was written; `renumbered` are the new items the merge gave another id (both
        /// sides had added one under the same id).
        case merged(Plan, renumbered: [Renumbering])
    }

    /// Why a save did not happen. The file on disk is unchanged in every case.
    public enum SaveError: Error, Equatable, CustomStringConvertible, Sendable {
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
    /// recording a merge's). `decidedBy` is who decides the `resolutions`, and when (for the audit
    /// trail of a decided review).
    ///
    /// The whole save — read what is on disk, merge, validate, keep the backup, write, rename —
    /// happens under the save lock (`SaveLock`), so a save made meanwhile by another process is
    /// never overwritten: it waits, then finds this save's version on disk and merges with it.
    public mutating func save(_ plan: Plan, resolving resolutions: [String: MergeConflict.Side] = [:], decidedBy: EditContext? = nil,
                              keepingConflicts: Bool = false) throws(SaveError) -> SaveOutcome {
        try save(plan, resolving: resolutions, decidedBy: decidedBy, keepingConflicts: keepingConflicts, failingAt: nil)
    }

    /// `failingAt` makes one step of writing the file fail as if the system call had (tests only).
    mutating func save(_ plan: Plan, resolving resolutions: [String: MergeConflict.Side] = [:], decidedBy: EditContext? = nil,
                       keepingConflicts: Bool = false,
                       failingAt fault: AtomicFile.Step?) throws(SaveError) -> SaveOutcome {
        let lock: SaveLock
        do {
            try AtomicFile.checkWritable(path)  // before `.dplan` is made: a refused save changes nothing
            _ = try backupFolder()
            lock = try SaveLock(forTarget: AtomicFile.resolvedTarget(path), file: path)
        } catch {
            throw .file(error)
        }
        defer { lock.release() }
        let disk: Data
        do { disk = try PlanFile.read(path) } catch { throw .file(error) }
        var toWrite = plan
        var outcome = SaveOutcome.saved
        if disk != loadedBytes {
            let theirs: Plan
            do { theirs = try Self.decodeKeepingEveryField(disk, file: path) } catch { throw .file(error) }
            let merge = PlanMerge.merge(base: base, mine: plan, theirs: theirs, resolutions: resolutions, decidedBy: decidedBy)
            guard merge.conflicts.isEmpty else { throw .conflicts(path: path, merge.conflicts) }
            toWrite = merge.plan
            outcome = .merged(merge.plan, renumbered: merge.renumbered)
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
        do { try replace(with: bytes, keeping: disk, failingAt: fault) } catch { throw .file(error) }
        base = toWrite
        loadedBytes = bytes
        signature = FileSignature(path)
        return outcome
    }

    /// Brings in what someone else saved, keeping my unsaved edits: merges the file on disk into
    /// `mine` and makes it the new base. Conflicts are refused (saving resolves them). What is
    /// read is one complete saved version (saves rename a whole new file into place), and its
    /// size and time are taken from the same open file. Returns the merged plan and the new
    /// items of ours or theirs the merge gave other ids.
    public mutating func reload(keeping mine: Plan) throws(SaveError) -> (plan: Plan, renumbered: [Renumbering]) {
        let disk: Data
        let diskSignature: FileSignature
        let theirs: Plan
        do {
            (disk, diskSignature) = try PlanFile.readWithSignature(path)
            theirs = try Self.decodeKeepingEveryField(disk, file: path)
        } catch {
            throw .file(error)
        }
        let merge = PlanMerge.merge(base: base, mine: mine, theirs: theirs)
        guard merge.conflicts.isEmpty else { throw .conflicts(path: path, merge.conflicts) }
        base = theirs
        loadedBytes = disk
        signature = diskSignature
        return (merge.plan, merge.renumbered)
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
        try AtomicFile.write(loadedBytes, to: "\(folder)/\(name).\(label).json", permissionsFrom: AtomicFile.resolvedTarget(path))
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
        return Double(info.lastWritten.tv_sec) + Double(info.lastWritten.tv_nsec) / 1e9
    }

    /// `.dplan` beside the plan (made if need be) and the plan's name without its extension.
    private func backupFolder() throws(PlanFileError) -> (folder: String, name: String) {
        let target = AtomicFile.resolvedTarget(path)
        let folder = PathParts.join(PathParts.folder(of: target), ".dplan")
        try Self.makeSharedFolder(folder, in: PathParts.folder(of: target))
        let name = PathParts.name(of: target)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return (folder, name) }
        return (folder, String(name[..<dot]))
    }

    /// Makes `folder` inside `parent` unless it exists, in the parent's group and with the
    /// parent's group permissions and setgid bit (the rest as the umask says), so that in a
    /// folder shared by a group everyone who can save the plan can also keep its backups.
    static func makeSharedFolder(_ folder: String, in parent: String) throws(PlanFileError) {
        guard mkdir(folder, 0o777) == 0 else {
            if errno == EEXIST, AtomicFile.nonRegularKind(folder) == "a folder" { return }
            throw PlanFileError(file: folder, message: "cannot create the backup folder: \(String(cString: strerror(errno))); nothing was written")
        }
        var shared = stat(), made = stat()
        guard stat(parent, &shared) == 0, stat(folder, &made) == 0 else { return }
        if made.st_gid != shared.st_gid { _ = chown(folder, uid_t.max, shared.st_gid) }
        let groupBits = S_ISGID | S_IRWXG
        _ = chmod(folder, (made.st_mode & 0o777 & ~groupBits) | (shared.st_mode & groupBits))
    }

    /// Writes `bytes` over the plan and keeps the version it replaces (`old`) as backup 1 in
    /// `.dplan/<name>.1.json … .N.json`, the others moving up one and the oldest going. The backup
    /// is first made under a temporary name and takes its place only once the new plan is in
    /// place, so a save that fails leaves `.dplan/` exactly as it was.
    private func replace(with bytes: Data, keeping old: Data, failingAt fault: AtomicFile.Step?) throws(PlanFileError) {
        guard backups > 0 else { return try AtomicFile.write(bytes, to: path, failingAt: fault) }
        let (folder, name) = try backupFolder()
        let staged = try stageBackup(of: old, in: folder, name: name)
        do { try AtomicFile.write(bytes, to: path, failingAt: fault) } catch {
            unlink(staged)
            throw error
        }
        func backup(_ n: Int) -> String { "\(folder)/\(name).\(n).json" }
        for n in stride(from: backups - 1, through: 1, by: -1) where FileManager.default.fileExists(atPath: backup(n)) {
            rename(backup(n), backup(n + 1))
        }
        if rename(staged, backup(1)) != 0 { unlink(staged) }
        AtomicFile.flushFolder(folder)
    }

    /// The version about to be replaced, as `.dplan/<name>.backup.tmp-<pid>`: a hard link to the
    /// plan file when the file system allows (saves replace the file by renaming a new one over
    /// it, so the old one is never written again), which costs nothing however large the plan;
    /// otherwise a copy of `data`. Removes such files left by saves that were killed.
    private func stageBackup(of data: Data, in folder: String, name: String) throws(PlanFileError) -> String {
        let prefix = "\(folder)/\(name).backup"
        AtomicFile.removeAbandonedTemporaries(of: prefix, in: folder)
        let staged = "\(prefix).tmp-\(getpid())"
        unlink(staged)
        var linked = stat()
        if link(AtomicFile.resolvedTarget(path), staged) == 0, stat(staged, &linked) == 0, Int(linked.st_size) == data.count {
            return staged
        }
        unlink(staged)
        try AtomicFile.write(data, to: staged, permissionsFrom: AtomicFile.resolvedTarget(path))
        return staged
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
        self.init(info)
    }

    init(_ info: stat) {
        size = Int64(info.st_size)
        seconds = Int(info.lastWritten.tv_sec)
        nanoseconds = Int(info.lastWritten.tv_nsec)
    }
}
