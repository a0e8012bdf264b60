import Foundation
import PlanModel
import PlanReports

/// The plans of a portfolio as read for a paper across them, and the files left out, each with why.
public struct PortfolioRead: Sendable {
    public var plans: [LabelledPlan]
    /// "FILE: why it was left out", in the order met.
    public var skipped: [String]

    public init(plans: [LabelledPlan], skipped: [String]) {
        self.plans = plans
        self.skipped = skipped
    }
}

/// Reads a portfolio: each file given, and the `.json` files of each folder given (not hidden, by
/// name). A file that is not a readable plan, a plan with problems (`dplan validate`), a second
/// copy of a plan already read (the same plan id) and a plan whose financial year starts in
/// another month than most of the others' (its quarters would not line up) are left out and named;
/// the rest are read. Refused when no plan is left.
public func readPortfolio(_ paths: [String]) throws(DplanError) -> PortfolioRead {
    var read: [(file: String, plan: Plan)] = [], skipped: [String] = []
    for file in portfolioFiles(paths) {
        do {
            let plan = try readPlan(file).plan
            let problems = plan.validate()
            if let first = problems.first {
                skipped.append("\(file): not a valid plan (\(first); \(problems.count) problem\(problems.count == 1 ? "" : "s"), see dplan validate)")
            } else if let earlier = read.first(where: { $0.plan.id == plan.id }) {
                skipped.append("\(file): a second copy of plan \(plan.id) (first read from \(earlier.file))")
            } else {
                read.append((file, plan))
            }
        } catch {
            skipped.append(error.message.split(separator: "\n").prefix(2).joined(separator: " "))
        }
    }
    let months = Dictionary(grouping: read.map(\.plan.financialYearStartMonth), by: { $0 }).mapValues(\.count)
    // The month most plans use; on a tie, the first plan's.
    let first = read.first?.plan.financialYearStartMonth
    if let usual = months.max(by: { a, b in a.value != b.value ? a.value < b.value : b.key == first })?.key {
        for entry in read where entry.plan.financialYearStartMonth != usual {
            skipped.append("\(entry.file): its financial year starts in \(monthName(entry.plan.financialYearStartMonth)), the other plans' in "
                           + "\(monthName(usual)), so its quarters do not line up with theirs")
        }
        read.removeAll { $0.plan.financialYearStartMonth != usual }
    }
    guard !read.isEmpty else {
        throw .refused((["\(paths.joined(separator: ", ")): no plan could be read"] + skipped.map { "skipped \($0)" }).joined(separator: "\n"))
    }
    return PortfolioRead(plans: LabelledPlan.labelled(read), skipped: skipped)
}

/// Each file given, and each folder's `.json` files (not hidden), by name.
private func portfolioFiles(_ paths: [String]) -> [String] {
    paths.flatMap { path -> [String] in
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
        return names.sorted().map { (path as NSString).appendingPathComponent($0) }
    }
}

private func monthName(_ month: Int) -> String {
    let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    return names.indices.contains(month - 1) ? names[month - 1] : "month \(month)"
}

/// Whether `paths` make a portfolio rather than one plan: several paths, or a folder.
public func isPortfolio(_ paths: [String]) -> Bool {
    var isFolder: ObjCBool = false
    return paths.count > 1 || paths.first.map { FileManager.default.fileExists(atPath: $0, isDirectory: &isFolder) && isFolder.boolValue } == true
}
