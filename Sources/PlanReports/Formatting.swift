import TerminalText

/// Plan text made safe for a report: no control characters or escape sequences, one line.
func clean(_ text: String) -> String { sanitizedForTerminal(text) }

/// Officer's or agency's text in HTML as written: lines one after another (`<br/>`), blank lines
/// between paragraphs, and runs of "- ", "• ", "* " or "1. " lines as lists, so bullet points
/// pasted from an email print as a list. One line of text stays plain (no `<p>`).
func htmlText(_ text: String) -> String {
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        .map { String($0).trimmingSpaces() }
    guard lines.count > 1 else { return h(text) }
    var out = "", paragraph: [String] = [], list: (tag: String, items: [String])?
    func flush() {
        if !paragraph.isEmpty { out += "<p>" + paragraph.map(h).joined(separator: "<br/>") + "</p>" }
        if let l = list { out += "<\(l.tag)>" + l.items.map { "<li>\(h($0))</li>" }.joined() + "</\(l.tag)>" }
        paragraph = []
        list = nil
    }
    for line in lines {
        if line.isEmpty { flush(); continue }
        if let (tag, item) = listItem(line) {
            if !paragraph.isEmpty || list?.tag != tag { flush() }
            list = (tag, (list?.items ?? []) + [item])
        } else {
            if list != nil { flush() }
            paragraph.append(line)
        }
    }
    flush()
    return out
}

/// A list line's tag (`ul` or `ol`) and its text without the marker, or nil.
private func listItem(_ line: String) -> (String, String)? {
    for bullet in ["- ", "• ", "* ", "– "] where line.hasPrefix(bullet) { return ("ul", String(line.dropFirst(bullet.count))) }
    let digits = line.prefix { $0.isASCII && $0.isNumber }
    let rest = line.dropFirst(digits.count)
    guard !digits.isEmpty, digits.count <= 3, rest.hasPrefix(". ") || rest.hasPrefix(") ") else { return nil }
    return ("ol", String(rest.dropFirst(2)))
}
