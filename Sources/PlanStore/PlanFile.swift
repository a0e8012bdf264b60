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
    /// A plan file (`planFile`) must be a regular file (through links): reading a device or a
    /// FIFO could block or never end, and saving could not replace it.
    public static func read(_ path: String, planFile: Bool = false) throws(PlanFileError) -> Data {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw PlanFileError(file: path, message: "cannot open: \(String(cString: strerror(errno)))")
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            throw PlanFileError(file: path, message: "is a folder; expected a plan file (.json)")
        }
        if planFile, let kind = AtomicFile.nonRegularKind(path) {
            throw PlanFileError(file: path, message: "is \(kind); a plan must be a regular file (.json)")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw PlanFileError(file: path, message: "cannot read: \(String(cString: strerror(errno)))")
        }
        defer { try? handle.close() }
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw PlanFileError(file: path, message: "cannot read: \(error.localizedDescription)")
        }
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
