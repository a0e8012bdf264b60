import CSV
import Foundation
import PlanModel

/// Reads an existing spreadsheet tracker (a CSV saved from Excel) into plan actions.
///
/// Headers are matched by meaning ("Action", "Lead", "RAG rating", "Progress update", …, or an
/// explicit `--map`); status words from the common RAG vocabularies are understood; unknown owners
/// are created. Every problem is reported with its row and column; the caller writes nothing
/// unless the whole import is valid (or it chose to skip invalid rows).
public struct CSVImport {
    /// The plan fields a column can fill.
    public enum Field: String, CaseIterable, Sendable {
        case id, title, description, group, owner, partners, workstreams, start, due, status, commentary, outcome, funding
    }

    /// A problem in one cell (or row) of the file.
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        public var row: Int
        public var column: String?
        public var message: String
        public var description: String { "row \(row)" + (column.map { ", column \"\($0)\"" } ?? "") + ": \(message)" }
    }

    public struct Result: Sendable {
        public var plan: Plan
        public var imported: [String]
        public var createdOwners: [String]
        /// Problems of rows that were not imported.
        public var problems: [Problem]
        /// How columns were understood: header → field.
        public var mapping: [(header: String, field: Field)]
    }

    /// Header spellings seen in council trackers, normalised (lower case, letters and digits only).
    static let synonyms: [Field: [String]] = [
        .id: ["id", "ref", "reference", "actionid", "actionref", "actionno", "no", "number"],
        .title: ["action", "actions", "title", "actiontitle", "activity", "whatwewilldo", "task"],
        .description: ["description", "detail", "details"],
        .group: ["preventiongroup", "group", "theme", "pillar", "prevention", "level", "preventionlevel"],
        .owner: ["owner", "owners", "lead", "leadagency", "leadofficer", "responsible", "actionowner", "leadpartner"],
        .partners: ["partners", "supportingpartners", "partneragencies", "support", "supportedby"],
        .workstreams: ["workstream", "workstreams", "crimetype", "vvraptheme"],
        .start: ["start", "startdate"],
        .due: ["due", "duedate", "targetdate", "deadline", "completiondate", "bywhen", "target", "timescale"],
        .status: ["rag", "status", "ragstatus", "ragrating", "rating", "progressrating"],
        .commentary: ["commentary", "progressupdate", "update", "comments", "comment", "progress", "latestupdate"],
        .outcome: ["outcome", "outcomemeasure", "outcomes", "successcriteria", "measure", "measures"],
        .funding: ["funding", "fundingsource", "budget"],
    ]

    /// Status words from common RAG vocabularies.
    public static func status(from word: String) -> Status? {
        // dplan's own exports write "A Amber": a letter, then the word, then the plan's own word
        // for it in brackets when it has one ("C Complete (Blue)").
        if word.hasSuffix(")"), let open = word.range(of: " (", options: .backwards),
           let status = status(from: String(word[..<open.lowerBound])) {
            return status
        }
        let parts = word.split(separator: " ", maxSplits: 1)
        if parts.count == 2, parts[0].count == 1, let status = status(from: String(parts[1])), status.letter == Character(parts[0].uppercased()) {
            return status
        }
        let key = word.lowercased().filter { $0.isLetter || $0.isNumber }
        switch key {
        case "red", "r", "offtrack", "significantissues", "behind": return .red
        case "amber", "a", "atrisk", "issuesidentified", "yellow": return .amber
        case "green", "g", "ontrack", "onschedule", "noissues": return .green
        case "complete", "completed", "blue", "b", "done", "c", "closed", "achieved": return .complete
        case "notstarted", "n", "grey", "gray", "notyetstarted", "", "ns": return .notStarted
        default: return nil
        }
    }

    /// Dates as councils type them: 2026-03-31, 31/03/2026, 31/3/26, 31 March 2026, 31 Mar 2026.
    public static func day(from text: String) -> Day? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let day = Day(iso: trimmed) { return day }
        let parts = trimmed.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" || $0 == " " }).map(String.init)
        guard parts.count == 3, let d = Int(parts[0]) else { return nil }
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let month = Int(parts[1]) ?? months.firstIndex { parts[1].lowercased().hasPrefix($0) }.map { $0 + 1 }
        guard let month, var year = Int(parts[2]) else { return nil }
        if year < 100 { year += 2000 }
        return Day(year: year, month: month, day: d)
    }

    /// Imports `data` into `plan`. `map` is "Header=field,…"; `defaultGroup` is used when there is
    /// no group column or a row leaves it empty.
    public static func run(_ data: Data, into plan: Plan, map: String?, defaultGroup: PreventionGroup?,
                           context: EditContext) throws -> Result {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) ?? String(data: bytes, encoding: .windowsCP1252) else {
            throw CSVImportError("the file is neither UTF-8 nor Windows-1252 text")
        }
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: true) } catch { throw CSVImportError("not a readable CSV file: \(error)") }
        guard let headers = reader.headerRow, !headers.isEmpty else { throw CSVImportError("the file has no header row") }

        var mapping: [(header: String, field: Field)] = []
        var explicit: [String: Field] = [:]
        for pair in (map ?? "").split(separator: ",") where !pair.isEmpty {
            let sides = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard sides.count == 2, let field = Field(rawValue: sides[1]) else {
                throw CSVImportError("--map: expected Header=field with field one of \(Field.allCases.map(\.rawValue).joined(separator: ", ")), found \"\(pair)\"")
            }
            guard headers.contains(sides[0]) else { throw CSVImportError("--map: no column \"\(sides[0])\"; columns are \(headers.joined(separator: ", "))") }
            explicit[sides[0]] = field
        }
        // Explicit --map entries first, then recognised header spellings for the fields left.
        var columnOf: [Field: Int] = [:]
        for (index, header) in headers.enumerated() {
            if let field = explicit[header] { columnOf[field] = index }
        }
        for (index, header) in headers.enumerated() where explicit[header] == nil {
            let key = header.lowercased().filter { $0.isLetter || $0.isNumber }
            if let field = Field.allCases.first(where: { synonyms[$0]!.contains(key) }), columnOf[field] == nil {
                columnOf[field] = index
            }
        }
        mapping = columnOf.sorted { $0.value < $1.value }.map { (headers[$0.value], $0.key) }
        guard columnOf[.title] != nil else {
            throw CSVImportError("no column for the action title (looked for \(synonyms[.title]!.joined(separator: ", "))); use --map \"Your header=title\"")
        }
        guard columnOf[.owner] != nil else {
            throw CSVImportError("no column for the lead owner (looked for \(synonyms[.owner]!.joined(separator: ", "))); use --map \"Your header=owner\"")
        }
        guard columnOf[.group] != nil || defaultGroup != nil else {
            throw CSVImportError("no prevention group column: give --group for all rows, or --map \"Your header=group\"")
        }

        var result = Result(plan: plan, imported: [], createdOwners: [], problems: [], mapping: mapping)
        // Rows with a status or commentary record this quarter's review: there must be a quarter for it.
        var quarter = plan.editingQuarter(on: context.now.day)
        if columnOf[.status] != nil || columnOf[.commentary] != nil {
            do { quarter = try plan.quarterForUpdates(on: context.now.day) } catch { throw CSVImportError("\(error)") }
        }
        var rowNumber = 1
        while let row = reader.next() {
            rowNumber += 1
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { continue }
            func cell(_ field: Field) -> String {
                guard let index = columnOf[field], index < row.count else { return "" }
                return row[index].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            var problems: [Problem] = []
            func problem(_ field: Field?, _ message: String) {
                problems.append(Problem(row: rowNumber, column: field.flatMap { columnOf[$0] }.map { headers[$0] }, message: message))
            }
            let title = cell(.title)
            if title.isEmpty { problem(.title, "the action has no title") }
            var group = defaultGroup
            if !cell(.group).isEmpty {
                group = matchGroup(cell(.group), in: result.plan)
                if group == nil { problem(.group, "unknown prevention group \"\(cell(.group))\"; expected whole-system, primary, secondary or tertiary (or the plan's names)") }
            }
            let status = status(from: cell(.status))
            if status == nil { problem(.status, "unknown status \"\(cell(.status))\"; expected Red/R/Off track, Amber/A/At risk, Green/G/On track, Complete/Blue/Done or Not started") }
            let start = cell(.start).isEmpty ? nil : day(from: cell(.start))
            if !cell(.start).isEmpty && start == nil { problem(.start, "not a date: \"\(cell(.start))\" (expected e.g. 2026-03-31 or 31/03/2026)") }
            let due = cell(.due).isEmpty ? nil : day(from: cell(.due))
            if !cell(.due).isEmpty && due == nil { problem(.due, "not a date: \"\(cell(.due))\" (expected e.g. 2026-03-31 or 31/03/2026)") }
            let ownerName = cell(.owner)
            if ownerName.isEmpty { problem(.owner, "the action has no lead owner") }
            let workstreams = split(cell(.workstreams)).map { name in
                result.plan.workstreams.first { $0.id.lowercased() == name.lowercased() || $0.name.lowercased() == name.lowercased() }
            }
            if workstreams.contains(where: { $0 == nil }) { problem(.workstreams, "unknown workstream in \"\(cell(.workstreams))\"; workstreams are \(result.plan.workstreams.map(\.name).joined(separator: ", "))") }
            let explicitID = cell(.id)
            if !explicitID.isEmpty, result.plan.actionIndex(id: explicitID) != nil { problem(.id, "an action with id \"\(explicitID)\" already exists") }
            guard problems.isEmpty, let group, let status else {
                result.problems += problems
                continue
            }
            var candidate = result.plan
            func ownerID(_ name: String) -> String {
                if let owner = candidate.findOwner(name) { return owner.id }
                let id = ownerSlug(name, existing: Set(candidate.owners.map(\.id)))
                candidate.owners.append(Owner(id: id, name: name))
                return id
            }
            let owner = ownerID(ownerName)
            let partners = split(cell(.partners)).map(ownerID)
            var action = Action(
                id: explicitID.isEmpty ? candidate.nextActionID(in: group) : explicitID, group: group, title: title, owner: owner,
                status: status, workstreams: workstreams.compactMap { $0?.id }, description: cell(.description), partners: partners,
                start: start, due: due, commentary: cell(.commentary), outcomeMeasure: cell(.outcome),
                funding: cell(.funding).isEmpty ? nil : Funding(source: cell(.funding)))
            if columnOf[.status] != nil || !cell(.commentary).isEmpty {
                action.reviews = [Review(quarter: quarter, status: status, commentary: cell(.commentary), by: context.by,
                                         on: context.now, owner: owner)]
            }
            do {
                try candidate.addAction(action, context: context)
            } catch {
                result.problems.append(Problem(row: rowNumber, column: nil, message: "\(error)"))
                continue
            }
            result.createdOwners += candidate.owners.map(\.id).filter { id in !result.plan.owners.contains { $0.id == id } }
            result.plan = candidate
            result.imported.append(action.id)
        }
        return result
    }

    private static func matchGroup(_ text: String, in plan: Plan) -> PreventionGroup? {
        if let group = PreventionGroup(matching: text) { return group }
        let key = text.lowercased()
        if let group = PreventionGroup.allCases.first(where: { plan.name(of: $0).lowercased() == key }) { return group }
        if key.contains("whole") || key.contains("system") { return .wholeSystem }
        if key.contains("tertiary") { return .tertiary }
        if key.contains("secondary") { return .secondary }
        if key.contains("primary") { return .primary }
        return nil
    }

    private static func split(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// The import file as a whole cannot be read.
public struct CSVImportError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// A lower-case id from a name ("Youth Justice Service" → "youth-justice-service"), made unique.
public func ownerSlug(_ name: String, existing: Set<String>) -> String {
    uniqueSlug(name, existing: existing, fallback: "owner")
}
