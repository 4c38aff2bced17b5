import ArgumentParser
import ERDInspect
import ERDViz
import Foundation

/// Where the schema comes from, shared by every subcommand that reads one.
struct SourceOptions: ParsableArguments {
  @Argument(help: "The schema to read: a database URL or file, a DDL or JSON file, or - for stdin.")
  var source: String?

  @Flag(name: .shortAndLong, help: "Report progress and decisions on stderr.")
  var verbose = false

  /// Diagnostics go to stderr, one line each, prefixed with the program's name.
  var log: Log {
    Log(verbose: verbose) { line in FileHandle.standardError.write(Data("erdviz: \(line)\n".utf8)) }
  }

  func resolve() throws -> Source {
    try Source.resolve(
      source, stdinIsTerminal: isatty(STDIN_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
  }

  var inspectOptions: InspectOptions { InspectOptions(log: log) }
}
