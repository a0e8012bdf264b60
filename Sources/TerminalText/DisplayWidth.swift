/// Terminal display width of text, measured in cells as a terminal draws it: most characters take
/// one cell, East Asian wide and fullwidth characters and emoji take two, combining marks none.
public func displayWidth(_ text: some StringProtocol) -> Int {
    // ASCII (most text) by bytes: one cell each, none for control characters.
    var asciiWidth = 0
    var ascii = true
    for byte in text.utf8 {
        if byte >= 0x80 {
            ascii = false
            break
        }
        if byte >= 0x20 && byte != 0x7F { asciiWidth += 1 }
    }
    if ascii { return asciiWidth }
    var width = 0
    for character in text { width += displayWidth(character) }
    return width
}

/// Cells one grapheme cluster takes on a terminal.
///
/// Outside emoji, a terminal (and ncurses, which moves the cursor) gives each code point its own
/// width, as the C library's `wcwidth` does, and adds them up: in Punjabi "ਜਾ" the vowel sign
/// ਾ is a spacing mark with a cell of its own, so the cluster takes two cells, and Devanagari
/// "क्ष" takes two. An emoji cluster (skin tone, flag, family, U+FE0F) is taken as one picture two
/// cells wide, as terminals that join them draw it.
public func displayWidth(_ character: Character) -> Int {
    if character.isASCII { return character.asciiValue! < 0x20 || character.asciiValue! == 0x7F ? 0 : 1 }
    let scalars = character.unicodeScalars
    if scalars.contains(where: { $0.value == 0xFE0F || $0.properties.isEmojiPresentation }) { return 2 }
    return scalars.reduce(0) { $0 + scalarWidth($1) }
}

private func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control: return 0
    default: break
    }
    // Zero width space; Hangul vowels and final consonants, drawn in the leading consonant's cells.
    if v == 0x200B || (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return 0 }
    return isWide(v) ? 2 : 1
}

/// East Asian Wide (W) and Fullwidth (F) ranges, the blocks that matter in practice.
private func isWide(_ v: UInt32) -> Bool {
    switch v {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
         0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
         0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
        return true
    default:
        return false
    }
}

/// Cuts text to at most `width` cells, ending with "…" when anything was cut. Never splits a
/// wide character: a two-cell character that would not fit is dropped whole.
public func truncated(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
    guard width > 0 else { return "" }
    if displayWidth(text) <= width { return text }
    let room = width - displayWidth(ellipsis)
    guard room >= 0 else { return "" }
    var used = 0
    var result = ""
    for character in text {
        let w = displayWidth(character)
        if used + w > room { break }
        used += w
        result.append(character)
    }
    return result + ellipsis
}

/// Truncates (with an ellipsis) or pads with spaces so the text takes exactly `width` cells.
public func fitted(_ text: String, toWidth width: Int, alignRight: Bool = false) -> String {
    let cut = truncated(text, toWidth: width)
    let padding = String(repeating: " ", count: max(0, width - displayWidth(cut)))
    return alignRight ? padding + cut : cut + padding
}

/// Splits text into lines of at most `width` cells, breaking at spaces where possible.
public func wrapped(_ text: String, toWidth width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
        var word = String(word)
        var wordWidth = displayWidth(word)
        if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
            line += " " + word
            lineWidth += 1 + wordWidth
            continue
        }
        if lineWidth > 0 { lines.append(line); line = ""; lineWidth = 0 }
        while wordWidth > width {  // a word longer than a line is split by cells
            var head = ""
            var headWidth = 0
            for character in word {
                let w = displayWidth(character)
                if headWidth + w > width { break }
                head.append(character)
                headWidth += w
            }
            lines.append(head)
            word.removeFirst(head.count)
            wordWidth -= headWidth
        }
        line = word
        lineWidth = wordWidth
    }
    if lineWidth > 0 || lines.isEmpty { lines.append(line) }
    return lines
}

/// Text as written, made safe and wrapped to `width` cells: each line break starts a new line,
/// blank lines are kept (one for several), and a list item ("- ", "• ", "* ", "1. ") wraps under
/// its own text, so bullet points pasted from an email read as a list.
public func wrappedText(_ text: String, toWidth width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
        let safe = sanitizedForTerminal(String(raw))
        let line = String(safe.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        if line.isEmpty {
            if lines.last?.isEmpty == false { lines.append("") }
            continue
        }
        let hang = listMarkerWidth(line)
        let parts = wrapped(String(line.dropFirst(hang)), toWidth: max(1, width - hang))
        let marker = String(line.prefix(hang))
        lines += parts.enumerated().map { ($0.offset == 0 ? marker : String(repeating: " ", count: displayWidth(marker))) + $0.element }
    }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines.isEmpty ? [""] : lines
}

/// How many characters of `line` are a list marker ("- ", "• ", "* ", "12. ", "3) "), or 0.
func listMarkerWidth(_ line: String) -> Int {
    for bullet in ["- ", "• ", "* ", "– "] where line.hasPrefix(bullet) { return bullet.count }
    let digits = line.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, digits.count <= 3 else { return 0 }
    let rest = line.dropFirst(digits.count)
    return rest.hasPrefix(". ") || rest.hasPrefix(") ") ? digits.count + 2 : 0
}
