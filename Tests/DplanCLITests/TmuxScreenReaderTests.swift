import Foundation
import Testing
import TestSupport

/// What a screen reader sees in a real terminal: the terminal's cursor, which screen readers and
/// braille displays follow, sits on the selected row and moves with it.
@Suite(.serialized, .requires(.tmux)) struct TmuxScreenReaderTests {
    private func cursor(_ session: TmuxSession) throws -> (x: Int, y: Int) {
        let answer = try session.tmux(["display-message", "-p", "-t", session.name, "#{cursor_x} #{cursor_y}"])
        let numbers = answer.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        try #require(numbers.count == 2, "tmux said \(answer)")
        return (numbers[0], numbers[1])
    }

    @Test(arguments: [false, true]) func theTerminalCursorFollowsTheSelectedRow(noColor: Bool) throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let session = try TmuxSession(dplan: path, noColor: noColor, width: 80, height: 24)
        _ = try session.press("Tab", until: " row 1 of ")
        let first = try cursor(session)
        let lines = try session.screen().components(separatedBy: "\n")
        #expect(first.x == 0 && first.y > 1 && first.y < lines.count, "\(first)")
        _ = try session.press("Down", until: " row 2 of ")
        let second = try cursor(session)
        #expect(second.x == 0 && second.y == first.y + 1, "\(first) then \(second)")
        let text = try session.screen().components(separatedBy: "\n")
        #expect(second.y < text.count && text[second.y].range(of: "[A-Z]{2,4}-\\d{2}", options: .regularExpression) != nil, "\(text[min(second.y, text.count - 1)])")
        try session.quitCleanly()
    }
}
