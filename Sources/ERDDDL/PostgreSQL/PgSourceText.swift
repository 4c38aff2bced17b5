import ERDInspect

/// The DDL text the parse tree points into, read back where the model wants SQL as written:
/// defaults, checks, generated expressions, partition bounds, view queries, index keys.
///
/// libpg_query gives most nodes a start offset but no end, so each reader starts at a node's
/// offset and lexes forward to where the clause must end (a top-level comma or closing
/// parenthesis, a known limit, the end of the statement).
struct PgSourceText {
  let lexer: SQLLexer

  init(_ bytes: [UInt8]) {
    lexer = SQLLexer(bytes, options: Self.options)
  }

  static let options: SQLLexer.Options = {
    var options = SQLLexer.Options()
    options.dollarQuotes = true
    return options
  }()

  /// A lexer for a piece of PostgreSQL text.
  static func lexer(_ text: String) -> SQLLexer { SQLLexer(text, options: options) }

  var bytes: [UInt8] { lexer.bytes }

  func text(_ range: Range<Int>) -> String { lexer.text(range).trimmingSpaces() }

  /// The expression after the word `keyword` at or after `offset`: up to a top-level `,` or
  /// `)`, the end of the statement, or `limit`.
  func expression(after keyword: String, from offset: Int, limit: Int) -> String? {
    var started = false
    var depth = 0
    var first: Int?
    var last = 0
    lexer.forEachToken(from: offset) { token in
      guard token.start < limit else { return false }
      if token.kind == .comment { return true }
      if !started {
        started = token.isWord(keyword)
        return true
      }
      if token.isSymbol("(") || token.isSymbol("[") { depth += 1 }
      if token.isSymbol(")") || token.isSymbol("]") {
        if depth == 0 { return false }
        depth -= 1
      }
      if depth == 0 && (token.isSymbol(",") || token.isSymbol(";")) { return false }
      if first == nil { first = token.start }
      last = token.end
      return true
    }
    guard let first else { return nil }
    return text(first..<last)
  }

  /// The contents of the first parenthesised group after the word `keyword` at or after
  /// `offset` (`CHECK (…)`, `AS (…)`), without the parentheses.
  func group(after keyword: String, from offset: Int, limit: Int) -> String? {
    var seenKeyword = false
    var depth = 0
    var open = 0
    var result: String?
    lexer.forEachToken(from: offset) { token in
      guard token.start < limit else { return false }
      if !seenKeyword {
        seenKeyword = token.isWord(keyword)
        return true
      }
      if token.isSymbol("(") {
        if depth == 0 { open = token.end }
        depth += 1
      } else if token.isSymbol(")") {
        depth -= 1
        if depth == 0 {
          result = text(open..<token.start)
          return false
        }
      }
      return true
    }
    return result
  }

  /// A partition bound starting at its strategy word (`FROM (…) TO (…)`, `IN (…)`,
  /// `WITH (…)`, `DEFAULT`), as `FOR VALUES …` or `DEFAULT`.
  func partitionBound(at offset: Int, limit: Int) -> String? {
    var strategy: SQLToken?
    var depth = 0
    var groups = 0
    var wanted = 1
    var end = offset
    lexer.forEachToken(from: offset) { token in
      guard token.start < limit else { return false }
      if token.kind == .comment { return true }
      end = token.end
      guard strategy != nil else {
        strategy = token
        wanted = token.isWord("FROM") ? 2 : 1
        return !token.isWord("DEFAULT")
      }
      if token.isSymbol("(") { depth += 1 }
      if token.isSymbol(")") {
        depth -= 1
        if depth == 0 { groups += 1 }
      }
      return groups < wanted
    }
    guard let strategy else { return nil }
    return strategy.isWord("DEFAULT") ? "DEFAULT" : "FOR VALUES " + text(offset..<end)
  }

  /// Where a statement's first token starts, past the comments and blank lines before it.
  func start(of range: Range<Int>) -> Int {
    var start = range.lowerBound
    lexer.forEachToken(from: range.lowerBound) { token in
      if token.kind == .comment { return true }
      start = min(token.start, range.upperBound)
      return false
    }
    return start
  }

  /// The tokens of a statement, comments left out.
  func tokens(in range: Range<Int>) -> [SQLToken] {
    var out: [SQLToken] = []
    lexer.forEachToken(from: range.lowerBound) { token in
      guard token.start < range.upperBound else { return false }
      if token.kind != .comment { out.append(token) }
      return true
    }
    return out
  }

  /// The text after the first top-level word `keyword` of a statement: a view's query after
  /// `AS`, an index's predicate after `WHERE`.
  func tail(after keyword: String, in range: Range<Int>, from offset: Int? = nil) -> String? {
    var depth = 0
    var start: Int?
    lexer.forEachToken(from: offset ?? range.lowerBound) { token in
      guard token.start < range.upperBound else { return false }
      if token.isSymbol("(") { depth += 1 }
      if token.isSymbol(")") { depth -= 1 }
      if depth == 0 && token.isWord(keyword) {
        start = token.end
        return false
      }
      return true
    }
    guard let start else { return nil }
    let body = text(start..<range.upperBound)
    return body.isEmpty ? nil : body
  }

  /// The comma-separated items of the first parenthesised group at or after `offset`: an index's
  /// keys, each as written.
  func listItems(from offset: Int, limit: Int) -> [String] {
    var items: [String] = []
    var depth = 0
    var itemStart: Int?
    var itemEnd = 0
    lexer.forEachToken(from: offset) { token in
      guard token.start < limit else { return false }
      if token.kind == .comment { return true }
      if token.isSymbol("(") {
        depth += 1
        if depth == 1 { return true }
      } else if token.isSymbol(")") {
        depth -= 1
        if depth == 0 {
          if let s = itemStart { items.append(text(s..<itemEnd)) }
          return false
        }
      } else if depth == 1 && token.isSymbol(",") {
        if let s = itemStart { items.append(text(s..<itemEnd)) }
        itemStart = nil
        return true
      }
      if depth >= 1 {
        if itemStart == nil { itemStart = token.start }
        itemEnd = token.end
      }
      return true
    }
    return items
  }
}
