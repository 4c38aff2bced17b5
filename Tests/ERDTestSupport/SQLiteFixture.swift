import CSQLite
import Foundation

/// Builds SQLite database files from SQL for tests, with the real SQLite.
public enum SQLiteFixture {
  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// Creates (or replaces) a database file at `url` by running `sql`.
  public static func create(at url: URL, sql: String) throws {
    try? FileManager.default.removeItem(at: url)
    var db: OpaquePointer?
    guard sqlite3_open(url.path, &db) == SQLITE_OK, let db else {
      throw Failure(description: "cannot create \(url.path)")
    }
    defer { sqlite3_close(db) }
    var message: UnsafeMutablePointer<CChar>?
    guard sqlite3_exec(db, sql, nil, nil, &message) == SQLITE_OK else {
      let text = message.map { String(cString: $0) } ?? "unknown error"
      sqlite3_free(message)
      throw Failure(description: "SQLite: \(text)")
    }
  }

  /// A database file in a new temporary directory, built from a fixture under `Tests/Fixtures`.
  public static func fromFixture(_ name: String) throws -> URL {
    let sql = try String(contentsOf: Paths.fixtures.appendingPathComponent(name), encoding: .utf8)
    let url = try Paths.temporaryDirectory().appendingPathComponent(
      (name as NSString).deletingPathExtension + ".db")
    try create(at: url, sql: sql)
    return url
  }
}

/// A connection a test keeps open while erdviz reads the same file: a writer, a lock holder.
public final class SQLiteHeldConnection {
  private let db: OpaquePointer

  /// Opens (creating) `url` and runs `sql`; the connection stays open until `close()`.
  public init(_ url: URL, sql: String) throws {
    var db: OpaquePointer?
    guard sqlite3_open(url.path, &db) == SQLITE_OK, let db else {
      throw SQLiteFixture.Failure(description: "cannot open \(url.path)")
    }
    self.db = db
    try execute(sql)
  }

  public func execute(_ sql: String) throws {
    var message: UnsafeMutablePointer<CChar>?
    guard sqlite3_exec(db, sql, nil, nil, &message) == SQLITE_OK else {
      let text = message.map { String(cString: $0) } ?? "unknown error"
      sqlite3_free(message)
      throw SQLiteFixture.Failure(description: "SQLite: \(text)")
    }
  }

  public func close() { sqlite3_close(db) }
}
