import Testing
@testable import PlanTUI

/// What a screen reader or braille display gets: they follow the terminal's cursor and read
/// text, not colour, so the cursor sits on the selected row and nothing is told by colour alone.
@Suite struct ScreenReaderTests {
    /// The first row that starts in the selected tone (the highlighted row).
    private func selectedRow(_ frame: Frame) -> Int? {
        (0..<frame.height).first { frame.rows[$0].first?.tone == .selected }
    }

    @Test(arguments: [(80, 24), (120, 40)]) func theCursorFollowsTheSelectionInTheListAndIndicators(width: Int, height: Int) throws {
        var state = try makeState(width: width, height: height)
        state.press(.tab)  // the action list
        var frame = render(state)
        let first = try #require(frame.cursorOrSelection)
        #expect(first.x == 0 && first.y == selectedRow(frame), "\(first) vs row \(String(describing: selectedRow(frame)))")
        state.press(.down, .down)
        frame = render(state)
        let moved = try #require(frame.cursorOrSelection)
        #expect(moved.y > first.y && moved.y == selectedRow(frame) && frame.text(row: moved.y).contains(state.list.selectedActionID(in: state.plan) ?? "?"),
                "\(moved): \(frame.text(row: moved.y))")
        state.press(.character("I"), .down)  // the indicators, second one selected
        frame = render(state)
        let indicator = try #require(frame.cursorOrSelection)
        #expect(indicator.y == 4 && frame.text(row: 4).contains(String(state.plan.indicators[1].name.prefix(8))), "\(frame.text(row: indicator.y))")
    }

    @Test func anEditorKeepsTheCursorWhereTyping() throws {
        var state = try makeState()
        state.press(.tab, .character("/"))  // filter: a one-line editor at the foot
        let frame = render(state)
        #expect(frame.cursor != nil && frame.cursorOrSelection == frame.cursor)
    }

    /// Better and worse on the indicators screen are words, so they read the same without colour.
    @Test func indicatorMovementsAreInWords() throws {
        var state = try makeState()
        state.press(.character("I"))
        let frame = render(state)
        let rows = (3..<7).map { frame.text(row: $0) }
        #expect(rows.contains { $0.contains("▲+24%  worse") } && rows.contains { $0.contains("▲+2%   better") }, "\(rows)")
    }
}
