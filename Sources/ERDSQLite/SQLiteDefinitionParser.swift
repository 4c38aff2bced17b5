import ERDInspect
import ERDSchema

/// What SQLite's pragmas do not say about a table but its `CREATE TABLE` text does: constraint
/// names, checks, generated expressions, `AUTOINCREMENT`, deferrability and comments.
///
/// `sqlite_schema.sql` keeps the statement exactly as written, comments included, so a `--`
/// comment on a column's line becomes that column's comment, and one on the line of the opening
/// parenthesis becomes the table's (own-line comments above a column are used when it has no
/// trailing one).
struct SQLiteTableText: Sendable {
  struct ColumnText: Sendable {
    var comment: String?
    var generated: GeneratedColumn?
    var autoIncrement = false
    var collation: String?
  }

  struct ForeignKeyText: Sendable {
    var name: String?
    var columns: [String]
    var referencedTable: String
    var deferrable = false
    var initiallyDeferred = false
  }

  var comment: String?
  var columns: [String: ColumnText] = [:]  // by lowercased name
  var checks: [CheckConstraint] = []
  var primaryKeyName: String?
  var uniqueNames: [[String]: String] = [:]  // lowercased columns → constraint name
  var foreignKeys: [ForeignKeyText] = []

  func column(_ name: String) -> ColumnText? { columns[name.lowercased()] }

  /// The parsed facts of the foreign key over `columns` to `table`, if the text declares one.
  func foreignKey(columns: [String], table: String) -> ForeignKeyText? {
    let wanted = columns.map { $0.lowercased() }
    return foreignKeys.first {
      $0.columns.map { $0.lowercased() } == wanted && $0.referencedTable.lowercased() == table.lowercased()
    }
  }

  init(sql: String) {
    let lexer = SQLLexer(sql, options: .sqlite)
    let tokens = lexer.tokens()
    guard let open = tokens.firstIndex(where: { $0.isSymbol("(") }) else { return }
    let split = DefinitionSplitter(tokens: tokens, open: open).split()
    comment = split.tableComment
    for definition in split.definitions {
      parse(definition, lexer: lexer, tokens: tokens)
    }
  }

  private mutating func parse(_ d: DefinitionSplitter.Definition, lexer: SQLLexer, tokens: [SQLToken]) {
    var t = d.tokens[...]
    var constraintName: String?
    if t.first?.isWord("CONSTRAINT") == true {
      constraintName = t.dropFirst().first?.identifier
      t = t.dropFirst(2)
    }
    guard let first = t.first else { return }
    if first.isWord("PRIMARY") || first.isWord("UNIQUE") || first.isWord("CHECK") || first.isWord("FOREIGN") {
      parseTableConstraint(t, name: constraintName, lexer: lexer, tokens: tokens)
      return
    }
    guard let name = first.identifier else { return }
    var column = ColumnText(comment: d.comment)
    parseColumnConstraints(t.dropFirst(), column: name, into: &column, lexer: lexer)
    columns[name.lowercased()] = column
  }

  private mutating func parseTableConstraint(
    _ t: ArraySlice<SQLToken>, name: String?, lexer: SQLLexer, tokens: [SQLToken]
  ) {
    guard let first = t.first else { return }
    let lists = parenthesized(t)
    if first.isWord("PRIMARY") {
      primaryKeyName = name
    } else if first.isWord("UNIQUE"), let cols = lists.first {
      if let name { uniqueNames[identifiers(in: cols, of: tokens).map { $0.lowercased() }] = name }
    } else if first.isWord("CHECK"), let expr = lists.first {
      checks.append(CheckConstraint(name: name, expression: lexer.text(expr)))
    } else if first.isWord("FOREIGN"), let cols = lists.first,
      let ref = t.firstIndex(where: { $0.isWord("REFERENCES") })
    {
      var fk = ForeignKeyText(
        name: name, columns: identifiers(in: cols, of: tokens), referencedTable: referencedTable(t[(ref + 1)...]))
      readDeferrable(t[ref...], into: &fk)
      foreignKeys.append(fk)
    }
  }

