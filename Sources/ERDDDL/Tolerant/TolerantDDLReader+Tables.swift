import ERDInspect
import ERDSchema

/// `CREATE TABLE` and its column and constraint definitions, shared with `ALTER TABLE … ADD`.
extension TolerantDDLReader {
  mutating func createTable(_ t: inout TokenStream, _ s: Statement) throws(DDLSyntaxError) {
    try checkParentheses(s)
    t.accept(sequence: "IF", "NOT", "EXISTS")
    let nameToken = t.current
    guard let name = qualified(t.qualifiedName()) else {
      throw DDLSyntaxError(offset: nameToken?.start ?? s.range.upperBound, reason: "expected a table name")
    }
    if t.accept("LIKE") || (t.isSymbol("(") && t.peek(1)?.isWord("LIKE") == true) {
      return like(&t, name, s)
    }
    guard t.isSymbol("(") else { return skip(s, "CREATE TABLE without a column list is not modelled") }
    let body = t.group() ?? []
    var table = Table(name: name.name)
    for definition in try definitions(body) {
      try self.definition(definition, into: &table, schema: name.schema)
    }
    tableOptions(&t, into: &table)
    builder.addTable(table, in: name.schema)
  }

  /// The comma-separated definitions of a column list; an empty one (`a int,, b int`) is an error,
  /// a trailing comma (which SQL Server accepts) is not.
  func definitions(_ body: ArraySlice<SQLToken>) throws(DDLSyntaxError) -> [ArraySlice<SQLToken>] {
    var parts: [ArraySlice<SQLToken>] = []
    var depth = 0
    var start = body.startIndex
    for i in body.indices {
      if body[i].isSymbol("(") { depth += 1 }
      if body[i].isSymbol(")") { depth -= 1 }
      guard depth == 0, body[i].isSymbol(",") else { continue }
      if start == i {
        throw DDLSyntaxError(offset: body[i].start, reason: "expected a column or constraint definition before ','")
      }
      parts.append(body[start..<i])
      start = i + 1
    }
    if start < body.endIndex { parts.append(body[start..<body.endIndex]) }
    return parts
  }

  /// One column or table-constraint definition.
  mutating func definition(
    _ tokens: ArraySlice<SQLToken>, into table: inout Table, schema: String
  ) throws(DDLSyntaxError) {
    var t = TokenStream(tokens)
    var constraintName: String?
    if t.accept("CONSTRAINT"), !t.isWord("PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "DEFAULT") {
      constraintName = t.identifier()
    }
    if t.accept("PRIMARY") {
      t.accept("KEY")
      skipIndexOptions(&t)
      table.primaryKey = PrimaryKey(
        name: dialect == .mssql ? constraintName : "PRIMARY", columns: t.group()?.columnNames ?? [])
    } else if t.accept("UNIQUE") {
      t.accept("KEY", "INDEX")
      skipIndexOptions(&t)
      let indexName = t.isSymbol("(") ? nil : t.identifier()
      skipIndexOptions(&t)
      let columns = t.group()?.columnNames ?? []
      let name = constraintName ?? indexName ?? (dialect == .mssql ? nil : columns.first)
      table.uniqueConstraints.append(UniqueConstraint(name: name, columns: columns))
    } else if t.isWord("KEY", "INDEX", "FULLTEXT", "SPATIAL") {
      let method = t.isWord("FULLTEXT", "SPATIAL") ? t.current?.text.uppercased() : nil
      t.advance()
      t.accept("KEY", "INDEX")
      let indexName = t.isSymbol("(") ? nil : t.identifier()
      skipIndexOptions(&t)
      let keys = indexKeys(t.group() ?? [])
      let name = indexName ?? (keys.first.flatMap { if case .column(let c) = $0 { c } else { nil } }) ?? "index"
      table.indexes.append(Index(name: name, keys: keys, method: method))
    } else if t.accept("FOREIGN") {
      t.accept("KEY")
      let indexName = t.isSymbol("(") ? nil : t.identifier()
      let columns = t.group()?.columnNames ?? []
      guard t.accept("REFERENCES") else { return }
      table.foreignKeys.append(reference(&t, columns: columns, name: constraintName ?? indexName, table: table))
    } else if t.accept("CHECK") {
      table.checks.append(CheckConstraint(name: constraintName, expression: text(t.group() ?? [])))
    } else if t.accept("DEFAULT") {
      // SQL Server: ADD CONSTRAINT name DEFAULT (expr) FOR column.
      let value = text(t.term())
      if t.accept("FOR"), let column = t.identifier() {
        table.updateColumn(column, caseInsensitive: true) { $0.defaultValue = value }
      }
    } else if t.isWord("PERIOD") {
      return
    } else {
      try column(&t, into: &table)
    }
  }

