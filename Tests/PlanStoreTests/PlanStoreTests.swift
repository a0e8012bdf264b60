import Foundation
import PlanModel
@testable import PlanStore
import Testing

/// The repository's `plans/` folder.
let plansFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("plans")

func samplePlanPaths() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: plansFolder.path).filter { $0.hasSuffix(".json") }.sorted()
        .map { plansFolder.appendingPathComponent($0).path }
}

/// The Hillingdon serious violence sample, which the store tests edit by its action ids.
let hillingdonSample = plansFolder.appendingPathComponent("hillingdon-serious-violence-2024-27.json").path

/// A fresh temporary folder for one test.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

private func decodeError(_ text: String) -> PlanFileError? {
    decodeError(bytes: Array(text.utf8))
}

private func decodeError(bytes: [UInt8]) -> PlanFileError? {
    do {
        _ = try PlanCoding.decode(Data(bytes), file: "p.json")
        return nil
    } catch {
        return error
    }
}

@Suite struct RoundTripTests {
    @Test func everySamplePlanRoundTripsByteForByte() throws {
        let paths = try samplePlanPaths()
        #expect(paths.count >= 2)
        for path in paths {
            let original = try Data(contentsOf: URL(fileURLWithPath: path))
            let plan = try PlanFile.load(path)
            #expect(plan.validate().isEmpty, "\(path) should be valid")
            #expect(PlanCoding.encode(plan) == original, "\(path) should re-encode to the same bytes")
        }
    }

    @Test func encodingIsCanonical() throws {
        let plan = Plan(id: "p", title: "T", partnership: "CSP",
                        period: Period(start: Day(iso: "2025-04-01")!, end: Day(iso: "2026-03-31")!))
        let text = String(decoding: PlanCoding.encode(plan), as: UTF8.self)
        #expect(text.hasSuffix("}\n"))
        #expect(text.contains("\"actions\" : [],"))
        #expect(text.contains("\"groups\" : {},"))
        let keys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(keys == keys.sorted())
        #expect(try PlanCoding.decode(Data(text.utf8), file: "x") == plan)
    }
}

@Suite struct LoadErrorTests {
    @Test func truncatedJSONReportsLineAndColumn() throws {
        let full = try String(contentsOfFile: hillingdonSample, encoding: .utf8)
        let cut = String(full.prefix(full.count / 2))
        let error = try #require(decodeError(cut))
        let lines = cut.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(error.line == lines.count)
        #expect(error.column != nil)
        #expect(error.message.hasPrefix("invalid JSON: expected"))
        #expect(error.message.contains("truncated"))
    }

    @Test func syntaxErrorPointsAtTheOffendingCharacter() throws {
        let error = try #require(decodeError("{\n  \"schemaVersion\": 1,\n  \"title\": \"x\",,\n}"))
        #expect(error.description == "p.json:3:16: invalid JSON: expected a field name in double quotes")
        let unquoted = try #require(decodeError("{\"a\": [1, 2 3]}"))
        #expect(unquoted.line == 1 && unquoted.column == 13)
        #expect(unquoted.message == "invalid JSON: expected ',' or ']'")
        let badUTF8 = try #require(decodeError(bytes: [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D]))
        #expect(badUTF8.message == "invalid JSON: expected valid UTF-8 text")
        #expect(badUTF8.column == 7)
    }

