import Foundation
import Testing

/// A program from outside that some tests need, found on the PATH: tmux drives the front end,
/// Chromium and poppler print and read back board papers, pandoc and unzip make and open Word
/// documents, LibreOffice fills in returns, git shares plans.
///
/// A test names what it needs with the `.requires(…)` trait: when a program is missing it is
/// skipped, and the test list says which program and how to install it. Under `CI=true` (as
/// `.ci/run` sets, after installing them all) the test runs anyway, and `path()` fails it with
/// the same words: CI never skips.
public struct ExternalProgram: Sendable, CustomStringConvertible {
    /// Commands that will do, tried in order ("chromium", "chromium-browser", …).
    public let names: [String]
    /// How to install it ("Debian package poppler-utils").
    public let install: String

    /// Whether something that is not a command on the PATH is installed (a Python package, a
    /// script's data file); nil for an ordinary program.
    let probe: (@Sendable () -> String?)?

    public init(_ names: String..., install: String) {
        self.names = names
        self.install = install
        self.probe = nil
    }

    init(_ name: String, install: String, probe: @escaping @Sendable () -> String?) {
        self.names = [name]
        self.install = install
        self.probe = probe
    }

    public static let tmux = ExternalProgram("tmux", install: "Debian package tmux")
    public static let chromium = ExternalProgram("chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
                                                 install: "Debian package chromium, or Google Chrome")
    public static let pdftotext = ExternalProgram("pdftotext", install: "Debian package poppler-utils")
    public static let pdfinfo = ExternalProgram("pdfinfo", install: "Debian package poppler-utils")
    public static let pandoc = ExternalProgram("pandoc", install: "Debian package pandoc")
    public static let unzip = ExternalProgram("unzip", install: "Debian package unzip")
    public static let soffice = ExternalProgram("soffice", install: "Debian package libreoffice-calc-nogui")
    public static let git = ExternalProgram("git", install: "Debian package git")
    public static let setpriv = ExternalProgram("setpriv", install: "Debian package util-linux")
    public static let fcList = ExternalProgram("fc-list", install: "Debian package fontconfig")
    public static let chromedriver = ExternalProgram("chromedriver", install: "Debian package chromium-driver")
    public static let msmtp = ExternalProgram("msmtp", install: "Debian package msmtp")
    /// Debian's aiosmtpd for `/usr/bin/python3`, which `scripts/mail-sink` (a local SMTP server) runs on.
    public static let aiosmtpd = ExternalProgram("aiosmtpd", install: "Debian package python3-aiosmtpd") {
        scriptAnswers("/usr/bin/python3", ["-c", "import aiosmtpd"])
    }
    /// `scripts/check-accessibility`'s Python side: selenium and axe-core 4.x (`.ci/run` installs both).
    public static let axe = ExternalProgram("axe-core", install: "PyPI selenium, and axe.min.js 4.x in .build/axe-core (see .ci/run)") {
        scriptAnswers("check-accessibility", ["--probe"])
    }
    /// LibreOffice with Writer (Debian splits it from Calc), which opens Word documents.
    public static let writer = ExternalProgram("soffice", install: "Debian package libreoffice-writer-nogui") {
        guard let soffice = ExternalProgram.soffice.installedPath else { return nil }
        let program = URL(fileURLWithPath: soffice).resolvingSymlinksInPath().deletingLastPathComponent()
        return FileManager.default.fileExists(atPath: program.appendingPathComponent("libswlo.so").path) ? soffice : nil
    }
    /// PyPI's pikepdf, which reads a PDF's outline, structure tree and metadata.
    public static let pikepdf = ExternalProgram("pikepdf", install: "PyPI pikepdf (pip install pikepdf)") {
        scriptAnswers("/usr/bin/env", ["python3", "-c", "import pikepdf"])
    }
    /// PyPI's pdfua, which checks the machine-checkable part of PDF/UA-1 (on pikepdf).
    public static let pdfua = ExternalProgram("pdfua", install: "PyPI pdfua (pip install pdfua)") {
        scriptAnswers("/usr/bin/env", ["python3", "-m", "pdfua", "--version"])
    }

    public var description: String { names[0] }

    /// Where it is on the PATH, or nil.
    public var installedPath: String? {
        if let probe { return probe() }
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in names {
            for folder in folders where !folder.isEmpty {
                let path = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }

    /// Why a test that needs it cannot run here.
    public var missingReason: String { "\(self) is not installed (\(install))" }

    /// Where it is; throws (failing the test) when it is not installed. A test reaches this
    /// without the program only under CI, where `.requires` does not skip.
    public func path() throws -> String {
        guard let path = installedPath else { throw Missing(description: "CI=true needs every outside program: \(missingReason)") }
        return path
    }

    /// A program a test needed was not installed.
    public struct Missing: Error, CustomStringConvertible {
        public var description: String
    }
}

/// The repository's folder (holding `scripts/` and `.build/`).
public let repositoryFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The program's path when running it with `arguments` exits 0 (a name without a slash is one of
/// the repository's `scripts/`), else nil.
private func scriptAnswers(_ program: String, _ arguments: [String]) -> String? {
    let path = program.contains("/") ? program : repositoryFolder.appendingPathComponent("scripts/\(program)").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    process.waitUntilExit()
    return process.terminationStatus == 0 ? path : nil
}

/// True when the tests run under CI (`CI=true`), where a missing outside program is a failure.
public var isContinuousIntegration: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

extension Trait where Self == ConditionTrait {
    /// Runs the test only when every one of `programs` is installed, else skips it saying which
    /// is missing and how to install it; under `CI=true` it always runs (and `path()` fails it).
    public static func requires(_ programs: ExternalProgram...) -> Self {
        let missing = programs.filter { $0.installedPath == nil }
        let reason = missing.map(\.missingReason).joined(separator: "; ")
        return .enabled(if: missing.isEmpty || isContinuousIntegration, Comment(rawValue: reason))
    }
}

/// Runs a program and returns what it printed on standard output; a failure is an error.
public func output(of program: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw ProgramFailed(description: "\(program) \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
    }
    return String(decoding: data, as: UTF8.self)
}

/// An outside program ended with a non-zero status.
public struct ProgramFailed: Error, CustomStringConvertible {
    public var description: String
}
