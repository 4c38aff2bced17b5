import ERDInspect
import ERDSchema

/// Reads a live MySQL or MariaDB schema over MariaDB Connector/C, read-only.
///
/// Everything comes from `MySQLCatalogReader.queries` queries on `information_schema` (10,
/// whatever the number of tables), run inside one `START TRANSACTION READ ONLY, WITH CONSISTENT
/// SNAPSHOT` in a session set read-only: nothing is written and no lock is taken. The snapshot
/// holds for what the server keeps in InnoDB (MySQL 8's data dictionary); MariaDB reads table
/// definitions from their files as they are at each query.
public struct MySQLInspector: SchemaInspector {
  /// A `mysql://` or `mariadb://` URL.
  public var url: String
  /// Seconds to wait for the server; nil keeps the URL's `connect-timeout` or erdviz's 10 s.
  public var connectTimeout: Int?
  /// Called after each statement with its number (tests use it to drop the connection midway).
  package var afterQuery: (@Sendable (Int) -> Void)?
  /// Called with each statement before it runs (tests check that every one only reads).
  package var willRun: (@Sendable (String) -> Void)?

  public init(url: String, connectTimeout: Int? = nil) {
    self.url = url
    self.connectTimeout = connectTimeout
  }

  public func inspect(_ options: InspectOptions) throws(InspectError) -> Catalog {
    let url = try MySQLURL(self.url)
    let connection = try MySQLConnection.connect(url, connectTimeout: connectTimeout ?? options.connectTimeout)
    connection.afterQuery = afterQuery
    connection.willRun = willRun
    options.log.info("\(url.scheme): connected to \(connection.endpoint) (server \(connection.serverDescription))")
    try connection.execute("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", what: "setting up")
    try connection.execute("START TRANSACTION READ ONLY, WITH CONSISTENT SNAPSHOT", what: "setting up")
    let before = connection.queryCount
    let server = MySQLCatalogSQL.Server(isMariaDB: connection.isMariaDB, version: connection.serverVersion)
    let reader = MySQLCatalogReader(connection: connection, log: options.log, server: server)
    let catalog = try reader.read(schemas: options.schemas, database: url.database)
    options.log.info("\(url.scheme): read the catalog in \(connection.queryCount - before) queries")
    try connection.execute("ROLLBACK", what: "finishing")
    return catalog
  }
}
