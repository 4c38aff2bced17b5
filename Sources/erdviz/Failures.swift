import ArgumentParser
import ERDViz

/// Prints what `--check` found on stdout; stale outputs exit 1 (after the body, so an error wins).
func report(_ checks: CheckReport...) throws(RunError) { try report(checks) }

func report(_ checks: [CheckReport]) throws(RunError) {
  guard checks.contains(where: { !$0.isClean }) else { return }
  let text = checks.flatMap(\.lines).map { $0 + "\n" }.joined()
  do { try StandardStreams.writeOutput(Array(text.utf8)) } catch { throw .output(error) }
  throw .stale
}

/// Runs the body; a failure is printed as one line on stderr and exits with its documented
/// status. A diagnostic that could not be written (`2>/dev/full`) makes a success exit 73.
func reportingFailures(_ body: () throws(RunError) -> Void) throws {
  do {
    try body()
  } catch .stale {
    throw ExitCode(ExitStatus.stale.rawValue)
  } catch {
    StandardStreams.writeDiagnostic("erdviz: \(error.description)")
    throw ExitCode(error.exitStatus.rawValue)
  }
  if StandardStreams.diagnosticsLost { throw ExitCode(ExitStatus.cannotCreate.rawValue) }
}
