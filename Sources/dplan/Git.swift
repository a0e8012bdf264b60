import Foundation
import PlanApp

/// What a git command printed and how it ended.
struct GitResult {
    var status: Int32
    var output: String
}

/// Runs `git` (found on PATH) in the current folder; standard error is passed through.
func git(_ arguments: [String]) throws -> GitResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    let out = Pipe()
    process.standardOutput = out
    do { try process.run() } catch { throw DplanError.refused("cannot run git: \(error.localizedDescription)") }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return GitResult(status: process.terminationStatus,
                     output: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
}
