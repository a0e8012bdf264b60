import Foundation
import PlanModel
import Spreadsheet

/// Reading the values people really type into trackers. Each reader gives the value and, when
/// it interpreted something, a note saying how; or a problem saying what was expected.
enum TrackerValues {
    enum Reading<Value> {
        case value(Value, note: String?)
        case problem(String)
    }

    /// Words that mean "no date yet".
    static let noDateWords: Set<String> = ["tbc", "tba", "tbd", "ongoing", "on-going", "n/a", "na", "-", "–", "—", "none", "various",
                                           "continuous", "rolling", "asap", "annual", "annually", "quarterly", "monthly", "throughout"]

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// A date cell: a date, an Excel serial number, 31/03/2026 (with or without a time), 2026-03-31,
    /// 31 March 2026, Mar-26 or March 2026 (the month's last day), Q3 25/26 (the quarter's last
    /// day), or TBC/Ongoing/N/A (no date).
    /// A day outside the years a plan can run in (`Period.years`: 31/12/9999, Q4 9998/99) is a
    /// problem, not a date to build a plan period from.
    static func day(_ cell: CellValue, system: DateSystem, fyStartMonth: Int) -> Reading<Day?> {
        let reading = anyDay(cell, system: system, fyStartMonth: fyStartMonth)
        if case .value(let day?, _) = reading, let problem = Period.problem(with: day) {
            return .problem("\(cell.text): \(problem)")
        }
        return reading
    }

    private static func anyDay(_ cell: CellValue, system: DateSystem, fyStartMonth: Int) -> Reading<Day?> {
        switch cell {
        case .empty: return .value(nil, note: nil)
        case .date(let date):
            guard let day = Day(year: date.year, month: date.month, day: date.day) else { return .problem("not a date: \(date)") }
            return .value(day, note: nil)
        case .number(let serial):
            guard serial >= 1, serial < 2_958_466, let date = CalendarDate(serial: serial, system: system),
                  let day = Day(year: date.year, month: date.month, day: date.day) else {
                return .problem("not a date: \(cell.text) (expected e.g. 31/03/2026, Mar-26, Q3 25/26 or TBC)")
            }
            return .value(day, note: "Excel date number \(cell.text) read as \(day)")
        case .bool, .error:
            return .problem("not a date: \(cell.text) (expected e.g. 31/03/2026, Mar-26, Q3 25/26 or TBC)")
        case .text(let raw):
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { return .value(nil, note: nil) }
            if noDateWords.contains(text.lowercased()) { return .value(nil, note: "\"\(text)\" is not a date: no due date recorded") }
            if let day = exactDay(text) { return .value(day, note: nil) }
            if let day = monthEnd(text) { return .value(day, note: "\"\(text)\" read as \(day), the end of that month") }
            if let quarter = quarter(in: text) {
                guard Period.years.contains(quarter.year) else {
                    return .problem("\"\(text)\": \(quarter) is not in the years \(Period.years.lowerBound) to \(Period.years.upperBound)")
                }
                let day = quarter.lastDay(fyStartMonth: fyStartMonth)
                return .value(day, note: "\"\(text)\" read as \(day), the end of \(quarter)")
            }
            if let serial = Double(text), serial > 20_000, serial < 80_000, let date = CalendarDate(serial: serial, system: system),
               let day = Day(year: date.year, month: date.month, day: date.day) {
                return .value(day, note: "Excel date number \(text) read as \(day)")
            }
            return .problem("not a date: \"\(text)\" (expected e.g. 31/03/2026, Mar-26, Q3 25/26 or TBC)")
        }
    }

    /// 2026-03-31, 31/03/2026, 31/3/26, 31.03.2026, 31 March 2026, 31 Mar 2026, each with an
    /// optional time of day after it ("31/03/2026 00:00").
    static func exactDay(_ text: String) -> Day? {
        var words = text.split(separator: " ").map(String.init)
        if words.count > 1, words.last!.contains(":") { words.removeLast() }
        if words.count == 1, words[0].count > 10, words[0].contains("T") { words[0] = String(words[0].prefix(10)) }
        let trimmed = words.joined(separator: " ")
        if let day = Day(iso: trimmed) { return day }
        let parts = trimmed.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" || $0 == " " }).map(String.init)
        guard parts.count == 3, let d = Int(parts[0]) else { return nil }
        let month = Int(parts[1]) ?? months.firstIndex { parts[1].lowercased().hasPrefix($0) }.map { $0 + 1 }
        guard let month, var year = Int(parts[2]), parts[2].count == 2 || parts[2].count == 4 else { return nil }
        if year < 100 { year += 2000 }
        return Day(year: year, month: month, day: d)
    }

