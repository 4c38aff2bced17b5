import CSQLite
import ERDInspect
import ERDSchema

/// Reads the schema of an SQLite database: a file opened read-only, a database image, or DDL
/// text executed into a private in-memory database (SQLite's own grammar reads it).
public struct SQLiteInspector: SchemaInspector {
  private enum Origin {
    case file(String)
    case image([UInt8], label: String)
    case script(String, label: String)
  }

  private let origin: Origin

  /// A database file, opened read-only; its bytes are never changed and a missing file is an error.
  public static func file(_ path: String) -> SQLiteInspector { .init(origin: .file(path)) }

  /// The bytes of a database file, read from stdin or elsewhere.
  public static func image(_ bytes: [UInt8], label: String) -> SQLiteInspector {
    .init(origin: .image(bytes, label: label))
  }

  /// SQLite-dialect DDL, executed into a private in-memory database and inspected there.
  public static func script(_ sql: String, label: String) -> SQLiteInspector {
    .init(origin: .script(sql, label: label))
  }

  public func inspect(_ options: InspectOptions) throws(InspectError) -> Catalog {
    let connection: SQLiteConnection
    switch origin {
    case .file(let path):
      let timeout = options.lockTimeout ?? InspectOptions.defaultLockTimeout
      return try SQLiteFileReader(path: path, busyTimeout: timeout, log: options.log).read()
    case .image(let bytes, let label):
      connection = try SQLiteConnection.open(image: bytes, label: label)
    case .script(let sql, let label):
      connection = try SQLiteConnection.openInMemory(label: label)
      try connection.execute(sql, what: "running the DDL")
    }
    options.log.info("sqlite: reading \(connection.label)")
    return try SQLiteCatalogReader(connection: connection, log: options.log).read()
  }
}

/// The catalog queries, one small function per question asked of SQLite.
struct SQLiteCatalogReader {
  let connection: SQLiteConnection
  let log: Log

  struct Object {
    var type: String
    var name: String
    var table: String
    var sql: String
  }

  private struct TableInfo {
    var kind: String  // pragma_table_list's type: table, view, virtual, shadow
    var withoutRowID: Bool
    var strict: Bool
  }

  func read() throws(InspectError) -> Catalog {
    let objects = try connection.rows(
      "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name", what: "reading the schema"
    )
    .map { Object(type: $0.string(0), name: $0.string(1), table: $0.string(2), sql: $0.string(3)) }
    .filter { !$0.name.hasPrefix("sqlite_") }
    let info = tableList()
    let statements = try Statements(connection)

    let tableObjects = objects.filter { $0.type == "table" && info[$0.name]?.kind != "shadow" }
    // Each statement's text is parsed on its own: hundreds of them in two halves at once.
    let texts = tableObjects.map(\.sql).concurrentMap(atLeast: 64) { SQLiteTableText(sql: $0) }
    var tables: [Table] = []
    for (object, text) in zip(tableObjects, texts) {
      tables.append(try table(object, text: text, info: info[object.name], statements: statements))
    }
    attachTriggers(objects.filter { $0.type == "trigger" }, to: &tables)
    resolveReferences(in: &tables)

    var views: [View] = []
    var reads: [String: [ViewRead]] = [:]
    for object in objects where object.type == "view" {
      views.append(view(object, statements: statements))
      reads[object.name] = self.reads(ofView: object.name)
    }
    resolveDependencies(of: &views, reads: reads)

    let schema = Schema(name: "main", tables: tables, views: views)
    return Catalog(engine: "sqlite", schemas: [schema]).normalized()
  }

  /// `pragma_table_list` (SQLite 3.37+) says which tables are virtual, shadow, strict or WITHOUT ROWID.
  private func tableList() -> [String: TableInfo] {
    guard
      let rows = try? connection.rows(
        "SELECT name, type, wr, strict FROM pragma_table_list WHERE schema = 'main'", what: "listing tables")
    else {
      log.info("sqlite: pragma_table_list unavailable (SQLite before 3.37); reading options from the DDL")
      return [:]
    }
    var out: [String: TableInfo] = [:]
    for row in rows {
      out[row.string(0)] = TableInfo(kind: row.string(1), withoutRowID: row.int(2) != 0, strict: row.int(3) != 0)
    }
    return out
  }

