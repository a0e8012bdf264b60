import Foundation
import TestSupport
import Testing

/// Output that cannot be written — a full disk (`/dev/full`), a closed descriptor — is an error
/// with a message and exit 1 for every command: export once crashed (a trap in FileHandle.write),
/// and list, show and chase reported success with their output lost.
@Suite struct StandardOutputCLITests {
    /// Runs dplan through the shell with its standard output sent to `redirection`.
    private func run(_ arguments: [String], stdout redirection: String) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec \"$0\" \"$@\" \(redirection)", dplanBinary().path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["DPLAN_NOW"] = "2026-11-22T10:00:00Z"
        process.environment = environment
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, message)
    }

    static let commands: [[String]] = [
        ["export", hillingdonPlan, "--format", "csv", "-o", "-"],
        ["export", hillingdonPlan, "--format", "markdown", "-o", "-"],
        ["export", hillingdonPlan, "--format", "json", "-o", "-"],
        ["list", hillingdonPlan], ["show", hillingdonPlan, "SEC-06"], ["chase", hillingdonPlan], ["validate", hillingdonPlan],
    ]

    @Test(arguments: commands)
    func aFullDiskOrAClosedOutputIsAnErrorNeverACrashOrASuccess(_ arguments: [String]) throws {
        let full = try run(arguments, stdout: "> /dev/full")
        #expect(full.status == 1, "\(arguments): \(full.stderr)")
        #expect(full.stderr.contains("cannot write to standard output (No space left on device)"), "\(full.stderr)")
        let closed = try run(arguments, stdout: ">&-")
        #expect(closed.status == 1, "\(arguments): \(closed.stderr)")
        #expect(closed.stderr.contains("cannot write to standard output (Bad file descriptor)"), "\(closed.stderr)")
        let fine = try run(arguments, stdout: "> /dev/null")
        #expect(fine.status == 0 && fine.stderr.isEmpty, "\(arguments): \(fine.stderr)")
    }
}
