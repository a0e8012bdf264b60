import Foundation
import TestSupport
import Testing

let hillingdonPlan = repositoryRoot.appendingPathComponent("plans/hillingdon-serious-violence-2024-27.json").path

struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs dplan with a fixed clock and user so output is reproducible.
func runDplan(_ arguments: [String], now: String = "2026-11-22T10:00:00Z", environment extra: [String: String] = [:],
              in directory: String? = nil) throws -> RunResult {
    let process = Process()
    process.executableURL = dplanBinary()
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["DPLAN_NOW"] = now
    environment["DPLAN_USER"] = "Test Officer"
    for (key, value) in extra { environment[key] = value }
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self))
}

/// A copy of a file in a fresh temporary folder.
func temporaryCopy(of path: String) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let copy = folder.appendingPathComponent((path as NSString).lastPathComponent).path
    try FileManager.default.copyItem(atPath: path, toPath: copy)
    return copy
}

/// Line numbers (0-based) where two texts differ, comparing line by line after aligning the
/// common prefix and suffix.
func changedLineRanges(from old: String, to new: String) -> (old: Range<Int>, new: Range<Int>) {
    let a = old.split(separator: "\n", omittingEmptySubsequences: false)
    let b = new.split(separator: "\n", omittingEmptySubsequences: false)
    var prefix = 0
    while prefix < min(a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < min(a.count, b.count) - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
    return (prefix..<(a.count - suffix), prefix..<(b.count - suffix))
}

/// Starts `script` under `/bin/sh` as its own process, with `$0` the dplan binary and `$1`… the
/// `arguments`, as `user` at the fixed test clock; its standard output comes back through the pipe.
func startShellLoop(_ script: String, _ arguments: [String], user: String) throws -> (Process, Pipe) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script, dplanBinary().path] + arguments
    process.environment = ProcessInfo.processInfo.environment.merging(
        ["DPLAN_NOW": "2026-11-22T10:00:00Z", "DPLAN_USER": user]) { _, new in new }
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    return (process, output)
}
