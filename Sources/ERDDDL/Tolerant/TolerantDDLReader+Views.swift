import ERDInspect
import ERDSchema

/// `CREATE VIEW` (the relations read from its FROM and JOIN clauses), `CREATE TRIGGER`, and SQL
/// Server's `sp_addextendedproperty` comments.
extension TolerantDDLReader {
  mutating func createView(_ t: inout TokenStream, _ s: Statement) throws(DDLSyntaxError) {
    try checkParentheses(s)
    t.accept(sequence: "IF", "NOT", "EXISTS")
    guard let name = qualified(t.qualifiedName()) else { return skip(s, "CREATE VIEW without a name") }
    let aliases = t.group()?.columnNames ?? []
    while !t.atEnd, !t.isWord("AS") { t.advance() }  // WITH SCHEMABINDING and the like
    guard t.accept("AS") else { return skip(s, "CREATE VIEW without AS") }
    let query = t.rest
    var view = View(name: name.name, definition: text(query))
    let from = relations(in: query)
    view.dependencies = Array(Set(from.map(\.name))).sorted()
    view.columns = viewColumns(query, from: from)
    for (i, alias) in aliases.enumerated() where i < view.columns.count { view.columns[i].name = alias }
    builder.addView(view, in: name.schema)
  }

  /// Words that end a FROM list; `ON` does not: `FROM a JOIN b ON … , c` goes on.
  private static let clauseEnd: Set<String> = [
    "WHERE", "GROUP", "ORDER", "HAVING", "LIMIT", "UNION", "EXCEPT", "INTERSECT", "WINDOW", "FOR", "SELECT",
  ]

  private static let notAliases: Set<String> = [
    "WHERE", "GROUP", "ORDER", "HAVING", "LIMIT", "UNION", "EXCEPT", "INTERSECT", "ON", "USING", "JOIN", "INNER",
    "LEFT", "RIGHT", "FULL", "CROSS", "OUTER", "NATURAL", "STRAIGHT_JOIN", "WITH", "AS", "WINDOW", "FOR",
  ]

  /// The known tables and views after FROM, JOIN, and the commas of a FROM list, with the name
  /// the query calls each by; CTE names are not relations.
  func relations(in tokens: ArraySlice<SQLToken>) -> [(name: QualifiedName, alias: String)] {
    let list = Array(tokens)
    var ctes: Set<String> = []
    for i in list.indices.dropLast(2) where list[i + 1].isWord("AS") && list[i + 2].isSymbol("(") {
      if let name = list[i].identifier, list[i].kind != .string { ctes.insert(name.lowercased()) }
    }
    var found: [(QualifiedName, String)] = []
    var depth = 0
    var inFrom: Set<Int> = []
    var i = 0
    while i < list.count {
      let token = list[i]
      if token.isSymbol("(") {
        depth += 1
        // `FROM (a JOIN b ON …)`, as mysqldump writes every join: a FROM list in parentheses.
        if i > 0, startsFromItem(list[i - 1], inFrom.contains(depth - 1)), i + 1 < list.count,
          !list[i + 1].isWord("SELECT"), !list[i + 1].isWord("WITH"), !list[i + 1].isSymbol("(")
        {
          inFrom.insert(depth)
          if let (relation, next) = relation(list, at: i + 1), !ctes.contains(relation.name.name.lowercased()) {
            if let resolved = builder.resolve(relation.name) { found.append((resolved, relation.alias)) }
            i = next
            continue
          }
        }
      } else if token.isSymbol(")") {
        inFrom.remove(depth)
        depth -= 1
      } else if token.isWord("FROM") || token.isWord("JOIN") || (token.isSymbol(",") && inFrom.contains(depth)) {
        if token.isWord("FROM") { inFrom.insert(depth) }
        if let (relation, next) = relation(list, at: i + 1), !ctes.contains(relation.name.name.lowercased()) {
          if let resolved = builder.resolve(relation.name) { found.append((resolved, relation.alias)) }
          i = next
          continue
        }
      } else if token.kind == .word, Self.clauseEnd.contains(token.text.uppercased()) {
        inFrom.remove(depth)
      }
      i += 1
    }
    return found
  }

