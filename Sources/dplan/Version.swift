/// What `dplan --version` prints: the release, and the commit a packaged build was made from.
enum BuildInfo {
    /// The release. The one place it is written: `scripts/package` reads it from here.
    static let version = "0.9.0"

    /// The commit `scripts/package` built from (it writes `PackagedCommit.generated.swift` and
    /// passes `-D DPLAN_PACKAGED`); nil for a build from source.
    static var commit: String? {
        #if DPLAN_PACKAGED
        packagedCommit
        #else
        nil
        #endif
    }

    /// `dplan 0.9.0 (commit 1a2b3c4d5e6f)`, or `dplan 0.9.0 (built from source)`.
    static var versionLine: String {
        "dplan \(version) (\(commit.map { "commit " + $0 } ?? "built from source"))"
    }
}
