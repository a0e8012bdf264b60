import Foundation
import PlanModel

/// The repository's sample plans.
let plansFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("plans")
let hillingdonSample = plansFolder.appendingPathComponent("hillingdon-serious-violence-2024-27.json").path
let fixedNow = Timestamp(iso: "2026-11-22T10:00:00Z")!

/// A copy of the Hillingdon sample in a fresh temporary folder, to change.
func copyOfHillingdon() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dplan-app-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("plan.json").path
    try FileManager.default.copyItem(atPath: hillingdonSample, toPath: path)
    return path
}

/// Writes a script and makes it executable through a descriptor closed on exec: a process the
/// test runner spawns meanwhile (tmux's server lives on) cannot inherit it open for writing,
/// which would make running the script fail with "Text file busy".
func writeExecutable(_ text: String, to path: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
    guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    defer { close(fd) }
    let bytes = Array(text.utf8)
    guard write(fd, bytes, bytes.count) == bytes.count else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
}
