import ERDInspect
import ERDSchema

/// Reads MySQL/MariaDB and SQL Server DDL with erdviz's own parser, tolerant by design: what it
/// does not model it skips as a whole statement, and only text that cannot be DDL at all
/// (unbalanced parentheses, an unterminated string, a column without a name or type) is an error.
struct TolerantDDLReader {
  typealias Statement = TolerantScript.Statement

  let dialect: Dialect
  let label: String
  let lexer: SQLLexer
  let lines: LineIndex
  var builder: CatalogBuilder
  var report = DDLReport()
  /// MySQL: the database `USE` chose, which is the schema of unqualified names.
  var database: String

  static func read(_ bytes: [UInt8], dialect: Dialect, label: String) throws(InspectError) -> (Catalog, DDLReport) {
    let lines = LineIndex(bytes)
    var reader: TolerantDDLReader
    do throws(DDLSyntaxError) {
      reader = try readStatements(bytes, dialect: dialect, label: label, lines: lines)
    } catch {
      throw .invalidInput(label, reason: error.reason, location: lines.location(of: error.offset))
    }
    guard reader.report.statements > 0 else { throw .invalidInput(label, reason: "no SQL statements in the input") }
    return (reader.builder.build(), reader.report)
  }

  private static func readStatements(
    _ bytes: [UInt8], dialect: Dialect, label: String, lines: LineIndex
  ) throws(DDLSyntaxError) -> TolerantDDLReader {
    let script = try TolerantScript(bytes, dialect: dialect)
    var reader = TolerantDDLReader(
      dialect: dialect, label: label, lexer: script.lexer, lines: lines,
      builder: CatalogBuilder(engine: dialect.rawValue, caseInsensitive: true), database: dialect.defaultSchema)
    for statement in script.statements {
      reader.report.statements += 1
      try reader.statement(statement)
    }
    return reader
  }

  /// Statements that hold nothing a schema diagram shows, by their first word.
  private static let ignorable: Set<String> = [
    "INSERT", "REPLACE", "UPDATE", "DELETE", "SET", "LOCK", "UNLOCK", "START", "BEGIN", "COMMIT", "ROLLBACK",
    "DENY", "PRINT", "DECLARE", "IF", "SELECT", "TRUNCATE", "FLUSH", "ANALYZE", "OPTIMIZE",
    "SHOW", "CALL", "DO", "HANDLER", "LOAD", "SAVEPOINT", "RELEASE", "XA", "RAISERROR", "THROW", "WHILE",
    "CHECKPOINT", "DBCC", "BACKUP", "RESTORE", "RECONFIGURE", "WAITFOR", "MERGE", "WITH", "SOURCE", "SHUTDOWN",
    "KILL", "CHANGE", "PURGE", "RESET", "INSTALL", "UNINSTALL", "HELP", "DESCRIBE", "DESC", "EXPLAIN", "END",
  ]

  mutating func statement(_ s: Statement) throws(DDLSyntaxError) {
    var t = TokenStream(s.tokens)
    guard let first = t.current else { return }
    let word = first.kind == .word ? first.text.uppercased() : ""
    switch word {
    case "CREATE":
      t.advance()
      try create(&t, s)
    case "ALTER":
      t.advance()
      t.accept("ONLINE", "OFFLINE", "IGNORE")
      if t.accept("TABLE") {
        try alterTable(&t, s)
      } else if t.isWord("VIEW") {
        try create(&t, s)
      } else {
        report.ignore("ALTER \(t.current?.text.uppercased() ?? "")")
      }
    case "DROP": drop(&t)
    case "USE":
      t.advance()
      if dialect != .mssql, let name = t.identifier() { database = name }
      report.ignore("USE")
    case "RENAME":
      rename(&t, s)
    case "GRANT", "REVOKE": grant(&t, revoke: word == "REVOKE")
    case "EXEC", "EXECUTE":
      if !extendedProperty(s) { report.ignore(word) }
    default:
      if Self.ignorable.contains(word) {
        report.ignore(word)
      } else {
        skip(s, "\(first.text) statements are not modelled")
      }
    }
  }

  mutating func skip(_ s: Statement, _ reason: String) {
    report.skip(lines.summary(of: s.range), at: lines.location(of: s.range.lowerBound), reason: reason)
  }

  // MARK: Names

  /// `t`, `db.t` (MySQL), `schema.t`, `db.schema.t`, `db..t` (SQL Server).
  func qualified(_ parts: [String]) -> QualifiedName? {
    guard let name = parts.last, !name.isEmpty else { return nil }
    guard parts.count >= 2, !parts[parts.count - 2].isEmpty else {
      return QualifiedName(schema: dialect == .mssql ? "dbo" : database, name: name)
    }
    return QualifiedName(schema: parts[parts.count - 2], name: name)
  }

