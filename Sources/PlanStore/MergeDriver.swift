import Foundation
import PlanModel

/// git's merge of a plan file (`dplan merge-driver %O %A %B %P`): the three versions are merged
/// field by field with `PlanMerge`, as a save merges; fields both sides changed differently keep
/// our value and are recorded in the plan (`Plan.conflicts`), so the file stays a valid,
/// loadable plan with no conflict markers.
public enum MergeDriver {
    public enum Outcome {
        /// Merged cleanly: the canonical bytes to write, and the new items ours renumbered.
        case merged(Data, renumbered: [Renumbering])
        /// Written with conflicts recorded, or with problems the merge made (an action whose
        /// owner was deleted on the other side): git must report a conflict.
        case conflicted(Data, conflicts: [MergeConflict], problems: [Problem], renumbered: [Renumbering])
        /// One of the versions is not a plan dplan can merge without losing anything (other
        /// JSON, a broken or newer plan, fields dplan does not know, a file added on both
        /// sides): the caller falls back to git's text merge. Says why.
        case notAPlan(String)
    }

    /// What the driver writes into `%A` before it merges, replaced by the result when it
    /// finishes: if it dies first (killed, out of memory), git keeps `%A` as the file and marks
    /// it conflicted, and this line — not a plan — makes every dplan command, `validate`
    /// included, refuse the file and say how to merge again.
    public static func unfinishedMarker(file: String) -> Data {
        Data("\(unfinishedPrefix) \(file) did not finish (dplan merge-driver was stopped). \(howToMergeAgain(file))\n".utf8)
    }

    static let unfinishedPrefix = "dplan: this merge of"

    /// What to do about a file whose merge did not finish.
    public static func howToMergeAgain(_ file: String) -> String {
        "Merge it again with: git checkout -m \(file); or take one side with: git checkout --ours \(file) (or --theirs)"
    }

    /// Merges the three versions' bytes; `file` (git's `%P`) names the file in messages.
    public static func merge(base: Data, ours: Data, theirs: Data, file: String) -> Outcome {
        guard !base.isEmpty else { return .notAPlan("\(file): added on both sides, so there is no common version to merge from") }
        let versions = decodeAll([("the common version", base), ("ours", ours), ("theirs", theirs)], file: file)
        var plans: [Plan] = []
        for version in versions {
            switch version {
            case .success(let plan): plans.append(plan)
            case .failure(let failure): return .notAPlan(failure.reason)
            }
        }
        let result = PlanMerge.mergeRecordingConflicts(base: plans[0], ours: plans[1], theirs: plans[2])
        let bytes = PlanCoding.encode(result.plan)
        let problems = result.plan.validate().filter { !$0.path.hasPrefix("conflicts[") }
        if result.plan.conflicts.isEmpty && problems.isEmpty { return .merged(bytes, renumbered: result.renumbered) }
        return .conflicted(bytes, conflicts: result.plan.conflicts, problems: problems, renumbered: result.renumbered)
    }

    /// Decodes the versions side by side (a large plan takes a quarter of a second to read),
    /// refusing one with fields dplan does not know: the merge could not keep them.
    private static func decodeAll(_ versions: [(name: String, data: Data)], file: String) -> [Result<Plan, MergeDriverFailure>] {
        let results = ResultSlots(count: versions.count)
        DispatchQueue.concurrentPerform(iterations: versions.count) { i in
            let (name, data) = versions[i]
            var unknown: [PlanFileError] = []
            do throws(PlanFileError) {
                let plan = try PlanCoding.decode(data, file: "\(file) (\(name))", unknownFields: &unknown)
                if let first = unknown.first {
                    results.set(i, .failure(MergeDriverFailure(reason: "\(first.description)\(unknown.count > 1 ? " (and \(unknown.count - 1) more)" : ""); a merge would drop fields dplan does not know")))
                } else {
                    results.set(i, .success(plan))
                }
            } catch {
                results.set(i, .failure(MergeDriverFailure(reason: error.description)))
            }
        }
        return results.values
    }
}

/// Why one version cannot be merged as a plan.
private struct MergeDriverFailure: Error {
    var reason: String
}

/// Results filled in from several threads, one slot each.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<Plan, MergeDriverFailure>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<Plan, MergeDriverFailure>) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Result<Plan, MergeDriverFailure>] { slots.map { $0! } }
}
