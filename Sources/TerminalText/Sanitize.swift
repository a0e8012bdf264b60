/// Makes untrusted text (anything read from a plan file) safe to draw on a terminal.
///
/// Removes ANSI/VT escape sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL|ST`, and two-byte
/// `ESC x`), every other C0 and C1 control character, DEL, and the Unicode bidirectional
/// override and isolate characters that can make text display in a misleading order.
/// Tabs, newlines and carriage returns become single spaces so one field stays on one line.
public func sanitizedForTerminal(_ text: String) -> String {
    // Printable ASCII (most text) needs no work and no scalar decoding.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
    var scalars = text.unicodeScalars[...]
    var result = String.UnicodeScalarView()
    var needsWork = false
    for scalar in scalars where isUnsafe(scalar) { needsWork = true; break }
    guard needsWork else { return text }
    while let scalar = scalars.popFirst() {
        switch scalar.value {
        case 0x1B:
            skipEscapeSequence(&scalars)
        case 0x9B:  // C1 CSI
            skipCSI(&scalars)
        case 0x9D:  // C1 OSC
            skipOSC(&scalars)
        case 0x09, 0x0A, 0x0D:
            result.append(" ")
        default:
            if !isUnsafe(scalar) { result.append(scalar) }
        }
    }
    return String(result)
}

private func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
}

private func skipEscapeSequence(_ scalars: inout Substring.UnicodeScalarView) {
    guard let next = scalars.popFirst() else { return }
    switch next {
    case "[": skipCSI(&scalars)
    case "]", "P", "X", "^", "_": skipOSC(&scalars)
    default: break  // two-character sequence such as ESC c or ESC 7: both dropped
    }
}

private func skipCSI(_ scalars: inout Substring.UnicodeScalarView) {
    // Parameters and intermediates (0x20–0x3F), then one final byte (0x40–0x7E).
    while let scalar = scalars.popFirst() {
        if (0x40...0x7E).contains(scalar.value) || !(0x20...0x3F).contains(scalar.value) { return }
    }
}

private func skipOSC(_ scalars: inout Substring.UnicodeScalarView) {
    // Ends at BEL, C1 ST, or ESC \ .
    while let scalar = scalars.popFirst() {
        if scalar.value == 0x07 || scalar.value == 0x9C { return }
        if scalar.value == 0x1B {
            if scalars.first == "\\" { scalars.removeFirst() }
            return
        }
    }
}

/// Untrusted text made safe for a terminal as `sanitizedForTerminal` does, keeping its line
/// breaks (a CR LF or lone CR becomes one LF) and tabs: for messages and template output of
/// several lines.
public func sanitizedKeepingLines(_ text: String) -> String {
    if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A || $0 == 0x09 }) { return text }
    var pieces: [String] = [], separators: [String] = []
    var piece = String.UnicodeScalarView(), previous: Unicode.Scalar?
    for scalar in text.unicodeScalars {
        defer { previous = scalar }
        if scalar == "\n" && previous == "\r" { continue }  // the LF of a CR LF: the CR ended the line
        guard scalar == "\n" || scalar == "\r" || scalar == "\t" else { piece.append(scalar); continue }
        pieces.append(sanitizedForTerminal(String(piece)))
        separators.append(scalar == "\t" ? "\t" : "\n")
        piece = String.UnicodeScalarView()
    }
    pieces.append(sanitizedForTerminal(String(piece)))
    return zip(pieces, separators + [""]).map { $0 + $1 }.joined()
}