  /// The original text of a run of tokens.
  func text(_ tokens: ArraySlice<SQLToken>) -> String {
    guard let first = tokens.first, let last = tokens.last else { return "" }
    return lexer.text(first.start..<last.end).trimmingSpaces()
  }

  // MARK: CREATE

  private mutating func create(_ t: inout TokenStream, _ s: Statement) throws(DDLSyntaxError) {
    var unique = false
    var method: String?
    // Modifiers between CREATE and the object's kind.
    while let token = t.current, token.kind == .word {
      let w = token.text.uppercased()
      if w == "OR" {
        t.advance(2)  // OR REPLACE, OR ALTER
      } else if ["TEMPORARY", "TEMP", "CLUSTERED", "NONCLUSTERED", "ONLINE", "IGNORE", "AGGREGATE"].contains(w) {
        t.advance()
      } else if w == "UNIQUE" {
        unique = true
        t.advance()
      } else if w == "FULLTEXT" || w == "SPATIAL" {
        method = w
        t.advance()
      } else if w == "ALGORITHM" || w == "DEFINER" {
        t.advance()
        t.accept(symbol: "=")
        while let next = t.current,
          !["VIEW", "TRIGGER", "PROCEDURE", "FUNCTION", "EVENT", "SQL", "ALGORITHM"].contains(where: next.isWord)
        {
          t.advance()
        }
      } else if w == "SQL" {
        t.advance(3)  // SQL SECURITY DEFINER|INVOKER
      } else {
        break
      }
    }
    let kind = t.current?.kind == .word ? t.current?.text.uppercased() ?? "" : ""
    t.advance()
    switch kind {
    case "TABLE": try createTable(&t, s)
    case "VIEW": try createView(&t, s)
    case "INDEX": try createIndex(&t, s, unique: unique, method: method)
    case "TRIGGER": createTrigger(&t, s)
    case "DATABASE", "SCHEMA":
      t.accept(sequence: "IF", "NOT", "EXISTS")
      if dialect == .mssql, kind == "SCHEMA", let name = t.identifier() { builder.addSchema(name) }
      report.ignore("CREATE \(kind)")
    case "PROCEDURE", "PROC", "FUNCTION": createRoutine(&t, kind: kind == "PROC" ? "PROCEDURE" : kind)
    case "EVENT", "USER", "ROLE", "LOGIN", "SEQUENCE", "TYPE", "SYNONYM",
      "SERVER", "TABLESPACE", "LOGFILE", "STATISTICS", "ASSEMBLY", "CERTIFICATE", "PARTITION":
      report.ignore("CREATE \(kind)")
    default:
      skip(s, "CREATE \(kind) is not modelled")
    }
  }

  private mutating func drop(_ t: inout TokenStream) {
    t.advance()
    t.accept("TEMPORARY")
    let kind = t.current?.text.uppercased() ?? ""
    defer { report.ignore("DROP") }
    guard kind == "TABLE" || kind == "VIEW" else { return }
    t.advance()
    t.accept(sequence: "IF", "EXISTS")
    while !t.atEnd {
      if let name = qualified(t.qualifiedName()) { builder.drop(name) }
      guard t.accept(symbol: ",") else { break }
    }
  }

  /// MySQL's `RENAME TABLE a TO b, c TO d`.
  private mutating func rename(_ t: inout TokenStream, _ s: Statement) {
    t.advance()
    guard t.accept("TABLE") else { return skip(s, "RENAME of this kind is not modelled") }
    while !t.atEnd {
      guard let old = qualified(t.qualifiedName()), t.accept("TO"), let new = qualified(t.qualifiedName()) else {
        break
      }
      builder.rename(old, to: new.name)
      guard t.accept(symbol: ",") else { break }
    }
  }

  /// Unbalanced parentheses make a statement unreadable: report the `)` with no `(`, or the end
  /// of a statement that leaves a `(` open.
  func checkParentheses(_ s: Statement) throws(DDLSyntaxError) {
    var open: [SQLToken] = []
    for token in s.tokens {
      if token.isSymbol("(") { open.append(token) }
      if token.isSymbol(")") {
        guard open.popLast() != nil else {
          throw DDLSyntaxError(offset: token.start, reason: "unbalanced parenthesis: this ')' closes nothing")
        }
      }
    }
    if let unclosed = open.first, let last = s.tokens.last {
      let at = lines.location(of: unclosed.start)
      throw DDLSyntaxError(
        offset: last.end,
        reason:
          "unbalanced parenthesis: expected ')' before the end of the statement, to close the '(' at line \(at.line), column \(at.column)"
      )
    }
  }
}
