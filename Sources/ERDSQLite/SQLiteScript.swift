import CSQLite
import ERDInspect
import ERDSchema
import Foundation

/// SQLite-dialect DDL run statement by statement in a private in-memory database, so SQLite's
/// own grammar reads it and a bad statement is reported where it is.
///
/// Only schema statements run (`CREATE TABLE/INDEX/VIEW/TRIGGER`, `ALTER TABLE`, `DROP`): data
/// statements (`INSERT … SELECT`, `WITH RECURSIVE … SELECT`) are prepared, so their syntax is
/// checked, and counted, never run, since a recursive query in a dump can run for ever; the
/// tables stay empty, which changes no schema. `CREATE TABLE … AS SELECT` runs with `LIMIT 0`
/// around its query: SQLite takes the columns from the query without computing a row. What runs
/// is bounded all the same (a progress handler, `SQLITE_LIMIT_*`), and a statement stopped by
/// the bound is reported as skipped with its line. Statements that could reach outside the
/// in-memory database (`ATTACH`, `VACUUM`, `PRAGMA`) and sqlite3 shell dot-commands are not run.
public struct SQLiteScript {
  /// The schema the script leaves behind.
  public var catalog: Catalog
  /// Statements found, and those not modelled by kind (`INSERT`, `PRAGMA`, …).
  public var statements = 0
  public var ignored: [String: Int] = [:]
  /// Statements SQLite refused for a reason other than syntax (`no such table`), or that the
  /// bound stopped, by byte offset, with why (`SQLite refused it: no such table: x`).
  public var failed: [(offset: Int, message: String)] = []

  /// SQLite's virtual-machine steps one statement may take (about a second's work), counted in
  /// calls of the progress handler every `progressInterval` steps.
  static let progressInterval: Int32 = 1000
  static let progressBudget = 100_000

  /// Runs `bytes` and inspects the result; a syntax error throws with its line and column.
  public static func run(_ bytes: [UInt8], label: String, log: Log) throws(InspectError) -> SQLiteScript {
    let connection = try SQLiteConnection.openInMemory(label: label)
    sqlite3_limit(connection.handle, SQLITE_LIMIT_ATTACHED, 0)
    sqlite3_limit(connection.handle, SQLITE_LIMIT_LENGTH, 16 << 20)
    let budget = ProgressBudget()
    sqlite3_progress_handler(
      connection.handle, progressInterval,
      { context in
        guard let context else { return 0 }
        return Unmanaged<ProgressBudget>.fromOpaque(context).takeUnretainedValue().spend() ? 0 : 1
      }, Unmanaged.passUnretained(budget).toOpaque())
    var result = SQLiteScript(catalog: Catalog())
    try withExtendedLifetime(budget) { () throws(InspectError) in
      try result.execute(bytes, on: connection, label: label, budget: budget)
    }
    sqlite3_progress_handler(connection.handle, 0, nil, nil)
    result.catalog = try SQLiteCatalogReader(connection: connection, log: log).read()
    return result
  }

  private mutating func execute(
    _ bytes: [UInt8], on connection: SQLiteConnection, label: String, budget: ProgressBudget
  ) throws(InspectError) {
    var offset = 0
    while true {
      offset = skipSpaceAndComments(bytes, from: offset)
      guard offset < bytes.count else { return }
      if bytes[offset] == UInt8(ascii: "."), offset == 0 || bytes[offset - 1] == 0x0A {
        ignored["sqlite3 dot-command", default: 0] += 1
        while offset < bytes.count, bytes[offset] != 0x0A { offset += 1 }
        continue
      }
      budget.reset()
      if let end = Self.internalTable(bytes, at: offset) {
        // `.schema` prints `CREATE TABLE sqlite_sequence(name,seq);`, which SQLite makes itself.
        statements += 1
        ignored["SQLite internal table", default: 0] += 1
        offset = end
        continue
      }
      offset = try statement(bytes, at: offset, on: connection, label: label)
    }
  }

  /// Prepares the statement at `start` and runs it if it is a schema statement; returns where
  /// the next one begins.
  private mutating func statement(
    _ bytes: [UInt8], at start: Int, on connection: SQLiteConnection, label: String
  ) throws(InspectError) -> Int {
    let (prepared, consumed) = Self.prepare(bytes, at: start, on: connection)
    let next = start + max(consumed, 1)
    guard case .success(let handle) = prepared else {
      let message = connection.lastError
      let errorOffset = Int(sqlite3_error_offset(connection.handle))
      let location = TextLocation(offset: start + max(errorOffset, 0), in: bytes)
      if Self.isSyntaxError(message) { throw .invalidInput(label, reason: message, location: location) }
      statements += 1
      failed.append((start, "SQLite refused it: \(message)"))
      return next
    }
    guard let handle else { return next }
    defer { sqlite3_finalize(handle) }
    statements += 1
    let keyword = Self.firstWord(bytes, from: start)
    guard ["CREATE", "ALTER", "DROP"].contains(keyword) else {
      ignored[keyword, default: 0] += 1
      return next
    }
    let text = String(decoding: bytes[start..<next], as: UTF8.self)
    if let bounded = SQLiteCreateTableAs.limited(text) {
      run(bounded, on: connection, at: start)
    } else {
      step(handle, on: connection, at: start)
    }
    return next
  }

