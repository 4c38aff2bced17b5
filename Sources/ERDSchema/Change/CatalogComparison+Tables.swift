extension CatalogComparison {
  typealias Element = SchemaChange.Element
  typealias Action = SchemaChange.Action

  /// Everything that differs inside a table present in both catalogs (perhaps renamed).
  func tableChanges(_ pair: TablePair) -> [Change] {
    guard let old = oldTables[pair.old]?.value, let new = newTables[pair.new] else { return [] }
    let table = pair.new
    let object = SchemaChange.ObjectName(.table, new.name)
    let current = new.value
    guard old != current else {
      // An unchanged table can still have a foreign key that changed: its target may have been
      // renamed, or its target columns left out and the target's primary key changed.
      return foreignKeyChanges(old, current, table: table).map { Change(object: object, element: $0.0, action: $0.1) }
    }
    var parts = Table.changeRules.actions(old, current, folding).map { (Element.object, $0) }
    parts += columnChanges(old.columns, current.columns, table: table)
    parts += primaryKeyChanges(old.primaryKey, current.primaryKey, table: table)
    parts += foreignKeyChanges(old, current, table: table)
    parts += partChanges(
      old.uniqueConstraints, current.uniqueConstraints, oldKey: { oldColumnsKey($0.columns, table) },
      newKey: { newColumnsKey($0.columns) }, element: Element.unique)
    parts += partChanges(
      old.indexes, current.indexes, oldKey: { indexKey($0) { translatedColumn($0, in: table) } },
      newKey: { indexKey($0, column: fold) }, element: Element.index)
    parts += partChanges(
      old.checks, current.checks, oldKey: { SQLText.expressionKey($0.expression) },
      newKey: { SQLText.expressionKey($0.expression) }, element: Element.check)
    parts += partChanges(
      old.exclusions, current.exclusions, oldKey: { SQLText.expressionKey($0.definition) },
      newKey: { SQLText.expressionKey($0.definition) }, element: Element.exclusion)
    parts += accessChanges(old, current, table: table)
    return parts.map { Change(object: object, element: $0.0, action: $0.1) }
  }

  private func foreignKeyChanges(_ old: Table, _ new: Table, table: FoldedName) -> [(Element, Action)] {
    partChanges(
      old.foreignKeys, new.foreignKeys, oldKey: { oldForeignKeyKey($0, table: table) },
      newKey: newForeignKeyKey, element: Element.foreignKey, rules: ForeignKey.changeRules)
  }

  /// Columns by folded name (old ones by the name they have now, when renamed).
  private func columnChanges(_ old: [Column], _ new: [Column], table: FoldedName) -> [(Element, Action)] {
    let before = Self.index(old, key: { translatedColumn($0, in: table) })
    let after = Self.index(new, key: fold)
    var out: [(Element, Action)] = []
    for (key, column) in before {
      guard let match = after[key] else {
        out.append((.column(column), .removed))
        continue
      }
      if isRenamed(column.name, in: table) { out.append((.column(match), .renamed(from: column.name))) }
      out += Column.changeRules.actions(column, match, folding).map { (.column(match), $0) }
    }
    for (key, column) in after where before[key] == nil { out.append((.column(column), .added)) }
    return out
  }

  private func primaryKeyChanges(_ old: PrimaryKey?, _ new: PrimaryKey?, table: FoldedName) -> [(Element, Action)] {
    switch (old, new) {
    case (nil, nil): return []
    case (let key?, nil): return [(.primaryKey(key), .removed)]
    case (nil, let key?): return [(.primaryKey(key), .added)]
    case (let was?, let now?):
      guard oldColumnsKey(was.columns, table) != newColumnsKey(now.columns) else { return [] }
      return [(.primaryKey(now), .changed(.columns, old: .list(was.columns), new: .list(now.columns)))]
    }
  }

  /// Constraints matched by a key (their definition, never their name), as multisets: two equal
  /// checks on one side and one on the other are one removal.
  private func partChanges<T: Hashable>(
    _ old: [T], _ new: [T], oldKey: (T) -> String, newKey: (T) -> String, element: (T) -> Element,
    rules: [AttributeRule<T>] = []
  ) -> [(Element, Action)] {
    func grouped(_ items: [T], _ key: (T) -> String) -> [String: [T]] {
      var out: [String: [T]] = [:]
      for item in items { out[key(item), default: []].append(item) }
      return out
    }
    let before = grouped(old, oldKey)
    let after = grouped(new, newKey)
    var out: [(Element, Action)] = []
    for (key, items) in before {
      let (was, now) = (Self.ordered(items), Self.ordered(after[key] ?? []))
      for item in was.dropFirst(now.count) { out.append((element(item), .removed)) }
      for item in now.dropFirst(was.count) { out.append((element(item), .added)) }
      for (a, b) in zip(was, now) { out += rules.actions(a, b, folding).map { (element(b), $0) } }
    }
    for (key, items) in after where before[key] == nil { out += items.map { (element($0), .added) } }
    return out
  }

  /// Items that share a key in an order that does not depend on the input's.
  private static func ordered<T>(_ items: [T]) -> [T] {
    items.count < 2 ? items : items.sorted { String(describing: $0) < String(describing: $1) }
  }

  // MARK: Keys

  private func oldColumnsKey(_ columns: [String], _ table: FoldedName) -> String {
    columns.map { translatedColumn($0, in: table) }.joined(separator: "\u{1f}")
  }

  private func newColumnsKey(_ columns: [String]) -> String { columns.map(fold).joined(separator: "\u{1f}") }

  /// Columns, target table and target columns, in the new catalog's terms; target columns left
  /// out by the DDL are the target's primary key.
  private func oldForeignKeyKey(_ key: ForeignKey, table: FoldedName) -> String {
    let target = translatedTable(key.referencedTable)
    var targetColumns = key.referencedColumns
    if targetColumns.isEmpty {
      let found = oldTables[oldKeyOf(key.referencedTable)]
      targetColumns = found?.value.primaryKey?.columns ?? []
    }
    return [
      oldColumnsKey(key.columns, table), target.schema, target.name, oldColumnsKey(targetColumns, target),
    ].joined(separator: "\u{1e}")
  }

  private func newForeignKeyKey(_ key: ForeignKey) -> String {
    let target = newTable(key.referencedTable)
    let targetColumns =
      key.referencedColumns.isEmpty
      ? newTables[target]?.value.primaryKey?.columns ?? [] : key.referencedColumns
    return [newColumnsKey(key.columns), target.schema, target.name, newColumnsKey(targetColumns)]
      .joined(separator: "\u{1e}")
  }

  /// An index's definition: keys, uniqueness, predicate and method (`btree`, the default, is none).
  private func indexKey(_ index: Index, column: (String) -> String) -> String {
    let keys = index.keys.map { key in
      switch key {
      case .column(let name): return "c " + column(name)
      case .expression(let text): return "e " + SQLText.expressionKey(text)
      }
    }
    let method = index.method?.lowercased() ?? ""
    return [
      keys.joined(separator: "\u{1f}"), index.unique ? "unique" : "",
      index.predicate.map(SQLText.expressionKey) ?? "", method == "btree" ? "" : method,
    ].joined(separator: "\u{1e}")
  }
}
