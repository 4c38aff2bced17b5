import CLibPQ
import ERDInspect
import Foundation

/// One libpq connection, opened from any connection form libpq accepts (URL, keyword string,
/// `PG*` variables, `~/.pgpass`, `service=`), used for reading only.
final class PGConnection {
  private let handle: OpaquePointer
  /// Host, port and database, for messages; never the password.
  let endpoint: PGEndpoint
  /// How many queries this connection has run, so tests can hold the count fixed.
  private(set) var queryCount = 0
  /// Called after each query with its number; tests use it to cut the connection mid-inspection.
  var afterQuery: ((Int) -> Void)?
  /// The session's `lock_timeout` and `statement_timeout` as the server shows them (`10s`), for
  /// the message when one of them ends a query.
  var timeouts = (lock: "", statement: "")

  private init(handle: OpaquePointer, endpoint: PGEndpoint) {
    self.handle = handle
    self.endpoint = endpoint
  }

  deinit { PQfinish(handle) }

  /// Connects, or fails with one line naming host, port and database.
  static func connect(_ conninfo: String, connectTimeout: Int?) throws(InspectError) -> PGConnection {
    try PGConnectionString.check(conninfo)
    // Our defaults come before `dbname`, which libpq expands from the user's URL or keyword
    // string, so the user's own settings win; an explicit --connect-timeout comes after it.
    var keywords = ["connect_timeout", "fallback_application_name", "dbname"]
    var values = ["10", "erdviz", conninfo]
    if let connectTimeout {
      keywords.append("connect_timeout")
      values.append(String(connectTimeout))
    }
    let connection = withCStringArray(keywords) { k in
      withCStringArray(values) { v in PQconnectdbParams(k, v, 1) }
    }
    guard let connection else { throw .unavailable("postgres", reason: "out of memory") }
    let endpoint = PGEndpoint(connection)
    guard PQstatus(connection) == CONNECTION_OK else {
      let reason = PGEndpoint.reason(String(cString: PQerrorMessage(connection)))
      PQfinish(connection)
      throw .unavailable(endpoint.description, reason: "cannot connect: \(reason)")
    }
    erd_pq_silence_notices(connection)
    return PGConnection(handle: connection, endpoint: endpoint)
  }

  var serverVersion: Int { Int(PQserverVersion(handle)) }

  /// Runs a statement that returns no rows.
  func execute(_ sql: String) throws(InspectError) {
    _ = try query(sql, [], what: "setting up")
  }

  /// Runs one query with text parameters and returns its rows as text.
  func query(_ sql: String, _ parameters: [String?], what: String) throws(InspectError) -> PGRows {
    let result = withOptionalCStringArray(parameters) { params in
      PQexecParams(handle, sql, Int32(parameters.count), nil, params, nil, nil, 0)
    }
    defer { PQclear(result) }
    queryCount += 1
    let status = PQresultStatus(result)
    guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else {
      if PQstatus(handle) != CONNECTION_OK {
        throw .unavailable(endpoint.description, reason: "the server closed the connection while \(what)")
      }
      let message = PGEndpoint.reason(String(cString: PQresultErrorMessage(result)))
      let state = PQresultErrorField(result, erd_pq_diag_sqlstate()).map { String(cString: $0) }
      throw .unavailable(endpoint.description, reason: "\(what): \(explain(message, sqlState: state))")
    }
    let rows = PGRows(result)
    afterQuery?(queryCount)
    return rows
  }
}

extension PGConnection {
  /// `lock_not_available` and `query_canceled` (a statement timeout) get the setting that ended
  /// the query and, for a lock, the tables other sessions hold locked.
  fileprivate func explain(_ message: String, sqlState: String?) -> String {
    switch sqlState {
    case "55P03":
      return "\(message) (lock_timeout \(timeouts.lock), --lock-timeout): \(lockHolders())"
    case "57014" where message.contains("statement timeout"):
      return "\(message) (statement_timeout \(timeouts.statement), --statement-timeout)"
    default:
      return message
    }
  }

