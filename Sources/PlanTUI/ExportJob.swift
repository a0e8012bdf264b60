import Foundation
import PlanApp
import PlanModel
import PlanReports

/// An export running on its own thread, so the screen keeps answering keys while Chromium or
/// pandoc works (up to two minutes). The run loop polls `outcome` and can `cancel()` it.
final class ExportJob: @unchecked Sendable {
    private let cancellation = Cancellation()
    private let lock = NSLock()
    private var finished: Event?

    /// Starts exporting `plan` (as it is in memory) as `request` asks, to `path`.
    init(plan: LabelledPlan, request: ExportRequest, path: String, overwrite: Bool, now: Timestamp) {
        let cancellation = self.cancellation
        Thread.detachNewThread { [self] in
            let event: Event
            do throws(DplanError) {
                let rendered = try PlanApp.export(plan, request, to: path, overwrite: overwrite, now: now, cancellation: cancellation)
                event = .exported(path: path, summary: rendered.summary, warnings: rendered.warnings)
            } catch {
                event = .exportFailed(request, path: path, error)
            }
            lock.withLock { finished = event }
        }
    }

    /// The event reporting how the export ended, once it has.
    var outcome: Event? { lock.withLock { finished } }

    /// Stops the conversion; the job then ends with `DplanError.cancelled`.
    func cancel() { cancellation.cancel() }

    /// Cancels and waits for the thread to end (quitting must not leave a browser running).
    func cancelAndWait() {
        cancel()
        while outcome == nil { usleep(20_000) }
    }
}
