import Foundation
import PlanModel

/// Why a PDF or Word document could not be made: no program to make it with, or the program
/// failed. Nothing is written in either case.
public struct ConversionError: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String
    /// The conversion was stopped through its `Cancellation`, not by a failure.
    public var wasCancelled = false
}

/// Lets another thread stop a conversion while its program runs: the program is terminated and
/// the conversion throws a `ConversionError` whose `wasCancelled` is true.
public final class Cancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    public init() {}

    public func cancel() { lock.withLock { cancelled = true } }

    public var isCancelled: Bool { lock.withLock { cancelled } }
}

/// Where to find the programs that turn a report into PDF (a Chromium-family browser) and Word
/// (pandoc). Nil means: look on the PATH (and, for the browser, where macOS and Windows install
/// one).
public struct ExternalPrograms: Sendable {
    public var browser: String?
    public var pandoc: String?
    /// The Python 3 with pikepdf that finishes a PDF for PDF/UA (`PDFFinishing`); nil: `python3`
    /// on the search path.
    public var python: String?
    /// A Word document (.docx) whose styles the Word paper takes, for a council's house style
    /// (`--reference-doc`); nil: dplan's own.
    public var wordStyles: String?
    /// The search path, `$PATH` by default.
    public var searchPath: String
    /// Checked while a program runs; once cancelled, the program is stopped.
    public var cancellation: Cancellation?

    public init(browser: String? = nil, pandoc: String? = nil,
                searchPath: String = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                cancellation: Cancellation? = nil, python: String? = nil, wordStyles: String? = nil) {
        self.browser = browser
        self.pandoc = pandoc
        self.python = python
        self.wordStyles = wordStyles
        self.searchPath = searchPath
        self.cancellation = cancellation
    }

    /// Browser commands tried in order on the PATH.
    public static let browserNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
                                      "microsoft-edge", "microsoft-edge-stable", "msedge", "chrome"]
    /// Where macOS and Windows install them (PATH rarely holds them there).
    static let browserLocations = [
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
        "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
        "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe",
        "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
    ]

    /// The browser to print with, or a message saying what to install.
    public func findBrowser() throws(ConversionError) -> String {
        if let browser {
            guard FileManager.default.isExecutableFile(atPath: browser) else {
                throw ConversionError(description: "--browser \(browser): no program there (give the path of chromium, google-chrome or microsoft-edge)")
            }
            return browser
        }
        if let found = Self.browserNames.lazy.compactMap(onPath).first ?? Self.browserLocations.first(where: FileManager.default.isExecutableFile) {
            return found
        }
        throw ConversionError(description: "no Chromium-family browser found to print the PDF with (looked for \(Self.browserNames.joined(separator: ", ")) on the PATH); "
            + "install one (Debian/Ubuntu: sudo apt-get install chromium; or Google Chrome or Microsoft Edge) or give its path with --browser PATH. "
            + "--format html makes the same paper to print from any browser")
    }

    /// pandoc, or a message saying it is not installed.
    public func findPandoc() throws(ConversionError) -> String {
        if let pandoc {
            guard FileManager.default.isExecutableFile(atPath: pandoc) else { throw ConversionError(description: "\(pandoc): no pandoc there") }
            return pandoc
        }
        if let found = onPath("pandoc") { return found }
        throw ConversionError(description: "pandoc is not installed, and Word documents are made with it; install it (Debian/Ubuntu: sudo apt-get install pandoc; "
            + "others: https://pandoc.org/installing.html), or export --format markdown or html and open that instead")
    }

    func onPath(_ name: String) -> String? {
        for folder in searchPath.split(separator: ":") where !folder.isEmpty {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}

/// A private folder for one conversion, removed afterwards.
func withScratchFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
}

/// Waits for a started program to exit, for at most `timeout` seconds and only while
/// `cancellation` is not cancelled; a program still running then is stopped (SIGTERM, then
/// SIGKILL after five seconds). True when it exited by itself.
public func waitForExit(_ process: Process, timeout: TimeInterval, cancellation: Cancellation? = nil) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline && cancellation?.isCancelled != true { usleep(20_000) }
    guard process.isRunning else { return true }
    process.terminate()
    let grace = Date().addingTimeInterval(5)
    while process.isRunning && Date() < grace { usleep(20_000) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    return false
}

/// Runs a program to completion with no input, its output and errors kept in `folder`; throws
/// with the end of what it printed when it fails or takes longer than `timeout` seconds, and
/// stops it when `cancellation` is cancelled.
func run(_ program: String, _ arguments: [String], in folder: URL, timeout: TimeInterval, what: String,
         cancellation: Cancellation?, environment: [String: String] = [:]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new } }
    process.currentDirectoryURL = folder
    let log = folder.appendingPathComponent("program.log")
    guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
        throw ConversionError(description: "\(what): cannot write in the temporary folder \(folder.path)")
    }
    let handle = try FileHandle(forWritingTo: log)
    defer { try? handle.close() }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = handle
    process.standardError = handle
    do { try process.run() } catch { throw ConversionError(description: "\(program) could not be started: \(error.localizedDescription)") }
    guard waitForExit(process, timeout: timeout, cancellation: cancellation) else {
        if cancellation?.isCancelled == true { throw ConversionError(description: "\(what): cancelled", wasCancelled: true) }
        throw ConversionError(description: "\(what): \(program) did not finish within \(Int(timeout)) seconds")
    }
    guard process.terminationStatus == 0 else {
        let said = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let tail = said.split(separator: "\n").suffix(5).joined(separator: "\n")
        throw ConversionError(description: "\(what): \(program) failed (exit \(process.terminationStatus))\(tail.isEmpty ? "" : ":\n" + tail)")
    }
}

