import ArgumentParser

/// Which part of a database to read, and how to reach a server.
struct SchemaOptions: ParsableArguments {
  @Option(
    name: .customLong("schema"),
    help: ArgumentHelp("Read only schema NAME; repeatable. Default: every non-system schema.", valueName: "NAME"))
  var schemas: [String] = []

  @Option(help: ArgumentHelp("Seconds to wait for a database server (default 10).", valueName: "SECONDS"))
  var connectTimeout: Int?

  @Option(
    help: ArgumentHelp(
      "Seconds to wait for a lock another session holds, such as a running migration's (default 10; 0: no limit).",
      valueName: "SECONDS"))
  var lockTimeout: Double?

  @Option(
    help: ArgumentHelp("Seconds any one catalog query may run (default 120; 0: no limit).", valueName: "SECONDS"))
  var statementTimeout: Double?

  @Option(help: ArgumentHelp("The most MiB read from a file, pipe, stdin or program (default 256).", valueName: "MIB"))
  var maxInputSize: Int?

  func validate() throws {
    if let maxInputSize, maxInputSize < 1 { throw ValidationError("--max-input-size must be at least 1 MiB") }
    if let connectTimeout, connectTimeout < 1 { throw ValidationError("--connect-timeout must be at least 1 second") }
    for (name, value) in [("--lock-timeout", lockTimeout), ("--statement-timeout", statementTimeout)] {
      if let value, value < 0 || !value.isFinite {
        throw ValidationError("\(name) must be 0 or a positive number of seconds")
      }
    }
  }
}
