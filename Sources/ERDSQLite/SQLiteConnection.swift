import CSQLite
import ERDInspect

/// A connection to an SQLite database: a file opened read-only, or a private in-memory database.
final class SQLiteConnection {
  let handle: OpaquePointer
  /// What to call the database in messages: its path, or a description of the in-memory input.
  let label: String

  private init(handle: OpaquePointer, label: String) {
    self.handle = handle
    self.label = label
  }

  deinit { sqlite3_close_v2(handle) }

  /// Opens an existing file read-only; a missing file is an error, never created.
  ///
  /// `immutable` opens without locks or shared memory, so nothing is created beside the file
  /// (no `-wal`, no `-shm`) and a folder the user cannot write is no obstacle: see
  /// `SQLiteFileReader` for when that is safe. Otherwise a locked database is waited for up to
  /// `busyTimeout` seconds.
  static func openReadOnly(path: String, immutable: Bool, busyTimeout: Double) throws(InspectError) -> SQLiteConnection
  {
    var db: OpaquePointer?
    let uri = "file:" + percentEncoded(path) + (immutable ? "?immutable=1" : "?mode=ro")
    let rc = sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, nil)
    guard rc == SQLITE_OK, let db else {
      let reason = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
      if let db { sqlite3_close_v2(db) }
      throw .inputUnreadable(path, reason: reason)
    }
    sqlite3_busy_timeout(db, Int32(min(busyTimeout * 1000, Double(Int32.max)).rounded()))
    let connection = SQLiteConnection(handle: db, label: path)
    connection.busyTimeout = busyTimeout
    // Belt and braces: even a statement we did not mean to write with cannot.
    try connection.execute("PRAGMA query_only = ON", what: "opening read-only")
    return connection
  }

  /// A path as a `file:` URI's path: `%`, `?` and `#` encoded.
  private static func percentEncoded(_ path: String) -> String {
    var out = ""
    for c in path.unicodeScalars {
      switch c {
      case "%": out += "%25"
      case "?": out += "%3F"
      case "#": out += "%23"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }

  /// Seconds a locked database is waited for (0 for in-memory databases, which no one else opens).
  private(set) var busyTimeout: Double = 0

  /// A new, empty, private in-memory database.
  static func openInMemory(label: String) throws(InspectError) -> SQLiteConnection {
    var db: OpaquePointer?
    guard sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK,
      let db
    else {
      throw .unavailable(label, reason: "cannot open an in-memory SQLite database")
    }
    return SQLiteConnection(handle: db, label: label)
  }

  /// Loads a whole database image (a `.db` file's bytes, say from stdin) into memory.
  static func open(image: [UInt8], label: String) throws(InspectError) -> SQLiteConnection {
    let connection = try openInMemory(label: label)
    guard let buffer = sqlite3_malloc64(sqlite3_uint64(image.count)) else {
      throw .unavailable(label, reason: "out of memory")
    }
    image.withUnsafeBytes { raw in
      if let base = raw.baseAddress { buffer.copyMemory(from: base, byteCount: raw.count) }
    }
    let flags = UInt32(SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY)
    let rc = sqlite3_deserialize(
      connection.handle, "main", buffer.assumingMemoryBound(to: UInt8.self),
      sqlite3_int64(image.count), sqlite3_int64(image.count), flags)
    guard rc == SQLITE_OK else { throw .invalidInput(label, reason: connection.lastError) }
    return connection
  }

  var lastError: String { String(cString: sqlite3_errmsg(handle)) }

  /// The error for a failed call while doing `what` (`reading foreign keys of "x"`): the stage,
  /// the object and SQLite's reason, as `sqlite: reading foreign keys of "x": …`.
  func failure(_ rc: Int32, _ what: String, message: String? = nil) -> InspectError {
    let primary = rc & 0xFF
    if primary == SQLITE_BUSY || primary == SQLITE_LOCKED {
      let waited = busyTimeout == busyTimeout.rounded() ? String(Int(busyTimeout)) : String(busyTimeout)
      return .unavailable(
        label,
        reason: "sqlite: \(what): the database is locked by another connection (a writer); waited \(waited) s "
          + "(--lock-timeout)")
    }
    return .invalidInput(label, reason: "sqlite: \(what): \(message ?? lastError)")
  }

  /// Runs SQL text that returns no rows (one statement or a script).
  func execute(_ sql: String, what: String) throws(InspectError) {
    var message: UnsafeMutablePointer<CChar>?
    let rc = sqlite3_exec(handle, sql, nil, nil, &message)
    guard rc == SQLITE_OK else {
      let text = message.map { String(cString: $0) }
      sqlite3_free(message)
      throw failure(rc, what, message: text)
    }
  }

  func prepare(_ sql: String, what: String) throws(InspectError) -> SQLiteStatement {
    var statement: OpaquePointer?
    let rc = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
    guard rc == SQLITE_OK, let statement else { throw failure(rc, what) }
    return SQLiteStatement(handle: statement, connection: self, what: what)
  }

  /// Runs a query with text parameters and collects its rows.
  func rows(_ sql: String, _ parameters: String..., what: String) throws(InspectError) -> [SQLiteRow] {
    let statement = try prepare(sql, what: what)
    return try statement.rows(parameters, of: nil)
  }
}

/// A prepared statement, reusable with new parameters.
final class SQLiteStatement {
  private let handle: OpaquePointer
  private let connection: SQLiteConnection
  /// The stage, for messages: `reading foreign keys`.
  private let what: String

  init(handle: OpaquePointer, connection: SQLiteConnection, what: String) {
    self.handle = handle
    self.connection = connection
    self.what = what
  }

  deinit { sqlite3_finalize(handle) }

  /// Runs the statement; `object` (a table or index name) completes the stage in messages.
  func rows(_ parameters: [String], of object: String?) throws(InspectError) -> [SQLiteRow] {
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
    for (i, p) in parameters.enumerated() {
      sqlite3_bind_text(handle, Int32(i + 1), p, -1, erd_sqlite_transient())
    }
    var out: [SQLiteRow] = []
    let count = sqlite3_column_count(handle)
    while true {
      let rc = sqlite3_step(handle)
      if rc == SQLITE_DONE { break }
      guard rc == SQLITE_ROW else {
        let error = connection.failure(rc, object.map { "\(what) of \"\($0)\"" } ?? what)
        sqlite3_reset(handle)
        throw error
      }
      var values: [String?] = []
      values.reserveCapacity(Int(count))
      for c in 0..<count {
        if let text = sqlite3_column_text(handle, c) {
          values.append(String(cString: text))
        } else {
          values.append(nil)
        }
      }
      out.append(SQLiteRow(values: values))
    }
    sqlite3_reset(handle)
    return out
  }
}

/// One result row, every value as text (or nil for NULL), read by position.
struct SQLiteRow {
  var values: [String?]

  subscript(_ i: Int) -> String? { i < values.count ? values[i] : nil }

  func int(_ i: Int) -> Int { self[i].flatMap { Int($0) } ?? 0 }

  func string(_ i: Int) -> String { self[i] ?? "" }
}
