import Foundation

/// Reads an Office Open XML workbook (`.xlsx` as Excel and LibreOffice write it) into sheets of
/// cells: shared and inline strings, rich text, numbers, dates by their number format, booleans,
/// errors, formulas by their cached value, merged areas.
struct XLSXReader {
    private var archive: XLSXArchive
    private let limits: ReadLimits

    init(data: Data, limits: ReadLimits) throws(SpreadsheetError) {
        archive = try XLSXArchive(data: data, limits: limits)
        self.limits = limits
    }

    mutating func read() throws(SpreadsheetError) -> Workbook {
        if archive.contains("mimetype") || archive.contains("content.xml") {
            throw SpreadsheetError("this is an OpenDocument (.ods) spreadsheet; open it in LibreOffice and save it as .xlsx (or .csv)")
        }
        if archive.contains("EncryptedPackage") {
            throw SpreadsheetError("the workbook is password-protected; remove the password in Excel or LibreOffice and save it again")
        }
        let workbookPath = try officeDocumentPath()
        guard let workbookXML = try archive.part(workbookPath) else {
            throw SpreadsheetError("the file is a ZIP archive but not an .xlsx workbook (no \(workbookPath)); save it from Excel or LibreOffice as .xlsx")
        }
        var sheetRefs: [(name: String, relationship: String)] = []
        var system = DateSystem.from1900
        try XMLEvents.walk(workbookXML, part: workbookPath, start: { name, attributes in
            if name == "sheet", let sheetName = attributes["name"], let id = attributes["id"] {
                sheetRefs.append((sheetName, id))
            } else if name == "workbookPr", let flag = attributes["date1904"] {
                system = flag == "1" || flag.lowercased() == "true" ? .from1904 : .from1900
            }
        })
        let relationships = try relationships(of: workbookPath)
        var strings: [String] = []
        if let part = relationships.first(where: { $0.type.hasSuffix("/sharedStrings") }) { strings = try sharedStrings(part.target) }
        var dateStyles: [Bool] = []
        if let part = relationships.first(where: { $0.type.hasSuffix("/styles") }) { dateStyles = try self.dateStyles(part.target) }
        var sheets: [Sheet] = []
        for ref in sheetRefs {
            // Chart sheets and dialog sheets have no cells; a relationship pointing anywhere
            // odd is ignored rather than followed.
            guard let relation = relationships.first(where: { $0.id == ref.relationship }),
                  relation.type.hasSuffix("/worksheet"), let xml = try archive.part(relation.target) else { continue }
            sheets.append(try SheetReader.read(xml, name: ref.name, part: relation.target, strings: strings,
                                               dateStyles: dateStyles, system: system, limits: limits))
        }
        guard !sheets.isEmpty else { throw SpreadsheetError("the workbook has no worksheets") }
        return Workbook(sheets: sheets, dateSystem: system)
    }

    private struct Relationship { var id, type, target: String }

    /// The main part, from `_rels/.rels` (`xl/workbook.xml` in every real file).
    private mutating func officeDocumentPath() throws(SpreadsheetError) -> String {
        try relationships(of: "").first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
    }

    /// The relationships of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`), targets
    /// resolved to package paths; targets outside the package or external are dropped.
    private mutating func relationships(of part: String) throws(SpreadsheetError) -> [Relationship] {
        let folder = (part as NSString).deletingLastPathComponent
        let file = (part as NSString).lastPathComponent
        let path = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
        guard let xml = try archive.part(path) else { return [] }
        var found: [Relationship] = []
        try XMLEvents.walk(xml, part: path, start: { name, attributes in
            guard name == "Relationship", let id = attributes["Id"], let type = attributes["Type"], let target = attributes["Target"],
                  attributes["TargetMode"] != "External", let resolved = XLSXArchive.resolve(target, from: part) else { return }
            found.append(Relationship(id: id, type: type, target: resolved))
        })
        return found
    }

    /// The shared strings in order; rich text runs joined, phonetic guides left out.
    private mutating func sharedStrings(_ path: String) throws(SpreadsheetError) -> [String] {
        guard let xml = try archive.part(path) else { return [] }
        var strings: [String] = []
        var current = ""
        var inText = false, inPhonetic = false
        try XMLEvents.walk(xml, part: path, start: { name, _ in
            switch name {
            case "si": current = ""
            case "t": inText = !inPhonetic
            case "rPh": inPhonetic = true
            default: break
            }
        }, end: { name in
            switch name {
            case "si": strings.append(current)
            case "t": inText = false
            case "rPh": inPhonetic = false
            default: break
            }
        }, text: { text in
            if inText { current += text }
        })
        return strings
    }

    /// For each cell format (`cellXfs` index), whether it shows a date or time.
    private mutating func dateStyles(_ path: String) throws(SpreadsheetError) -> [Bool] {
        guard let xml = try archive.part(path) else { return [] }
        var custom: [Int: String] = [:]
        var formats: [Int] = []
        var inCellXfs = false
        try XMLEvents.walk(xml, part: path, start: { name, attributes in
            switch name {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { custom[id] = code }
            case "cellXfs": inCellXfs = true
            case "xf" where inCellXfs: formats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
            default: break
            }
        }, end: { name in
            if name == "cellXfs" { inCellXfs = false }
        })
        return formats.map { id in custom[id].map(NumberFormat.isDate) ?? NumberFormat.builtInDates.contains(id) }
    }
}

/// Which number formats show dates.
enum NumberFormat {
    /// Built-in formats that are dates or times (ECMA-376 Part 1, 18.8.30).
    static let builtInDates: Set<Int> = Set(14...22).union(45...47)

    /// Whether a custom format code shows a date: it uses d or y, or m without h or s (which
    /// would make it minutes), outside quoted text, escapes and [colour]/[locale] brackets.
    static func isDate(_ code: String) -> Bool {
        var letters = Set<Character>()
        var inQuote = false, inBracket = false, escaped = false
        for character in code.lowercased() {
            if escaped { escaped = false; continue }
            switch character {
            case "\"": inQuote.toggle()
            case "\\" where !inQuote: escaped = true
            case "[" where !inQuote: inBracket = true
            case "]" where !inQuote: inBracket = false
            case ";" where !inQuote && !inBracket:
                // Only the first section (positive numbers) decides.
                return isDateLetters(letters)
            default:
                if !inQuote && !inBracket { letters.insert(character) }
            }
        }
        return isDateLetters(letters)
    }

    private static func isDateLetters(_ letters: Set<Character>) -> Bool {
        letters.contains("d") || letters.contains("y") || (letters.contains("m") && !letters.contains("h") && !letters.contains("s"))
    }
}
