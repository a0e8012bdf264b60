import PlanModel
import PlanStore
@testable import PlanTUI
import SnapshotTesting
import Testing

/// Every screen as text plus its tone layer, at 80×24 and 120×40, on the Hillingdon sample with a
/// fixed clock and user. A changed screen fails here; review the diff, then re-record by deleting
/// the snapshot file.
@Suite struct ScreenSnapshotTests {
    static let sizes = [(80, 24), (120, 40)]

    static let screens: [(String, @Sendable (inout AppState) -> Void)] = [
        ("overview", { _ in }),
        ("list", { $0.press(.enter) }),
        ("list-filtered", { state in
            state.press(.character("f"), .down, .down, .enter, .down, .enter)  // status red
        }),
        ("detail", { state in state.press(.enter); state.select("WSA-01"); state.press(.enter) }),
        ("editor", { state in state.press(.enter); state.select("SEC-06"); state.press(.character("r")) }),
        ("picker", { state in state.press(.enter); state.select("SEC-06"); state.press(.character("o")) }),
        ("meeting", { state in state.press(.character("M"), .right, .right, .right) }),
        ("meeting-summary", { state in
            state.press(.character("M"), .right, .character("a"))  // WSA-02 green → amber
            state.type("Two quarters of slippage")
            state.press(.enter, .escape)
        }),
        ("help", { $0.press(.character("?")) }),
        ("changes", { $0.press(.character("C")) }),
        ("too-small", { _ = $0.update(.resized(width: 50, height: 12)) }),
        ("list-by-workstream", { $0.press(.enter, .character("b")) }),
        ("list-by-owner", { $0.press(.enter, .character("b"), .character("b")) }),
        ("list-search", { state in state.press(.enter, .character("/")); state.type("police") }),
        ("chase", { $0.press(.character("W"), .down) }),
        ("commentary-pasted", { state in
            state.press(.enter); state.select("SEC-06"); state.press(.character("m"), .control("u"))
            state.press(.paste("Update from the police lead:\nThe next review is in January.\n\n東京 partners: 👍🏽 ਪੰਜਾਬੀ क्ष"))
        }),
        ("conflict", { state in
            _ = state.update(.conflicts([MergeConflict(path: "actions[id=SEC-07].reviews[quarter=2026/27 Q3].commentary", base: nil,
                                                              ours: "\"Mine: the new youth worker starts in January\"",
                                                              theirs: "\"Theirs: recruitment paused until the budget is agreed\"")]))
        }),
        ("export-dialog", { state in
            // The suggested file is beside the plan, whose absolute path differs between clones: name one.
            state.press(.character("E"))
            for _ in 0..<10 { state.press(.down) }
            state.press(.enter, .control("u"))
            state.type("papers/hillingdon-board-2026-27-Q2.pdf")
            state.press(.enter)
            for _ in 0..<9 { state.press(.up) }
            state.press(.right)
        }),
        ("indicators", { $0.press(.character("I"), .down) }),
        ("indicator-detail", { $0.press(.character("I"), .down, .enter) }),
        ("indicator-record", { $0.press(.character("I"), .down, .character("v"), .enter) }),
        ("meeting-indicator", { state in
            // Police's actions, then Police's indicators.
            state.press(.character("f"), .down, .enter)
            state.press(.down, .down, .enter, .character("M"))
            for _ in 0..<((state.meeting?.ids.count ?? 0) + 1) { state.press(.right) }
        }),
    ]

    @Test(arguments: sizes)
    func screens(width: Int, height: Int) throws {
        for (name, setUp) in Self.screens {
            var state = try makeState(width: width, height: height)
            setUp(&state)
            assertSnapshot(of: snapshotText(render(state)), as: .lines, named: "\(name)-\(width)x\(height)")
        }
    }
}
