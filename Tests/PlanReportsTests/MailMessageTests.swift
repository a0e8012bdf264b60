import Foundation
import PlanModel
@testable import PlanReports
import PropertyBased
import Testing

/// Emails as RFC 5322 and MIME want them, whatever the names and subjects hold, and contact
/// addresses that could add headers (or are not addresses at all) refused with a reason.
@Suite struct MailMessageTests {
    let date = Timestamp(iso: "2026-11-22T10:00:00Z")!

    @Test(arguments: [
        ("x@y.invalid\nBcc: victim@example.org", "line break"),
        ("x@y.invalid\r\nBcc: victim@example.org", "line break"),
        ("Police <x@y.invalid>\u{0B}", "control character"),
        ("City Hall", "not an email address"),
        ("a@b.org, c@d.org", "more than one address"),
        ("jörg@beispiel.de", "not an ASCII address"),
        ("officer@localhost", "not a domain name"),
        ("a..b@example.org", "name before the @"),
        ("\"Smith\" <j@x.org> <k@y.org>", "more than one address"),
        ("", "is empty"),
    ])
    func contactsThatAreNotOneSafeAddressAreRefusedSayingWhy(contact: String, reason: String) {
        #expect(throws: MailAddress.Refusal.self) { try MailAddress(parsing: contact) }
        do { _ = try MailAddress(parsing: contact) } catch {
            #expect(error.description.contains(reason), "\(contact.debugDescription): \(error.description)")
        }
    }

    @Test func addressesWithAndWithoutNamesAreRead() throws {
        #expect(try MailAddress(parsing: " sv@met.police.uk ") == MailAddress(name: "", address: "sv@met.police.uk"))
        #expect(try MailAddress(parsing: "Met Police <sv@met.police.uk>") == MailAddress(name: "Met Police", address: "sv@met.police.uk"))
        #expect(try MailAddress(parsing: "\"Smith, J\" <j.smith+svd@x.gov.uk>").name == "Smith, J")
        #expect(try MailAddress(parsing: "\"Smith, J\" <j.smith+svd@x.gov.uk>").header(field: "To") == "\"Smith, J\" <j.smith+svd@x.gov.uk>")
    }

    /// Characters that test the encoding: plain ASCII, quotes, "=?" (which would read as an encoded
    /// word), accents, CJK, emoji (four bytes), a combining mark, spaces.
    static let pool: [String] = ["a", "Z", "0", " ", " ", "\"", "\\", ",", "=", "?", "_", "é", "Ñ", "中", "😀", "e\u{301}", "£", "-"]
    static let text = Gen<Int>.int(in: 0...(pool.count - 1)).array(of: 0...90).map { $0.map { pool[$0] }.joined() }

    @Test func headersAreASCIILinesOfAtMost78CharactersThatDecodeToWhatWasWritten() async throws {
        let from = try MailAddress(parsing: "csp@hillingdon.gov.uk")
        await propertyCheck(count: 300, input: Self.text, Self.text) { name, subject in
            var to = MailAddress(name: "", address: "lead@example.org")
            to.name = name.trimmingSpaces().replacingOccurrences(of: "\"", with: "")
            let message = MailMessage(from: from, to: to, subject: subject, date: date, messageID: "m1@hillingdon.gov.uk",
                                      body: "Dear \(name),\nline two\r\n- \(subject)", attachments: [])
            let bytes = try #require(try? message.encoded())
            #expect(bytes.allSatisfy { $0 < 0x80 }, "not ASCII")
            let text = String(decoding: bytes, as: UTF8.self)
            let lines = text.components(separatedBy: "\r\n")
            #expect(!lines.contains { $0.contains("\n") || $0.contains("\r") }, "a bare line break")
            #expect(lines.allSatisfy { $0.count <= 78 }, "\(lines.filter { $0.count > 78 })")
            let headers = Self.headers(text)
            #expect(Self.decoded(headers["Subject"] ?? "") == subject)
            if !to.name.isEmpty {
                let value = try #require(headers["To"])
                let address = value.hasSuffix("\u{0}<lead@example.org>") || value.hasSuffix(" <lead@example.org>")
                #expect(address, "\(value)")
                #expect(Self.decoded(String(value.dropLast(" <lead@example.org>".count)), name: true) == to.name)
            }
            #expect(Self.body(text) == "Dear \(name),\r\nline two\r\n- \(subject)")
        }
    }

    @Test func aMessageTooLargeForARelayIsRefusedSayingSo() throws {
        let message = MailMessage(from: try MailAddress(parsing: "a@b.org"), to: try MailAddress(parsing: "c@d.org"), subject: "Return",
                                  date: date, messageID: "m@b.org", body: "Hello",
                                  attachments: [.init(filename: "big.xlsx", contentType: "application/octet-stream", data: Data(count: 8_000_000))])
        #expect(throws: MailMessage.Refusal.self) { try message.encoded() }
        do { _ = try message.encoded() } catch { #expect(error.description.contains("over the 10240 KB a mail relay is likely to accept")) }
        #expect((try? message.encoded(limit: 20_000_000)) != nil)
    }

    @Test func theDateIsInRFC5322FormWithItsWeekday() throws {
        let message = MailMessage(from: try MailAddress(parsing: "a@b.org"), to: try MailAddress(parsing: "c@d.org"), subject: "x",
                                  date: Timestamp(iso: "2027-02-28T23:05:09Z")!, messageID: "m@b.org", body: "")
        let text = String(decoding: try message.encoded(), as: UTF8.self)
        #expect(Self.headers(text)["Date"] == "Sun, 28 Feb 2027 23:05:09 +0000")
        #expect(Self.headers(text)["Message-ID"] == "<m@b.org>")
    }

    // MARK: - Reading back (an independent decoder: unfolding, RFC 2047 B words, base64 bodies)

    /// The top-level headers, unfolded (each fold's CRLF removed).
    static func headers(_ message: String) -> [String: String] {
        let head = message.components(separatedBy: "\r\n\r\n")[0].replacingOccurrences(of: "\r\n ", with: "\u{0}")
        var result: [String: String] = [:]
        for line in head.components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            result[String(line[..<colon])] = String(line[line.index(colon, offsetBy: 2)...])
        }
        return result
    }

    /// A header value with "\0" where it was folded: encoded words decoded (the folds between them
    /// dropped), else the folds turned back into spaces; a quoted name unquoted when `name` (a
    /// subject is unstructured: its quotes are its own).
    static func decoded(_ value: String, name: Bool = false) -> String {
        if value.hasPrefix("=?UTF-8?B?") {
            let bytes = value.components(separatedBy: "\u{0}").flatMap { word -> [UInt8] in
                Array(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))) ?? Data("<bad word \(word)>".utf8))
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        let text = value.replacingOccurrences(of: "\u{0}", with: " ")
        if name, text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 {
            return String(text.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
        }
        return text
    }

    /// The first part's base64 body, decoded.
    static func body(_ message: String) -> String {
        let parts = message.components(separatedBy: "Content-Transfer-Encoding: base64\r\n\r\n")
        guard parts.count > 1 else { return "" }
        let encoded = parts[1].components(separatedBy: "\r\n--")[0].replacingOccurrences(of: "\r\n", with: "")
        return String(decoding: Data(base64Encoded: encoded) ?? Data(), as: UTF8.self)
    }
}