    @Test func wrongTypesAndMissingFieldsGiveJSONPaths() throws {
        let plan = Plan(id: "p", title: "T", partnership: "CSP",
                        period: Period(start: Day(iso: "2025-04-01")!, end: Day(iso: "2026-03-31")!),
                        owners: [Owner(id: "o", name: "O")],
                        actions: [Action(id: "A-1", group: .primary, title: "t", owner: "o")])
        let good = String(decoding: PlanCoding.encode(plan), as: UTF8.self)
        let wrongStatus = try #require(decodeError(good.replacingOccurrences(of: "\"not-started\"", with: "\"purple\"")))
        #expect(wrongStatus.path == "actions[0].status")
        #expect(wrongStatus.message.contains("expected one of not-started, red, amber, green, complete"))
        let wrongType = try #require(decodeError(good.replacingOccurrences(of: "\"title\" : \"t\"", with: "\"title\" : 5")))
        #expect(wrongType.path == "actions[0].title")
        #expect(wrongType.message.hasPrefix("expected text"))
        let missing = try #require(decodeError(good.replacingOccurrences(of: "\"partnership\" : \"CSP\",", with: "")))
        #expect(missing.path == "partnership")
        #expect(missing.message == "missing required field")
        let badDate = try #require(decodeError(good.replacingOccurrences(of: "\"2026-03-31\"", with: "\"31/03/2026\"")))
        #expect(badDate.path == "period.end")
        #expect(badDate.message.contains("YYYY-MM-DD"))
    }

    @Test func newerSchemaIsRefused() throws {
        let error = try #require(decodeError("{\"schemaVersion\": 2, \"something\": \"new\"}"))
        #expect(error.path == "schemaVersion")
        #expect(error.message.contains("newer dplan (schemaVersion 2)"))
        let noVersion = try #require(decodeError("{\"title\": \"x\"}"))
        #expect(noVersion.path == "schemaVersion")
    }

    @Test func emptyMissingAndFolder() throws {
        let folder = try temporaryFolder()
        let empty = folder.appendingPathComponent("empty.json").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        #expect(throws: PlanFileError(file: empty, message: "the file is empty; expected a JSON plan (see docs/plan-format.md)")) {
            try PlanFile.load(empty)
        }
        let missing = folder.appendingPathComponent("nope.json").path
        #expect(throws: PlanFileError(file: missing, message: "cannot open: No such file or directory")) { try PlanFile.load(missing) }
        #expect(throws: PlanFileError(file: folder.path, message: "is a folder; expected a plan file (.json)")) {
            try PlanFile.load(folder.path)
        }
    }
}

@Suite struct SaveTests {
    @Test func saveReplacesAtomicallyAndKeepsPermissions() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("plan.json").path
        var plan = try PlanFile.load(hillingdonSample)
        try PlanFile.save(plan, to: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        plan.title = "Renamed"
        try PlanFile.save(plan, to: path)
        #expect(try PlanFile.load(path).title == "Renamed")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan.json"])
    }

    @Test func saveThroughASymlinkKeepsTheLink() throws {
        let folder = try temporaryFolder()
        let real = folder.appendingPathComponent("real.json").path
        let link = folder.appendingPathComponent("link.json").path
        var plan = try PlanFile.load(hillingdonSample)
        try PlanFile.save(plan, to: real)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.json")
        plan.title = "Through the link"
        try PlanFile.save(plan, to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.json")
        #expect(try PlanFile.load(real).title == "Through the link")
    }

    @Test func failedSaveLeavesTheOriginalAndNoTemporaryFile() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("plan.json").path
        let plan = try PlanFile.load(hillingdonSample)
        try PlanFile.save(plan, to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        // Something already occupies the temporary file's name, so the write cannot start.
        let blocker = "\(path).tmp-\(getpid())"
        try FileManager.default.createDirectory(atPath: blocker, withIntermediateDirectories: false)
        var changed = plan
        changed.title = "Changed"
        #expect(throws: PlanFileError.self) { try PlanFile.save(changed, to: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        try FileManager.default.removeItem(atPath: blocker)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan.json"])
    }

    @Test func createRefusesToOverwrite() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("plan.json").path
        let plan = try PlanFile.load(hillingdonSample)
        try PlanFile.create(plan, at: path)
        #expect(throws: PlanFileError.self) { try PlanFile.create(plan, at: path) }
    }
}

