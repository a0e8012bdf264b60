import Foundation
import PlanApp
import PlanModel
import PlanStore
@testable import PlanTUI
import TestSupport
import Testing

/// Thousands of random key events — text with grapheme clusters, wide and combining characters,
/// control keys, escape fragments through the decoder, pastes, clicks, resizes down to 1×1 — fed
/// through update and render on each sample plan and a larger one. Nothing may trap; every frame
/// has the screen's size; the cursor stays on screen; the plan always validates. The run loop's
/// work is answered as it would be (saves succeed, reloads bring nothing new).
///
/// `DPLAN_FUZZ_KEYS` sets the number of keys per plan (`scripts/fuzz-keys` runs many more).
@Suite struct KeyFuzzTests {
    static let keysPerPlan = Int(ProcessInfo.processInfo.environment["DPLAN_FUZZ_KEYS"] ?? "") ?? 1000

    static func plans() throws -> [(String, Plan)] {
        let folder = repositoryRoot.appendingPathComponent("plans")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        var plans = try files.map { ($0, try PlanFile.load(folder.appendingPathComponent($0).path)) }
        // A larger plan: the first sample's actions repeated under new ids.
        var large = plans[0].1
        let originals = large.actions
        for round in 1...15 {
            large.actions += originals.map { action in
                var copy = action
                copy.id = "\(action.id)-\(round)"
                return copy
            }
        }
        plans.append(("large", large))
        return plans
    }

    @Test func randomKeysNeverBreakTheFrontEnd() throws {
        for (seedOffset, (name, plan)) in try Self.plans().enumerated() {
            var random = SplitMix64(state: 0xD91A_2026 &+ UInt64(seedOffset))
            var state = AppState(plan: plan, path: "/tmp/fuzz-\(name).json", user: "Fuzz", now: fixedNow, size: (80, 24))
            var decoder = KeyDecoder()
            for step in 0..<Self.keysPerPlan {
                var events: [Event] = []
                if random.next(100) < 4 {
                    let sizes = [(1, 1), (2, 3), (59, 15), (60, 16), (80, 24), (120, 40), (200, 50), (61, 17)]
                    let size = random.next(2) == 0 ? sizes[random.next(sizes.count)] : (1 + random.next(220), 1 + random.next(70))
                    events.append(.resized(width: size.0, height: size.1))
                } else {
                    for input in Self.randomInput(&random) {
                        events += decoder.feed(input).map { .key($0) }
                    }
                }
                while !events.isEmpty {
                    let event = events.removeFirst()
                    for effect in state.update(event) {
                        events += Self.outcome(of: effect, state: state)
                    }
                }
                let frame = render(state)
                #expect(frame.width == state.layout.width && frame.height == state.layout.height, "\(name) step \(step)")
                #expect(frame.rows.count == frame.height && frame.rows.allSatisfy { $0.count == frame.width }, "\(name) step \(step)")
                if let cursor = frame.cursor {
                    #expect(cursor.x >= 0 && cursor.x < frame.width && cursor.y >= 0 && cursor.y < frame.height,
                            "\(name) step \(step): cursor \(cursor) outside \(frame.width)×\(frame.height)")
                }
                if step % 100 == 0 || step == Self.keysPerPlan - 1 {
                    let problems = state.plan.validate()
                    #expect(problems.isEmpty, "\(name) step \(step): \(problems.first.map { "\($0)" } ?? "")")
                    if !problems.isEmpty { return }
                }
            }
        }
    }

    /// What the run loop would answer for a piece of work, without touching files.
    static func outcome(of effect: Effect, state: AppState) -> [Event] {
        switch effect {
        case .save(_, let thenQuit): [.saved(SaveReport(), thenQuit: thenQuit)]
        case .reload: [.reloaded(merged: state.plan, base: state.plan)]
        case .export(_, let path, _): [.exported(path: path, summary: state.quarter.description)]
        case .editExternally(let text): [.externallyEdited(text + "\nedited 東京 👍🏽")]
        case .quit, .journal, .dropSwap, .cancelExport: []
        }
    }

    static let texts = ["a", "Z", " ", "é", "e\u{301}", "👍🏽", "🇬🇧", "❤️", "東", "ਪੰਜਾਬੀ", "क्ष", "\u{200D}", "\u{301}", "~", "[", "/", "?"]

    /// One random thing a terminal might send: a key ncurses decoded, a character, a control
    /// code, an escape fragment or a whole escape sequence, or a paste.
    static func randomInput(_ random: inout SplitMix64) -> [KeyDecoder.Input] {
        let keys: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab,
                           .backspace, .delete, .click(x: 5, y: 4), .click(x: 40, y: 10), .wheelUp, .wheelDown]
        let commandLetters = Array("nragcmtedoOpPwbx!/fFMC+WEQsuRq?jkhl[] ")
        switch random.next(20) {
        case 0...6: return [.code(commandLetters[random.next(commandLetters.count)].unicodeScalars.first!.value)]
        case 7...9: return Self.texts[random.next(Self.texts.count)].unicodeScalars.map { .code($0.value) }
        case 10...12: return [.key(keys[random.next(keys.count)])]
        case 13: return [.code(UInt32(random.next(32)))]                    // control codes, Ctrl-letters
        case 14: return [.code(27), .timeout]                                // a lone Esc
        case 15: return ["\u{1B}[4~", "\u{1B}[1~", "\u{1B}[99z", "\u{1B}O", "\u{1B}[", "\u{1B}x", "\u{1B}[1;5D"][random.next(7)]
            .unicodeScalars.map { .code($0.value) } + (random.next(2) == 0 ? [.timeout] : [])
        case 16:
            var text = ""
            for _ in 0..<random.next(40) { text += random.next(6) == 0 ? "\r\n" : Self.texts[random.next(Self.texts.count)] }
            return ("\u{1B}[200~" + text + "\u{1B}[201~").unicodeScalars.map { .code($0.value) }
        case 17: return [.code(UInt32(0x80 + random.next(0x80)))]             // C1 controls and Latin-1
        case 18: return [.timeout]
        default: return [.code(13)]                                          // Enter
        }
    }
}
