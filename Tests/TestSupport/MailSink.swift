import Foundation

/// `scripts/mail-sink` running: a real SMTP server on 127.0.0.1 that writes each message it
/// receives into a folder, with what Python's email parser reads from it (`Received`).
public final class MailSink {
    /// One message as Python's email parser read it.
    public struct Received: Decodable {
        public struct Attachment: Decodable {
            public var filename: String
            public var contentType: String
            /// Where the sink saved the decoded attachment.
            public var path: String
        }

        public var mailFrom: String
        public var rcptTos: [String]
        public var from, to, subject, date, messageID, body: String
        public var attachments: [Attachment]
        /// What the parser found wrong with the message's form (empty when it is well formed).
        public var defects: [String]
    }

    public let folder: String
    public let port: Int
    private let process: Process
    private let input: Pipe

    /// Starts the sink and waits until it says which port it listens on.
    public init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-mail-sink-\(UUID().uuidString)").path
        process = Process()
        process.executableURL = repositoryFolder.appendingPathComponent("scripts/mail-sink")
        process.arguments = [folder]
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let more = output.fileHandleForReading.availableData
            guard !more.isEmpty else { throw Failure(description: "scripts/mail-sink ended without saying its port") }
            line += more
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("port "), let port = Int(text.dropFirst(5)) else {
            throw Failure(description: "scripts/mail-sink said \"\(text)\", not its port")
        }
        self.port = port
    }

    /// Every message received so far, in the order they arrived.
    public func received() throws -> [Received] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") }
        return try names.sorted { Int($0.dropLast(5))! < Int($1.dropLast(5))! }.map { name in
            try JSONDecoder().decode(Received.self, from: Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name)")))
        }
    }

    /// An msmtp configuration file (mode 0600, as msmtp insists) that sends to this sink from `from`.
    public func msmtpConfiguration(from: String) throws -> String {
        let path = "\(folder).msmtprc"
        let text = "defaults\nauth off\ntls off\naccount default\nhost 127.0.0.1\nport \(port)\nfrom \(from)\n"
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw Failure(description: "\(path): could not be written")
        }
        return path
    }

    /// Stops the server (closing its input ends it) and waits for it to exit.
    public func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    deinit { stop() }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }
}
