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
  /// The most bytes read from a file, pipe, stdin or program (`InputReader.defaultLimit` when nil).
  public var maxInputSize: Int?
  public var inputLimit: Int { maxInputSize ?? InputReader.defaultLimit }
  /// The folder a provider's own source paths are made relative to when nothing nearer tells
  /// where its project starts: the folder erdviz (and an `--exec` program) runs in.
  public var workingDirectory: String?
  /// Seconds a database read waits for a lock another session holds (a migration's
  /// `ALTER TABLE`, say) before giving up; nil is erdviz's default (`defaultLockTimeout`) unless
  /// the server or connection already sets one; 0 waits without end.
  public var lockTimeout: Double?
  /// Seconds any one catalog query may run; nil as for `lockTimeout`, 0 without end.
  public var statementTimeout: Double?

  public static let defaultLockTimeout: Double = 10
  public static let defaultStatementTimeout: Double = 120

  public init(
    schemas: [String] = [], connectTimeout: Int? = nil, log: Log = Log(), dialect: Dialect? = nil,
    strict: Bool = false, lockTimeout: Double? = nil, statementTimeout: Double? = nil, maxInputSize: Int? = nil,
    workingDirectory: String? = nil
  ) {
    self.schemas = schemas
    self.connectTimeout = connectTimeout
    self.log = log
    self.dialect = dialect
    self.strict = strict
    self.lockTimeout = lockTimeout
    self.statementTimeout = statementTimeout
    self.maxInputSize = maxInputSize
    self.workingDirectory = workingDirectory
  }
}

/// Where diagnostics go: warnings always, details only when verbose, and the phases of a long
/// run to a progress display when there is one (the CLI's, on a terminal).
public struct Log: Sendable {
  public var verbose: Bool
  private let sink: @Sendable (String) -> Void
  private let progress: (any ProgressDisplay)?

  public init(
    verbose: Bool = false, progress: (any ProgressDisplay)? = nil, sink: @escaping @Sendable (String) -> Void = { _ in }
  ) {
    self.verbose = verbose
    self.progress = progress
    self.sink = sink
  }

  /// Runs `body` as a phase named `label` (inspecting, laying out, writing).
  public func phase<T, E: Error>(_ label: @autoclosure () -> String, _ body: () throws(E) -> T) throws(E) -> T {
    guard let progress else { return try body() }
    progress.begin(label())
    defer { progress.end() }
    return try body()
  }

  /// A new text for the running phase (`laying out page 3 of 12`), keeping its clock.
  public func update(_ label: @autoclosure () -> String) { progress?.update(label()) }

  public func warning(_ message: String) { sink("warning: \(message)") }

  /// What erdviz chose to do, said whether or not the run is verbose (a big drawing degraded).
  public func note(_ message: String) { sink("note: \(message)") }

  public func info(_ message: @autoclosure () -> String) {
    if verbose { sink(message()) }
  }
}

/// Shows the phase a run is in while it lasts. Phases do not nest: a phase ends before the next
/// begins.
public protocol ProgressDisplay: Sendable {
  func begin(_ phase: String)
  func update(_ phase: String)
  func end()
}