  private func table(
    _ object: Object, text: SQLiteTableText, info: TableInfo?, statements: Statements
  ) throws(InspectError) -> Table {
    let isVirtual = info?.kind == "virtual" || object.sql.uppercased().hasPrefix("CREATE VIRTUAL")
    var table = Table(name: object.name, kind: isVirtual ? .virtual : .table, comment: text.comment)
    if info?.withoutRowID == true { table.options.insert(.withoutRowID) }
    if info?.strict == true { table.options.insert(.strict) }

    let columnRows: [SQLiteRow]
    do {
      columnRows = try statements.columns.rows([object.name], of: object.name)
    } catch {
      // A virtual table whose module this SQLite lacks cannot be described; keep its name.
      log.warning("sqlite: cannot read the columns of \(object.name): \(error.description)")
      return table
    }
    let (columns, primaryKey) = self.columns(
      columnRows, text: text, withoutRowID: table.options.contains(.withoutRowID))
    table.columns = columns
    if !primaryKey.isEmpty { table.primaryKey = PrimaryKey(name: text.primaryKeyName, columns: primaryKey) }
    table.foreignKeys = try foreignKeys(of: object.name, text: text, statements: statements)
    try readIndexes(of: object.name, text: text, statements: statements, into: &table)
    table.checks = text.checks
    return table
  }

  /// Columns from `pragma_table_xinfo`, which includes hidden and generated columns.
  private func columns(_ rows: [SQLiteRow], text: SQLiteTableText, withoutRowID: Bool) -> ([Column], [String]) {
    var columns: [Column] = []
    var keyed: [(position: Int, name: String)] = []
    for row in rows {
      let name = row.string(1)
      let type = row.string(2)
      let pkPosition = row.int(5)
      let hidden = row.int(6)
      if pkPosition > 0 { keyed.append((pkPosition, name)) }
      let parsed = text.column(name)
      var column = Column(
        name: name, ordinal: row.int(0) + 1, type: type, nullable: row.int(3) == 0,
        defaultValue: row[4], hidden: hidden == 1, collation: parsed?.collation, comment: parsed?.comment)
      if hidden == 2 || hidden == 3 {
        column.generated = GeneratedColumn(expression: parsed?.generated?.expression ?? "", stored: hidden == 3)
      }
      if parsed?.autoIncrement == true { column.identity = .autoIncrement }
      columns.append(column)
    }
    let primaryKey = keyed.sorted { $0.position < $1.position }.map(\.name)
    // INTEGER PRIMARY KEY is the rowid and WITHOUT ROWID keys are enforced NOT NULL; other
    // SQLite key columns accept NULL unless declared otherwise, and we report what SQLite does.
    let rowidAlias = primaryKey.count == 1 && columns.first { $0.name == primaryKey[0] }?.type.uppercased() == "INTEGER"
    if rowidAlias || withoutRowID {
      for i in columns.indices where primaryKey.contains(columns[i].name) { columns[i].nullable = false }
    }
    return (columns, primaryKey)
  }

  private func foreignKeys(
    of table: String, text: SQLiteTableText, statements: Statements
  ) throws(InspectError)
    -> [ForeignKey]
  {
    // id, seq, table, from, to, on_update, on_delete, match; one id per constraint.
    let rows = try statements.foreignKeys.rows([table], of: table)
    var byID: [Int: [SQLiteRow]] = [:]
    for row in rows { byID[row.int(0), default: []].append(row) }
    return byID.keys.sorted().compactMap { id -> ForeignKey? in
      guard let parts = byID[id]?.sorted(by: { $0.int(1) < $1.int(1) }), let first = parts.first else { return nil }
      let columns = parts.map { $0.string(3) }
      let referenced = parts.compactMap { $0[4] }
      let parsed = text.foreignKey(columns: columns, table: first.string(2))
      let match = first.string(7).uppercased()
      return ForeignKey(
        name: parsed?.name, columns: columns,
        referencedTable: QualifiedName(schema: "main", name: first.string(2)),
        referencedColumns: referenced.count == columns.count ? referenced : [],
        onDelete: ReferentialAction(sql: first.string(6)) ?? .noAction,
        onUpdate: ReferentialAction(sql: first.string(5)) ?? .noAction,
        deferrable: parsed?.deferrable ?? false, initiallyDeferred: parsed?.initiallyDeferred ?? false,
        match: match == "NONE" || match.isEmpty ? nil : match)
    }
  }

