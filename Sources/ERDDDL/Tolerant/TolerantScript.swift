import ERDInspect

/// MySQL/MariaDB or SQL Server DDL cut into statements: `;` (or the delimiter a MySQL
/// `DELIMITER` line sets), SQL Server's `GO` batch lines, and in SQL Server also a new statement
/// keyword at the start of a line, since T-SQL lets statements run on without a `;`.
struct TolerantScript {
  struct Statement {
    /// The statement's tokens, comments left out.
    var tokens: [SQLToken]
    var range: Range<Int>
    /// Comments inside the statement (MySQL column comments may be `-- …` on the line).
    var comments: [SQLToken]
  }

  let dialect: Dialect
  let lexer: SQLLexer
  private(set) var statements: [Statement] = []

  init(_ bytes: [UInt8], dialect: Dialect) throws(DDLSyntaxError) {
    self.dialect = dialect
    var options = SQLLexer.Options()
    if dialect == .mssql {
      options.bracketIdentifiers = true
    } else {
      options.backtickIdentifiers = true
      options.hashComments = true
      options.backslashEscapes = true
    }
    let text = dialect == .mssql ? bytes : Self.openingVersionedComments(bytes)
    lexer = SQLLexer(text, options: options)
    try split()
  }

  private mutating func split() throws(DDLSyntaxError) {
    let all = lexer.tokens()
    if let open = all.first(where: \.unterminated) {
      let what = open.kind == .comment ? "comment" : open.kind == .string ? "string" : "quoted name"
      throw DDLSyntaxError(offset: open.start, reason: "unterminated \(what): it runs to the end of the input")
    }
    var delimiter = ";"
    var routine: RoutineBody?
    var current: [SQLToken] = []
    var comments: [SQLToken] = []
    var i = 0
    func finish(upTo end: Int) {
      routine = nil
      if let first = current.first {
        statements.append(Statement(tokens: current, range: first.start..<end, comments: comments))
      }
      current = []
      comments = []
    }
    while i < all.count {
      let token = all[i]
      if token.kind == .comment {
        if !current.isEmpty { comments.append(token) }
        i += 1
        continue
      }
      if current.isEmpty, dialect != .mssql, token.isWord("DELIMITER") {
        let lineEnd = endOfLine(after: token.end)
        delimiter = lexer.text(token.end..<lineEnd).trimmingSpaces()
        if delimiter.isEmpty { delimiter = ";" }
        while i < all.count, all[i].start < lineEnd { i += 1 }
        continue
      }
      if dialect == .mssql, isGoLine(all, i) {
        finish(upTo: token.start)
        let lineEnd = endOfLine(after: token.end)
        while i < all.count, all[i].start < lineEnd { i += 1 }
        continue
      }
      if dialect == .mssql, isRoutine(current) {
        // A routine's body holds `;` and statements of its own: it ends where the routine does.
        if routine == nil { routine = RoutineBody() }
        switch routine?.next(all, i) {
        case .before:
          routine = nil
          finish(upTo: token.start)
          continue
        case .after:
          routine = nil
          current.append(token)
          finish(upTo: token.end)
          i += 1
          continue
        default:
          current.append(token)
          i += 1
          continue
        }
      }
      if let length = delimiterLength(all, i, delimiter) {
        finish(upTo: token.start)
        i += length
        continue
      }
      if dialect == .mssql, !current.isEmpty, startsStatement(all, i), canEndBeforeKeyword(current) {
        finish(upTo: token.start)
      }
      current.append(token)
      i += 1
    }
    finish(upTo: lexer.bytes.count)
  }

  private func endOfLine(after offset: Int) -> Int {
    var end = offset
    while end < lexer.bytes.count, lexer.bytes[end] != 0x0A { end += 1 }
    return end
  }

