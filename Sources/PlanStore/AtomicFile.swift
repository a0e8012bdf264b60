import Foundation

/// Writes a file so that a crash or power cut at any instant leaves either the complete old file
/// or the complete new one.
///
/// The bytes go to `<file>.tmp-<pid>` in the same folder, are flushed to disk (`fsync`), take the
/// original's permissions, owner and group (the group wherever the user may give it; the owner
/// when run by root), and are renamed over the original; then the folder is flushed so the
/// rename itself is durable. A new file is created as `open(2)` makes it: mode 0666 less the
/// umask, in the folder's group where the folder is setgid; or, given `permissionsFrom`, with that
/// file's mode and group (a copy of a plan keeps the plan's). A symlinked file is written through
/// the link: the link stays and its target is replaced. On any failure the temporary file is
/// removed and the original is untouched. Only a regular file the user may write is ever
/// replaced: a device, FIFO, socket or folder at the path (or at the end of its links), a file
/// the user has no write permission for, or a folder the user cannot write in is refused before
/// anything is written.
public enum AtomicFile {
    /// The steps of a save, for fault-injection tests.
    enum Step: CaseIterable {
        case create, write, permissions, flush, close, rename
    }

    public static func write(_ data: Data, to path: String, permissionsFrom model: String? = nil) throws(PlanFileError) {
        try write(data, to: path, permissionsFrom: model, failingAt: nil)
    }

    /// `failingAt` makes one step fail as if the system call had (tests only).
    static func write(_ data: Data, to path: String, permissionsFrom model: String? = nil, failingAt fault: Step?) throws(PlanFileError) {
        try checkWritable(path)
        let target = resolvedTarget(path)
        let folder = PathParts.folder(of: target)
        let temporary = "\(target).tmp-\(getpid())"
        removeAbandonedTemporaries(of: target, in: folder)
        // What the new file takes its permissions and group from: the file it replaces, else the
        // model; nil leaves them to open(2).
        var info = stat()
        let keeps = stat(target, &info) == 0 || (model.map { stat($0, &info) == 0 } ?? false) ? info : nil

        func injected(_ step: Step) -> Bool {
            if fault == step { errno = step == .write ? ENOSPC : EIO; return true }
            return false
        }
        let fd = injected(.create) ? -1 : open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, keeps == nil ? 0o666 : 0o600)
        guard fd >= 0 else {
            throw PlanFileError(file: path, message: "cannot save: cannot create \(temporary): \(String(cString: strerror(errno)))")
        }
        func fail(_ step: String) -> PlanFileError {
            let reason = String(cString: strerror(errno))
            close(fd)
            unlink(temporary)
            return PlanFileError(file: path, message: "cannot save (\(step): \(reason)); the file on disk was not changed")
        }
        let written = writeAll(data, to: fd) == nil
        guard written, !injected(.write) else { throw fail("writing") }
        guard !injected(.permissions), keeps.map({ keepOwnership(fd, $0) }) ?? true else { throw fail("setting permissions") }
        guard !injected(.flush), fsync(fd) == 0 else { throw fail("flushing to disk") }
        let closed = close(fd) == 0
        guard closed, !injected(.close) else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw PlanFileError(file: path, message: "cannot save (closing: \(reason)); the file on disk was not changed")
        }
        guard !injected(.rename), rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw PlanFileError(file: path, message: "cannot save (replacing the file: \(reason)); the file on disk was not changed")
        }
        flushFolder(folder)
    }

    /// Refuses, with what to do, a path that is not a regular file, a file the user may not
    /// write, and a folder the user cannot write in (the new version is written beside the old).
    static func checkWritable(_ path: String) throws(PlanFileError) {
        let target = resolvedTarget(path)
        let folder = PathParts.folder(of: target)
        if let kind = nonRegularKind(target) {
            throw PlanFileError(file: path, message: "is \(kind), not a regular file; dplan only replaces regular files, so nothing was written")
        }
        if access(target, F_OK) == 0, access(target, W_OK) != 0 {
            throw PlanFileError(file: path, message: "you do not have permission to change this file (\(String(cString: strerror(errno)))); "
                                + "nothing was written. Ask its owner, or save a copy elsewhere")
        }
        if access(folder, W_OK | X_OK) != 0 {
            throw PlanFileError(file: path, message: "cannot save: you cannot write in the folder \(folder) "
                                + "(\(String(cString: strerror(errno)))), where the new version is written; nothing was written")
        }
    }

    /// Gives the open file the owner (when allowed: root), group (when allowed: a group the user
    /// is in) and mode of `info`; the mode after the group, which may clear set-id bits.
    private static func keepOwnership(_ fd: Int32, _ info: stat) -> Bool {
        if fchown(fd, info.st_uid, info.st_gid) != 0 { _ = fchown(fd, uid_t.max, info.st_gid) }
        return fchmod(fd, info.st_mode & 0o7777) == 0
    }

    /// What is at `path` when it exists and is not a regular file ("a FIFO (named pipe)", …),
    /// following symlinks; nil for a regular file or nothing.
    public static func nonRegularKind(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFSOCK: return "a socket"
        default: return "a special file"
        }
    }

    /// Flushes a folder so that renames and links in it survive a power cut.
    static func flushFolder(_ folder: String) {
        let folderFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFD >= 0 {
            fsync(folderFD)
            close(folderFD)
        }
    }

    /// Deletes `<file>.tmp-<pid>` files left by saves that were killed (their process is gone).
    static func removeAbandonedTemporaries(of target: String, in folder: String) {
        let prefix = PathParts.name(of: target) + ".tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(PathParts.join(folder, name))
        }
    }

    /// Whether two paths name the same existing file (through links and different spellings).
    public static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    /// The file a path finally names, following symlinks (relative links resolve against the
    /// link's folder). A path that does not exist yet is its own target.
    static func resolvedTarget(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else {
                return current
            }
            current = destination.hasPrefix("/") ? destination
                : PathParts.join(PathParts.folder(of: current), destination)
        }
        return current
    }
}
