import Foundation

/// The plans opened lately, newest first, for the start screen: one absolute path a line in
/// `$XDG_STATE_HOME/dplan/recent` (else `~/.local/state/dplan/recent`). A convenience only: a
/// list that cannot be read is empty, and one that cannot be written is left as it was.
public enum RecentPlans {
    /// How many plans the list keeps.
    public static let limit = 10

    /// The file the list is kept in, from the environment given.
    public static func file(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let state = environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".local/state")
        return ((state as NSString).appendingPathComponent("dplan") as NSString).appendingPathComponent("recent")
    }

    /// The list after opening `path`: it first, once, then the others in order, at most `limit`.
    public static func adding(_ path: String, to list: [String]) -> [String] {
        Array(([path] + list.filter { $0 != path }).prefix(limit))
    }

    /// The list as kept in `file` (empty when there is none).
    public static func read(from file: String = file()) -> [String] {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return [] }
        return Array(text.split(separator: "\n").map(String.init).filter { $0.hasPrefix("/") }.prefix(limit))
    }

    /// Puts `path` (made absolute) first in the list in `file`, replacing the file whole.
    public static func record(_ path: String, in file: String = file()) {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let list = adding(absolute, to: read(from: file))
        let folder = (file as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? Data((list.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
    }
}
