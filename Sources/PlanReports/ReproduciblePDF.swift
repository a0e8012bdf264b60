import Foundation
import PlanModel

/// A PDF as Chromium prints it, made reproducible: the same paper gives the same bytes. Chromium
/// stamps the moment it printed (`/CreationDate`, `/ModDate`), and names the tagged structure's
/// elements after the page's DOM nodes (`/ID (node00000017)`), whose numbers vary from run to
/// run. The dates become `madeAt` (the paper's date) and each element is named after its object
/// number instead. Every replacement keeps its length, so the cross-reference offsets stay
/// right; a file not shaped as expected is left as it is.
func reproducible(pdf: Data, madeAt: Timestamp) -> Data {
    guard var text = String(data: pdf, encoding: .isoLatin1) else { return pdf }  // one character per byte
    text = pinningDates(text, to: madeAt)
    text = renamingStructureIDs(text) ?? text
    return text.data(using: .isoLatin1) ?? pdf
}

/// `/CreationDate (D:20261206223729+00'00')` and `/ModDate (…)` set to `time` in UTC.
private func pinningDates(_ text: String, to time: Timestamp) -> String {
    let digits = time.description.filter(\.isNumber)  // 2026-12-06T22:37:29Z → 20261206223729
    let pattern = #"/(CreationDate|ModDate) \(D:[0-9]{14}[+-][0-9]{2}'[0-9]{2}'\)"#
    guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
    return regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "/$1 (D:\(digits)+00'00')")
}

/// The structure elements' ids renamed after the objects they name (`node` + the object number
/// in eight digits), with the id tree's `/Names` (kept sorted by id) and `/Limits` rewritten to
/// match; nil when the file has no id tree of the expected shape.
private func renamingStructureIDs(_ text: String) -> String? {
    guard let names = try? NSRegularExpression(pattern: #"/Names \[((?:\(node[0-9]{8}\) [0-9]{1,8} 0 R ?)+)\]"#),
          let pair = try? NSRegularExpression(pattern: #"\((node[0-9]{8})\) ([0-9]+) 0 R"#),
          let id = try? NSRegularExpression(pattern: #"\(node[0-9]{8}\)"#),
          let limits = try? NSRegularExpression(pattern: #"/Limits \[\(node[0-9]{8}\) \(node[0-9]{8}\)\]"#) else { return nil }
    let pdf = NSMutableString(string: text)
    let found = names.matches(in: text, range: NSRange(location: 0, length: pdf.length))
    guard found.count == 1 else { return nil }
    let list = found[0].range(at: 1)
    var renamed: [String: String] = [:]
    var entries: [String] = []
    for match in pair.matches(in: text, range: list) {
        let object = pdf.substring(with: match.range(at: 2))
        let new = "node" + String(repeating: "0", count: 8 - object.count) + object
        renamed[pdf.substring(with: match.range(at: 1))] = new
        entries.append("(\(new)) \(object) 0 R")
    }
    let sorted = entries.sorted().joined(separator: " ")
    guard sorted.utf16.count == list.length, let first = entries.min()?.prefix(14), let last = entries.max()?.prefix(14) else { return nil }
    // Every id in place (the same length), then the id tree in its new order.
    for match in id.matches(in: text, range: NSRange(location: 0, length: pdf.length)) {
        let key = pdf.substring(with: NSRange(location: match.range.location + 1, length: match.range.length - 2))
        if let new = renamed[key] { pdf.replaceCharacters(in: match.range, with: "(\(new))") }
    }
    pdf.replaceCharacters(in: list, with: sorted)
    let limitText = NSRegularExpression.escapedTemplate(for: "/Limits [\(first) \(last)]")
    _ = limits.replaceMatches(in: pdf, range: NSRange(location: 0, length: pdf.length), withTemplate: limitText)
    return pdf as String
}