    /// Mar-26, Mar 2026, March 2026, March-26: the last day of that month.
    static func monthEnd(_ text: String) -> Day? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == "/" }).map(String.init)
        guard parts.count == 2, parts[0].count >= 3, let index = months.firstIndex(where: { parts[0].lowercased().hasPrefix($0) }),
              months[index].count <= parts[0].count, var year = Int(parts[1]), parts[1].count == 2 || parts[1].count == 4 else { return nil }
        if year < 100 { year += 2000 }
        return Day(year: year, month: index + 1, day: 1)?.firstOfMonth(adding: 1).adding(days: -1)
    }

    /// A status as trackers write it. Plain colours and letters need no note; other words are
    /// read and said ("On track" → Green); a split rating ("A/R") takes the worse, with a note.
    /// Blank is nil (no status given).
    static func status(_ cell: CellValue) -> Reading<Status?> {
        let text = cell.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return .value(nil, note: nil) }
        if let (status, plain) = word(text) {
            return .value(status, note: plain ? nil : "status \"\(text)\" read as \(status.label)")
        }
        let parts = text.split(whereSeparator: { "/\\-–>→".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count == 2, let first = word(parts[0])?.0, let second = word(parts[1])?.0 {
            let worse = first.rank <= second.rank ? first : second
            return .value(worse, note: "split rating \"\(text)\" recorded as \(worse.label), the worse of the two")
        }
        return .problem("unknown status \"\(text)\"; expected Red/R/Off track, Amber/A/At risk, Green/G/On track, "
            + "Complete/Blue/Done, Not started or On hold, or a split rating such as A/R")
    }

    /// The status a word names and whether it is a plain colour, letter or status name.
    private static func word(_ word: String) -> (Status, Bool)? {
        // dplan's own exports write "A Amber": a letter, then the word, then the plan's own word
        // for it in brackets when it has one ("C Complete (Blue)").
        if word.hasSuffix(")"), let open = word.range(of: " (", options: .backwards),
           let found = self.word(String(word[..<open.lowerBound])) {
            return found
        }
        let parts = word.split(separator: " ", maxSplits: 1)
        if parts.count == 2, parts[0].count == 1, let (status, _) = self.word(String(parts[1])), status.letter == Character(parts[0].uppercased()) {
            return (status, true)
        }
        switch word.lowercased().filter({ $0.isLetter || $0.isNumber }) {
        case "red", "r": return (.red, true)
        case "amber", "a": return (.amber, true)
        case "green", "g": return (.green, true)
        case "complete", "completed", "c": return (.complete, true)
        case "notstarted", "n": return (.notStarted, true)
        case "offtrack", "significantissues", "behind", "delayed": return (.red, false)
        case "atrisk", "issuesidentified", "yellow", "onhold", "paused", "suspended": return (.amber, false)
        case "ontrack", "onschedule", "noissues", "ontarget": return (.green, false)
        case "blue", "b", "done", "closed", "achieved", "delivered": return (.complete, false)
        case "grey", "gray", "notyetstarted", "ns", "notdue", "notyetdue": return (.notStarted, false)
        default: return nil
        }
    }

    /// Words in a priority or theme that place an action in a prevention group when the plan's
    /// own names do not match (Warwickshire's wording, and the usual public-health terms).
    static func group(_ text: String, in plan: Plan) -> (PreventionGroup, exact: Bool)? {
        if let group = plan.group(named: text) { return (group, true) }
        let key = text.lowercased()
        let rules: [(PreventionGroup, [String])] = [
            (.wholeSystem, ["whole system", "whole-system", "governance"]),
            (.tertiary, ["tertiary", "long-term support", "long term support"]),
            (.secondary, ["secondary", "early intervention", "immediate risk"]),
            (.primary, ["primary", "before it happens", "universal prevention"]),
        ]
        return rules.first { $0.1.contains { key.contains($0) } }.map { ($0.0, false) }
    }

    /// Money typed as 12000, £12,000 or 12,000.50: the amount; other text is not an amount.
    static func amount(_ cell: CellValue) -> Decimal? {
        switch cell {
        case .number(let number): return Decimal(string: CellValue.number(number).text)
        case .text(let text):
            let digits = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "£", with: "").replacingOccurrences(of: ",", with: "")
            guard !digits.isEmpty, digits.allSatisfy({ $0.isNumber || $0 == "." }) else { return nil }
            return Decimal(string: digits)
        default: return nil
        }
    }

    /// Names in a partners or workstreams cell, split at commas, semicolons, line breaks and " / ".
    static func names(_ text: String) -> [String] {
        text.replacingOccurrences(of: " / ", with: ";").split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" || $0 == "\r" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
