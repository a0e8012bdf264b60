import Foundation
import ZIPFoundation

/// The ZIP container of a workbook, read defensively: only parts asked for by name are
/// extracted, each is capped in size (declared and actual), and so is the total.
struct XLSXArchive {
    private let archive: Archive
    private let entries: [String: Entry]
    private let limits: ReadLimits
    private var extracted = 0

    /// The archive is read from a temporary copy of `data` (unlinked as soon as it is open):
    /// ZIPFoundation's in-memory reading traps on an archive whose directory points past its
    /// end, while reading from a file reports an error.
    init(data: Data, limits: ReadLimits) throws(SpreadsheetError) {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-xlsx-\(UUID().uuidString)")
        do { try data.write(to: copy, options: [.atomic]) } catch {
            throw SpreadsheetError("cannot make a temporary copy of the workbook to read it: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: copy) }
        let archive: Archive
        do { archive = try Archive(url: copy, accessMode: .read) } catch {
            throw SpreadsheetError("the file is not a readable workbook (its ZIP container is damaged: \(error)); open and re-save it in Excel or LibreOffice")
        }
        var entries: [String: Entry] = [:]
        var count = 0
        for entry in archive {
            count += 1
            guard count <= 10_000 else { throw SpreadsheetError("the workbook has more than 10,000 parts; the file was not read") }
            if entries[entry.path] == nil { entries[entry.path] = entry }
        }
        self.archive = archive
        self.entries = entries
        self.limits = limits
    }

    /// Whether the container holds a part with this exact path.
    func contains(_ path: String) -> Bool { entries[path] != nil }

    /// The bytes of one part, or nil when there is no such part.
    mutating func part(_ path: String) throws(SpreadsheetError) -> Data? {
        guard let entry = entries[path], entry.type == .file else { return nil }
        let declared = entry.uncompressedSize
        guard declared <= UInt64(limits.partBytes), extracted + Int(declared) <= limits.totalBytes else {
            throw tooLarge(path)
        }
        var data = Data()
        data.reserveCapacity(Int(declared))
        let cap = min(Int(declared), limits.partBytes)
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= cap else { throw PartTooLarge() }
                data.append(chunk)
            }
        } catch is PartTooLarge {
            throw tooLarge(path)
        } catch {
            throw SpreadsheetError("\(path) cannot be decompressed (\(error)); the workbook is damaged; open and re-save it in Excel or LibreOffice")
        }
        extracted += data.count
        return data
    }

    private func tooLarge(_ path: String) -> SpreadsheetError {
        SpreadsheetError("\(path) would be larger than dplan reads (\(limits.partBytes >> 20) MB a part, \(limits.totalBytes >> 20) MB in all) once decompressed; the file was not read")
    }

    /// Resolves a relationship target against the folder of the part that names it
    /// (`worksheets/sheet1.xml` from `xl/workbook.xml` → `xl/worksheets/sheet1.xml`; a leading
    /// `/` is from the root). Nil when it climbs out of the package or is not a plain path.
    static func resolve(_ target: String, from base: String) -> String? {
        guard !target.contains("\\"), !target.contains(":"), !target.isEmpty else { return nil }
        var parts: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/").dropLast()
        for component in target.split(separator: "/") {
            switch component {
            case ".", "": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(component)
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }
}

private struct PartTooLarge: Error {}
