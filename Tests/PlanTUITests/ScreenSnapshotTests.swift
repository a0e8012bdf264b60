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
