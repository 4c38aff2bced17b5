import ERDInspect

/// The key expressions and `WHERE` clause of a `CREATE INDEX` statement's text.
struct SQLiteIndexText {
  /// Each key's text, without a trailing `ASC`/`DESC`.
  var keys: [String] = []
  var predicate: String?

  init(sql: String) {
    let lexer = SQLLexer(sql, options: .sqlite)
    let tokens = lexer.tokens().filter { $0.kind != .comment }
    guard let on = tokens.firstIndex(where: { $0.isWord("ON") }),
      let group = parenthesized(tokens[on...]).first
    else { return }
    var keyStart = group.lowerBound
    var depth = 0
    var lastEnd = group.lowerBound
    for token in tokens where token.start >= group.lowerBound && token.end <= group.upperBound {
      if token.isSymbol("(") { depth += 1 }
      if token.isSymbol(")") { depth -= 1 }
      if depth == 0 && token.isSymbol(",") {
        keys.append(lexer.text(keyStart..<lastEnd))
        keyStart = token.end
        continue
      }
      if depth == 0 && (token.isWord("ASC") || token.isWord("DESC")) { continue }
      lastEnd = token.end
    }
    keys.append(lexer.text(keyStart..<lastEnd))
    keys = keys.map { $0.trimmingSpaces() }
    if let whereToken = tokens.first(where: { $0.isWord("WHERE") && $0.start > group.upperBound }) {
      var end = sql.utf8.count
      if let last = tokens.last, last.isSymbol(";") { end = last.start }
      predicate = lexer.text(whereToken.end..<end).trimmingSpaces()
    }
  }
}

/// When a trigger fires and on what, read off its `CREATE TRIGGER` text.
struct SQLiteTriggerText {
  var timing: String?
  var events: [String] = []

  init(sql: String) {
    let tokens = SQLLexer(sql, options: .sqlite).tokens().filter { $0.kind != .comment }
    guard let on = tokens.firstIndex(where: { $0.isWord("ON") }) else { return }
    let head = tokens[..<on]
    if head.contains(where: { $0.isWord("INSTEAD") }) {
      timing = "INSTEAD OF"
    } else if head.contains(where: { $0.isWord("AFTER") }) {
      timing = "AFTER"
    } else {
      timing = "BEFORE"  // SQLite's default when the statement names none
    }
    for event in ["INSERT", "UPDATE", "DELETE"] where head.contains(where: { $0.isWord(event) }) {
      events.append(event)
    }
  }
}
