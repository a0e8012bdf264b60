import Foundation
import PlanApp
import PlanStore
import TerminalText

/// Writes bytes to standard output (`-o -`) after what was printed before them, so a full disk, a
/// closed descriptor or a lost share is an error with a message, never a crash or a silent loss.
func writeStandardOutput(_ data: Data) throws(DplanError) {
    try finishStandardOutput()
    if let failure = writeAll(data, to: STDOUT_FILENO) { throw standardOutputFailure(failure) }
}

/// Flushes what commands printed; a command whose output did not all reach its file fails.
func finishStandardOutput() throws(DplanError) {
    errno = 0
    if fflush(nil) != 0 { throw standardOutputFailure(errno) }
}

private func standardOutputFailure(_ code: Int32) -> DplanError {
    .refused("cannot write to standard output (\(code == 0 ? "write failed" : String(cString: strerror(code)))); what it received is incomplete")
}

/// A message on standard error, made safe for the terminal like everything `print` prints. A
/// standard error that cannot be written to is ignored: there is nowhere left to say so.
func printError(_ message: String, terminator: String = "\n") {
    let safe = sanitizedKeepingLines(message)
    _ = fflush(nil)  // after what was printed to standard output, where both go to one terminal
    _ = writeAll(Data((safe.hasSuffix("\n") ? safe : safe + terminator).utf8), to: STDERR_FILENO)
}