  /// `name type [options…]`, or SQL Server's computed `name AS (expr) [PERSISTED]`.
  mutating func column(
    _ t: inout TokenStream, into table: inout Table, replacing old: String? = nil
  ) throws(DDLSyntaxError) {
    guard let token = t.current, token.kind == .word || token.kind == .quotedIdentifier, let name = t.identifier()
    else {
      let offset = t.current?.start ?? 0
      throw DDLSyntaxError(offset: offset, reason: "expected a column name or a constraint")
    }
    var column = Column(name: name, ordinal: 0, type: "")
    if t.accept("AS") {
      let expression = t.group().map { text($0) } ?? text(t.term())
      column.generated = GeneratedColumn(expression: expression, stored: t.accept("PERSISTED"))
    } else if let type = columnType(&t) {
      column.type = type
    } else {
      throw DDLSyntaxError(offset: t.current?.start ?? token.end, reason: "expected a type for column \(name)")
    }
    let keys = columnClauses(&t, into: &column, table: &table)
    if keys.primary {
      table.primaryKey = PrimaryKey(name: dialect == .mssql ? keys.name : "PRIMARY", columns: [name])
      column.nullable = false
    }
    if keys.unique {
      table.uniqueConstraints.append(
        UniqueConstraint(name: keys.name ?? (dialect == .mssql ? nil : name), columns: [name]))
    }
    if let old, let i = table.columns.firstIndex(where: { $0.name.lowercased() == old.lowercased() }) {
      column.ordinal = table.columns[i].ordinal
      table.columns[i] = column
    } else {
      table.append(column: column)
    }
  }

  /// The clauses after a column's type: nullability, default, identity, keys, comment,
  /// generation, references and checks. Returns the keys the column declares for itself.
  private func columnClauses(
    _ t: inout TokenStream, into column: inout Column, table: inout Table
  ) -> (primary: Bool, unique: Bool, name: String?) {
    var keys: (primary: Bool, unique: Bool, name: String?) = (false, false, nil)
    var pendingName: String?
    while let current = t.current {
      guard current.kind == .word else {
        if t.group() == nil { t.advance() }
        continue
      }
      switch current.text.uppercased() {
      case "NOT":
        t.advance()
        if t.accept("NULL") { column.nullable = false }
      case "NULL":
        t.advance()
        column.nullable = true
      case "DEFAULT":
        t.advance()
        column.defaultValue = text(t.term())
      case "AUTO_INCREMENT", "AUTOINCREMENT":
        t.advance()
        column.identity = .autoIncrement
      case "IDENTITY":
        t.advance()
        _ = t.group()
        column.identity = .autoIncrement
        column.nullable = false
      case "PRIMARY", "KEY":
        t.advance()
        t.accept("KEY")
        keys.primary = true
        keys.name = pendingName ?? keys.name
        pendingName = nil
      case "UNIQUE":
        t.advance()
        t.accept("KEY")
        keys.unique = true
        keys.name = pendingName ?? keys.name
        pendingName = nil
      case "COMMENT":
        t.advance()
        column.comment = t.current?.text
        t.advance()
      case "ON":
        t.advance(2)  // ON UPDATE expr
        _ = t.term()
      case "COLLATE":
        t.advance()
        t.accept(symbol: "=")
        column.collation = t.identifier()
      case "CHARACTER", "CHARSET":
        t.advance()
        t.accept("SET")
        t.accept(symbol: "=")
        t.advance()
      case "AS":
        t.advance()
        let expression = t.group().map { text($0) } ?? ""
        let stored = t.accept("STORED", "PERSISTENT", "PERSISTED")
        column.generated = GeneratedColumn(expression: expression, stored: stored)
      case "REFERENCES":
        t.advance()
        table.foreignKeys.append(reference(&t, columns: [column.name], name: pendingName, table: table))
        pendingName = nil
      case "CHECK":
        t.advance()
        table.checks.append(CheckConstraint(name: pendingName, expression: text(t.group() ?? [])))
        pendingName = nil
      case "CONSTRAINT":
        t.advance()
        pendingName = t.identifier()
      default:
        t.advance()
      }
    }
    return keys
  }

