import Foundation

/// What `dplan` alone prints outside a terminal (exit 2): the three commands people start with.
let startUsage = """
    no plan given. In a terminal, dplan alone opens the start screen. The commands people start with:
      dplan PLAN.json                                      open a plan (a folder of plans: the portfolio)
      dplan import TRACKER.xlsx --into PLAN.json           make a plan from a tracker (with --partnership NAME)
      dplan export PLAN.json --format pdf -o paper.pdf     the quarter's board paper
    dplan --help lists every command; man dplan describes them.
    """

/// Where the sample plans are: `$DPLAN_SAMPLES` when set, else `share/dplan/plans` beside the
/// binary's folder (the .deb's /usr/share/dplan, the tarball's share/), else the `plans` folder
/// of the source checkout the binary was built in; nil when there is none.
func samplePlansFolder() -> String? {
    if let chosen = ProcessInfo.processInfo.environment["DPLAN_SAMPLES"], !chosen.isEmpty { return chosen }
    guard let binary = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return nil }
    var folder = binary.deletingLastPathComponent()
    let installed = folder.deletingLastPathComponent().appendingPathComponent("share/dplan/plans")
    if FileManager.default.fileExists(atPath: installed.path) { return installed.path }
    while folder.path != "/" {
        let plans = folder.appendingPathComponent("plans")
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
           FileManager.default.fileExists(atPath: plans.path) { return plans.path }
        folder = folder.deletingLastPathComponent()
    }
    return nil
}
