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
