import ArgumentParser
import ERDInspect
import ERDViz
import Foundation

/// The two schemas `erdviz diff` compares: OLD and NEW as arguments, or either or both as the
/// DDL a provider program prints (`--old-exec`, `--new-exec`, the programs after `--`).
///
/// One program reads as `inspect --exec` does: `erdviz diff OLD --new-exec -- prog args…`. Two are
/// separated by a lone `;` (as find's -exec ends its program): `--old-exec --new-exec -- prog1
/// args… ';' prog2 args…`. An argv cannot sit in the middle of erdviz's own options without a
/// terminator (its `--dialect` would be taken for erdviz's), `--` is already how erdviz is given a
/// program, and a repeated `--old-exec-arg X` for every word would bury the command.
struct DiffSources: ParsableArguments {
  @Argument(
    help: ArgumentHelp("The schema before: a database URL or file, a DDL or JSON file, or -.", valueName: "old"))
  var first: String?

  @Argument(
    help: ArgumentHelp(
      "The schema after (with --old-exec or --new-exec, the one side that is no program).", valueName: "new"))
  var second: String?

  /// OLD and NEW as given (one of them, or none, when programs stand in for them).
  private var sources: [String] { [first, second].compactMap { $0 } }

  @Flag(help: "OLD is the DDL a program prints; the program follows --.")
  var oldExec = false

  @Flag(help: "NEW is the DDL a program prints; the program follows -- (after OLD's and a ';' when both).")
  var newExec = false

  @Option(help: "The dialect of both sides' SQL DDL: postgresql, mysql, mariadb, sqlite, mssql (sniffed when absent).")
  var dialect: Dialect?

  @Option(help: "The dialect of OLD's SQL DDL.")
  var oldDialect: Dialect?

  @Option(help: "The dialect of NEW's SQL DDL.")
  var newDialect: Dialect?

  @Flag(help: "Fail on DDL statements erdviz does not model instead of skipping them.")
  var strict = false

  @Option(help: ArgumentHelp("Seconds to wait for each --old-exec/--new-exec program.", valueName: "SECONDS"))
  var execTimeout: Double = ProgramCommand.defaultTimeout

  @Flag(name: .shortAndLong, help: "Report progress and decisions on stderr.")
  var verbose = false

  @OptionGroup var schema: SchemaOptions

  @Argument(
    parsing: .postTerminator,
    help: ArgumentHelp("With --old-exec/--new-exec: the program(s) and arguments, after --.", valueName: "program"))
  var command: [String] = []

  func validate() throws {
    let programs = (oldExec ? 1 : 0) + (newExec ? 1 : 0)
    guard sources.count + programs == 2 else {
      throw ValidationError("diff compares two schemas: give OLD and NEW (\(sources.count + programs) given)")
    }
    if programs == 0 && !command.isEmpty {
      throw ValidationError(
        "arguments after -- are a program for --old-exec or --new-exec; add one to run \(command[0])")
    }
    if programs > 0 && command.isEmpty { throw ValidationError("--old-exec/--new-exec need a program after --") }
    if programs == 2 && split.count != 2 {
      throw ValidationError("with --old-exec and --new-exec, separate the two programs with ';' (\\; in a shell)")
    }
    if dialect != nil && (oldDialect != nil || newDialect != nil) {
      throw ValidationError("give --dialect for both sides, or --old-dialect/--new-dialect, not both")
    }
    if execTimeout <= 0 { throw ValidationError("--exec-timeout must be a positive number of seconds") }
  }

  /// The programs after `--`, split at a lone `;`.
  private var split: [[String]] { command.split(separator: ";", omittingEmptySubsequences: false).map(Array.init) }

  /// The last program's trailing `-o FILE` and `-f FORMAT`, which are erdviz's (as with --exec).
  var trailing: (program: [String], outputs: [String], format: String?) {
    DDLOptions.trailing(split.last ?? [])
  }

  /// OLD and NEW, each with how to read it.
  func sides(log: Log) throws(RunError) -> (old: DiffRequest.Side, new: DiffRequest.Side) {
    var programs = split
    if !programs.isEmpty { programs[programs.count - 1] = trailing.program }
    var arguments = sources[...]
    func source(_ isProgram: Bool) throws(RunError) -> Source {
      if isProgram { return .program(ProgramCommand(arguments: programs.removeFirst(), timeout: execTimeout)) }
      do {
        return try Source.resolve(arguments.removeFirst(), stdinIsTerminal: true, environment: [:])
      } catch {
        throw .inspect(error)
      }
    }
    let old = try source(oldExec)
    let new = try source(newExec)
    return (side(old, oldDialect ?? dialect, log), side(new, newDialect ?? dialect, log))
  }

  private func side(_ source: Source, _ dialect: Dialect?, _ log: Log) -> DiffRequest.Side {
    let options = InspectOptions(
      schemas: schema.schemas, connectTimeout: schema.connectTimeout, log: log, dialect: dialect, strict: strict,
      workingDirectory: FileManager.default.currentDirectoryPath)
    return DiffRequest.Side(source: source, inspect: options)
  }
}
