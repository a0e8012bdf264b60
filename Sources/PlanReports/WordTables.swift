import Foundation
import ZIPFoundation

/// What pandoc cannot say in a Word table, added to the document it made: each status cell
/// ("R Red", or a lone letter in the status-by-quarter table) shaded in its status's colour, the
/// letter and word kept, light enough for black text; and an action's details row (outcome,
/// partners, funding, themes, asks of the board: the row after the action's, its first cell and
/// last cells empty) made one cell across the columns after the first, so the action's own row
/// stays short.
///
/// pandoc writes every cell as `<w:tc><w:tcPr />…</w:tc>` (no nested tables); that empty
/// property element is where the shading or span goes.
enum WordTables {
    /// Light fills (black text on each has a contrast ratio over 12:1), by status letter.
    static let fills = ["R": "FFC7CE", "A": "FFEB9C", "G": "C6EFCE", "C": "BDD7EE", "N": "EDEDED"]

    /// `document` (word/document.xml) with status cells shaded and details rows spanned.
    /// `statuses` are the letters and the plan's words ("R", "Red").
    static func finish(_ document: String, statuses: [(letter: String, label: String)]) -> String {
        var shading: [String: String] = [:]
        for (letter, label) in statuses {
            guard let fill = fills[letter] else { continue }
            shading[letter] = fill
            shading[xmlEscaped("\(letter) \(label)")] = fill
        }
        let rows = document.components(separatedBy: "<w:tr>")
        return rows.first! + rows.dropFirst().map { "<w:tr>" + finishRow($0, shading: shading) }.joined()
    }

    /// One row (what follows its `<w:tr>`, to the next row).
    private static func finishRow(_ row: String, shading: [String: String]) -> String {
        var cells = row.components(separatedBy: "<w:tc>")
        let texts = cells.dropFirst().map(cellText)
        if texts.count >= 3, texts[0].isEmpty, !texts[1].isEmpty, texts[2...].allSatisfy(\.isEmpty) {
            let span = "<w:tcPr><w:gridSpan w:val=\"\(texts.count - 1)\" /></w:tcPr>"
            let last = cells[cells.count - 1]
            let after = last.range(of: "</w:tc>").map { String(last[$0.upperBound...]) } ?? ""
            return cells[0] + "<w:tc>" + cells[1] + "<w:tc>" + cells[2].replacingFirst("<w:tcPr />", with: span)
                .components(separatedBy: "</w:tc>")[0] + "</w:tc>" + after
        }
        for index in cells.indices.dropFirst() {
            if let fill = shading[texts[index - 1]] {
                cells[index] = cells[index].replacingFirst("<w:tcPr />", with: "<w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(fill)\" /></w:tcPr>")
            }
        }
        return cells.joined(separator: "<w:tc>")
    }

    /// The text of a cell as written in the XML (entities left escaped), runs joined, trimmed.
    private static func cellText(_ cell: String) -> String {
        let inCell = cell.components(separatedBy: "</w:tc>")[0]
        var text = ""
        for piece in inCell.components(separatedBy: "<w:t").dropFirst() {
            guard piece.hasPrefix(">") || piece.hasPrefix(" "), let open = piece.firstIndex(of: ">"),
                  let close = piece.range(of: "</w:t>") else { continue }
            text += piece[piece.index(after: open)..<close.lowerBound]
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    private static func xmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// The styles part (word/styles.xml) of the Word document at `path`.
    static func styles(of path: String) throws -> String {
        let fail = { (why: String) in ConversionError(description: "--reference-doc \(path): \(why) (give a Word .docx file whose styles the paper should take)") }
        guard let data = FileManager.default.contents(atPath: path) else { throw fail("cannot be read") }
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch { throw fail("not a Word document with styles") }
        guard let entry = archive["word/styles.xml"] else { throw fail("not a Word document with styles") }
        var styles = Data()
        guard (try? archive.extract(entry) { styles.append($0) }) != nil, styles.count < 10_000_000,
              let text = String(data: styles, encoding: .utf8), text.contains("</w:styles>") else { throw fail("its styles cannot be read") }
        return text
    }

    /// The Word package `docx` with its document part finished, written again as a stored zip
    /// with fixed dates (`WordReference.zip`), the parts in their order.
    static func finishPackage(_ docx: Data, statuses: [(letter: String, label: String)]) throws -> Data {
        let archive: Archive
        do { archive = try Archive(data: docx, accessMode: .read) } catch {
            throw ConversionError(description: "making the Word document: pandoc's document cannot be read (\(error))")
        }
        var parts: [(String, Data)] = []
        for entry in archive where entry.type == .file {
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            if entry.path == "word/document.xml" {
                data = Data(finish(String(decoding: data, as: UTF8.self), statuses: statuses).utf8)
            }
            parts.append((entry.path, data))
        }
        return WordReference.zip(parts)
    }
}

private extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
