import Foundation

/// The built-in export formats.
public enum ReportFormat: String, CaseIterable, Sendable {
    case markdown, html, csv, json, xlsx

    /// File name extension for the format.
    public var fileExtension: String { self == .markdown ? "md" : rawValue }
}

extension Report {
    /// The report in a built-in format, as the bytes to write.
    public func rendered(as format: ReportFormat, excel: Bool = false) throws -> Data {
        switch format {
        case .markdown: return Data(markdown().utf8)
        case .html: return Data(html().utf8)
        case .csv: return try csv(excel: excel)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return try encoder.encode(self) + Data("\n".utf8)
        case .xlsx: return try xlsx()
        }
    }
}
