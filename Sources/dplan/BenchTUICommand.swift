import ArgumentParser
import Foundation
import PlanApp
import PlanModel
import PlanReports
import PlanStore
import PlanTUI

/// `dplan bench-tui FILE --keys …`: the real state → update → render path for a scripted key
/// sequence at a fixed screen size, timed per key, with no terminal.
struct BenchTUI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-tui",
        abstract: "Measure per-keystroke update+render time of the front end without a terminal.",
        discussion: "Keys: characters as typed; ⏎ Enter, ⎋ Esc, ↓ ↑ arrows, ⇟ ⇞ page down/up. Prints start-up time and median/p99 per key.",
        shouldDisplay: false)

    @Argument(help: "The plan file, or a folder of plans for the portfolio screen.") var file: String
    @Option(help: "The key script, e.g. \"⏎jjjj⇟⇟/knife⏎\".") var keys: String
    @Option(name: .customLong("repeat"), help: "Repeat the script this many times (the state carries on).") var rounds: Int = 1
    @Option(help: "Screen width.") var width: Int = 120
    @Option(help: "Screen height.") var height: Int = 40
    @Option(help: "Also time saving the plan (after the keys) to this path.") var saveTo: String?
    @Flag(help: "Also print each key's time, in the order typed.") var eachKey = false

    func run() throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), isFolder.boolValue { return try benchPortfolio() }
        let clock = ContinuousClock()
        let started = clock.now
        let plan = try openForEditing(file).1
        let loaded = clock.now
        var state = AppState(plan: plan, path: file, user: "bench", now: try currentTime(), size: (width, height))
        var frame = render(state)
        let firstFrame = clock.now
        // As the run loop does after each paint (off the keystroke path, timed separately).
        _ = state.update(.painted)
        var afterPaint = [clock.now - firstFrame]
        let script = keys.map(Self.key)
        var samples: [Duration] = []
        samples.reserveCapacity(script.count * rounds)
        for _ in 0..<rounds {
            for key in script {
                let before = clock.now
                _ = state.update(.key(key))
                frame = render(state)
                let painted = clock.now
                samples.append(painted - before)
                _ = state.update(.painted)
                afterPaint.append(clock.now - painted)
            }
        }
        func ms(_ d: Duration) -> String { String(format: "%.3f", Double(d.components.attoseconds) / 1e15 + Double(d.components.seconds) * 1000) }
        if eachKey {
            let typed = Array(keys)
            for (index, sample) in samples.enumerated() { print("key \(index + 1) \(typed[index % typed.count]) \(ms(sample))") }
        }
        samples.sort()
        let p99 = samples[min(samples.count - 1, Int((Double(samples.count) * 0.99).rounded(.up)) - 1)]
        print("load+validate_ms \(ms(loaded - started))")
        print("first_frame_ms \(ms(firstFrame - started))")
        print("keys \(samples.count)")
        print("median_ms \(ms(samples[samples.count / 2]))")
        print("p99_ms \(ms(p99))")
        print("max_ms \(ms(samples.last!))")
        print("after_paint_max_ms \(ms(afterPaint.max()!))")
        print("screen_chars \(frame.plainText.count)")
        if let saveTo {
            // Saved as the front end saves: through a document opened on a copy of the file
            // (check for outside changes, rotate a backup, write atomically with fsync).
            do {
                try AtomicFile.write(try PlanFile.read(file), to: saveTo)
                var document = try PlanDocument.open(saveTo)
                let before = clock.now
                _ = try document.save(state.plan)
                print("save_ms \(ms(clock.now - before))")
            } catch {
                throw DplanError.refused("\(error)")
            }
        }
    }

    /// The portfolio screen: reading the folder's plans to the first frame, then each key.
    private func benchPortfolio() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let plans = try loadPortfolio([file], quiet: true)
        let loaded = clock.now
        var state = PortfolioState(entries: plans.portfolio(on: try currentTime().day), paths: plans.map { $0.file ?? $0.label },
                                   size: (width, height))
        var frame = renderPortfolio(state)
        let firstFrame = clock.now
        var samples: [Duration] = []
        for _ in 0..<rounds {
            for key in keys.map(Self.key) {
                let before = clock.now
                if state.update(.key(key)) != nil { continue }  // Enter or q would leave the screen: not timed
                frame = renderPortfolio(state)
                samples.append(clock.now - before)
            }
        }
        guard !samples.isEmpty else { throw DplanError.usage("--keys: no key stayed on the portfolio screen") }
        func ms(_ d: Duration) -> String { String(format: "%.3f", Double(d.components.attoseconds) / 1e15 + Double(d.components.seconds) * 1000) }
        samples.sort()
        print("load+validate_ms \(ms(loaded - started))")
        print("first_frame_ms \(ms(firstFrame - started))")
        print("keys \(samples.count)")
        print("median_ms \(ms(samples[samples.count / 2]))")
        print("p99_ms \(ms(samples[min(samples.count - 1, Int((Double(samples.count) * 0.99).rounded(.up)) - 1)]))")
        print("max_ms \(ms(samples.last!))")
        print("after_paint_max_ms 0.000")
        print("screen_chars \(frame.plainText.count)")
    }

    static func key(_ character: Character) -> Key {
        switch character {
        case "⏎": .enter
        case "⎋": .escape
        case "↓": .down
        case "↑": .up
        case "⇟": .pageDown
        case "⇞": .pageUp
        default: .character(character)
        }
    }
}
