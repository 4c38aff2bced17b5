import ArgumentParser

/// Which part of a database to read, and how to reach a server.
struct SchemaOptions: ParsableArguments {
  @Option(name: .customLong("schema"), help: ArgumentHelp("Read only schema NAME; repeatable. Default: every non-system schema.", valueName: "NAME"))
  var schemas: [String] = []

  @Option(help: ArgumentHelp("Seconds to wait for a database server (default 10).", valueName: "SECONDS"))
  var connectTimeout: Int?

  func validate() throws {
    if let connectTimeout, connectTimeout < 1 { throw ValidationError("--connect-timeout must be at least 1 second") }
  }
}
