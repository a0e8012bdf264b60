import Testing
import TerminalText

/// Issue 23, item 6: line breaks and simple lists are shown as written on a terminal.
@Suite struct WrappedTextTests {
    @Test func lineBreaksAndListsAreKeptAndListItemsWrapUnderTheirText() {
        let text = "Patrols doubled.\r\n\n\n- two arrests at the station entrance\n• one seizure\n12. referrals made\n\u{1B}[31mred"
        #expect(wrappedText(text, toWidth: 20) == [
            "Patrols doubled.", "",
            "- two arrests at the", "  station entrance",
            "• one seizure",
            "12. referrals made",
            "red",  // the escape sequence is removed
        ])
        #expect(wrappedText("one line only", toWidth: 40) == ["one line only"])
        #expect(wrappedText("", toWidth: 40) == [""])
    }
}
