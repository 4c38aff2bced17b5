import ERDRender
import Glibc
import Synchronization

/// Writes to stdout and stderr without Foundation's `FileHandle.write`, which traps when a write
/// fails (a full disk, a closed descriptor): here a failure is an error or a remembered flag.
public enum StandardStreams {
  /// Writes the bytes to stdout; a failure (`> /dev/full`, `>&-`) is an output error.
  public static func writeOutput(_ bytes: [UInt8]) throws(OutputError) {
    try writeOutput(.held(bytes))
  }

  /// Writes the content to stdout piece by piece as it is made.
  public static func writeOutput(_ content: OutputContent) throws(OutputError) {
    if let failure = FileCommit.writeAll(content, to: STDOUT_FILENO).failure {
      throw .cannotWrite("stdout", reason: failure)
    }
  }

  /// Writes a line to stderr; a failure is remembered for the exit status, since it cannot be told.
  public static func writeDiagnostic(_ line: String) { writeStandardError(line + "\n") }

  /// Writes text as it is to stderr; a failure is remembered for the exit status.
  static func writeStandardError(_ text: String) {
    if FileCommit.writeAll(Array(text.utf8), to: STDERR_FILENO) != nil {
      diagnosticsFailed.withLock { $0 = true }
    }
  }

  /// Whether a diagnostic could not be written to stderr (`2>/dev/full`).
  public static var diagnosticsLost: Bool { diagnosticsFailed.withLock { $0 } }

  private static let diagnosticsFailed = Mutex(false)
}
