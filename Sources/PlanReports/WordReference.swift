import Foundation

/// The reference document pandoc takes its styles and page setup from: A4 (or landscape) with
/// narrow margins, Arial, headings, and a table style with borders on every cell and a shaded,
/// bold header row (pandoc's own default tables have no borders). Written from scratch as a
/// small Word package; pandoc fills in any part it does not hold. Its header (the protective
/// marking) and footer (the paper's name, the marking and "Page N of M" as Word fields) are
/// carried by pandoc onto every page of the paper.
enum WordReference {
    /// `styles`: the styles part to use instead of dplan's own (a council's, from `houseStyles`).
    static func document(landscape: Bool, marking: String = "", footer: String = "", styles: String? = nil) -> Data {
        let (width, height) = landscape ? (16838, 11906) : (11906, 16838)
        let page = "<w:pgSz w:w=\"\(width)\" w:h=\"\(height)\"\(landscape ? " w:orient=\"landscape\"" : "")/>"
            + "<w:pgMar w:top=\"850\" w:right=\"794\" w:bottom=\"850\" w:left=\"794\" w:header=\"425\" w:footer=\"425\" w:gutter=\"0\"/>"
        return zip([
            ("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>
            """),
            ("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
            """),
            ("word/_rels/document.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdDplanHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdDplanFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>
            """),
            ("word/document.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="\(wordNamespace)" xmlns:r="\(relationshipNamespace)"><w:body><w:p/><w:sectPr><w:headerReference w:type="default" r:id="rIdDplanHeader"/><w:footerReference w:type="default" r:id="rIdDplanFooter"/>\(page)</w:sectPr></w:body></w:document>
            """),
            ("word/styles.xml", styles ?? Self.styles),
            ("word/header1.xml", header(marking)),
            ("word/footer1.xml", footerPart(footer, marking: marking)),
        ])
    }

    private static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    private static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A run of text (escaped, control characters removed).
    private static func run(_ text: String, bold: Bool = false) -> String {
        "<w:r>\(bold ? "<w:rPr><w:b/></w:rPr>" : "")<w:t xml:space=\"preserve\">\(h(text))</w:t></w:r>"
    }

    /// A Word field (PAGE, NUMPAGES) showing `placeholder` until Word or LibreOffice updates it.
    private static func field(_ instruction: String) -> String {
        "<w:fldSimple w:instr=\" \(instruction) \"><w:r><w:t>1</w:t></w:r></w:fldSimple>"
    }

    /// The page header: the protective marking, bold and centred (an empty paragraph without one).
    private static func header(_ marking: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr xmlns:w=\"\(wordNamespace)\"><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
            + (marking.isEmpty ? "" : run(marking, bold: true)) + "</w:p></w:hdr>"
    }

    /// The page footer: the paper's name, and under it on the right the marking and "Page N of M".
    private static func footerPart(_ text: String, marking: String) -> String {
        let small = "<w:spacing w:after=\"0\"/><w:rPr><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/></w:rPr>"
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr xmlns:w=\"\(wordNamespace)\"><w:p><w:pPr>\(small)</w:pPr>\(run(text))</w:p>"
            + "<w:p><w:pPr><w:jc w:val=\"right\"/>\(small)</w:pPr>" + (marking.isEmpty ? "" : run(marking + "   ", bold: true))
            + run("Page ") + field("PAGE") + run(" of ") + field("NUMPAGES") + "</w:p></w:ftr>"
    }

    private static func paragraphStyle(_ id: String, _ name: String, size: Int, bold: Bool = false, before: Int = 0, after: Int = 120,
                                       basedOn: String? = "Normal", keepNext: Bool = false, outline: Int? = nil) -> String {
        "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/>\(basedOn.map { "<w:basedOn w:val=\"\($0)\"/>" } ?? "")<w:qFormat/>"
            + "<w:pPr>\(keepNext ? "<w:keepNext/><w:keepLines/>" : "")<w:spacing w:before=\"\(before)\" w:after=\"\(after)\"/>\(outline.map { "<w:outlineLvl w:val=\"\($0)\"/>" } ?? "")</w:pPr>"
            + "<w:rPr>\(bold ? "<w:b/>" : "")<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/></w:rPr></w:style>"
    }

    /// The styles of pandoc's title block, hidden: the title and author are given to pandoc only
    /// for the document's properties (`dc:title`, `dc:creator`); the paper's own heading shows
    /// the title.
    private static func hiddenStyle(_ id: String, _ name: String) -> String {
        "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/><w:basedOn w:val=\"Normal\"/><w:rPr><w:vanish/></w:rPr></w:style>"
    }

    private static var styles: String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"\(wordNamespace)\">"
            + "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/>"
            + "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/><w:lang w:val=\"en-GB\"/></w:rPr></w:rPrDefault>"
            + "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
            + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
            + paragraphStyle("BodyText", "Body Text", size: 20)
            + paragraphStyle("FirstParagraph", "First Paragraph", size: 20, basedOn: "BodyText")
            + paragraphStyle("Compact", "Compact", size: 18, after: 0, basedOn: "BodyText")
            + hiddenStyle("Title", "Title") + hiddenStyle("Author", "Author")
            + paragraphStyle("Heading1", "heading 1", size: 32, bold: true, before: 240, keepNext: true, outline: 0)
            + paragraphStyle("Heading2", "heading 2", size: 28, bold: true, before: 240, keepNext: true, outline: 1)
            + paragraphStyle("Heading3", "heading 3", size: 22, bold: true, before: 180, after: 60, keepNext: true, outline: 2)
            + tableStyle + "</w:styles>"
    }

    /// The table style pandoc's tables take: borders on every cell, a shaded header row repeated
    /// on every page, rows kept whole.
    private static var tableStyle: String {
        let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"595959\""
        return "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"Table\"><w:name w:val=\"Table\"/><w:qFormat/>"
            + "<w:tblPr><w:tblBorders><w:top \(border)/><w:left \(border)/><w:bottom \(border)/><w:right \(border)/>"
            + "<w:insideH \(border)/><w:insideV \(border)/></w:tblBorders>"
            + "<w:tblCellMar><w:top w:w=\"28\" w:type=\"dxa\"/><w:left w:w=\"85\" w:type=\"dxa\"/><w:bottom w:w=\"28\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
            + "<w:trPr><w:cantSplit/></w:trPr>"
            + "<w:tblStylePr w:type=\"firstRow\"><w:rPr><w:b/></w:rPr><w:trPr><w:tblHeader/></w:trPr><w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E6E6E6\"/></w:tcPr></w:tblStylePr>"
            + "</w:style>"
    }

    /// A council's own styles (word/styles.xml of its Word document, `--reference-doc`) made fit
    /// for the paper: the title block's styles hidden as in dplan's own (the title is in the
    /// properties and the paper's heading), and dplan's table style added when it has none
    /// called "Table". Fonts, headings and body text stay the council's.
    static func houseStyles(_ theirs: String) -> String {
        var styles = theirs
        for id in ["Title", "Author"] {
            styles = styles.replacingOccurrences(of: "<w:style\\b[^>]*w:styleId=\"\(id)\"[^>]*>[\\s\\S]*?</w:style>", with: "",
                                                 options: [.regularExpression])
        }
        let additions = hiddenStyle("Title", "Title") + hiddenStyle("Author", "Author")
            + (styles.contains("w:styleId=\"Table\"") ? "" : tableStyle)
        guard let end = styles.range(of: "</w:styles>", options: .backwards) else { return styles }
        return styles.replacingCharacters(in: end, with: additions + "</w:styles>")
    }

    /// A zip archive of `entries`, stored uncompressed (Word and pandoc read stored entries), with
    /// a fixed date so the same input gives the same bytes.
    static func zip(_ entries: [(String, String)]) -> Data {
        zip(entries.map { ($0, Data($1.utf8)) })
    }

    /// A zip archive of `entries` as bytes, stored uncompressed with a fixed date.
    static func zip(_ entries: [(String, Data)]) -> Data {
        var out = Data(), central = Data()
        func u16(_ v: Int, _ d: inout Data) { d.append(UInt8(v & 0xff)); d.append(UInt8((v >> 8) & 0xff)) }
        func u32(_ v: UInt32, _ d: inout Data) { for shift in stride(from: 0, to: 32, by: 8) { d.append(UInt8((v >> UInt32(shift)) & 0xff)) } }
        let dosDate = (0 << 9) | (1 << 5) | 1  // 1 Jan 1980
        for (name, text) in entries {
            let body = text, nameBytes = Data(name.utf8), sum = crc32(body), offset = UInt32(out.count)
            func header(_ d: inout Data) {
                u16(20, &d); u16(0, &d); u16(0, &d); u16(0, &d); u16(dosDate, &d)  // version, flags, stored, time, date
                u32(sum, &d); u32(UInt32(body.count), &d); u32(UInt32(body.count), &d); u16(nameBytes.count, &d); u16(0, &d)
            }
            u32(0x0403_4b50, &out); header(&out); out.append(nameBytes); out.append(body)
            u32(0x0201_4b50, &central); u16(20, &central); header(&central)
            u16(0, &central); u16(0, &central); u16(0, &central); u32(0, &central); u32(offset, &central); central.append(nameBytes)
        }
        let centralOffset = UInt32(out.count)
        out.append(central)
        u32(0x0605_4b50, &out); u16(0, &out); u16(0, &out); u16(entries.count, &out); u16(entries.count, &out)
        u32(UInt32(central.count), &out); u32(centralOffset, &out); u16(0, &out)
        return out
    }

    private static let crcTable: [UInt32] = (0..<256).map { n in
        (0..<8).reduce(UInt32(n)) { c, _ in c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    }

    static func crc32(_ data: Data) -> UInt32 {
        ~data.reduce(~UInt32(0)) { crc, byte in crcTable[Int((crc ^ UInt32(byte)) & 0xff)] ^ (crc >> 8) }
    }
}
