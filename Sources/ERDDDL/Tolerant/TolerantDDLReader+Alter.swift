import ERDInspect
import ERDSchema

/// `ALTER TABLE` and `CREATE INDEX`.
extension TolerantDDLReader {
  mutating func alterTable(_ t: inout TokenStream, _ s: Statement) throws(DDLSyntaxError) {
    try checkParentheses(s)
    t.accept("ONLY")
    t.accept(sequence: "IF", "EXISTS")
    guard let name = qualified(t.qualifiedName()), let resolved = builder.resolve(name),
      var table = builder.tables[resolved]
    else { return skip(s, "no table to alter") }
    t.accept(sequence: "WITH", "CHECK")
    t.accept(sequence: "WITH", "NOCHECK")
    var unmodelled: [String] = []
    var lastVerb = "ADD"
    for spec in t.rest.splitAtTopLevelCommas() {
      var st = TokenStream(spec)
      let verb = st.current?.kind == .word ? st.current?.text.uppercased() ?? "" : ""
      // SQL Server's `ADD a int, b int`: later items of one ADD have no verb of their own.
      let known = [
        "ADD", "DROP", "MODIFY", "CHANGE", "ALTER", "RENAME", "COMMENT", "CHECK", "NOCHECK", "ENABLE", "DISABLE",
      ]
      if known.contains(verb) {
        lastVerb = verb
        st.advance()
      } else if lastVerb != "ADD" {
        unmodelled.append(text(spec))
        continue
      }
      if let reason = try alteration(known.contains(verb) ? verb : "ADD", &st, &table, schema: resolved.schema) {
        unmodelled.append(reason)
      }
    }
    builder.tables[resolved] = table
    if !unmodelled.isEmpty { skip(s, "not modelled: \(unmodelled.joined(separator: "; "))") }
  }

  /// One alteration; returns what was not modelled, if anything.
  private mutating func alteration(
    _ verb: String, _ t: inout TokenStream, _ table: inout Table, schema: String
  ) throws(DDLSyntaxError) -> String? {
    switch verb {
    case "ADD":
      t.accept("COLUMN")
      if let group = t.group() {
        for definition in try definitions(group) { try self.definition(definition, into: &table, schema: schema) }
      } else {
        try definition(t.rest, into: &table, schema: schema)
      }
    case "MODIFY":
      t.accept("COLUMN")
      let old = t.current?.identifier
      try column(&t, into: &table, replacing: old)
    case "CHANGE":
      t.accept("COLUMN")
      guard let old = t.identifier() else { return "CHANGE" }
      let declared = table.columnName(old, caseInsensitive: true)
      let position = table.columns.firstIndex { $0.name == declared }
      try column(&t, into: &table, replacing: declared)
      if let position, table.columns[position].name != declared {
        let new = table.columns[position].name
        table.columns[position].name = declared  // renameColumn finds it by its old name
        table.renameColumn(declared, to: new)
      }
    case "ALTER":
      t.accept("COLUMN")
      guard let column = t.identifier() else { return "ALTER" }
      if t.accept(sequence: "SET", "DEFAULT") {
        let value = text(t.term())
        table.updateColumn(column, caseInsensitive: true) { $0.defaultValue = value }
      } else if t.accept(sequence: "DROP", "DEFAULT") {
        table.updateColumn(column, caseInsensitive: true) { $0.defaultValue = nil }
      } else if dialect == .mssql {
        // ALTER COLUMN c type [NULL | NOT NULL]
        let type = columnType(&t)
        let nullable: Bool? = t.accept(sequence: "NOT", "NULL") ? false : t.accept("NULL") ? true : nil
        table.updateColumn(column, caseInsensitive: true) { c in
          if let type { c.type = type }
          if let nullable { c.nullable = nullable }
        }
      } else {
        return "ALTER COLUMN \(column)"
      }
    case "DROP":
      return drop(&t, from: &table)
    case "RENAME":
      if t.accept("COLUMN"), let old = t.identifier(), t.accept("TO"), let new = t.identifier() {
        table.renameColumn(table.columnName(old, caseInsensitive: true), to: new)
      } else {
        return "RENAME"
      }
    case "COMMENT":
      t.accept(symbol: "=")
      table.comment = t.current?.text
    case "CHECK", "NOCHECK", "ENABLE", "DISABLE":
      break  // constraint and trigger checking, keys on and off: nothing the model holds
    default:
      return verb
    }
    return nil
  }

  private func drop(_ t: inout TokenStream, from table: inout Table) -> String? {
    if t.accept(sequence: "PRIMARY", "KEY") {
      table.primaryKey = nil
    } else if t.accept(sequence: "FOREIGN", "KEY") || t.accept("CONSTRAINT") || t.accept("CHECK") {
      t.accept(sequence: "IF", "EXISTS")
      guard let name = t.identifier() else { return "DROP CONSTRAINT" }
      table.dropConstraint(named: name)
      table.indexes.removeAll { $0.name == name }
      if table.primaryKey?.name == name { table.primaryKey = nil }
    } else if t.accept("INDEX", "KEY") {
      guard let name = t.identifier() else { return "DROP INDEX" }
      table.indexes.removeAll { $0.name.lowercased() == name.lowercased() }
      table.uniqueConstraints.removeAll { $0.name?.lowercased() == name.lowercased() }
    } else {
      t.accept("COLUMN")
      t.accept(sequence: "IF", "EXISTS")
      guard let name = t.identifier() else { return "DROP" }
      table.columns.removeAll { $0.name.lowercased() == name.lowercased() }
    }
    return nil
  }

  mutating func createIndex(
    _ t: inout TokenStream, _ s: Statement, unique: Bool, method: String?
  ) throws(DDLSyntaxError) {
    try checkParentheses(s)
    t.accept(sequence: "IF", "NOT", "EXISTS")
    let name = t.isWord("ON") ? nil : t.identifier()
    skipIndexOptions(&t)
    guard t.accept("ON"), let target = qualified(t.qualifiedName()) else {
      return skip(s, "CREATE INDEX without ON table is not modelled")
    }
    skipIndexOptions(&t)
    let keys = indexKeys(t.group() ?? [])
    var predicate: String?
    while !t.atEnd {
      if t.accept("WHERE") {
        predicate = text(t.rest)
        break
      }
      if t.group() == nil { t.advance() }
    }
    guard let name else { return report.ignore("CREATE \(method ?? "") INDEX without a name") }
    let index = Index(
      name: name, keys: keys, unique: unique, predicate: predicate, method: method, definition: text(s.tokens[...]))
    guard let resolved = builder.resolve(target), builder.tables[resolved] != nil else {
      return skip(s, "no table \(target) to index")
    }
    builder.tables[resolved]?.indexes.append(index)
  }
}
