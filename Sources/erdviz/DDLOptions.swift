import ArgumentParser
import ERDInspect

/// How SQL DDL input is read: its dialect and how strict to be.
struct DDLOptions: ParsableArguments {
  @Option(help: "The dialect of SQL DDL input: postgresql, mysql, mariadb, sqlite, mssql (sniffed when absent).")
  var dialect: Dialect?

  @Flag(help: "Fail on DDL statements erdviz does not model instead of skipping them.")
  var strict = false

  func apply(to options: InspectOptions) -> InspectOptions {
    var options = options
    options.dialect = dialect
    options.strict = strict
    return options
  }
}

extension Dialect: ExpressibleByArgument {
  public init?(argument: String) { self.init(name: argument) }
  public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
