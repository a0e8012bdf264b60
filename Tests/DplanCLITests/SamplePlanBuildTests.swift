import Foundation
import TestSupport
import Testing

private let buildFolder = repositoryRoot.appendingPathComponent("plans/build")

/// A command that could write JSON by hand, at the start of a line or after ; | & or $(.
private let textTool = try! NSRegularExpression(pattern: #"(^|[;|&(]\s*)(sed|echo|printf|jq|python3?|perl|awk|cat|tee|dd)\b"#)
/// An output redirection other than to /dev/null.
private let redirect = try! NSRegularExpression(pattern: #">(?!\s*/dev/null)"#)

/// The build scripts in plans/build (common.sh is sourced by them, not run).
private func buildScripts() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: buildFolder.path).filter { $0.hasSuffix(".sh") && $0 != "common.sh" }.sorted()
}

/// Runs a build script with the built dplan, writing to `output`.
private func runBuild(_ script: String, to output: String) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = [buildFolder.appendingPathComponent(script).path, output]
    process.currentDirectoryURL = repositoryRoot
    var environment = ProcessInfo.processInfo.environment
    environment["DPLAN"] = dplanBinary().path
    environment["DPLAN_NOW"] = "2030-01-01T00:00:00Z"  // the scripts set their own clock; this one must not leak in
    process.environment = environment
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(status: process.terminationStatus, stdout: "", stderr: String(decoding: errData, as: UTF8.self))
}

/// Every sample plan built by a script is rebuilt from its script and equals the committed file
/// byte for byte: proof that the command line can express each source strategy with no hand edits.
@Suite struct SamplePlanBuildTests {
    @Test func everyBuildScriptRebuildsItsCommittedPlanByteForByte() throws {
        let scripts = try buildScripts()
        #expect(scripts.count >= 3)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-build-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for script in scripts {
            let name = (script as NSString).deletingPathExtension
            let output = folder.appendingPathComponent(name + ".json").path
            let run = try runBuild(script, to: output)
            #expect(run.status == 0, "\(script): \(run.stderr)")
            let committed = try Data(contentsOf: repositoryRoot.appendingPathComponent("plans/\(name).json"))
            let rebuilt = try Data(contentsOf: URL(fileURLWithPath: output))
            #expect(rebuilt == committed, "\(script) no longer builds plans/\(name).json; run it and read the diff")
        }
    }

    /// The scripts change the plan only through dplan: no JSON written by hand, no text tools.
    @Test func buildScriptsUseOnlyDplanCommands() throws {
        for script in try buildScripts() + ["common.sh"] {
            let text = try String(contentsOf: buildFolder.appendingPathComponent(script), encoding: .utf8)
            for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
                let line = String(line)
                let range = NSRange(line.startIndex..., in: line)
                #expect(textTool.firstMatch(in: line, range: range) == nil, "\(script) runs a text tool: \(line)")
                #expect(redirect.firstMatch(in: line, range: range) == nil, "\(script) writes a file other than through dplan: \(line)")
            }
        }
    }

    /// Every sample plan validates, exports, and can have a quarter closed.
    @Test func everySamplePlanValidatesExportsAndClosesAQuarter() throws {
        let plans = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("plans").path)
            .filter { $0.hasSuffix(".json") }
        #expect(plans.count == 5)
        for name in plans {
            let copy = try temporaryCopy(of: repositoryRoot.appendingPathComponent("plans/\(name)").path)
            #expect(try runDplan(["validate", copy]).status == 0, "\(name)")
            let html = copy + ".html"
            let export = try runDplan(["export", copy, "--format", "html", "-o", html])
            #expect(export.status == 0 && FileManager.default.fileExists(atPath: html), "\(name): \(export.stderr)")
            // Every sample's period has ended by 2030, so its last quarter can be closed.
            let close = try runDplan(["review", "close", copy, lastQuarter(of: copy), "--board", "Board"], now: "2030-01-10T09:00:00Z")
            #expect(close.status == 0, "\(name): \(close.stderr)")
            #expect(try runDplan(["validate", copy]).status == 0)
        }
    }
}

/// The last quarter of a plan's period, as `dplan plan set` reports it (from the period end).
private func lastQuarter(of path: String) throws -> String {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    let end = ((object?["period"] as? [String: Any])?["end"] as? String) ?? ""
    let year = Int(end.prefix(4)) ?? 0, month = Int(end.dropFirst(5).prefix(2)) ?? 0
    let start = month >= 4 ? year : year - 1
    let number = month >= 4 ? (month - 4) / 3 + 1 : 4
    return "\(start)/\(String(format: "%02d", (start + 1) % 100)) Q\(number)"
}