  private mutating func parseColumnConstraints(
    _ t: ArraySlice<SQLToken>, column: String, into c: inout ColumnText, lexer: SQLLexer
  ) {
    var pendingName: String?
    var i = t.startIndex
    while i < t.endIndex {
      let token = t[i]
      if token.isSymbol("(") {
        // Skip nested groups: `CAST(x AS TEXT)` inside a default is no generated column.
        var depth = 0
        while i < t.endIndex {
          if t[i].isSymbol("(") { depth += 1 }
          if t[i].isSymbol(")") { depth -= 1 }
          i += 1
          if depth == 0 { break }
        }
        continue
      }
      if token.isWord("CONSTRAINT") {
        pendingName = i + 1 < t.endIndex ? t[i + 1].identifier : nil
        i += 2
        continue
      }
      if token.isWord("PRIMARY") {
        primaryKeyName = pendingName ?? primaryKeyName
      } else if token.isWord("AUTOINCREMENT") {
        c.autoIncrement = true
      } else if token.isWord("UNIQUE"), let name = pendingName {
        uniqueNames[[column.lowercased()]] = name
      } else if token.isWord("COLLATE"), i + 1 < t.endIndex {
        c.collation = t[i + 1].identifier
      } else if token.isWord("CHECK"), let expr = parenthesized(t[(i + 1)...]).first {
        checks.append(CheckConstraint(name: pendingName, expression: lexer.text(expr)))
      } else if token.isWord("REFERENCES") {
        let end = t[(i + 1)...].firstIndex(where: Self.startsColumnConstraint) ?? t.endIndex
        var fk = ForeignKeyText(
          name: pendingName, columns: [column], referencedTable: referencedTable(t[(i + 1)..<end]))
        readDeferrable(t[i..<end], into: &fk)
        foreignKeys.append(fk)
      } else if token.isWord("AS"), let expr = parenthesized(t[(i + 1)...]).first {
        let after = t[(i + 1)...].first(where: { $0.start >= expr.upperBound + 1 })
        c.generated = GeneratedColumn(expression: lexer.text(expr), stored: after?.isWord("STORED") ?? false)
      } else {
        i += 1
        continue
      }
      pendingName = nil
      i += 1
    }
  }

  private static func startsColumnConstraint(_ t: SQLToken) -> Bool {
    ["CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK", "DEFAULT", "COLLATE", "GENERATED", "AS"]
      .contains { t.isWord($0) }
  }

  private func referencedTable(_ t: ArraySlice<SQLToken>) -> String {
    // `schema.table` or `table`; SQLite only allows the latter, but be generous.
    var name = t.first?.identifier ?? ""
    if t.count >= 3, t[t.startIndex + 1].isSymbol("."), let second = t[t.startIndex + 2].identifier {
      name = second
    }
    return name
  }

  private func readDeferrable(_ t: ArraySlice<SQLToken>, into fk: inout ForeignKeyText) {
    for i in t.indices where t[i].isWord("DEFERRABLE") {
      let negated = i > t.startIndex && t[i - 1].isWord("NOT")
      fk.deferrable = !negated
      if !negated, i + 2 < t.endIndex, t[i + 1].isWord("INITIALLY"), t[i + 2].isWord("DEFERRED") {
        fk.initiallyDeferred = true
      }
    }
  }
}

/// Byte ranges of the top-level parenthesised groups in a token run (contents, parens excluded).
func parenthesized(_ t: ArraySlice<SQLToken>) -> [Range<Int>] {
  var out: [Range<Int>] = []
  var depth = 0
  var start = 0
  for token in t where token.kind == .symbol {
    if token.text == "(" {
      if depth == 0 { start = token.end }
      depth += 1
    } else if token.text == ")" {
      depth -= 1
      if depth == 0 { out.append(start..<token.start) }
      if depth < 0 { break }
    }
  }
  return out
}

/// The identifiers in a comma-separated column list, ignoring `ASC`/`DESC`/`COLLATE x`.
func identifiers(in range: Range<Int>, of tokens: [SQLToken]) -> [String] {
  var names: [String] = []
  var expectingName = true
  for token in tokens where token.start >= range.lowerBound && token.end <= range.upperBound {
    if token.kind == .comment { continue }
    if token.isSymbol(",") {
      expectingName = true
    } else if expectingName, let name = token.identifier {
      names.append(name)
      expectingName = false
    }
  }
  return names
}

/// Splits the body of `CREATE TABLE … ( … )` into its comma-separated definitions, and hands each
/// comment to the definition it annotates.
struct DefinitionSplitter {
  struct Definition {
    var tokens: [SQLToken] = []
    var trailing: [String] = []
    var leading: [String] = []
    /// A comment on the definition's own line wins over comment lines above it.
    var comment: String? {
      let parts = trailing.isEmpty ? leading : trailing
      return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
  }

  let tokens: [SQLToken]
  let open: Int

  func split() -> (tableComment: String?, definitions: [Definition]) {
    var definitions: [Definition] = []
    var current = Definition()
    var tableComment: [String] = []
    var previous = tokens[open]  // the last token that was not a comment
    var depth = 0

    for token in tokens[(open + 1)...] {
      if token.kind == .comment {
        if token.line != previous.line {
          current.leading.append(token.text)
        } else if previous.start == tokens[open].start {
          tableComment.append(token.text)
        } else if previous.isSymbol(",") && depth == 0 && !definitions.isEmpty {
          // `a INT, -- note`: the comment annotates `a`, which the comma already finished.
          definitions[definitions.count - 1].trailing.append(token.text)
        } else {
          current.trailing.append(token.text)
        }
        continue
      }
      previous = token
      if token.isSymbol("(") { depth += 1 }
      if token.isSymbol(")") {
        if depth == 0 { break }
        depth -= 1
      }
      if token.isSymbol(",") && depth == 0 {
        if !current.tokens.isEmpty { definitions.append(current) }
        current = Definition()
      } else {
        current.tokens.append(token)
      }
    }
    if !current.tokens.isEmpty { definitions.append(current) }
    return (tableComment.isEmpty ? nil : tableComment.joined(separator: " "), definitions)
  }
}
