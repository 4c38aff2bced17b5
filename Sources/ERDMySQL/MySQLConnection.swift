import CMariaDB
import ERDInspect
import Foundation

/// Initialises the client library once, before any thread opens a connection: `mysql_init` does
/// it on first use, but not safely when two threads get there together.
private let libraryReady: Bool = mysql_server_init(0, nil, nil) == 0

/// One MariaDB Connector/C connection, opened from a `mysql://` URL and the option files the
/// library reads itself, used for reading only.
final class MySQLConnection {
  private let handle: UnsafeMutablePointer<MYSQL>
  /// Host, port (or socket) and database, for messages; never the password.
  let endpoint: MySQLEndpoint
  private let secrets: MySQLSecrets
  /// How many statements this connection has run, so tests can hold the count fixed.
  private(set) var queryCount = 0
  /// Called after each statement with its number; tests use it to cut the connection midway.
  var afterQuery: ((Int) -> Void)?
  /// Called with each statement's text before it runs; tests check that all of them only read.
  var willRun: ((String) -> Void)?

  private init(handle: UnsafeMutablePointer<MYSQL>, endpoint: MySQLEndpoint, secrets: MySQLSecrets) {
    self.handle = handle
    self.endpoint = endpoint
    self.secrets = secrets
  }

  deinit { mysql_close(handle) }

  /// Connects, or fails with one line naming host, port and database.
  static func connect(_ url: MySQLURL, connectTimeout: Int?) throws(InspectError) -> MySQLConnection {
    var secrets = MySQLSecrets(url)
    guard libraryReady, let handle = mysql_init(nil) else {
      throw .unavailable(url.scheme, reason: "cannot initialise the MariaDB client library")
    }
    configure(handle, url, connectTimeout: connectTimeout)
    let connected = mysql_real_connect(
      handle, url.host, url.user, url.password, url.database, UInt32(url.port ?? 0), url.socket, 0)
    // The option files are read now, inside mysql_real_connect: only now are their values known.
    secrets.add(handle.pointee.options.password.map { String(cString: $0) })
    let endpoint = MySQLEndpoint(url: url, options: handle.pointee.options)
    guard connected != nil else {
      let reason = secrets.scrub(MySQLEndpoint.reason(handle))
      mysql_close(handle)
      throw .unavailable(endpoint.description, reason: "cannot connect: \(reason)")
    }
    // Connector/C 3.3 falls back to plain text when the server offers no TLS, unless it is to
    // verify the certificate: REQUIRED is checked here, before any query (VERIFY_CA and
    // VERIFY_IDENTITY fail in the handshake, before the password's scramble is sent).
    if url.sslMode == .required && mysql_get_ssl_cipher(handle) == nil {
      mysql_close(handle)
      throw .unavailable(
        endpoint.description, reason: "cannot connect: ssl-mode=REQUIRED, but the server does not support SSL")
    }
    // An option file may name another character set; the catalog is read as UTF-8 whatever it says.
    _ = mysql_set_character_set(handle, "utf8mb4")
    return MySQLConnection(handle: handle, endpoint: endpoint, secrets: secrets)
  }

  private static func configure(_ handle: UnsafeMutablePointer<MYSQL>, _ url: MySQLURL, connectTimeout: Int?) {
    // `[client]` (and `[client-mariadb]`) of ~/.my.cnf and /etc/mysql/my.cnf, or the one file asked for.
    mysql_options(handle, MYSQL_READ_DEFAULT_GROUP, "client")
    if let file = url.optionFile { mysql_options(handle, MYSQL_READ_DEFAULT_FILE, file) }
    mysql_options(handle, MYSQL_SET_CHARSET_NAME, "utf8mb4")
    let timeout = connectTimeout ?? url.connectTimeout ?? 10
    erd_mysql_set_uint(handle, MYSQL_OPT_CONNECT_TIMEOUT, UInt32(clamping: timeout))
    // No reconnecting behind our back (a new connection would leave the snapshot), and no
    // LOAD DATA LOCAL: a hostile server could otherwise ask for a client file.
    erd_mysql_set_bool(handle, MYSQL_OPT_RECONNECT, 0)
    erd_mysql_set_bool(handle, MYSQL_OPT_LOCAL_INFILE, 0)
    mysql_options4(handle, MYSQL_OPT_CONNECT_ATTR_ADD, "program_name", "erdviz")
    if url.socket != nil { erd_mysql_set_uint(handle, MYSQL_OPT_PROTOCOL, MYSQL_PROTOCOL_SOCKET.rawValue) }
    switch url.sslMode {
    case .disabled, nil: break
    case .preferred: mysql_ssl_set(handle, nil, nil, nil, nil, nil)
    case .required: erd_mysql_set_bool(handle, MYSQL_OPT_SSL_ENFORCE, 1)
    case .verifyCA, .verifyIdentity:
      erd_mysql_set_bool(handle, MYSQL_OPT_SSL_ENFORCE, 1)
      erd_mysql_set_bool(handle, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, 1)
    }
  }

  /// `101119` for 10.11.19.
  var serverVersion: Int { Int(mysql_get_server_version(handle)) }

  /// MariaDB or MySQL: their catalogs differ in a few columns.
  var isMariaDB: Bool { String(cString: mysql_get_server_info(handle)).contains("MariaDB") }

  var serverDescription: String { String(cString: mysql_get_server_info(handle)) }

  /// Runs a statement that returns no rows.
  func execute(_ sql: String, what: String) throws(InspectError) {
    _ = try query(sql, what: what)
  }

  /// Runs one statement and returns its rows as text.
  func query(_ sql: String, what: String) throws(InspectError) -> MySQLResult {
    willRun?(sql)
    queryCount += 1
    let failed = sql.withCString { mysql_real_query(handle, $0, UInt(strlen($0))) } != 0
    let result = failed ? nil : mysql_store_result(handle)
    defer { if let result { mysql_free_result(result) } }
    if failed || (result == nil && mysql_field_count(handle) > 0) {
      if MySQLEndpoint.lostConnection.contains(mysql_errno(handle)) {
        throw .unavailable(endpoint.description, reason: "the server closed the connection while \(what)")
      }
      throw .unavailable(endpoint.description, reason: "\(what): \(secrets.scrub(MySQLEndpoint.reason(handle)))")
    }
    let rows = MySQLResult(result)
    afterQuery?(queryCount)
    return rows
  }

  /// `'text'` as an SQL string literal, escaped for this connection's character set.
  func quote(_ text: String) -> String {
    var bytes = Array(text.utf8)
    var out = [CChar](repeating: 0, count: bytes.count * 2 + 1)
    bytes.append(0)
    let length = bytes.withUnsafeBufferPointer { input in
      input.withMemoryRebound(to: CChar.self) { chars in
        mysql_real_escape_string(handle, &out, chars.baseAddress, UInt(chars.count - 1))
      }
    }
    // (unsigned long)-1: the server's sql_mode has NO_BACKSLASH_ESCAPES and the text a quote,
    // which in that mode is escaped by doubling it.
    guard length < out.count else { return "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
    return "'" + String(decoding: out[..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self) + "'"
  }
}
