import Foundation

/// The step after Chromium prints a paper that brings the PDF towards PDF/UA, which Chromium
/// cannot do itself: content outside the tagged structure (the running header and footer from
/// the `@page` margin boxes, table rules, badge backgrounds, text hidden from assistive
/// technology) is marked as an artifact; XMP metadata gives the title, author, language
/// (`dc:language`) and the PDF/UA identifier (`pdfuaid:part` 1); the document title is shown
/// (`DisplayDocTitle`) and pages take the structure's tab order.
///
/// It is a short Python program on PyPI's pikepdf (qpdf underneath), run by the `python3` on the
/// PATH: rewriting Chromium's compressed content streams and cross-reference streams in Swift
/// would need a PDF parser and a deflate encoder of our own. The program is kept here, not in
/// `scripts/`, because dplan is installed as one binary. Without Python or pikepdf the paper is
/// still tagged (Chromium's structure, bookmarks, alternative text) and `export` warns.
///
/// The result depends only on the paper: every date is the paper's own (`generatedOn`), the
/// structure elements' ids (Chromium's node numbers, which vary from run to run) are numbered in
/// the structure tree's order, and the file identifier is a hash of the content (qpdf's
/// deterministic id).
enum PDFFinishing {
    static let program = #"""
    import sys
    from xml.sax.saxutils import escape
    import pikepdf

    # Operators that paint (or begin a path that is painted), and those an artifact may not span.
    PAINT = {"Tj", "TJ", "'", '"', "Do", "sh", "INLINE IMAGE", "m", "re"}
    CLOSES = {"BT", "ET", "BDC", "BMC", "EMC", "BX", "EX"}

    def artifacts(operations):
        out, depth, inside = [], 0, False
        for operands, operator in operations:
            op = str(operator)
            if inside and op in CLOSES:
                out.append(([], pikepdf.Operator("EMC")))
                inside = False
            if depth == 0 and not inside and op in PAINT:
                out.append(([pikepdf.Name.Artifact], pikepdf.Operator("BMC")))
                inside = True
            if op in ("BDC", "BMC"):
                depth += 1
            elif op == "EMC":
                depth = max(0, depth - 1)
            out.append((operands, operator))
        if inside:
            out.append(([], pikepdf.Operator("EMC")))
        return out

    def elements(node):
        k = node.get("/K")
        items = k if isinstance(k, pikepdf.Array) else [k] if k is not None else []
        return [kid for kid in items if isinstance(kid, pikepdf.Dictionary) and "/S" in kid]

    # Chromium names structure elements after its own node numbers, which vary from run to run:
    # number them in the tree's order instead, in the elements, the table headers that point at
    # them and the ID tree.
    def renumber(pdf):
        root = pdf.Root.get("/StructTreeRoot")
        if root is None:
            return
        order, stack = [], elements(root)[::-1]
        while stack:
            node = stack.pop()
            order.append(node)
            stack.extend(elements(node)[::-1])
        names, ids = {}, []
        for node in order:
            if isinstance(node.get("/ID"), pikepdf.String):
                new = "node%08d" % (len(ids) + 1)
                names[str(node.ID)] = new
                node.ID = pikepdf.String(new)
                ids.append((new, node))
        for node in order:
            attributes = node.get("/A")
            for attribute in (attributes if isinstance(attributes, pikepdf.Array) else [attributes] if attributes is not None else []):
                if isinstance(attribute, pikepdf.Dictionary) and isinstance(attribute.get("/Headers"), pikepdf.Array):
                    attribute.Headers = pikepdf.Array([pikepdf.String(names.get(str(h), str(h))) for h in attribute.Headers])
        if ids:
            root.IDTree = pdf.make_indirect(pikepdf.Dictionary(Names=pikepdf.Array([x for new, node in ids for x in (pikepdf.String(new), node)])))

    def xmp(title, lang, when, author, producer, tool):
        e = escape
        return ('<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
                '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
                '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"'
                ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">'
                '<dc:format>application/pdf</dc:format>'
                f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{e(title)}</rdf:li></rdf:Alt></dc:title>'
                f'<dc:creator><rdf:Seq><rdf:li>{e(author)}</rdf:li></rdf:Seq></dc:creator>'
                f'<dc:language><rdf:Bag><rdf:li>{e(lang)}</rdf:li></rdf:Bag></dc:language>'
                f'<xmp:CreateDate>{e(when)}</xmp:CreateDate><xmp:ModifyDate>{e(when)}</xmp:ModifyDate>'
                f'<xmp:MetadataDate>{e(when)}</xmp:MetadataDate><xmp:CreatorTool>{e(tool)}</xmp:CreatorTool>'
                f'<pdf:Producer>{e(producer)}</pdf:Producer><pdfuaid:part>1</pdfuaid:part>'
                '</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end="w"?>').encode("utf-8")

    def main(source, target, title, lang, when, author):
        with pikepdf.open(source) as pdf:
            for page in pdf.pages:
                marked = artifacts(pikepdf.parse_content_stream(page))
                page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(marked))
                page.obj.Tabs = pikepdf.Name.S
            info = pdf.docinfo
            tool, producer = str(info.get("/Creator", "dplan")), str(info.get("/Producer", "dplan"))
            info.Title, info.Author = title, author
            info.CreationDate = info.ModDate = "D:" + "".join(c for c in when if c.isdigit()) + "+00'00'"
            pdf.Root.Metadata = pdf.make_stream(xmp(title, lang, when, author, producer, tool),
                                                Type=pikepdf.Name.Metadata, Subtype=pikepdf.Name.XML)
            pdf.Root.Lang = lang
            pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
            pdf.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
            renumber(pdf)
            if "/ID" in pdf.trailer:
                del pdf.trailer["/ID"]
            pdf.save(target, deterministic_id=True, fix_metadata_version=False)

    main(*sys.argv[1:])
    """#
}

extension ExternalPrograms {
    /// The `python3` that can finish a PDF (it imports pikepdf), or nil.
    public func findPDFFinisher() -> String? {
        guard let python = python ?? onPath("python3") else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import pikepdf"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? python : nil
    }

    /// The warning for a PDF that could not be finished for PDF/UA, nil when it can be.
    public func pdfFinishingWarning() -> String? {
        findPDFFinisher() == nil
            ? "warning: the PDF is tagged but not finished for PDF/UA (no artifacts, no XMP metadata): that needs Python 3 with pikepdf "
                + "(pip install pikepdf); the HTML paper is the accessible version to publish"
            : nil
    }
}

extension Report {
    /// The printed PDF finished for PDF/UA by `python` (see `PDFFinishing`), in `folder`.
    func finishPDF(_ pdf: Data, python: String, in folder: URL, programs: ExternalPrograms) throws -> Data {
        let script = folder.appendingPathComponent("finish.py")
        let input = folder.appendingPathComponent("printed.pdf")
        let output = folder.appendingPathComponent("finished.pdf")
        try Data(PDFFinishing.program.utf8).write(to: script)
        try pdf.write(to: input)
        let title = clean("\(plan.title): \(title)\(soFar ? " (so far)" : "")")
        try run(python, [script.path, input.path, output.path, title, "en-GB", generatedOn, clean(author.isEmpty ? plan.partnership : author)],
                in: folder, timeout: 120, what: "finishing the PDF", cancellation: programs.cancellation)
        guard let data = try? Data(contentsOf: output), data.starts(with: Data("%PDF".utf8)) else {
            throw ConversionError(description: "finishing the PDF: \(python) finished but wrote no PDF")
        }
        return data
    }
}
