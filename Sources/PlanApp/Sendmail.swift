import Foundation
import PlanReports

/// A sendmail-compatible program (`sendmail -t`, `msmtp -t`) that hands messages to a mail relay:
/// the message on standard input, its recipients read from its headers.
public struct Sendmail: Sendable {
    /// The program and the words given with it, before the `-t` added.
    public var command: [String]
    /// How long one message may take before the program is stopped and the message counted as
    /// not sent (a relay that accepts the connection and never answers would otherwise hang).
    public var timeout: TimeInterval = 60

    /// Why a message was not handed over: the program's own words and status.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// `text` split into words at spaces ("msmtp -C /etc/msmtprc"); nil when empty.
    public init?(command text: String) {
        let words = text.split(separator: " ").map(String.init)
        guard !words.isEmpty else { return nil }
        command = words
    }

    /// The program to use: `option`, else `$DPLAN_SENDMAIL`, else `sendmail` or `msmtp` found
    /// on the PATH (in that order); nil when none.
    public static func configured(_ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> Sendmail? {
        if let option { return Sendmail(command: option) }
        if let text = environment["DPLAN_SENDMAIL"], let program = Sendmail(command: text) { return program }
        let folders = (environment["PATH"] ?? "/usr/sbin:/usr/bin:/bin").split(separator: ":") + ["/usr/sbin", "/usr/lib"]
        for name in ["sendmail", "msmtp"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return Sendmail(command: "\(folder)/\(name)")
            }
        }
        return nil
    }

    /// Hands one message over; throws with the program's error output when it does not exit 0.
    /// The message goes in, and what the program says comes out, through temporary files, so
    /// neither side can wait on the other's full pipe.
    public func send(_ message: Data) throws(Failure) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-mail-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let messageFile = folder.appendingPathComponent("message.eml"), outputFile = folder.appendingPathComponent("output.txt")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0].contains("/") ? command[0] : "/usr/bin/env")
        process.arguments = (command[0].contains("/") ? Array(command.dropFirst()) : command) + ["-t"]
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try message.write(to: messageFile)
            try Data().write(to: outputFile)
            process.standardInput = try FileHandle(forReadingFrom: messageFile)
            let output = try FileHandle(forWritingTo: outputFile)
            process.standardOutput = output
            process.standardError = output
            try process.run()
        } catch {
            throw Failure(description: "\(command[0]) could not be started: \(error.localizedDescription)")
        }
        guard waitForExit(process, timeout: timeout) else {
            throw Failure(description: "\(command.joined(separator: " ")) -t did not finish within \(Int(timeout)) seconds and was stopped; "
                          + "the message may not have been sent")
        }
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let said = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
            let words = said.trimmingCharacters(in: .whitespacesAndNewlines)
            let how = process.terminationReason == .exit ? "exit status" : "signal"
            throw Failure(description: "\(command.joined(separator: " ")) -t failed (\(how) \(process.terminationStatus))"
                          + (words.isEmpty ? "" : ": \(words)"))
        }
    }
}