  private func startsFromItem(_ token: SQLToken, _ inFromList: Bool) -> Bool {
    token.isWord("FROM") || token.isWord("JOIN") || (token.isSymbol(",") && inFromList)
  }

  /// A relation name (and its alias) at `i`; nil for a subquery or a function.
  private func relation(_ list: [SQLToken], at start: Int) -> ((name: QualifiedName, alias: String), Int)? {
    var t = TokenStream(list[start...])
    t.accept("LATERAL", "ONLY")
    guard !t.isSymbol("("), t.current?.kind != .string else { return nil }
    let parts = t.qualifiedName()
    guard !parts.isEmpty, !t.isSymbol("("), let name = qualified(parts) else { return nil }
    t.accept("AS")
    var alias = name.name
    if let next = t.current, next.kind == .word || next.kind == .quotedIdentifier,
      !Self.notAliases.contains(next.text.uppercased())
    {
      alias = next.text
      t.advance()
    }
    return ((name, alias), t.index)
  }

  /// Result columns: named by `AS`, or after the column they read; typed when they read one.
  private func viewColumns(_ query: ArraySlice<SQLToken>, from: [(name: QualifiedName, alias: String)]) -> [Column] {
    var t = TokenStream(query)
    while !t.atEnd, !t.isWord("SELECT") { if t.group() == nil { t.advance() } }
    t.accept("SELECT")
    t.accept("DISTINCT", "ALL", "DISTINCTROW", "SQL_CALC_FOUND_ROWS")
    if t.accept("TOP") { _ = t.term() }
    var list: [SQLToken] = []
    var depth = 0
    while let token = t.current, !(depth == 0 && token.isWord("FROM")) {
      if token.isSymbol("(") { depth += 1 }
      if token.isSymbol(")") { depth -= 1 }
      list.append(token)
      t.advance()
    }
    var columns: [Column] = []
    for item in list[...].splitAtTopLevelCommas() {
      if item.last?.isSymbol("*") == true {
        let qualifier = item.count >= 3 ? item[item.endIndex - 3].identifier?.lowercased() : nil
        for relation in from where qualifier == nil || relation.alias.lowercased() == qualifier {
          for column in (builder.tables[relation.name]?.columns ?? builder.views[relation.name]?.columns ?? []) {
            columns.append(Column(name: column.name, ordinal: columns.count + 1, type: column.type))
          }
        }
        continue
      }
      let (name, type) = describe(item, from: from)
      columns.append(Column(name: name, ordinal: columns.count + 1, type: type))
    }
    return columns
  }

  private func describe(_ item: ArraySlice<SQLToken>, from: [(name: QualifiedName, alias: String)]) -> (String, String)
  {
    let tokens = Array(item)
    if tokens.count >= 2, tokens[tokens.count - 2].isWord("AS"), let alias = tokens.last?.identifier {
      return (alias, typeOf(Array(tokens.dropLast(2)), from: from))
    }
    let isReference = tokens.enumerated().allSatisfy { i, token in
      i % 2 == 0 ? (token.kind == .word || token.kind == .quotedIdentifier) : token.isSymbol(".")
    }
    if isReference, let last = tokens.last?.identifier { return (last, typeOf(tokens, from: from)) }
    if tokens.count >= 2, let last = tokens.last, last.kind == .word || last.kind == .quotedIdentifier,
      !tokens[tokens.count - 2].isSymbol(".")
    {
      return (last.text, typeOf(Array(tokens.dropLast()), from: from))
    }
    return (text(item), "")
  }