  /// Unique constraints (index origin `u`) and ordinary indexes (origin `c`); the primary key's
  /// own index (origin `pk`) is the primary key already.
  private func readIndexes(
    of table: String, text: SQLiteTableText, statements: Statements, into t: inout Table
  )
    throws(InspectError)
  {
    // seq, name, unique, origin, partial
    for row in try statements.indexes.rows([table], of: table) {
      let name = row.string(1)
      let origin = row.string(3)
      guard origin != "pk" else { continue }
      // seqno, cid, name, desc, coll, key — key columns only.
      let keyRows = try statements.indexColumns.rows([name], of: name).filter { $0.int(5) == 1 }
      if origin == "u" {
        let columns = keyRows.map { $0.string(2) }
        t.uniqueConstraints.append(
          UniqueConstraint(name: text.uniqueNames[columns.map { $0.lowercased() }], columns: columns))
        continue
      }
      let sql = statements.indexSQL[name] ?? ""
      let parsed = SQLiteIndexText(sql: sql)
      let keys: [IndexKey] = keyRows.enumerated().map { position, key in
        if key.int(1) >= 0, let column = key[2] { return .column(column) }
        let expression = position < parsed.keys.count ? parsed.keys[position] : "?"
        return key.int(1) == -1 ? .column("rowid") : .expression(expression)
      }
      t.indexes.append(
        Index(
          name: name, keys: keys, unique: row.int(2) == 1, predicate: row.int(4) == 1 ? parsed.predicate : nil,
          definition: sql.isEmpty ? nil : sql))
    }
  }

  private func attachTriggers(_ triggers: [Object], to tables: inout [Table]) {
    var position: [String: Int] = [:]
    for (i, t) in tables.enumerated() { position[t.name.lowercased()] = i }
    for trigger in triggers {
      guard let i = position[trigger.table.lowercased()] else { continue }
      let parsed = SQLiteTriggerText(sql: trigger.sql)
      tables[i].triggers.append(
        Trigger(name: trigger.name, timing: parsed.timing, events: parsed.events, definition: trigger.sql))
    }
  }

  /// SQLite matches table names without regard to case and lets `REFERENCES t` omit the columns;
  /// spell each reference as the table is named and fill in the referenced primary key.
  private func resolveReferences(in tables: inout [Table]) {
    var byName: [String: Table] = [:]
    for t in tables { byName[t.name.lowercased()] = t }
    for i in tables.indices {
      for j in tables[i].foreignKeys.indices {
        let fk = tables[i].foreignKeys[j]
        guard let target = byName[fk.referencedTable.name.lowercased()] else {
          log.warning("sqlite: \(tables[i].name) references \(fk.referencedTable.name), which does not exist")
          continue
        }
        tables[i].foreignKeys[j].referencedTable.name = target.name
        if fk.referencedColumns.isEmpty, let pk = target.primaryKey, pk.columns.count == fk.columns.count {
          tables[i].foreignKeys[j].referencedColumns = pk.columns
        }
      }
    }
  }
}

extension SQLiteCatalogReader {
  /// The prepared statements reused for every table.
  struct Statements {
    let columns: SQLiteStatement
    let foreignKeys: SQLiteStatement
    let indexes: SQLiteStatement
    let indexColumns: SQLiteStatement
    /// Every index's SQL by name, read at once: a lookup per index scans sqlite_schema each
    /// time, which is quadratic in the index count.
    let indexSQL: [String: String]

    init(_ c: SQLiteConnection) throws(InspectError) {
      columns = try c.prepare(
        "SELECT cid, name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?)",
        what: "reading columns")
      foreignKeys = try c.prepare(
        "SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete, \"match\" FROM pragma_foreign_key_list(?)",
        what: "reading foreign keys")
      indexes = try c.prepare(
        "SELECT seq, name, \"unique\", origin, partial FROM pragma_index_list(?) ORDER BY name", what: "reading indexes"
      )
      indexColumns = try c.prepare(
        "SELECT seqno, cid, name, \"desc\", coll, key FROM pragma_index_xinfo(?) ORDER BY seqno",
        what: "reading index columns")
      var sql: [String: String] = [:]
      let indexQuery = "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL"
      for row in try c.rows(indexQuery, what: "reading index definitions") {
        sql[row.string(0)] = row.string(1)
      }
      indexSQL = sql
    }
  }
}
