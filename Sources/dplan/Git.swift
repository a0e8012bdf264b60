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

/// Whether git has `file` as unmerged and the file is still exactly our side of that merge:
/// the merge never got as far as writing a result (its merge driver died before it could).
/// False outside a git work tree, when git is not installed, and once the merge is settled.
func mergeDidNotFinish(_ file: String) -> Bool {
    let url = URL(fileURLWithPath: file)
    var folder = url.deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path) {
        guard folder.path != "/" else { return false }
        folder.deleteLastPathComponent()
    }
    let here = url.deletingLastPathComponent().path
    // "mode blob stage\tpath" for each stage of an unmerged path; stage 2 is ours.
    let stages = quietGit(["-C", here, "ls-files", "-u", "--", url.lastPathComponent])
    guard let ours = stages.split(separator: "\n").map({ $0.split(separator: " ") }).first(where: { $0.count >= 3 && $0[2].hasPrefix("2") })
    else { return false }
    return quietGit(["-C", here, "hash-object", "--", url.lastPathComponent]) == String(ours[1])
}

/// What a git command printed (trimmed), its errors discarded; empty when git cannot run.
private func quietGit(_ arguments: [String]) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return "" }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}
