import ERDSchema

extension Linter {
  /// A foreign key is indexed when an index, the primary key or a unique constraint starts with
  /// its columns, in any order: deleting or updating a parent row then finds the children
  /// without reading the whole child table. Partial indexes do not count, and only methods that
  /// answer equality (the default, btree, hash).
  static func unindexedForeignKeys(_ catalog: Catalog) -> [Finding] {
    if let engine = catalog.engine, enginesIndexingForeignKeys.contains(engine) { return [] }
    return catalog.allTables.flatMap { name, table in
      table.foreignKeys.filter { !$0.columns.isEmpty && !isIndexed($0.columns, in: table) }.map { fk in
        let target = shown(fk.referencedTable, catalog)
        return finding(
          .fkWithoutIndex, name, fk.columns,
          "\(constraintName(fk.name)) to \(target) has no index starting with its columns")
      }
    }
  }

  static func isIndexed(_ columns: [String], in table: Table) -> Bool {
    let wanted = Set(columns)
    let equalityMethods: Set<String> = ["btree", "hash"]
    var leading: [[String]] = table.uniqueConstraints.map(\.columns)
    if let pk = table.primaryKey { leading.append(pk.columns) }
    for index in table.indexes where index.predicate == nil {
      guard index.method.map({ equalityMethods.contains($0.lowercased()) }) ?? true else { continue }
      leading.append(leadingColumns(of: index))
    }
    return leading.contains { $0.count >= columns.count && Set($0.prefix(columns.count)) == wanted }
  }

  /// The plain columns an index starts with, up to its first expression.
  private static func leadingColumns(of index: Index) -> [String] {
    var names: [String] = []
    for key in index.keys {
      guard case .column(let name) = key else { break }
      names.append(name)
    }
    return names
  }

  /// Two indexes (or an index and the primary key or a unique constraint) with the same keys in
  /// the same order, the same uniqueness, condition and method: the later one is redundant.
  static func duplicateIndexes(_ catalog: Catalog) -> [Finding] {
    catalog.allTables.flatMap { name, table in
      var seen: [IndexShape: String] = [:]
      var findings: [Finding] = []
      for (label, shape) in shapes(of: table) {
        if let first = seen[shape] {
          findings.append(finding(.duplicateIndex, name, shape.columns, "\(label) duplicates \(first)"))
        } else {
          seen[shape] = label
        }
      }
      return findings
    }
  }

  private struct IndexShape: Hashable {
    var keys: [String]
    var unique: Bool
    var predicate: String?
    var method: String?
    /// PostgreSQL operator classes the definition names (`varchar_pattern_ops`): Django pairs
    /// each text index with a `_like` one that differs only by one, and serves `LIKE` with it.
    var operatorClasses: [String] = []
    /// The plain columns among the keys, for the finding.
    var columns: [String] { keys.filter { !$0.hasPrefix("(") } }
  }

  /// The primary key and unique constraints first (they are the ones to keep), then the indexes.
  private static func shapes(of table: Table) -> [(String, IndexShape)] {
    var shapes: [(String, IndexShape)] = []
    if let pk = table.primaryKey { shapes.append(("the primary key", IndexShape(keys: pk.columns, unique: true))) }
    for u in table.uniqueConstraints {
      shapes.append(
        (u.name.map { "unique constraint \($0)" } ?? "a unique constraint", IndexShape(keys: u.columns, unique: true)))
    }
    for index in table.indexes {
      let keys = index.keys.map { key -> String in
        switch key {
        case .column(let name): return name
        case .expression(let text): return "(\(text))"
        }
      }
      let method = index.method?.lowercased() == "btree" ? nil : index.method?.lowercased()
      let shape = IndexShape(
        keys: keys, unique: index.unique, predicate: index.predicate, method: method,
        operatorClasses: operatorClasses(in: index.definition ?? ""))
      shapes.append(("index \(index.name)", shape))
    }
    return shapes
  }

  /// The words of a definition that end in `_ops`, in order.
  private static func operatorClasses(in definition: String) -> [String] {
    definition.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).map(String.init)
      .filter { $0.lowercased().hasSuffix("_ops") }
  }
}
