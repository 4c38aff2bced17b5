import ArgumentParser
import ERDViz

/// Runs the body; a failure is printed as one line on stderr and exits with its documented
/// status. A diagnostic that could not be written (`2>/dev/full`) makes a success exit 73.
func reportingFailures(_ body: () throws(RunError) -> Void) throws {
  do {
    try body()
  } catch {
    StandardStreams.writeDiagnostic("erdviz: \(error.description)")
    throw ExitCode(error.exitStatus.rawValue)
  }
  if StandardStreams.diagnosticsLost { throw ExitCode(ExitStatus.cannotCreate.rawValue) }
}