@Suite struct DocumentationExampleTests {
    /// The full example in docs/plan-format.md is a valid plan in canonical form.
    @Test func planFormatExampleIsValidAndCanonical() throws {
        let doc = try String(contentsOf: plansFolder.deletingLastPathComponent().appendingPathComponent("docs/plan-format.md"), encoding: .utf8)
        let start = try #require(doc.range(of: "```json\n"))
        let end = try #require(doc.range(of: "```\n", range: start.upperBound..<doc.endIndex))
        let example = Data(doc[start.upperBound..<end.lowerBound].utf8)
        let plan = try PlanCoding.decode(example, file: "docs/plan-format.md")
        #expect(plan.validate().isEmpty)
        #expect(PlanCoding.encode(plan) == example)
    }
}

@Suite struct FaultInjectionTests {
    /// A save that fails at any step leaves the original byte-identical and no temporary file.
    @Test func everyFailingStepLeavesTheOriginal() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("plan.json").path
        var plan = try PlanFile.load(hillingdonSample)
        try PlanFile.save(plan, to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        plan.title = "Changed"
        for step in AtomicFile.Step.allCases {
            #expect(throws: PlanFileError.self, "\(step)") {
                try AtomicFile.write(PlanCoding.encode(plan), to: path, failingAt: step)
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "\(step)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan.json"], "\(step)")
        }
        try AtomicFile.write(PlanCoding.encode(plan), to: path, failingAt: nil)
        #expect(try PlanFile.load(path).title == "Changed")
    }

    /// Every file in `folder` and below, by path relative to it, with its bytes.
    private func contents(of folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: folder) {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: "\(folder)/\(name)", isDirectory: &isFolder), !isFolder.boolValue {
                files[name] = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name)"))
            }
        }
        return files
    }

    /// A save of a document that fails at any step of writing, or is refused (it would fail
    /// validation, it clashes with a change on disk, it has unresolved conflicts), leaves the
    /// plan, its backups and everything else in its folder byte-identical.
    @Test func aFailedOrRefusedSaveLeavesTheBackupsAsTheyWere() throws {
        let folder = try temporaryFolder().path
        let path = "\(folder)/plan.json"
        try FileManager.default.copyItem(atPath: hillingdonSample, toPath: path)
        var document = try PlanDocument.open(path)
        document.backups = 3
        var plan = document.base
        let me = EditContext(by: "Me", now: Timestamp(iso: "2026-11-22T10:00:00Z")!)
        for round in 1...4 {
            try plan.editAction(id: "WSA-02", context: me) { $0.title = "Round \(round)" }
            _ = try document.save(plan)
        }
        var before = try contents(of: folder)
        #expect(before.keys.filter { $0.hasPrefix(".dplan/plan.") && $0.hasSuffix(".json") }.count == 3)
        try plan.editAction(id: "WSA-02", context: me) { $0.title = "Round 5" }
        for step in AtomicFile.Step.allCases {
            #expect(throws: PlanDocument.SaveError.self, "\(step)") { _ = try document.save(plan, failingAt: step) }
            #expect(try contents(of: folder) == before, "\(step)")
        }
        var invalid = plan
        invalid.actions[0].owner = "nobody"
        #expect(throws: PlanDocument.SaveError.self) { _ = try document.save(invalid) }
        #expect(try contents(of: folder) == before, "a plan that fails validation")
        var conflicted = plan
        conflicted.conflicts = [MergeConflict(path: "title", base: "\"A\"", ours: "\"B\"", theirs: "\"C\"")]
        #expect(throws: PlanDocument.SaveError.self) { _ = try document.save(conflicted) }
        #expect(try contents(of: folder) == before, "unresolved conflicts")
        var theirs = try PlanFile.load(path)
        try theirs.editAction(id: "WSA-02", context: EditContext(by: "Colleague", now: me.now)) { $0.title = "Theirs" }
        try PlanFile.save(theirs, to: path)
        before = try contents(of: folder)
        #expect(throws: PlanDocument.SaveError.self) { _ = try document.save(plan) }
        #expect(try contents(of: folder) == before, "a clash with a change on disk")
        // A save that succeeds rotates: the version it replaced is backup 1.
        _ = try document.save(plan, resolving: ["actions[id=WSA-02].title": .ours])
        #expect(try contents(of: folder)[".dplan/plan.1.json"] == before["plan.json"])
    }
}
