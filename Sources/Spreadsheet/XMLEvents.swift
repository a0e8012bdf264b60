import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A SAX walk over one XML part: element starts (local name, attributes by local name), ends
/// and text. Parts with a document type declaration are refused before parsing, so no entity
/// is ever defined, let alone expanded (a workbook never needs one); external entities are off.
final class XMLEvents: NSObject, XMLParserDelegate {
    private let start: (String, [String: String]) throws -> Void
    private let end: (String) throws -> Void
    private let text: (String) -> Void
    private var failure: Error?

    private init(start: @escaping (String, [String: String]) throws -> Void, end: @escaping (String) throws -> Void,
                 text: @escaping (String) -> Void) {
        self.start = start
        self.end = end
        self.text = text
    }

    /// Parses `data` (the part named `part`, for messages), calling the handlers in document order.
    static func walk(_ data: Data, part: String, start: @escaping (String, [String: String]) throws -> Void,
                     end: @escaping (String) throws -> Void = { _ in }, text: @escaping (String) -> Void = { _ in }) throws(SpreadsheetError) {
        if declaresDocumentType(data) {
            throw SpreadsheetError("\(part) declares a document type or entities, which workbooks never do; the file was not read")
        }
        let events = XMLEvents(start: start, end: end, text: text)
        // From a stream, so the parser takes the part in chunks: given all of it at once, libxml2
        // refuses a part longer than 10 MB on one line (as workbooks are written) as "huge input".
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = events
        let ok = parser.parse()
        if let failure = events.failure {
            if let failure = failure as? SpreadsheetError { throw failure }
            throw SpreadsheetError("\(part): \(failure)")
        }
        guard ok else {
            // Where is what helps; the parser's own text is "The operation could not be completed" here.
            throw SpreadsheetError("\(part) is not well-formed XML (line \(parser.lineNumber), column \(parser.columnNumber)); the workbook may be damaged")
        }
    }

    /// Whether a part holds a document type or entity declaration, in whichever encoding it is
    /// written: UTF-8, or UTF-16 or UTF-32 either way round (a byte-order mark or the zero bytes
    /// around its first `<` say which), so a part in another encoding cannot slip one past.
    static func declaresDocumentType(_ data: Data) -> Bool {
        let markers = ["<!DOCTYPE", "<!ENTITY"]
        if markers.contains(where: { data.range(of: Data($0.utf8)) != nil }) { return true }
        let encodings: [String.Encoding] = [.utf16LittleEndian, .utf16BigEndian, .utf32LittleEndian, .utf32BigEndian]
        let head = Array(data.prefix(4))
        guard head.contains(0) || head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) else { return false }
        for encoding in encodings {
            guard let text = String(data: data, encoding: encoding) else { continue }
            if markers.contains(where: { text.range(of: $0, options: .caseInsensitive) != nil }) { return true }
        }
        return false
    }

    private static func local(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        guard failure == nil else { return }
        var local: [String: String] = [:]
        for (key, value) in attributes {
            // Keep `r:id` reachable as "id" unless the element has its own `id`.
            let name = XMLEvents.local(key)
            if local[name] == nil || !key.contains(":") { local[name] = value }
        }
        do { try start(XMLEvents.local(elementName), local) } catch { stop(parser, error) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard failure == nil else { return }
        do { try end(XMLEvents.local(elementName)) } catch { stop(parser, error) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard failure == nil else { return }
        text(string)
    }

    private func stop(_ parser: XMLParser, _ error: Error) {
        failure = error
        parser.abortParsing()
    }
}