  /// The type as written: `INT UNSIGNED`, `varchar(200)`, `ENUM('a','b')`, `nvarchar(max)`,
  /// `double precision`; nil when the definition has no type.
  func columnType(_ t: inout TokenStream) -> String? {
    guard let first = t.current, first.kind == .word || first.kind == .quotedIdentifier,
      !Self.columnOptionWords.contains(first.text.uppercased()) || first.kind == .quotedIdentifier,
      var type = t.identifier()
    else { return nil }
    while let next = t.current, next.kind == .word, Self.typeContinuations.contains(next.text.uppercased()) {
      type += " " + next.text
      t.advance()
    }
    if let open = t.current, open.isSymbol("(") {
      _ = t.group()
      if let close = t.peek(-1) { type += lexer.text(open.start..<close.end) }
    }
    while let next = t.current, next.kind == .word, ["UNSIGNED", "SIGNED", "ZEROFILL"].contains(next.text.uppercased())
    {
      type += " " + next.text
      t.advance()
    }
    return type
  }

  private static let typeContinuations: Set<String> = [
    "PRECISION", "VARYING", "VARCHAR", "CHAR", "CHARACTER", "VARBINARY",
  ]

  private static let columnOptionWords: Set<String> = [
    "NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE", "CHECK", "REFERENCES", "CONSTRAINT", "AUTO_INCREMENT", "IDENTITY",
    "COMMENT", "COLLATE", "GENERATED", "AS",
  ]

  /// `REFERENCES t (cols) [MATCH …] [ON DELETE …] [ON UPDATE …]`, the word REFERENCES read.
  func reference(_ t: inout TokenStream, columns: [String], name: String?, table: Table) -> ForeignKey {
    let target = qualified(t.qualifiedName()) ?? QualifiedName(schema: database, name: "")
    let referenced = t.group()?.columnNames ?? []
    var fk = ForeignKey(
      name: name ?? (dialect == .mssql ? nil : "\(table.name)_ibfk_\(table.foreignKeys.count + 1)"),
      columns: columns, referencedTable: target, referencedColumns: referenced)
    while !t.atEnd {
      if t.accept("MATCH") {
        fk.match = t.current.map { $0.text.uppercased() }.flatMap { $0 == "SIMPLE" ? nil : $0 }
        t.advance()
      } else if t.accept("ON") {
        let isDelete = t.accept("DELETE")
        if !isDelete { t.accept("UPDATE") }
        let action = referentialAction(&t)
        if isDelete { fk.onDelete = action } else { fk.onUpdate = action }
      } else if t.accept("NOT") {
        t.accept("FOR")
        t.accept("REPLICATION")
      } else {
        break
      }
    }
    return fk
  }

  private func referentialAction(_ t: inout TokenStream) -> ReferentialAction {
    if t.accept("CASCADE") { return .cascade }
    if t.accept("RESTRICT") { return .restrict }
    if t.accept(sequence: "NO", "ACTION") { return .noAction }
    if t.accept(sequence: "SET", "NULL") { return .setNull }
    if t.accept(sequence: "SET", "DEFAULT") { return .setDefault }
    t.advance()
    return .noAction
  }

  /// `CLUSTERED`, `USING BTREE` and the like between a key's words and its column list.
  func skipIndexOptions(_ t: inout TokenStream) {
    while t.accept("CLUSTERED", "NONCLUSTERED") || t.accept(sequence: "USING", "BTREE")
      || t.accept(sequence: "USING", "HASH")
    {}
  }

  /// Index keys: plain columns (prefix lengths and order dropped), or expressions as written.
  func indexKeys(_ group: ArraySlice<SQLToken>) -> [IndexKey] {
    group.splitAtTopLevelCommas().map { item in
      var rest = item
      while let last = rest.last, last.isWord("ASC") || last.isWord("DESC") { rest = rest.dropLast() }
      if let first = rest.first, first.kind == .word || first.kind == .quotedIdentifier,
        rest.count == 1
          || (rest.dropFirst().first?.isSymbol("(") == true && rest.count == 4
            && rest.dropFirst(2).first?.kind == .number)
      {
        return .column(first.text)
      }
      return .expression(text(rest))
    }
  }

  /// MySQL table options after the column list: only the comment is kept.
  private func tableOptions(_ t: inout TokenStream, into table: inout Table) {
    while !t.atEnd {
      if t.accept("COMMENT") {
        t.accept(symbol: "=")
        table.comment = t.current?.text
      }
      t.advance()
    }
  }

  /// MySQL's `CREATE TABLE new LIKE old`.
  private mutating func like(_ t: inout TokenStream, _ name: QualifiedName, _ s: Statement) {
    t.accept(symbol: "(")
    t.accept("LIKE")
    guard let source = qualified(t.qualifiedName()), let resolved = builder.resolve(source),
      var table = builder.tables[resolved]
    else { return skip(s, "CREATE TABLE … LIKE a table not defined before it") }
    table.name = name.name
    table.foreignKeys = []  // MySQL's LIKE copies indexes but not foreign keys
    builder.addTable(table, in: name.schema)
  }
}
