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

  @OptionGroup var schema: SchemaOptions

  /// Diagnostics go to stderr, one line each, prefixed with the program's name. Read it once per
  /// run: each read makes its own progress display.
  var log: Log { .standardError(verbose: verbose) }

  /// SOURCE and --exec name the same thing; only one may be given.
  func validate(with ddl: DDLOptions) throws {
    if source != nil && ddl.exec { throw ValidationError("give either SOURCE or --exec, not both") }
  }

  /// The --exec program, else SOURCE, else stdin or $DATABASE_URL.
  func resolve(with ddl: DDLOptions) throws(RunError) -> Source {
    if let program = ddl.source { return program }
    do {
      return try Source.resolve(
        source, stdinIsTerminal: !stdinIsPiped, environment: ProcessInfo.processInfo.environment)
    } catch {
      throw .inspect(error)
    }
  }

  /// Stdin counts as input only when it is a pipe, a file or a socket: not a terminal, and not
  /// /dev/null (what cron, CI runners and tests often leave a program with).
  private var stdinIsPiped: Bool {
    var info = stat()
    guard fstat(STDIN_FILENO, &info) == 0 else { return false }
    let type = info.st_mode & S_IFMT
    return type == S_IFIFO || type == S_IFREG || type == S_IFSOCK
  }

  func inspectOptions(with ddl: DDLOptions) -> InspectOptions {
    InspectOptions(
      schemas: schema.schemas, connectTimeout: schema.connectTimeout, dialect: ddl.dialect, strict: ddl.strict,
      lockTimeout: schema.lockTimeout, statementTimeout: schema.statementTimeout,
      maxInputSize: schema.maxInputSize.map { $0 << 20 },
      workingDirectory: FileManager.default.currentDirectoryPath)
  }
}
