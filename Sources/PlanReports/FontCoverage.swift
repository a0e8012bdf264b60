import Foundation

/// Writing systems whose letters a printed paper (PDF, Word) shows as empty boxes when no
/// installed font has them: a Punjabi commentary on a machine without a Gurmukhi font, say.
/// Each is a Unicode block and a letter of it to ask fontconfig about.
public struct WritingSystem: Sendable, Equatable {
    public var name: String
    var range: ClosedRange<UInt32>
    var sample: UInt32

    static let all: [WritingSystem] = [
        .init(name: "Arabic (Urdu, Arabic)", range: 0x0600...0x06FF, sample: 0x0628),
        .init(name: "Hebrew", range: 0x0590...0x05FF, sample: 0x05D0),
        .init(name: "Devanagari (Hindi, Marathi, Nepali)", range: 0x0900...0x097F, sample: 0x0915),
        .init(name: "Bengali (Bengali, Sylheti)", range: 0x0980...0x09FF, sample: 0x0995),
        .init(name: "Gurmukhi (Punjabi)", range: 0x0A00...0x0A7F, sample: 0x0A15),
        .init(name: "Gujarati", range: 0x0A80...0x0AFF, sample: 0x0A95),
        .init(name: "Tamil", range: 0x0B80...0x0BFF, sample: 0x0B95),
        .init(name: "Telugu", range: 0x0C00...0x0C7F, sample: 0x0C15),
        .init(name: "Sinhala", range: 0x0D80...0x0DFF, sample: 0x0D9A),
        .init(name: "Thai", range: 0x0E00...0x0E7F, sample: 0x0E01),
        .init(name: "Ethiopic (Amharic, Tigrinya)", range: 0x1200...0x137F, sample: 0x1200),
        .init(name: "Hangul (Korean)", range: 0xAC00...0xD7AF, sample: 0xAC00),
        .init(name: "Chinese and Japanese", range: 0x4E00...0x9FFF, sample: 0x4E00),
        .init(name: "Japanese kana", range: 0x3040...0x30FF, sample: 0x3042),
    ]
}

/// The writing systems used in `text` that no installed font covers, by `hasFont` (which asks
/// fontconfig by default; where there is no fontconfig nothing can be said, so nothing is). A
/// system is covered when its sample letter and the first few different letters the text uses
/// of it all have a font: a font with 一 alone (Noto Traditional Nushu) does not print 東京.
public func writingSystemsWithoutFont(in text: String, hasFont: (UInt32) -> Bool = fontconfigHasFont) -> [String] {
    let asked = 8  // letters asked about per system, besides its sample: one fontconfig call each
    var used: [Int: [UInt32]] = [:]
    for scalar in text.unicodeScalars where scalar.value >= 0x0590 {
        guard let index = WritingSystem.all.firstIndex(where: { $0.range.contains(scalar.value) }) else { continue }
        var letters = used[index] ?? []
        if letters.count < asked, !letters.contains(scalar.value) { letters.append(scalar.value) }
        used[index] = letters
    }
    return used.keys.sorted().map { (WritingSystem.all[$0], used[$0]!) }
        .filter { system, letters in !([system.sample] + letters).allSatisfy(hasFont) }.map(\.0.name)
}

/// Whether fontconfig (`fc-list :charset=…`) knows a font with this character; true when
/// fontconfig is not installed (Windows, most Macs), where it cannot be told.
public func fontconfigHasFont(_ scalar: UInt32) -> Bool {
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    guard let fcList = folders.map({ "\($0)/fc-list" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return true }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: fcList)
    process.arguments = [":charset=\(String(scalar, radix: 16))", "family"]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return true }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return process.terminationStatus != 0 || !data.allSatisfy { $0 == 0x0A || $0 == 0x20 }
}

extension Report {
    /// A warning for a printed paper (PDF or Word) whose text uses writing systems no installed
    /// font covers, naming them and what to install; nil when every one has a font.
    public func missingFontWarning(hasFont: (UInt32) -> Bool = fontconfigHasFont) -> String? {
        let missing = writingSystemsWithoutFont(in: markdown(), hasFont: hasFont)
        guard !missing.isEmpty else { return nil }
        return "warning: no installed font has \(missing.joined(separator: ", ")): that text will print as empty boxes; "
            + "install fonts that cover it (Debian/Ubuntu: fonts-noto-core, and fonts-noto-cjk for Chinese, Japanese and Korean)"
    }
}
