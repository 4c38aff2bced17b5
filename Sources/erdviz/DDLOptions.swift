import ArgumentParser
import ERDInspect

/// How SQL DDL input is read: its dialect, how strict to be, and provider programs (`--exec`).
struct DDLOptions: ParsableArguments {
  @Option(help: "The dialect of SQL DDL input: postgresql, mysql, mariadb, sqlite, mssql (sniffed when absent).")
  var dialect: Dialect?

  @Flag(help: "Fail on DDL statements erdviz does not model instead of skipping them.")
  var strict = false

  @Flag(
    help: ArgumentHelp(
      "Run the program given after -- and read the DDL it prints (no shell).",
      discussion:
        "Trailing -o FILE and -f FORMAT after the program's arguments are erdviz's; end the program's arguments with -- to give it a final -o of its own."
    ))
  var exec = false

  @Option(help: ArgumentHelp("Seconds to wait for the --exec program before stopping it.", valueName: "SECONDS"))
  var execTimeout: Double = ProgramCommand.defaultTimeout

  @Argument(
    parsing: .postTerminator,
    help: ArgumentHelp("With --exec: the program and its arguments, after --.", valueName: "program"))
  var command: [String] = []

  func validate() throws {
    if exec && command.isEmpty {
      throw ValidationError(
        "--exec needs a program after --, e.g. erdviz inspect --exec -- python manage.py atlas-provider-django")
    }
    if !exec && !command.isEmpty {
      throw ValidationError("arguments after -- are a program for --exec; add --exec to run \(command[0])")
    }
    if execTimeout <= 0 { throw ValidationError("--exec-timeout must be a positive number of seconds") }
  }

  /// The program's own arguments and the erdviz options that trail them: `-o FILE`,
  /// `--output FILE`, `-f FORMAT`, `--format FORMAT`, read from the end. A final `--` ends the
  /// program's arguments with nothing trailing.
  var trailing: (program: [String], outputs: [String], format: String?) { Self.trailing(command) }

  /// `trailing`, of any program's arguments (`erdviz diff` has two programs).
  static func trailing(_ command: [String]) -> (program: [String], outputs: [String], format: String?) {
    var program = command
    if program.last == "--" {
      program.removeLast()
      return (program, [], nil)
    }
    var outputs: [String] = []
    var format: String?
    while program.count >= 3 {
      let flag = program[program.count - 2]
      let value = program[program.count - 1]
      if flag == "-o" || flag == "--output" {
        outputs.insert(value, at: 0)
      } else if (flag == "-f" || flag == "--format") && format == nil {
        format = value
      } else {
        break
      }
      program.removeLast(2)
    }
    return (program, outputs, format)
  }

  /// The `--exec` program as a source, when there is one.
  var source: Source? {
    exec ? .program(ProgramCommand(arguments: trailing.program, timeout: execTimeout)) : nil
  }
}

extension Dialect: ExpressibleByArgument {
  public init?(argument: String) { self.init(name: argument) }
  public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
