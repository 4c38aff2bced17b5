import ERDSchema

/// Reads a schema from one source: a live database, a DDL text, a JSON document.
public protocol SchemaInspector {
  func inspect(_ options: InspectOptions) throws(InspectError) -> Catalog
}

/// What every inspector is asked to do, whatever the source.
public struct InspectOptions: Sendable {
  /// Schemas to read; empty means every non-system schema.
  public var schemas: [String]
  /// Seconds to wait for a database server; nil leaves the source's own setting or the default.
  public var connectTimeout: Int?
  /// Receives `--verbose` progress and warnings, one line each; never passwords.
  public var log: Log
  /// The dialect of DDL input; sniffed from the text when nil.
  public var dialect: Dialect?
  /// DDL statements that erdviz does not model are errors rather than skipped.
  public var strict: Bool
  /// The folder a provider's own source paths are made relative to when nothing nearer tells
  /// where its project starts: the folder erdviz (and an `--exec` program) runs in.
  public var workingDirectory: String?

  public init(
    schemas: [String] = [], connectTimeout: Int? = nil, log: Log = Log(), dialect: Dialect? = nil,
    strict: Bool = false, workingDirectory: String? = nil
  ) {
    self.schemas = schemas
    self.connectTimeout = connectTimeout
    self.log = log
    self.dialect = dialect
    self.strict = strict
    self.workingDirectory = workingDirectory
  }
}

/// Where diagnostics go: warnings always, progress only when verbose.
public struct Log: Sendable {
  public var verbose: Bool
  private let sink: @Sendable (String) -> Void

  public init(verbose: Bool = false, sink: @escaping @Sendable (String) -> Void = { _ in }) {
    self.verbose = verbose
    self.sink = sink
  }

  public func warning(_ message: String) { sink("warning: \(message)") }

  /// What erdviz chose to do, said whether or not the run is verbose (a big drawing degraded).
  public func note(_ message: String) { sink("note: \(message)") }

  public func info(_ message: @autoclosure () -> String) {
    if verbose { sink(message()) }
  }
}
