import CSQLite
import ERDInspect
import ERDSchema

/// SQLite-dialect DDL run statement by statement in a private in-memory database, so SQLite's
/// own grammar reads it and a bad statement is reported where it is.
///
/// Statements that could reach outside the in-memory database (`ATTACH`, `DETACH`, `VACUUM`,
/// `PRAGMA`) and sqlite3 shell dot-commands (`.mode csv`) are not run; the rest are, data
/// included, because migrations rebuild tables with `INSERT … SELECT`.
public struct SQLiteScript {
  /// The schema the script leaves behind.
  public var catalog: Catalog
  /// Statements found, and those not modelled by kind (`INSERT`, `PRAGMA`, …).
  public var statements = 0
  public var ignored: [String: Int] = [:]
  /// Statements SQLite refused for a reason other than syntax (`no such table`), by byte offset.
  public var failed: [(offset: Int, message: String)] = []

  /// Runs `bytes` and inspects the result; a syntax error throws with its line and column.
  public static func run(_ bytes: [UInt8], label: String, log: Log) throws(InspectError) -> SQLiteScript {
    let connection = try SQLiteConnection.openInMemory(label: label)
    sqlite3_limit(connection.handle, SQLITE_LIMIT_ATTACHED, 0)
    var result = SQLiteScript(catalog: Catalog())
    try result.execute(bytes, on: connection, label: label)
    result.catalog = try SQLiteCatalogReader(connection: connection, log: log).read()
    return result
  }

  private mutating func execute(_ bytes: [UInt8], on connection: SQLiteConnection, label: String) throws(InspectError) {
    var offset = 0
    while true {
      offset = skipSpaceAndComments(bytes, from: offset)
      guard offset < bytes.count else { return }
      if bytes[offset] == UInt8(ascii: "."), offset == 0 || bytes[offset - 1] == 0x0A {
        ignored["sqlite3 dot-command", default: 0] += 1
        while offset < bytes.count, bytes[offset] != 0x0A { offset += 1 }
        continue
      }
      offset = try statement(bytes, at: offset, on: connection, label: label)
    }
  }

  /// Prepares and runs the statement at `start`; returns where the next one begins.
  private mutating func statement(
    _ bytes: [UInt8], at start: Int, on connection: SQLiteConnection, label: String
  ) throws(InspectError) -> Int {
    var handle: OpaquePointer?
    var consumed = 0
    let rc = bytes.withUnsafeBufferPointer { buffer -> Int32 in
      guard let base = buffer.baseAddress else { return SQLITE_MISUSE }
      return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
        var tail: UnsafePointer<CChar>?
        let rc = sqlite3_prepare_v2(connection.handle, chars + start, Int32(buffer.count - start), &handle, &tail)
        consumed = tail.map { $0 - (chars + start) } ?? (buffer.count - start)
        return rc
      }
    }
    let next = start + max(consumed, 1)
    guard rc == SQLITE_OK else {
      let message = connection.lastError
      let errorOffset = Int(sqlite3_error_offset(connection.handle))
      let location = TextLocation(offset: start + max(errorOffset, 0), in: bytes)
      if Self.isSyntaxError(message) { throw .invalidInput(label, reason: message, location: location) }
      failed.append((start, message))
      return next
    }
    guard let handle else { return next }
    defer { sqlite3_finalize(handle) }
    statements += 1
    let keyword = Self.firstWord(bytes, from: start)
    if ["ATTACH", "DETACH", "VACUUM", "PRAGMA"].contains(keyword) {
      ignored[keyword, default: 0] += 1
      return next
    }
    if !["CREATE", "ALTER", "DROP"].contains(keyword) { ignored[keyword, default: 0] += 1 }
    var step = sqlite3_step(handle)
    while step == SQLITE_ROW { step = sqlite3_step(handle) }
    if step != SQLITE_DONE { failed.append((start, connection.lastError)) }
    return next
  }

  /// SQLite's parser messages; anything else (`no such table`) is about meaning, not syntax.
  private static func isSyntaxError(_ message: String) -> Bool {
    message.hasPrefix("near ") || message.hasPrefix("unrecognized token") || message.hasPrefix("incomplete input")
      || message.contains("syntax error")
  }

  private static func firstWord(_ bytes: [UInt8], from start: Int) -> String {
    var end = start
    while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
    return String(decoding: bytes[start..<end], as: UTF8.self).uppercased()
  }

  private static func isWordByte(_ b: UInt8) -> Bool {
    (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F
  }

  private func skipSpaceAndComments(_ bytes: [UInt8], from start: Int) -> Int {
    var i = start
    while i < bytes.count {
      let b = bytes[i]
      if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C || b == UInt8(ascii: ";") {
        i += 1
      } else if b == UInt8(ascii: "-"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "-") {
        while i < bytes.count, bytes[i] != 0x0A { i += 1 }
      } else if b == UInt8(ascii: "/"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "*") {
        i += 2
        while i + 1 < bytes.count, !(bytes[i] == UInt8(ascii: "*") && bytes[i + 1] == UInt8(ascii: "/")) { i += 1 }
        i += 2
      } else {
        break
      }
    }
    return min(i, bytes.count)
  }
}