  /// Which relations other sessions hold locked in a mode that blocks reading (`ACCESS
  /// EXCLUSIVE`, as `ALTER TABLE` takes), and by which process; never their queries' text, which
  /// may hold anything.
  private func lockHolders() -> String {
    _ = try? query("ROLLBACK", [], what: "ending the transaction")
    let sql = """
      SELECT DISTINCT n.nspname, c.relname, l.pid, l.mode
      FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE l.granted AND l.pid <> pg_backend_pid() AND l.mode = 'AccessExclusiveLock'
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'i', 'S')
      ORDER BY 1, 2 LIMIT 6
      """
    guard let rows = (try? query(sql, [], what: "reading locks"))?.values, !rows.isEmpty else {
      return "another session holds a lock erdviz needs (a migration's ALTER TABLE, say)"
    }
    let names = rows.prefix(5).map { row in
      "\(row[0] ?? "?").\(row[1] ?? "?") (\(row[3] ?? "lock") held by process \(row[2] ?? "?"))"
    }
    let more = rows.count > 5 ? ", and more" : ""
    return "locked by another session: " + names.joined(separator: ", ") + more
  }
}

/// The rows of one result, every value as text or nil for NULL.
struct PGRows {
  private(set) var values: [[String?]] = []

  init(_ result: OpaquePointer?) {
    guard let result else { return }
    let rows = PQntuples(result)
    let columns = PQnfields(result)
    values.reserveCapacity(Int(rows))
    for r in 0..<rows {
      var row: [String?] = []
      row.reserveCapacity(Int(columns))
      for c in 0..<columns {
        row.append(PQgetisnull(result, r, c) == 1 ? nil : String(cString: PQgetvalue(result, r, c)))
      }
      values.append(row)
    }
  }
}

/// Where a connection goes, as messages name it: `host:port/database`, or the socket directory.
struct PGEndpoint: CustomStringConvertible {
  var host: String
  var port: String
  var database: String

  init(_ connection: OpaquePointer) {
    host = PQhost(connection).map { String(cString: $0) } ?? ""
    port = PQport(connection).map { String(cString: $0) } ?? ""
    database = PQdb(connection).map { String(cString: $0) } ?? ""
  }

  var description: String {
    let place = host.hasPrefix("/") ? "socket \(host)" : (host.isEmpty ? "localhost" : host)
    return "postgres \(place) port \(port.isEmpty ? "5432" : port) database \"\(database)\""
  }

  /// libpq's message reduced to its reason on one line: `Connection refused`,
  /// `FATAL: password authentication failed for user "x"`.
  static func reason(_ message: String) -> String {
    var lines = message.split(whereSeparator: \.isNewline).map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
    // Hints ("Is the server running on that host…?") repeat what the reason says.
    lines.removeAll { $0.hasPrefix("Is the server running") || $0.hasPrefix("HINT:") }
    var text = lines.joined(separator: "; ").split(separator: " ", omittingEmptySubsequences: true).joined(
      separator: " ")
    if let failed = text.range(of: "failed: ") { text = String(text[failed.upperBound...]) }
    return text.isEmpty ? "unknown error" : text
  }
}

/// Runs `body` with a C array of C strings that lives as long as the call.
private func withCStringArray<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
  withOptionalCStringArray(strings.map { Optional($0) }, body)
}

private func withOptionalCStringArray<R>(
  _ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R
) -> R {
  var owned: [UnsafeMutablePointer<CChar>?] = strings.map { $0.map { strdup($0) } ?? nil }
  owned.append(nil)  // libpq's keyword and value arrays end with NULL
  defer { for p in owned { free(p) } }
  let pointers: [UnsafePointer<CChar>?] = owned.map { $0.map { UnsafePointer($0) } }
  return body(pointers)
}
