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