  /// How many tokens from `i` spell the delimiter, touching each other; nil when they do not.
  private func delimiterLength(_ all: [SQLToken], _ i: Int, _ delimiter: String) -> Int? {
    guard delimiter != ";" else { return all[i].isSymbol(";") ? 1 : nil }
    var text = ""
    var j = i
    while j < all.count, text.count < delimiter.count {
      if j > i, all[j].start != all[j - 1].end { return nil }
      text += lexer.text(all[j].start..<all[j].end)
      j += 1
    }
    return text == delimiter ? j - i : nil
  }

  /// `GO` (or `GO 5`) alone on its line.
  private func isGoLine(_ all: [SQLToken], _ i: Int) -> Bool {
    guard all[i].isWord("GO") else { return false }
    if i > 0, all[i - 1].line == all[i].line, all[i - 1].kind != .comment { return false }
    var j = i + 1
    if j < all.count, all[j].line == all[i].line, all[j].kind == .number { j += 1 }
    return j >= all.count || all[j].line != all[i].line || all[j].kind == .comment
  }

  private static let statementKeywords: Set<String> = [
    "CREATE", "ALTER", "DROP", "INSERT", "UPDATE", "DELETE", "USE", "SET", "GRANT", "DENY", "REVOKE", "EXEC",
    "EXECUTE", "PRINT", "DECLARE", "IF", "BEGIN", "COMMIT", "ROLLBACK", "TRUNCATE",
  ]

  /// A statement keyword first on its line, not the `SET` of `ON DELETE SET NULL`.
  private func startsStatement(_ all: [SQLToken], _ i: Int) -> Bool {
    let token = all[i]
    guard token.kind == .word, Self.statementKeywords.contains(token.text.uppercased()) else { return false }
    guard i > 0 else { return true }
    let previous = all[i - 1]
    if previous.line == token.line { return false }
    return !(token.isWord("SET") && (previous.isWord("DELETE") || previous.isWord("UPDATE")))
  }

  /// Control flow runs on over line breaks; routines run to the end of their batch.
  private func canEndBeforeKeyword(_ current: [SQLToken]) -> Bool {
    let first = current.first?.text.uppercased()
    return !(first == "BEGIN" || first == "IF" || first == "DECLARE" || isRoutine(current))
  }

  /// `CREATE [OR ALTER] PROCEDURE|FUNCTION|TRIGGER`, whose body holds statements of its own.
  private func isRoutine(_ current: [SQLToken]) -> Bool {
    let head = current.prefix(4).map { $0.text.uppercased() }
    guard head.first == "CREATE" || head.first == "ALTER" else { return false }
    return head.contains { ["PROCEDURE", "PROC", "FUNCTION", "TRIGGER"].contains($0) }
  }

  /// MySQL runs the contents of `/*!40101 … */` (and MariaDB's `/*M!100100 … */`) as SQL: blank
  /// the markers, keep the contents, keep every offset.
  static func openingVersionedComments(_ input: [UInt8]) -> [UInt8] {
    var bytes = input
    var i = 0
    var inVersioned = false
    var quote: UInt8?
    while i < bytes.count {
      let b = bytes[i]
      if let q = quote {
        if b == UInt8(ascii: "\\") && q != UInt8(ascii: "`") {
          i += 2
          continue
        }
        if b == q { quote = nil }
        i += 1
        continue
      }
      switch b {
      case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"):
        quote = b
      case UInt8(ascii: "*") where inVersioned && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "/"):
        bytes[i] = 0x20
        bytes[i + 1] = 0x20
        inVersioned = false
        i += 1
      case UInt8(ascii: "/") where i + 2 < bytes.count && bytes[i + 1] == UInt8(ascii: "*"):
        let bang =
          bytes[i + 2] == UInt8(ascii: "!")
          ? i + 2
          : (bytes[i + 2] == UInt8(ascii: "M") && i + 3 < bytes.count && bytes[i + 3] == UInt8(ascii: "!")
            ? i + 3 : nil)
        if let bang, !inVersioned {
          var j = bang + 1
          while j < bytes.count, bytes[j] >= 0x30 && bytes[j] <= 0x39 { j += 1 }
          for k in i..<j { bytes[k] = 0x20 }
          inVersioned = true
          i = j
          continue
        }
        // An ordinary comment: skip it whole so quotes inside it are not quotes.
        var j = i + 2
        while j + 1 < bytes.count, !(bytes[j] == UInt8(ascii: "*") && bytes[j + 1] == UInt8(ascii: "/")) { j += 1 }
        i = j + 2
        continue
      case UInt8(ascii: "-") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "-"),
        UInt8(ascii: "#"):
        while i < bytes.count, bytes[i] != 0x0A { i += 1 }
        continue
      default: break
      }
      i += 1
    }
    return bytes
  }
}

