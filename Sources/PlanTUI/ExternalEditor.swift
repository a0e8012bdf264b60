import Foundation

/// Runs the user's editor (`$VISUAL`, else `$EDITOR`, else `vi`) on a text and returns what it
/// saved. The text goes through a private temporary file, removed afterwards. The editor runs
/// through `/bin/sh` so values such as `code --wait` or `nano -w` work as in a shell.
func editExternally(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<String, ExternalEditorError> {
    let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isBlankCommand } ?? "vi"
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-edit-\(UUID().uuidString)")
    do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
    } catch {
        return .failure(ExternalEditorError("cannot make a temporary file for the editor: \(error.localizedDescription)"))
    }
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("commentary.txt")
    do {
        try Data((text + "\n").utf8).write(to: file)
    } catch {
        return .failure(ExternalEditorError("cannot write the text for the editor: \(error.localizedDescription)"))
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", editor + " \"$1\"", "sh", file.path]
    do {
        try process.run()
        process.waitUntilExit()
    } catch {
        return .failure(ExternalEditorError("could not start the editor \"\(editor)\": \(error.localizedDescription)"))
    }
    guard process.terminationStatus == 0 else {
        return .failure(ExternalEditorError("the editor \"\(editor)\" exited with status \(process.terminationStatus); the text is unchanged"))
    }
    guard let data = try? Data(contentsOf: file) else {
        return .failure(ExternalEditorError("the editor left no file; the text is unchanged"))
    }
    return .success(String(decoding: data, as: UTF8.self))
}

/// Why the external editor gave nothing back.
/// Why `$VISUAL`/`$EDITOR` could not edit the text (it is kept as it was).
public struct ExternalEditorError: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

private extension String {
    var isBlankCommand: Bool { allSatisfy(\.isWhitespace) }
}
