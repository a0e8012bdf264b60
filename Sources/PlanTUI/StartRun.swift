import Foundation
import PlanApp
import PlanModel
import PlanReports
import PlanStore

/// What the start screen needs from the command line: opening a plan for a session, reading
/// the folder as a portfolio, the user and the clock.
public struct StartServices {
    public var user: String
    public var clock: () -> Timestamp
    public var prepare: (String) -> Result<OpenedPlan, DplanError>
    /// The portfolio of the plans in these files (for `runPortfolio`'s `load`).
    public var portfolio: ([String]) -> (entries: [PortfolioEntry], paths: [String])

    public init(user: String, clock: @escaping () -> Timestamp, prepare: @escaping (String) -> Result<OpenedPlan, DplanError>,
                portfolio: @escaping ([String]) -> (entries: [PortfolioEntry], paths: [String])) {
        self.user = user
        self.clock = clock
        self.prepare = prepare
        self.portfolio = portfolio
    }
}

extension StartListing {
    /// Reads the folder's plans and spreadsheets, the recent list and the samples.
    public static func load(folder: String, samples sampleFolder: String?, recentFile: String = RecentPlans.file()) -> StartListing {
        func entries(_ paths: [String]) -> [StartEntry] {
            paths.map { path in
                do throws(DplanError) {
                    return StartEntry(path: path, label: try readPlan(path).plan.title)
                } catch {
                    return StartEntry(path: path, label: "(cannot be read: \(error.message.split(separator: "\n").first ?? ""))")
                }
            }
        }
        func files(in folder: String, endingIn endings: [String]) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
                .filter { name in !name.hasPrefix(".") && endings.contains { name.lowercased().hasSuffix($0) } }
                .sorted().map { (folder as NSString).appendingPathComponent($0) }
        }
        let recent = RecentPlans.read(from: recentFile).filter { FileManager.default.fileExists(atPath: $0) }
        return StartListing(folder: folder, plans: entries(files(in: folder, endingIn: [".json"])), recent: entries(recent),
                            samples: sampleFolder.map { entries(files(in: $0, endingIn: [".json"])) } ?? [],
                            trackers: files(in: folder, endingIn: [".xlsx", ".csv"]).map { ($0 as NSString).lastPathComponent })
    }
}

/// Runs the start screen until the user quits; plans opened from it come back to it.
@MainActor
public func runStart(folder: String, samples: String?, services: StartServices) {
    let terminal = Terminal()
    defer { terminal.restore() }
    var state = StartState(listing: .load(folder: folder, samples: samples), today: services.clock().day, size: terminal.size)
    while true {
        terminal.paint(renderStart(state))
        guard let key = terminal.readKey(idleMilliseconds: 2000) else { continue }
        let event: StartState.Event = key == .resize ? .resized(width: terminal.size.width, height: terminal.size.height) : .key(key)
        if key == .resize { terminal.invalidate() }
        guard let effect = state.update(event) else { continue }
        if effect == .quit { return }
        if let outcome = performStart(effect, folder: folder, services: services, terminal: terminal) { _ = state.update(outcome) }
        _ = state.update(.listed(.load(folder: folder, samples: samples)))
        terminal.invalidate()
    }
}

/// Does what the start screen asked; returns what to tell it (a failure, a tracker's mapping).
@MainActor
private func performStart(_ effect: StartState.Effect, folder: String, services: StartServices, terminal: Terminal) -> StartState.Event? {
    let context = EditContext(by: services.user, now: services.clock())
    switch effect {
    case .quit: return nil
    case .open(let path): return openFromStart(path, services: services, terminal: terminal)
    case .portfolio:
        runPortfolio(load: { services.portfolio([folder]) }, user: services.user, prepare: services.prepare, clock: services.clock, terminal: terminal)
        return nil
    case .previewTracker(let path):
        do {
            let preview = try TrackerPreview(file: path)
            return .previewed(path: path, mapping: preview.lines, title: preview.table.title)
        } catch {
            return .failed(error.message)
        }
    case .importTracker(let answers):
        do {
            _ = try TrackerPreview(file: answers.tracker).createPlan(into: answers.file, partnership: answers.partnership,
                                                                     title: answers.trackerTitle == nil ? answers.title : nil, context: context)
        } catch {
            return .failed(error.message)
        }
        return openFromStart(answers.file, services: services, terminal: terminal)
    case .createPlan(let answers):
        do {
            try PlanFile.create(try answers.plan(context: context), at: answers.file)
        } catch let error as PlanFileError {
            return .failed(DplanError.file(error).message)
        } catch let error as DplanError {
            return .failed(error.message)
        } catch {
            return .failed("\(error)")
        }
        return openFromStart(answers.file, services: services, terminal: terminal)
    }
}

/// Opens a plan in a session on this terminal and records it as opened lately.
@MainActor
private func openFromStart(_ path: String, services: StartServices, terminal: Terminal) -> StartState.Event? {
    switch services.prepare(path) {
    case .success(let opened):
        RecentPlans.record(path)
        runSession(opened, user: services.user, clock: services.clock, terminal: terminal)
        opened.close()
        return nil
    case .failure(let error):
        return .failed(error.message)
    }
}
