import Foundation
import PlanModel

/// One email address as an owner's contact gives it: `name@example.org` or
/// `Display Name <name@example.org>`. Only what is safe to put in a header is accepted: one
/// ASCII address, no line breaks or control characters (no header injection), a domain with a dot.
/// The display name may be any text; it is encoded (RFC 2047) when written.
public struct MailAddress: Equatable, Sendable, CustomStringConvertible {
    /// The display name ("" when none).
    public internal(set) var name: String
    /// The address itself (`local@domain`), ASCII.
    public internal(set) var address: String

    init(name: String, address: String) {
        self.name = name
        self.address = address
    }

    /// Why a contact is not an address to send to, in words.
    public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Parses a contact; refuses what is not exactly one safe address, saying why.
    public init(parsing text: String) throws(Refusal) {
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw Refusal(description: "contains a line break or control character (refused: it could add headers to the message)")
        }
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty else { throw Refusal(description: "is empty") }
        var name = "", address = trimmed
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            name = String(trimmed[..<open]).trimmingSpaces()
            if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") { name = String(name.dropFirst().dropLast()) }
            address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]).trimmingSpaces()
        }
        if let problem = MailAddress.problem(with: address) { throw Refusal(description: problem) }
        if name.contains(where: { "<>\"".contains($0) }) {
            throw Refusal(description: "is more than one address, or has <, > or \" in its name")
        }
        self.name = name
        self.address = address
    }

    /// What is wrong with an address (`local@domain`), or nil.
    static func problem(with address: String) -> String? {
        guard address.unicodeScalars.allSatisfy(\.isASCII) else {
            return "is not an ASCII address (\"\(address)\"; addresses with accents cannot be sent through most relays)"
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return "is not an email address (expected one @, as in name@example.org)" }
        if address.contains(",") || address.contains(";") || address.contains(" ") || parts.count > 2 {
            return "is more than one address, or has spaces"
        }
        let local = parts[0], domain = parts[1]
        let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~.")
        guard !local.isEmpty, local.count <= 64, local.allSatisfy(atext.contains), !local.hasPrefix("."), !local.hasSuffix("."),
              !local.contains("..") else {
            return "has a name before the @ that is empty or has characters an address cannot hold"
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        let labelText = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
        guard labels.count >= 2, domain.count <= 253, labels.allSatisfy({ label in
            !label.isEmpty && label.count <= 63 && label.allSatisfy(labelText.contains) && !label.hasPrefix("-") && !label.hasSuffix("-")
        }) else {
            return "has a domain after the @ that is not a domain name (expected something like example.org)"
        }
        return nil
    }

    /// As written in the header `field` ("To"): the address alone, or the name (quoted, or
    /// encoded when not plain ASCII) and the address in angle brackets, on a folded line of its
    /// own when it would make the name's line longer than 78 characters.
    public func header(field: String) -> String {
        guard !name.isEmpty else { return address }
        let phrase = MailHeader.phrase(name)
        let lines = phrase.components(separatedBy: "\r\n")
        let lastLine = lines.count == 1 ? field.count + 2 + phrase.count : lines.last!.count
        return phrase + (lastLine + 3 + address.count > 78 ? "\r\n <" : " <") + address + ">"
    }

    public var description: String { name.isEmpty ? address : "\(name) <\(address)>" }
}

/// Header text for RFC 5322 messages: ASCII kept as it is, anything else as RFC 2047 encoded
/// words, folded so that no line is longer than 78 characters.
enum MailHeader {
    /// A display name: as it is when only letters, digits and spaces; quoted when other ASCII;
    /// encoded words when not ASCII or long (so that no line is too long).
    static func phrase(_ text: String) -> String {
        let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ")
        if text.allSatisfy(plain.contains), text.count <= 60 { return text }
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }), text.count <= 60, !text.contains("=?") {
            return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        return encodedWords(text).joined(separator: "\r\n ")
    }

    /// An unstructured header's value (a subject): printable ASCII folded at spaces so that
    /// lines stay within 78 characters; anything else as encoded words, one per folded line.
    static func unstructured(_ text: String, nameLength: Int) -> String {
        guard text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }), !text.contains("=?") else {
            return encodedWords(text).joined(separator: "\r\n ")
        }
        var lines: [String] = [], line: String?, width = nameLength + 2  // characters on the line so far
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            guard let current = line else {
                line = String(word)
                width += word.count
                continue
            }
            if width + 1 + word.count > 78, current.contains(where: { $0 != " " }) {
                lines.append(current)  // the space before the word becomes the fold's
                line = String(word)
                width = 1 + word.count
            } else {
                line = current + " " + word
                width += 1 + word.count
            }
        }
        lines.append(line ?? "")
        return lines.joined(separator: "\r\n ")
    }

    /// `=?UTF-8?B?…?=` words of at most 60 characters (36 bytes of text), never splitting a
    /// character's bytes, so that even the first, after "Subject: ", fits in 78.
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = [], chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > 36, !chunk.isEmpty {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words
    }

    private static func word(_ bytes: [UInt8]) -> String { "=?UTF-8?B?\(Data(bytes).base64EncodedString())?=" }
}
