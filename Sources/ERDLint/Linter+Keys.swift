import ERDGraph
import ERDSchema

extension Linter {
  /// Foreign and virtual tables have no keys of their own to declare.
  static func tablesWithoutPrimaryKey(_ catalog: Catalog) -> [Finding] {
    catalog.allTables.filter {
      ($0.table.kind == .table || $0.table.kind == .partitioned) && $0.table.primaryKey == nil
    }
    .map { name, _ in finding(.noPrimaryKey, name, [], "table has no primary key") }
  }

  /// Column by column, base types after synonyms (`int4` is `integer`), lengths aside; a column
  /// of no declared type matches any. SQLite compares by type affinity, as it stores values:
  /// Django's `bigint` key columns and `integer` ids are both INTEGER there.
  static func mismatchedForeignKeys(_ catalog: Catalog) -> [Finding] {
    let same: (String, String) -> Bool =
      catalog.engine == "sqlite"
      ? { sqliteAffinity($0) == sqliteAffinity($1) } : { SQLType($0).sameBase(as: SQLType($1)) }
    let index = CatalogIndex(catalog)
    return catalog.allTables.flatMap { name, table in
      table.foreignKeys.flatMap { fk -> [Finding] in
        guard let parent = index.table(fk.referencedTable) else { return [] }
        let keys = fk.referencedColumns.isEmpty ? parent.primaryKey?.columns ?? [] : fk.referencedColumns
        return zip(fk.columns, keys).compactMap { mine, theirs in
          guard let child = table.column(named: mine), let key = parent.column(named: theirs) else { return nil }
          let (a, b) = (child.baseType ?? child.type, key.baseType ?? key.type)
          guard !a.isEmpty, !b.isEmpty, !same(a, b) else { return nil }
          return finding(
            .fkTypeMismatch, name, [mine],
            "\(mine) is \(a) but references \(shown(fk.referencedTable, catalog)).\(theirs), \(b)")
        }
      }
    }
  }

  /// SQLite's rules for a declared type's affinity (sqlite.org/datatype3.html, 3.1), in order.
  static func sqliteAffinity(_ type: String) -> String {
    let t = type.uppercased()
    if t.contains("INT") { return "INTEGER" }
    if t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT") { return "TEXT" }
    if t.contains("BLOB") || t.isEmpty { return "BLOB" }
    if t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB") { return "REAL" }
    return "NUMERIC"
  }

  /// NULLs are distinct in a unique key, so a nullable column lets rows repeat the rest of it.
  /// A key is "meant as a key" when it has several columns or a foreign key references exactly
  /// its columns; a lone nullable unique column (an optional e-mail) is a common, sound design.
  static func nullableUniqueKeys(_ catalog: Catalog) -> [Finding] {
    var referenced: [QualifiedName: Set<[String]>] = [:]
    for (_, table) in catalog.allTables {
      for fk in table.foreignKeys where !fk.referencedColumns.isEmpty {
        referenced[fk.referencedTable, default: []].insert(fk.referencedColumns.sorted())
      }
    }
    return catalog.allTables.flatMap { name, table in
      uniqueKeys(of: table).compactMap { label, columns -> Finding? in
        guard columns.count > 1 || referenced[name]?.contains(columns.sorted()) == true else { return nil }
        let nullable = columns.filter { table.column(named: $0)?.nullable == true }
        guard !nullable.isEmpty else { return nil }
        let which = nullable.joined(separator: ", ")
        return finding(
          .nullableUnique, name, nullable,
          "\(label) (\(columns.joined(separator: ", "))) allows repeats: \(which) may be NULL")
      }
    }
  }

  /// Unique constraints (unless `NULLS NOT DISTINCT`) and full unique indexes on plain columns.
  private static func uniqueKeys(of table: Table) -> [(String, [String])] {
    var keys = table.uniqueConstraints.filter { !$0.nullsNotDistinct }.map {
      ($0.name.map { "unique constraint \($0)" } ?? "a unique constraint", $0.columns)
    }
    for index in table.indexes where index.unique && index.predicate == nil {
      if let columns = index.plainColumns { keys.append(("unique index \(index.name)", columns)) }
    }
    return keys
  }
}
