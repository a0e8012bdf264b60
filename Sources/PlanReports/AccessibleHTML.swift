/// The pieces that make the HTML paper read with a screen reader and reflow on a narrow screen
/// (WCAG 2.2 AA): tables inside labelled regions that scroll sideways on their own instead of
/// widening the page, captions that name each table without taking room on the printed page,
/// and words beside the status letters and trend marks.

/// A table inside a region that scrolls sideways on a narrow screen (and can be reached with the
/// keyboard to scroll it), named `label`; printed, the region is an ordinary block.
func scrolling(_ label: String, _ table: String) -> String {
    "<div class=\"scroll\" role=\"region\" aria-label=\"\(h(label))\" tabindex=\"0\">\n\(table)</div>\n"
}

/// A table caption read by screen readers and kept off the printed page (the heading above each
/// table already names it on paper).
func caption(_ text: String) -> String { "<caption class=\"vh\">\(h(text))</caption>" }

/// Text only screen readers see.
func hidden(_ text: String) -> String { "<span class=\"vh\">\(h(text))</span>" }

extension Report {
    /// A status letter in its box with the status's word for screen readers, so a column is
    /// never headed by a bare letter ("R" is read as "Red").
    func badgeNamed(_ letter: String) -> String {
        let word = ragDefinitions.first { $0.letter == letter }?.label ?? letter
        return "<span class=\"s s-\(h(letter))\" aria-hidden=\"true\">\(h(letter))</span>\(hidden(word))"
    }
}

extension Report {
    /// The status-history chart's counts as a table, so they can be read as text (WCAG 1.1.1) and
    /// not only as coloured segments; on screen only (the printed chart labels every segment).
    func statusHistoryTable(_ history: [QuarterStatus]) -> String {
        var table = "<table class=\"chart-data screen-only\">\(caption("Actions by status at the end of each quarter"))\n<thead><tr><th scope=\"col\">Quarter</th>"
        table += ragDefinitions.map { "<th class=\"n\" scope=\"col\">\(badgeNamed($0.letter))</th>" }.joined()
        table += "<th class=\"n\" scope=\"col\">All</th></tr></thead>\n<tbody>\n"
        for column in history {
            table += "<tr><th scope=\"row\">\(h(column.quarter))</th>" + column.statuses.map { "<td class=\"n\">\($0.count)</td>" }.joined()
            table += "<td class=\"n\">\(column.total)</td></tr>\n"
        }
        return "<div class=\"screen-only\">\n" + scrolling("Chart data table", table + "</tbody></table>\n") + "</div>\n"
    }
}

/// The chart's text alternative: each quarter's counts in words.
func chartDescription(_ history: [Report.QuarterStatus]) -> String {
    "Actions by status at each quarter end: " + history.map { column in
        "\(column.quarter): " + column.statuses.filter { $0.count > 0 }.map { "\($0.label) \($0.count)" }.joined(separator: ", ")
    }.joined(separator: "; ")
}
