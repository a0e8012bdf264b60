import Foundation
import PlanModel

/// An email as RFC 5322 and MIME write it: CRLF line ends, headers in ASCII (names and subject
/// encoded per RFC 2047), a `Date` and a `Message-ID`, a UTF-8 plain-text body and attachments,
/// both in base64. What `.eml` files hold and what a sendmail-compatible program reads with `-t`.
public struct MailMessage: Sendable {
    /// A file carried by the message.
    public struct Attachment: Sendable {
        /// The file's name: letters, digits, `.`, `-` and `_` only (a return's slug); non-ASCII
        /// letters are written as RFC 2231 says.
        public var filename: String
        public var contentType: String
        public var data: Data

        public init(filename: String, contentType: String, data: Data) {
            self.filename = filename
            self.contentType = contentType
            self.data = data
        }
    }

    /// Why a message cannot be made, in words.
    public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The largest message made (10 MB, encoded): many council relays refuse larger ones.
    public static let largestSize = 10 * 1024 * 1024

    public var from: MailAddress
    public var to: MailAddress
    public var subject: String
    public var date: Timestamp
    /// Without angle brackets: `unique@domain`.
    public var messageID: String
    public var body: String
    public var attachments: [Attachment]

    public init(from: MailAddress, to: MailAddress, subject: String, date: Timestamp, messageID: String, body: String,
                attachments: [Attachment] = []) {
        self.from = from
        self.to = to
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.body = body
        self.attachments = attachments
    }

    /// A new message id at the sender's domain.
    public static func newMessageID(from: MailAddress) -> String {
        let domain = from.address.split(separator: "@").last.map(String.init) ?? "dplan.invalid"
        return "dplan.\(UUID().uuidString.lowercased())@\(domain)"
    }

    /// The message's bytes; refused when an attachment's name is unsafe or the message would
    /// be larger than `limit` bytes.
    public func encoded(limit: Int = MailMessage.largestSize) throws(Refusal) -> Data {
        for attachment in attachments where attachment.filename.isEmpty
            || !attachment.filename.allSatisfy({ $0.isLetter || $0.isNumber || ".-_".contains($0) }) {
            throw Refusal(description: "the attachment name \"\(attachment.filename)\" is not a safe file name")
        }
        let estimate = attachments.reduce(body.utf8.count) { $0 + $1.data.count } * 4 / 3
        guard estimate <= limit else {
            throw Refusal(description: "the message would be \(estimate / 1024) KB, over the \(limit / 1024) KB a mail relay is "
                          + "likely to accept (nothing was sent); send this return another way")
        }
        let boundary = "=_dplan_" + messageID.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
            .map(String.init).joined().prefix(40)
        var lines = [
            "From: \(from.header(field: "From"))",
            "To: \(to.header(field: "To"))",
            "Subject: \(MailHeader.unstructured(subject, nameLength: "Subject".count))",
            "Date: \(MailMessage.rfc5322Date(date))",
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"\(boundary)\"",
            "",
            "This is a message in MIME format.",
            "--\(boundary)",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: base64",
            "",
        ]
        lines += MailMessage.base64Lines(Data(body.replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\n", with: "\r\n").utf8))
        for attachment in attachments {
            lines += [
                "--\(boundary)",
                "Content-Type: \(attachment.contentType)\(attachment.filename.unicodeScalars.allSatisfy(\.isASCII) ? "; name=\"\(attachment.filename)\"" : "")",
                "Content-Disposition: attachment; \(MailMessage.filenameParameter(attachment.filename))",
                "Content-Transfer-Encoding: base64",
                "",
            ]
            lines += MailMessage.base64Lines(attachment.data)
        }
        lines.append("--\(boundary)--")
        return Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// `filename="x.xlsx"`, or for a name with non-ASCII letters `filename*=UTF-8''%C3%A9.xlsx` (RFC 2231).
    static func filenameParameter(_ name: String) -> String {
        if name.unicodeScalars.allSatisfy(\.isASCII) { return "filename=\"\(name)\"" }
        let encoded = name.utf8.map { byte in
            (byte < 0x80 && (Character(UnicodeScalar(byte)).isLetter || Character(UnicodeScalar(byte)).isNumber || ".-_".utf8.contains(byte)))
                ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
        }.joined()
        return "filename*=UTF-8''\(encoded)"
    }

    /// Base64 in lines of 76 characters.
    static func base64Lines(_ data: Data) -> [String] {
        let text = data.base64EncodedString()
        var lines: [String] = []
        var start = text.startIndex
        while start < text.endIndex {
            let end = text.index(start, offsetBy: 76, limitedBy: text.endIndex) ?? text.endIndex
            lines.append(String(text[start..<end]))
            start = end
        }
        return lines
    }

    /// "Sun, 22 Nov 2026 10:00:00 +0000".
    static func rfc5322Date(_ time: Timestamp) -> String {
        let day = time.day
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = weekdays[((day.daysSinceEpoch + 4) % 7 + 7) % 7]
        let seconds = ((time.secondsSinceEpoch % 86_400) + 86_400) % 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(weekday), \(day.day) \(months[day.month - 1]) \(day.year) \(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60)) +0000"
    }
}