  private static func prepare(
    _ bytes: [UInt8], at start: Int, on connection: SQLiteConnection
  ) -> (Result<OpaquePointer?, SQLiteFailure>, Int) {
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
    return (rc == SQLITE_OK ? .success(handle) : .failure(SQLiteFailure(code: rc)), consumed)
  }

  private mutating func step(_ handle: OpaquePointer, on connection: SQLiteConnection, at start: Int) {
    var rc = sqlite3_step(handle)
    while rc == SQLITE_ROW { rc = sqlite3_step(handle) }
    guard rc != SQLITE_DONE else { return }
    let interrupted = rc == SQLITE_INTERRUPT
    failed.append(
      (
        start,
        interrupted
          ? "it did not finish within erdviz's bound on SQLite's work" : "SQLite refused it: \(connection.lastError)"
      ))
  }

  /// Runs SQL erdviz wrote in place of the statement at `start`.
  private mutating func run(_ sql: String, on connection: SQLiteConnection, at start: Int) {
    var handle: OpaquePointer?
    guard sqlite3_prepare_v2(connection.handle, sql, -1, &handle, nil) == SQLITE_OK, let handle else {
      failed.append((start, "SQLite refused it: \(connection.lastError)"))
      return
    }
    defer { sqlite3_finalize(handle) }
    step(handle, on: connection, at: start)
  }

  /// Where `CREATE TABLE sqlite_…(…);` (a table of SQLite's own) at `start` ends, if it is one.
  private static func internalTable(_ bytes: [UInt8], at start: Int) -> Int? {
    guard firstWord(bytes, from: start) == "CREATE" else { return nil }
    let head = String(decoding: bytes[start..<min(bytes.count, start + 60)], as: UTF8.self).lowercased()
    let words = head.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "(" })
    guard words.count >= 3, words[1] == "table",
      words[2].trimmingCharacters(in: CharacterSet(charactersIn: "\"`[]")).hasPrefix("sqlite_")
    else { return nil }
    var end = start
    while end < bytes.count, bytes[end] != UInt8(ascii: ";") { end += 1 }
    return min(end + 1, bytes.count)
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

/// A failed `sqlite3_prepare_v2`: its result code.
struct SQLiteFailure: Error {
  var code: Int32
}

/// The progress handler's budget for one statement.
final class ProgressBudget {
  private var left = SQLiteScript.progressBudget

  func reset() { left = SQLiteScript.progressBudget }

  /// Spends one call's worth; false once the budget is gone (SQLite then interrupts).
  func spend() -> Bool {
    left -= 1
    return left > 0
  }
}

/// `CREATE TABLE name AS SELECT …`, rewritten so SQLite makes the table without running the
/// query: `CREATE TABLE name AS SELECT * FROM (SELECT …) LIMIT 0`.
enum SQLiteCreateTableAs {
  static func limited(_ sql: String) -> String? {
    let lexer = SQLLexer(sql, options: .sqlite)
    let tokens = lexer.tokens().filter { $0.kind != .comment }
    var i = 1
    guard tokens.first?.isWord("CREATE") == true else { return nil }
    if i < tokens.count, tokens[i].isWord("TEMP") || tokens[i].isWord("TEMPORARY") { i += 1 }
    guard i < tokens.count, tokens[i].isWord("TABLE") else { return nil }
    i += 1
    if i + 2 < tokens.count, tokens[i].isWord("IF"), tokens[i + 1].isWord("NOT"), tokens[i + 2].isWord("EXISTS") {
      i += 3
    }
    i += 1  // the name
    if i + 1 < tokens.count, tokens[i].isSymbol(".") { i += 2 }  // schema.name
    guard i < tokens.count, tokens[i].isWord("AS") else { return nil }
    var end = tokens.count
    while end > i + 1, tokens[end - 1].isSymbol(";") { end -= 1 }
    guard end > i + 1 else { return nil }
    let head = lexer.text(0..<tokens[i].end)
    let query = lexer.text(tokens[i + 1].start..<tokens[end - 1].end)
    return "\(head) SELECT * FROM (\(query)) LIMIT 0"
  }
}
