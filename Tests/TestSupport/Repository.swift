import Foundation

/// The repository root (two folders above this file's folder).
public let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The `dplan` binary built beside the test bundle.
public func dplanBinary() -> URL {
    var folder = Bundle.main.bundleURL
    if folder.pathExtension == "xctest" { folder.deleteLastPathComponent() }
    for candidate in [folder, folder.deletingLastPathComponent()] {
        let url = candidate.appendingPathComponent("dplan")
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return repositoryRoot.appendingPathComponent(".build/debug/dplan")
}
