import Foundation
import PlanModel

/// Reads and writes plan files on disk.
public enum PlanFile {
    /// Loads and decodes a plan. Never modifies the file.
    public static func load(_ path: String) throws(PlanFileError) -> Plan {
        try PlanCoding.decode(try read(path, planFile: true), file: path)
    }

    /// Loads a plan and lists the fields it does not know (see `PlanCoding.decode`).
    public static func load(_ path: String, unknownFields: inout [PlanFileError]) throws(PlanFileError) -> Plan {
        try PlanCoding.decode(try read(path, planFile: true), file: path, unknownFields: &unknownFields)
    }

    /// Reads a file's bytes with a clear message for a missing file, a folder, or no permission.
    /// Only a regular file (through links) is read: a device or a FIFO is refused at once, since
    /// reading one could block or never end; `planFile` says a plan was expected, in messages.
    public static func read(_ path: String, planFile: Bool = false) throws(PlanFileError) -> Data {
        try readWithSignature(path, planFile: planFile).data
    }

    /// Reads a file's bytes and, from the same open file, its size and modification time: the
    /// two always describe one version, even when someone saves the file meanwhile.
    static func readWithSignature(_ path: String, planFile: Bool = false) throws(PlanFileError) -> (data: Data, signature: FileSignature) {
        func refusal(_ kind: String) -> PlanFileError {
            if kind == "a folder" && planFile { return PlanFileError(file: path, message: "is a folder; expected a plan file (.json)") }
            return PlanFileError(file: path, message: planFile ? "is \(kind); a plan must be a regular file (.json)"
                                 : "is \(kind), not a regular file; dplan reads only regular files")
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw PlanFileError(file: path, message: "cannot open: \(String(cString: strerror(errno)))")
        }
        if let kind = AtomicFile.nonRegularKind(path) { throw refusal(kind) }
        // Opened without waiting (a FIFO put in its place meanwhile would wait for a writer),
        // and checked again once open.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0, fstat(fd, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            if fd >= 0 { close(fd) }
            throw PlanFileError(file: path, message: "cannot read: \(reason)")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw refusal("a special file")
        }
        defer { close(fd) }
        // Read the size the file had when opened, then on until the end (it may have grown).
        var data = Data(count: Int(info.st_size))
        var length = 0
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let inPlace = length < data.count
            let n = inPlace ? data.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + length, $0.count - length) }
                : chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw PlanFileError(file: path, message: "cannot read: \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            if !inPlace { data.append(contentsOf: chunk[..<n]) }
            length += n
        }
        data.count = length
        return (data, FileSignature(info))
    }

    /// Saves a plan in canonical form, atomically: the file is either the old plan or the new
    /// one, never a mix (see `AtomicFile`).
    public static func save(_ plan: Plan, to path: String) throws(PlanFileError) {
        try AtomicFile.write(PlanCoding.encode(plan), to: path)
    }

    /// Creates a new plan file; refuses to overwrite an existing file.
    public static func create(_ plan: Plan, at path: String) throws(PlanFileError) {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw PlanFileError(file: path, message: "already exists; choose another name (dplan never overwrites a plan with a new one)")
        }
        try save(plan, to: path)
    }
}