extension Report {
    /// The time the paper is dated (`generatedOn`): PDF and Word documents carry it as their
    /// creation time instead of the moment they were made, so the same paper gives the same bytes.
    var madeAt: Timestamp { Timestamp(iso: generatedOn) ?? Timestamp(secondsSinceEpoch: 0) }

    /// The HTML paper printed to PDF by a headless Chromium-family browser (A4, or landscape):
    /// the browser's own header and footer are off, the paper's footer and marking come from its
    /// stylesheet. The browser gets a throw-away profile so a browser already open is not disturbed.
    /// Then finished for PDF/UA where Python's pikepdf is installed (`PDFFinishing`).
    public func pdf(programs: ExternalPrograms) throws -> Data {
        let printed = try printToPDF(html(), programs: programs, madeAt: madeAt)
        guard let python = programs.findPDFFinisher() else { return printed }
        return try withScratchFolder { folder in try finishPDF(printed, python: python, in: folder, programs: programs) }
    }

    /// The Markdown paper converted to Word by pandoc, with a reference document that gives the
    /// tables borders and a header row, and sets A4 (or landscape) pages; then its tables
    /// finished (`WordTables`: status cells shaded, details rows spanned).
    public func docx(programs: ExternalPrograms) throws -> Data {
        let house = try programs.wordStyles.map { WordReference.houseStyles(try WordTables.styles(of: $0)) }
        let reference = WordReference.document(landscape: landscape, marking: marking,
                                               footer: "\(plan.title) · \(title)\(soFar ? " (draft)" : "")", styles: house)
        // Title and author for the document's properties (their paragraphs are hidden by the reference's styles).
        let metadata = ["title": clean("\(plan.title): \(title)"), "author": clean(author.isEmpty ? plan.partnership : author)]
        let data = try wordDocument(from: markdown(forWord: true), reference: reference, metadata: metadata, madeAt: madeAt, programs: programs)
        return try WordTables.finishPackage(data, statuses: ragDefinitions.map { ($0.letter, $0.label) })
    }
}

/// `markdown` made into a Word document by pandoc with `reference` as its reference document and
/// `metadata` (with the language, en-GB) as the document's properties. pandoc dates the
/// properties and the parts by `madeAt` when given (SOURCE_DATE_EPOCH), else by the clock.
func wordDocument(from markdown: String, reference: Data, metadata: [String: String], madeAt: Timestamp?,
                  programs: ExternalPrograms) throws -> Data {
    let pandoc = try programs.findPandoc()
    return try withScratchFolder { folder in
        let input = folder.appendingPathComponent("paper.md")
        let referencePath = folder.appendingPathComponent("reference.docx")
        let output = folder.appendingPathComponent("paper.docx")
        try Data(markdown.utf8).write(to: input)
        try reference.write(to: referencePath)
        let properties = (metadata.sorted { $0.key < $1.key } + [("lang", "en-GB")]).map { "--metadata=\($0.0):\($0.1)" }
        try run(pandoc, ["--from=markdown", "--to=docx", "--reference-doc=\(referencePath.path)", "--output=\(output.path)"] + properties + [input.path],
                in: folder, timeout: 120, what: "making the Word document", cancellation: programs.cancellation,
                environment: madeAt.map { ["SOURCE_DATE_EPOCH": String($0.secondsSinceEpoch)] } ?? [:])
        guard let data = try? Data(contentsOf: output), data.starts(with: Data("PK".utf8)) else {
            throw ConversionError(description: "making the Word document: pandoc finished but wrote no document")
        }
        return data
    }
}

/// `html` printed to PDF by the browser `programs` finds.
func printToPDF(_ html: String, programs: ExternalPrograms, madeAt: Timestamp) throws -> Data {
    let browser = try programs.findBrowser()
    return try withScratchFolder { folder in
        let input = folder.appendingPathComponent("report.html")
        let output = folder.appendingPathComponent("report.pdf")
        try Data(html.utf8).write(to: input)
        var arguments = ["--headless", "--disable-gpu", "--no-pdf-header-footer", "--generate-pdf-document-outline", "--no-first-run", "--disable-extensions",
                         "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--print-to-pdf=\(output.path)"]
        if geteuid() == 0 { arguments.append("--no-sandbox") }  // Chromium refuses to run as root with its sandbox
        arguments.append(input.absoluteString)
        try run(browser, arguments, in: folder, timeout: 120, what: "printing the PDF", cancellation: programs.cancellation)
        guard let data = try? Data(contentsOf: output), data.starts(with: Data("%PDF".utf8)) else {
            throw ConversionError(description: "printing the PDF: \(browser) finished but wrote no PDF")
        }
        return reproducible(pdf: data, madeAt: madeAt)
    }
}
