import Foundation

/// The text of a CSV file as Excel saves it: UTF-8 (with or without a byte-order mark), or
/// Windows-1252 ("CSV (Comma delimited)"). A file whose text is UTF-8 but for a byte or two is
/// refused at the first bad byte, not read as Windows-1252, which would garble every UTF-8
/// character in it ("£" as "Â£").
public enum CSVText {
    public static func decode(_ data: Data) throws(SpreadsheetError) -> String {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(data: bytes, encoding: .utf8) { return text }
        let survey = utf8Survey(bytes)
        if let bad = survey.firstBad, survey.multibyte {
            let at = position(of: bad, in: bytes)
            let byte = String(bytes[bytes.startIndex + bad], radix: 16, uppercase: true)
            throw SpreadsheetError("row \(at.row), column \(CellReference.letters(ofColumn: at.column)): byte \(byte) is not UTF-8, "
                + "though the file's other text is (a character saved in another encoding); correct it, or save the file "
                + "as CSV UTF-8, and import again; nothing was read")
        }
        guard let text = String(data: bytes, encoding: .windowsCP1252) else {
            throw SpreadsheetError("the file is neither UTF-8 nor Windows-1252 text")
        }
        return text
    }

    /// The offset of the first byte that is not UTF-8, and whether any character took more than
    /// one byte (which a Windows-1252 file's text would hardly ever do).
    private static func utf8Survey(_ bytes: Data) -> (firstBad: Int?, multibyte: Bool) {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0, firstBad: Int?, multibyte = false
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                multibyte = multibyte || scalar.count > 1
                offset += scalar.count
            case .error(let length):
                firstBad = firstBad ?? offset
                offset += length
            case .emptyInput:
                return (firstBad, multibyte)
            }
        }
    }

    /// The one-based row and zero-based column of the CSV field holding byte `offset`.
    private static func position(of offset: Int, in bytes: Data) -> (row: Int, column: Int) {
        var row = 1, column = 0, quoted = false
        for byte in bytes.prefix(offset) {
            switch byte {
            case UInt8(ascii: "\""): quoted.toggle()
            case UInt8(ascii: ",") where !quoted: column += 1
            case UInt8(ascii: "\n") where !quoted:
                row += 1
                column = 0
            default: break
            }
        }
        return (row, column)
    }
}
