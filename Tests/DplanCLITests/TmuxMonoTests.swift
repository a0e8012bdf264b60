import Foundation
import Testing
import TestSupport

/// `dplan --mono`: the front end at high contrast, seen through a real terminal.
@Suite(.serialized, .requires(.tmux)) struct TmuxMonoTests {
    private let colourCode = #"\x1B\[[0-9;]*[34][0-7]m"#  // a foreground or background colour
    private let dimCode = #"\x1B\[([0-9;]*;)?2(;[0-9;]*)?m"#  // faint text

    @Test func monoDrawsWithoutColoursOrDimTextAndStatusesStillStandOut() throws {
        let path = try temporaryCopy(of: hillingdonPlan)
        let plain = try TmuxSession(dplan: path, width: 100, height: 30)
        try plain.waitFor("Prevention group")
        let coloured = try plain.screenWithEscapes()
        #expect(coloured.range(of: colourCode, options: .regularExpression) != nil, "colours by default")
        #expect(coloured.range(of: dimCode, options: .regularExpression) != nil, "hints dim by default")
        try plain.quitCleanly()

        let mono = try TmuxSession(dplan: path, options: "--mono", width: 100, height: 30)
        try mono.waitFor("Prevention group")
        let styled = try mono.screenWithEscapes()
        #expect(styled.range(of: colourCode, options: .regularExpression) == nil, "\(styled.debugDescription.prefix(600))")
        #expect(styled.range(of: dimCode, options: .regularExpression) == nil, "\(styled.debugDescription.prefix(600))")
        #expect(styled.contains("\u{1B}[7mR"), "statuses in reverse video with their letter")
        try mono.quitCleanly()
    }
}
