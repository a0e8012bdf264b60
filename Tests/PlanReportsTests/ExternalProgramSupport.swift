import Foundation
import Testing

/// A program a test needs from outside (Chromium, pdftotext, pandoc, unzip), or nil when it is
/// not installed: the test then skips with a printed reason, except under `CI=true`, where a
/// missing program is a failure (`.ci/run` installs them).
func requiredProgram(_ name: String, package: String, for purpose: String) -> String? {
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let path = "\(folder)/\(name)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    let reason = "\(name) is not installed (Debian package \(package)), so \(purpose) is not checked"
    if ProcessInfo.processInfo.environment["CI"] == "true" {
        Issue.record("\(reason); CI must install it (.ci/run does)")
    } else {
        print("skipped: \(reason)")
    }
    return nil
}

/// Runs a program and returns what it printed on standard output; a failure is an error.
func output(of program: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    struct Failed: Error, CustomStringConvertible { var description: String }
    guard process.terminationStatus == 0 else { throw Failed(description: "\(program) \(arguments.joined(separator: " ")) exited \(process.terminationStatus)") }
    return String(decoding: data, as: UTF8.self)
}
