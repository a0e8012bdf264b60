import TerminalText

/// A Markdown table whose cells may hold several lines (hard breaks ending in a backslash): a
/// pipe table when every cell is one line, else a pandoc grid table, the only kind whose cells
/// keep their line breaks through to Word. `widths` are the columns' relative widths in
/// characters (a column is widened to its longest word, as a grid table cannot break one).
func markdownTable(header: [String], rows: [[String]], widths: [Int]) -> [String] {
    guard rows.joined().contains(where: { $0.contains("\n") }) else {
        return ["| " + header.joined(separator: " | ") + " |", "|" + widths.map { String(repeating: "-", count: $0) }.joined(separator: "|") + "|"]
            + rows.map { "| " + $0.joined(separator: " | ") + " |" }
    }
    let all = [header] + rows
    let columns = widths.indices.map { column in
        all.flatMap { $0[column].split(whereSeparator: { $0 == " " || $0 == "\n" }) }.reduce(widths[column]) { max($0, displayWidth($1)) }
    }
    let rule = { (fill: String) in "+" + columns.map { String(repeating: fill, count: $0 + 2) }.joined(separator: "+") + "+" }
    var out = [rule("-")]
    for (index, row) in all.enumerated() {
        let cells = row.enumerated().map { cellLines($1, width: columns[$0]) }
        let height = cells.map(\.count).max() ?? 1
        for line in 0..<height {
            out.append("| " + cells.enumerated().map { column, lines in
                let text = line < lines.count ? lines[line] : ""
                return text + String(repeating: " ", count: columns[column] - displayWidth(text))
            }.joined(separator: " | ") + " |")
        }
        out.append(rule(index == 0 ? "=" : "-"))
    }
    return out
}

/// A cell's Markdown lines wrapped at `width`, each line break kept where it was.
private func cellLines(_ text: String, width: Int) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line in
        wrapped(String(line.drop { $0 == " " }), toWidth: width)
    }
}
