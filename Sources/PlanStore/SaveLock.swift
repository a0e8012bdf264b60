import Foundation

/// The operating-system lock (`flock`) a save holds from reading the file on disk to renaming
/// the new version into place, so that two saves of one plan — two `dplan set` runs, a front
/// end and a script — take turns: each reads what the other wrote, merges it and writes both.
///
/// The lock is taken on `.dplan/<file name>.save-lock` beside the plan, never on the plan itself
/// (a save replaces the plan by renaming a new file over it, so a lock on the old one would guard
/// nothing). The kernel releases it when the process ends, however it ends; the empty lock file
/// stays. It is not the "being edited by" courtesy lock (`PlanLock`), which says who has the plan
/// open; this one is held only for the length of a save.
struct SaveLock {
    private let descriptor: Int32

    /// `.dplan/<file name>.save-lock` in the folder of the file `target` (links followed).
    static func path(forTarget target: String) -> String {
        PathParts.join(PathParts.join(PathParts.folder(of: target), ".dplan"), PathParts.name(of: target) + ".save-lock")
    }

    /// Waits for the lock on the plan file `target` (links followed) and takes it. `.dplan` must
    /// exist. Someone who may only read the lock file (another member of the group, under a
    /// umask that leaves group members read access) still locks it: `flock` needs no write access.
    init(forTarget target: String, file: String) throws(PlanFileError) {
        let lock = Self.path(forTarget: target)
        var fd = open(lock, O_RDWR | O_CREAT | O_NONBLOCK | O_CLOEXEC, 0o666)
        if fd < 0 && errno == EACCES { fd = open(lock, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
        guard fd >= 0 else {
            throw PlanFileError(file: file, message: "cannot save: cannot open the save lock \(lock): \(String(cString: strerror(errno))); nothing was written")
        }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw PlanFileError(file: file, message: "cannot save: \(lock) is not a regular file; remove it so saves can lock (nothing was written)")
        }
        while flock(fd, LOCK_EX) != 0 {
            switch errno {
            case EINTR: continue
            // A file system that cannot lock (some network shares): the save goes ahead
            // unlocked, still merging what it finds on disk (see docs/reliability.md, Limits).
            case ENOLCK, EOPNOTSUPP: descriptor = fd; return
            default:
                let reason = String(cString: strerror(errno))
                close(fd)
                throw PlanFileError(file: file, message: "cannot save: cannot lock \(lock): \(reason); nothing was written")
            }
        }
        descriptor = fd
    }

    /// Lets the next save go ahead.
    func release() {
        close(descriptor)
    }
}