  private func typeOf(_ tokens: [SQLToken], from: [(name: QualifiedName, alias: String)]) -> String {
    guard tokens.count == 1 || tokens.count == 3, let column = tokens.last?.identifier?.lowercased() else { return "" }
    let qualifier = tokens.count == 3 ? tokens[0].identifier?.lowercased() : nil
    for relation in from where qualifier == nil || relation.alias.lowercased() == qualifier {
      let columns = builder.tables[relation.name]?.columns ?? builder.views[relation.name]?.columns ?? []
      if let match = columns.first(where: { $0.name.lowercased() == column }) { return match.type }
    }
    return ""
  }

  // MARK: Triggers and comments

  /// MySQL `CREATE TRIGGER t BEFORE INSERT ON x …`; SQL Server `CREATE TRIGGER t ON x AFTER INSERT, UPDATE AS …`.
  mutating func createTrigger(_ t: inout TokenStream, _ s: Statement) {
    t.accept(sequence: "IF", "NOT", "EXISTS")
    guard let name = t.qualifiedName().last else { return skip(s, "CREATE TRIGGER without a name") }
    var timing: String?
    var events: [String] = []
    var table: QualifiedName?
    while let token = t.current, !(token.isWord("BEGIN") || token.isWord("AS") || token.isWord("EACH")) {
      if token.isWord("ON"), table == nil {
        t.advance()
        table = qualified(t.qualifiedName())
        continue
      }
      switch token.kind == .word ? token.text.uppercased() : "" {
      case "BEFORE": timing = "BEFORE"
      case "AFTER", "FOR": timing = timing ?? "AFTER"
      case "INSTEAD": timing = "INSTEAD OF"
      case "INSERT", "UPDATE", "DELETE": events.append(token.text.uppercased())
      default: break
      }
      t.advance()
    }
    guard let table, let resolved = builder.resolve(table), builder.tables[resolved] != nil else {
      return report.ignore("CREATE TRIGGER on a view")
    }
    let trigger = Trigger(name: name, timing: timing, events: events, definition: text(s.tokens[...]))
    builder.tables[resolved]?.triggers.append(trigger)
  }

  /// `EXEC sp_addextendedproperty 'MS_Description', 'text', 'SCHEMA', 'dbo', 'TABLE', 't'
  /// [, 'COLUMN', 'c']`, positional or with `@name = value`: SQL Server's comments.
  mutating func extendedProperty(_ s: Statement) -> Bool {
    let tokens = s.tokens
    guard tokens.contains(where: { $0.text.lowercased().hasSuffix("sp_addextendedproperty") }) else { return false }
    let order = ["name", "value", "level0type", "level0name", "level1type", "level1name", "level2type", "level2name"]
    var values: [String: String] = [:]
    var position = 0
    var i = 0
    while i < tokens.count {
      if tokens[i].isSymbol("@"), i + 3 < tokens.count, tokens[i + 2].isSymbol("=") {
        values[tokens[i + 1].text.lowercased()] = tokens[i + 3].text
        i += 4
        continue
      }
      if tokens[i].kind == .string, position < order.count {
        values[order[position]] = tokens[i].text
        position += 1
      }
      i += 1
    }
    guard values["name"] == "MS_Description", let text = values["value"], let tableName = values["level1name"] else {
      report.ignore("EXEC")
      return true
    }
    let name = QualifiedName(schema: values["level0name"] ?? "dbo", name: tableName)
    guard let resolved = builder.resolve(name) else {
      skip(s, "a comment on \(name), which is not defined before it")
      return true
    }
    let column = values["level2type"]?.uppercased() == "COLUMN" ? values["level2name"] : nil
    if builder.tables[resolved] != nil {
      builder.updateTable(resolved) { table in
        if let column {
          table.updateColumn(column, caseInsensitive: true) { $0.comment = text }
        } else {
          table.comment = text
        }
      }
    } else if column == nil {
      builder.views[resolved]?.comment = text
    } else if let column {
      builder.views[resolved]?.comment(column: column, text)
    }
    return true
  }
}