/// Where a T-SQL routine (`CREATE PROCEDURE|FUNCTION|TRIGGER`) ends, fed its tokens from the one
/// after `CREATE`: after the `END` that closes a `BEGIN` body (`BEGIN … END` and `CASE … END`
/// nest; `BEGIN TRAN` opens nothing), or, for a body without `BEGIN` (`AS SELECT …`, `RETURNS
/// TABLE AS RETURN (…)`), before the next `CREATE` or `ALTER` of an object first on its line,
/// which would have to start a batch of its own. `GO` ends any.
struct RoutineBody {
  enum Step { case inside, before, after }

  private enum State {
    case header(parentheses: Int)
    case begun
    case block(depth: Int)
    case plain
  }
  private var state = State.header(parentheses: 0)

  private static let objects: Set<String> = [
    "TABLE", "VIEW", "PROC", "PROCEDURE", "FUNCTION", "TRIGGER", "INDEX", "UNIQUE", "CLUSTERED", "NONCLUSTERED",
    "SCHEMA", "TYPE", "SEQUENCE", "SYNONYM", "OR",
  ]

  mutating func next(_ all: [SQLToken], _ i: Int) -> Step {
    let token = all[i]
    switch state {
    case .header(let parentheses):
      if token.isSymbol("(") { state = .header(parentheses: parentheses + 1) }
      if token.isSymbol(")") { state = .header(parentheses: max(0, parentheses - 1)) }
      if parentheses == 0, token.isWord("AS"), i > 0, !all[i - 1].isWord("EXECUTE"), !all[i - 1].isWord("EXEC") {
        state = .begun
      }
      return .inside
    case .begun:
      if token.isWord("BEGIN") {
        state = .block(depth: 1)
        return .inside
      }
      state = .plain
      return startsObject(all, i) ? .before : .inside
    case .block(let depth):
      let change = Self.nesting(all, i)
      if depth + change == 0 { return .after }
      state = .block(depth: depth + change)
      return .inside
    case .plain:
      return startsObject(all, i) ? .before : .inside
    }
  }

  /// `BEGIN` and `CASE` open a block that `END` closes; `BEGIN TRAN[SACTION]` opens none.
  private static func nesting(_ all: [SQLToken], _ i: Int) -> Int {
    let token = all[i]
    if token.isWord("CASE") { return 1 }
    if token.isWord("END") { return -1 }
    guard token.isWord("BEGIN") else { return 0 }
    let next = i + 1 < all.count ? all[i + 1] : nil
    let opensNothing = ["TRAN", "TRANSACTION", "DISTRIBUTED", "DIALOG", "CONVERSATION"].contains {
      next?.isWord($0) == true
    }
    return opensNothing ? 0 : 1
  }

  /// `CREATE`/`ALTER` of an object, first on its line.
  private func startsObject(_ all: [SQLToken], _ i: Int) -> Bool {
    let token = all[i]
    guard token.isWord("CREATE") || token.isWord("ALTER"), i + 1 < all.count else { return false }
    guard i == 0 || all[i - 1].line != token.line else { return false }
    return Self.objects.contains(all[i + 1].text.uppercased())
  }
}

/// A statement that cannot be read, at a byte offset of the input; the reader adds the label,
/// line and column.
struct DDLSyntaxError: Error {
  var offset: Int
  var reason: String
}
