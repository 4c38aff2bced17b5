import ERDInspect
import ERDSchema

/// Reads a live PostgreSQL schema over libpq, read-only, in one consistent snapshot.
///
/// Everything comes from `PostgresCatalogReader.queries` catalog queries (15, whatever the number
/// of tables), run inside one `REPEATABLE READ READ ONLY` transaction: nothing is written, and no
/// lock is taken beyond what reading the catalog takes.
public struct PostgresInspector: SchemaInspector {
  public var connection: String
  /// Seconds to wait for the server; nil keeps the connection string's own or erdviz's 10 s.
  public var connectTimeout: Int?
  /// Called after each query with its number (tests use it to drop the connection midway).
  package var afterQuery: (@Sendable (Int) -> Void)?

  public init(connection: String, connectTimeout: Int? = nil) {
    self.connection = connection
    self.connectTimeout = connectTimeout
  }

  public func inspect(_ options: InspectOptions) throws(InspectError) -> Catalog {
    let connection = try PGConnection.connect(self.connection, connectTimeout: connectTimeout)
    connection.afterQuery = afterQuery
    options.log.info("postgres: connected to \(connection.endpoint) (server \(connection.serverVersion))")
    try connection.execute("SET default_transaction_read_only = on")
    try setTimeouts(connection, options)
    // JIT compilation costs more than it saves on catalog queries: 250 ms of 300 at 5,000 tables.
    if connection.serverVersion >= 110_000 { try connection.execute("SET jit = off") }
    try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    let before = connection.queryCount
    let catalog = try PostgresCatalogReader(connection: connection, log: options.log).read(schemas: options.schemas)
    options.log.info("postgres: read the catalog in \(connection.queryCount - before) queries")
    try connection.execute("ROLLBACK")
    return catalog
  }

  /// `lock_timeout` and `statement_timeout`, so that a migration holding a lock (or a catalog
  /// query gone slow) makes erdviz fail with a reason rather than wait for ever. An explicit
  /// option always wins; erdviz's defaults apply only where the role, database or connection
  /// string (`options=-c lock_timeout=…`, `PGOPTIONS`) has not set one already.
  private func setTimeouts(_ connection: PGConnection, _ options: InspectOptions) throws(InspectError) {
    let settings = [
      ("lock_timeout", options.lockTimeout, InspectOptions.defaultLockTimeout),
      ("statement_timeout", options.statementTimeout, InspectOptions.defaultStatementTimeout),
    ]
    for (name, chosen, fallback) in settings {
      let milliseconds = String(Int(((chosen ?? fallback) * 1000).rounded()))
      let onlyIfUnset = chosen == nil ? " WHERE current_setting('\(name)') = '0'" : ""
      _ = try connection.query(
        "SELECT set_config('\(name)', $1, false)\(onlyIfUnset)", [milliseconds], what: "setting \(name)")
    }
    connection.timeouts = (
      lock: Self.setting(connection, "lock_timeout"), statement: Self.setting(connection, "statement_timeout")
    )
  }

  private static func setting(_ connection: PGConnection, _ name: String) -> String {
    let rows = try? connection.query("SELECT current_setting('\(name)')", [], what: "reading \(name)")
    return rows?.values.first?.first.flatMap { $0 } ?? "?"
  }
}
