import Foundation

/// The built-in export formats.
public enum ReportFormat: String, CaseIterable, Sendable {
    case markdown, html, csv, json, xlsx
    /// The HTML paper printed by a Chromium-family browser, and the Markdown paper made into a
    /// Word document by pandoc (`ExternalPrograms` finds them).
    case pdf, docx

    /// Made by a program outside dplan (a browser, pandoc) from one of the text formats.
    public var needsExternalProgram: Bool { self == .pdf || self == .docx }

    /// File name extension for the format.
    public var fileExtension: String { self == .markdown ? "md" : rawValue }
}

extension Report {
    /// The report in a built-in format, as the bytes to write.
    public func rendered(as format: ReportFormat, excel: Bool = false, programs: ExternalPrograms = ExternalPrograms()) throws -> Data {
        switch format {
        case .pdf: return try pdf(programs: programs)
        case .docx: return try docx(programs: programs)
        case .markdown: return Data(markdown().utf8)
        case .html: return Data(html().utf8)
        case .csv: return try csv(excel: excel)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return escapingInvisibleControls(try encoder.encode(self)) + Data("\n".utf8)
        case .xlsx: return try xlsx()
        }
    }
}
