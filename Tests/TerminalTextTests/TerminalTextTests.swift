import TerminalText
import Testing

@Suite struct SanitizeTests {
    @Test func removesEscapeSequencesAndControls() {
        #expect(sanitizedForTerminal("plain text") == "plain text")
        #expect(sanitizedForTerminal("\u{1B}[31mred\u{1B}[0m") == "red")
        #expect(sanitizedForTerminal("a\u{1B}]0;evil title\u{07}b") == "ab")
        #expect(sanitizedForTerminal("a\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\b") == "alinkb")
        #expect(sanitizedForTerminal("x\u{1B}cy") == "xy")
        #expect(sanitizedForTerminal("bell\u{07}\u{08}\u{7F}") == "bell")
        #expect(sanitizedForTerminal("line1\nline2\tend\r") == "line1 line2 end ")
        #expect(sanitizedForTerminal("c1\u{9B}2Jcsi") == "c1csi")
        #expect(sanitizedForTerminal("abc\u{202E}def") == "abcdef")
        #expect(sanitizedForTerminal("Hillingdon – café 東京 👍") == "Hillingdon – café 東京 👍")
    }
}

@Suite struct WidthTests {
    @Test func measuresCells() {
        #expect(displayWidth("abc") == 3)
        #expect(displayWidth("東京") == 4)
        #expect(displayWidth("café") == 4)
        #expect(displayWidth("e\u{301}") == 1)
        #expect(displayWidth("👍") == 2)
        #expect(displayWidth("–") == 1)
    }

    /// Spacing vowel signs take a cell of their own (as tmux and ncurses draw them); marks above
    /// or below and viramas none; conjoining Hangul vowels and finals share the first cell.
    @Test func indicSpacingMarksAndHangulJamoAreMeasuredAsDrawn() {
        #expect(displayWidth("ਜਾ") == 2)
        #expect(displayWidth("ਪੰਜਾਬੀ") == 5)
        #expect(displayWidth("क्ष") == 2)
        #expect(displayWidth("தமிழ்") == 4)
        #expect(displayWidth("\u{1100}\u{1161}\u{11A8}") == 2)
        #expect(displayWidth("👍🏽") == 2 && displayWidth("🇬🇧") == 2)
    }

    @Test func truncatesWithEllipsisWithoutSplittingWideCharacters() {
        #expect(truncated("Knife crime plan", toWidth: 8) == "Knife c…")
        #expect(truncated("short", toWidth: 8) == "short")
        #expect(truncated("東京東京", toWidth: 6) == "東京…")
        #expect(truncated("東京東京", toWidth: 4) == "東…")
        #expect(displayWidth(truncated("東京東京", toWidth: 4)) <= 4)
        #expect(truncated("abc", toWidth: 0) == "")
        #expect(fitted("ab", toWidth: 4) == "ab  ")
        #expect(fitted("東京東京", toWidth: 5) == "東京…")
        #expect(fitted("東京東京", toWidth: 4) == "東… ")
        #expect(fitted("7", toWidth: 3, alignRight: true) == "  7")
    }

    @Test func wrapsAtSpaces() {
        #expect(wrapped("the quick brown fox", toWidth: 10) == ["the quick", "brown fox"])
        #expect(wrapped("abcdefghij", toWidth: 4) == ["abcd", "efgh", "ij"])
        #expect(wrapped("", toWidth: 4) == [""])
    }
}

/// `sanitizedKeepingLines`: what `sanitizedForTerminal` does to each line, with the line breaks
/// (CR LF and lone CR as LF) and tabs kept.
@Suite struct KeepingLinesTests {
    static let fragments = ["a", "Zoë", "\n", "\r\n", "\r", "\t", "\u{1B}[2J", "\u{1B}]0;t\u{07}", "\u{9B}31m", "\u{202E}", "\u{07}", "\u{85}", "東"]

    @Test func everyLineIsCleanedAndEveryBreakKept() {
        for a in Self.fragments {
            for b in Self.fragments {
                for c in Self.fragments {
                    let text = a + b + c
                    let out = sanitizedKeepingLines(text)
                    let unsafe = out.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E }
                    #expect(!unsafe, "\(text.debugDescription) → \(out.debugDescription)")
                    let scalars = Array(text.unicodeScalars)
                    let breaks = scalars.indices.filter { i in scalars[i] == "\r" || (scalars[i] == "\n" && (i == 0 || scalars[i - 1] != "\r")) }.count
                    #expect(out.unicodeScalars.filter { $0 == "\n" }.count == breaks, "\(text.debugDescription) → \(out.debugDescription)")
                    #expect(out.unicodeScalars.filter { $0 == "\t" }.count == text.unicodeScalars.filter { $0 == "\t" }.count)
                }
            }
        }
    }

    @Test func linesReadAsSanitizedForTerminalReadsThem() {
        #expect(sanitizedKeepingLines("one\u{1B}[31m red\r\ntwo\ttabbed\rthree") == "one red\ntwo\ttabbed\nthree")
        #expect(sanitizedKeepingLines("plain\nlines\n") == "plain\nlines\n")
        #expect(sanitizedKeepingLines("") == "")
    }
}
