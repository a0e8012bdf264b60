import Foundation

/// JSON text with the invisible controls a terminal or editor would act on — C1 controls
/// (U+007F–U+009F, U+009B being a one-byte CSI) and bidirectional overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069) — written as `\uXXXX` escapes: the same strings to a JSON
/// reader, but nothing that reorders or drives a terminal when the file is viewed. Such characters
/// can only stand inside JSON strings, where the escape is valid.
public func escapingInvisibleControls(_ json: Data) -> Data {
    let text = String(decoding: json, as: UTF8.self)
    func invisible(_ v: UInt32) -> Bool { (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) }
    guard text.unicodeScalars.contains(where: { invisible($0.value) }) else { return json }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        if invisible(scalar.value) {
            out.append(contentsOf: String(format: "\\u%04X", scalar.value).unicodeScalars)
        } else {
            out.append(scalar)
        }
    }
    return Data(String(out).utf8)
}
