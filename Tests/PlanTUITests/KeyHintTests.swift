import PlanModel
@testable import PlanTUI
import Testing

/// The status bar's hints and the words on each screen name only keys that work there (issue #27:
/// the meeting's indicator step once said `v` records a value when the key is `V`).
@Suite struct KeyHintTests {
    /// Every key a screen's hint row names does, on that screen, what the hint says: the first
    /// key of each hinted binding, and every key a hint writes as "n/r/a/g/c".
    @Test func everyHintedKeyWorksOnItsScreen() {
        for mode in Mode.allCases {
            let bindings = Keymap.bindings(for: mode)
            for binding in bindings where binding.hint != nil {
                guard let key = binding.keys.first else { Issue.record("\(mode): a hint without a key"); continue }
                #expect(Keymap.command(for: key, in: mode) == binding.command, "\(mode): \(key) \(binding.hint ?? "")")
                for letter in (binding.hintKeys ?? "").split(separator: "/") where letter.count == 1 {
                    #expect(Keymap.command(for: .character(letter.first!), in: mode) != nil, "\(mode): \(letter) in \(binding.hintKeys ?? "")")
                }
            }
        }
    }

    /// The words written on screens ("Enter opens", "v ticks"), each checked against the keymap of
    /// the screen it is on, and found on that screen so a reworded text cannot slip past.
    @Test func keysNamedInScreenTextWorkThere() throws {
        let claims: [(String, (inout AppState) -> Void, Mode, String, [(Key, Command)])] = [
            ("overview", { _ in }, .overview, "Enter opens the action list · M starts a meeting · ? lists every key",
             [(.enter, .open), (.character("M"), .startMeeting), (.character("?"), .help)]),
            ("indicators", { $0.press(.character("I")) }, .indicators, "Enter opens · v records a value",
             [(.enter, .open), (.character("v"), .recordValue)]),
        ]
        for (name, open, mode, text, keys) in claims {
            var state = try makeState(width: 120, height: 36)
            open(&state)
            #expect(state.screen.mode == mode, "\(name)")
            #expect(render(state).plainText.contains(text), "\(name): \(text)")
            for (key, command) in keys { #expect(Keymap.command(for: key, in: mode) == command, "\(name): \(key)") }
        }
        // Meeting mode names v for milestones and PgUp/PgDn for a long commentary.
        #expect(Keymap.command(for: .character("v"), in: .meeting) == .tickMilestones)
        #expect(Keymap.command(for: .pageUp, in: .meeting) == .pageUp && Keymap.command(for: .pageDown, in: .meeting) == .pageDown)
        #expect(Keymap.command(for: .character("V"), in: .meeting) == .recordValue)
    }
}
