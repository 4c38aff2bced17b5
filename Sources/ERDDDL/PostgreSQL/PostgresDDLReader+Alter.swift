import ERDSchema

/// `ALTER TABLE [ONLY] …` subcommands and `ALTER … RENAME`.
extension PostgresDDLReader {
  /// `AlterTableType` values that change nothing the model holds (owners, storage, statistics,
  /// triggers' enabled state, row security, replica identity, validation).
  private static let ignorableSubcommands: Set<Int> = [
    9, 10, 11, 12, 13, 14, 24, 25, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51,
    52, 53, 54, 59, 60, 61, 62, 63, 64, 69, 71,
  ]

  mutating func alterTable(_ m: PgMessage, _ s: Statement) {
    guard let rv = m.field(1).map({ PgRangeVar($0.message) }) else { return }
    let commands = m.nodes(2).filter { $0.tag == .alterTableCmd }.map(\.body)
    let name = lookupName(rv)
    let modelled = commands.filter { !Self.ignorableSubcommands.contains($0.field(1)?.int ?? 0) }
    guard !modelled.isEmpty else {
      return report.ignore(commands.contains { $0.field(1)?.int == 32 } ? "OWNER TO" : "ALTER TABLE")
    }
    guard builder.tables[name] != nil else {
      // ALTER TABLE also alters views and sequences; only a modelled change to a table counts.
      if builder.views[name] != nil { return report.ignore("ALTER VIEW") }
      return skip(s, "no table \(name) to alter")
    }
    for command in modelled {
      if let reason = alter(name, command, s) { skip(s, reason) }
    }
  }

  /// Applies one subcommand; returns why it was not modelled, if it was not.
  private mutating func alter(_ name: QualifiedName, _ cmd: PgMessage, _ s: Statement) -> String? {
    let subtype = cmd.field(1)?.int ?? 0
    let column = cmd.field(2)?.string ?? ""
    let def = cmd.field(5)?.node
    let schema = name.schema
    var reason: String?
    // Taken out and put back: mapping a column or constraint may touch other tables.
    guard var table = builder.tables[name] else { return "no table \(name) to alter" }
    defer { builder.tables[name] = table }
    do {
      switch subtype {
      case 1, 2:  // ADD COLUMN
        if let def, def.tag == .columnDef {
          columnDefinition(def.body, into: &table, schema: schema, limit: s.range.upperBound)
        }
      case 4:  // ALTER COLUMN … SET DEFAULT / DROP DEFAULT
        let text = def == nil ? nil : setDefaultText(column: column, s)
        table.updateColumn(column) { $0.defaultValue = text }
      case 6, 7: table.updateColumn(column) { $0.nullable = subtype == 6 }
      case 8: table.updateColumn(column) { $0.generated = nil }
      case 15, 16: table.columns.removeAll { $0.name == column }
      case 19, 20:  // ADD CONSTRAINT
        if let def, def.tag == .constraint {
          apply(PgConstraint(def.body), to: &table, schema: schema, column: nil, limit: s.range.upperBound)
        }
      case 27, 28: table.dropConstraint(named: column)
      case 30:  // ALTER COLUMN … TYPE
        if let type = def?.body.field(2).map({ PgTypeName($0.message) }) {
          table.updateColumn(column) { $0.type = type.text }
        }
      case 55: if let def, def.tag == .rangeVar { table.inherits.append(lookupName(PgRangeVar(def.body))) }
      case 56: table.inherits.removeAll()
      case 65:
        builder.tables[name] = table
        reason = attachPartition(def, to: name, s)
        table = builder.tables[name] ?? table
      case 66: reason = detachPartition(def)
      case 68:  // ADD GENERATED … AS IDENTITY
        let always = def.map { PgConstraint($0.body).generatedWhen == "a" } ?? false
        table.updateColumn(column) {
          $0.identity = always ? .always : .byDefault
          $0.nullable = false
        }
      case 70: table.updateColumn(column) { $0.identity = nil }
      default: reason = "ALTER TABLE subcommand \(subtype) is not modelled"
      }
    }
    return reason
  }

  /// The expression of `ALTER [COLUMN] name SET DEFAULT expr`, read from the statement text.
  private func setDefaultText(column: String, _ s: Statement) -> String? {
    let tokens = source.tokens(in: s.range)
    for i in tokens.indices.dropFirst().dropLast()
    where tokens[i].isWord("SET") && tokens[i + 1].isWord("DEFAULT") && tokens[i - 1].identifier == column {
      return source.expression(after: "DEFAULT", from: tokens[i + 1].start, limit: s.range.upperBound)
        .map(Self.searchPathFree)
    }
    return nil
  }

  /// `ATTACH PARTITION child FOR VALUES …`: the child, defined earlier, becomes a partition.
  private mutating func attachPartition(_ def: PgNode?, to parent: QualifiedName, _ s: Statement) -> String? {
    guard let def, let rv = def.body.field(1).map({ PgRangeVar($0.message) }) else { return nil }
    let child = lookupName(rv)
    let location = def.body.field(2)?.message.field(8)?.int ?? s.range.lowerBound
    let bound = source.partitionBound(at: location, limit: s.range.upperBound)
    let found = builder.updateTable(child) { table in
      table.partitionOf = parent
      table.partitionBound = bound
    }
    return found ? nil : "no table \(child) to attach as a partition"
  }

  private mutating func detachPartition(_ def: PgNode?) -> String? {
    guard let def, let rv = def.body.field(1).map({ PgRangeVar($0.message) }) else { return nil }
    builder.updateTable(lookupName(rv)) { table in
      table.partitionOf = nil
      table.partitionBound = nil
    }
    return nil
  }

  /// `ALTER TABLE … RENAME [COLUMN] a TO b`, `ALTER TABLE a RENAME TO b`, `… RENAME CONSTRAINT`.
  mutating func rename(_ m: PgMessage, _ s: Statement) {
    let kind = m.field(1)?.int ?? 0
    guard let rv = m.field(3).map({ PgRangeVar($0.message) }) else { return skip(s, "RENAME of this object is not modelled") }
    let name = lookupName(rv)
    let old = m.field(5)?.string ?? ""
    let new = m.field(6)?.string ?? ""
    switch kind {
    case 42, 52, 24, 19:  // table, view, materialized view, foreign table
      builder.rename(name, to: new)
    case 7:
      guard builder.updateTable(name, { $0.renameColumn(old, to: new) }) else { return skip(s, "no table \(name)") }
      builder.renameReferencedColumn(in: name, old, to: new)
    case 41:
      builder.updateTable(name) { $0.renameConstraint(old, to: new) }
    default:
      report.ignore("RENAME")
    }
  }
}

extension Table {
  mutating func dropConstraint(named name: String) {
    if primaryKey?.name == name { primaryKey = nil }
    foreignKeys.removeAll { $0.name == name }
    uniqueConstraints.removeAll { $0.name == name }
    checks.removeAll { $0.name == name }
    exclusions.removeAll { $0.name == name }
  }

  mutating func renameColumn(_ old: String, to new: String) {
    updateColumn(old) { $0.name = new }
    func swap(_ list: [String]) -> [String] { list.map { $0 == old ? new : $0 } }
    if let pk = primaryKey { primaryKey?.columns = swap(pk.columns) }
    for i in foreignKeys.indices { foreignKeys[i].columns = swap(foreignKeys[i].columns) }
    for i in uniqueConstraints.indices { uniqueConstraints[i].columns = swap(uniqueConstraints[i].columns) }
    for i in indexes.indices {
      indexes[i].keys = indexes[i].keys.map { if case .column(old) = $0 { return .column(new) } else { return $0 } }
    }
  }

  mutating func renameConstraint(_ old: String, to new: String) {
    if primaryKey?.name == old { primaryKey?.name = new }
    for i in foreignKeys.indices where foreignKeys[i].name == old { foreignKeys[i].name = new }
    for i in uniqueConstraints.indices where uniqueConstraints[i].name == old { uniqueConstraints[i].name = new }
    for i in checks.indices where checks[i].name == old { checks[i].name = new }
  }
}

extension CatalogBuilder {
  /// Renames a table or view and every foreign key and view dependency that points at it.
  mutating func rename(_ name: QualifiedName, to newName: String) {
    guard let resolved = resolve(name) else { return }
    let renamed = QualifiedName(schema: resolved.schema, name: newName)
    if var table = tables[resolved] {
      drop(resolved)
      table.name = newName
      addTable(table, in: resolved.schema)
    } else if var view = views[resolved] {
      drop(resolved)
      view.name = newName
      addView(view, in: resolved.schema)
    }
    mapForeignKeys { fk in
      if fk.referencedTable == resolved { fk.referencedTable = renamed }
    }
    views = views.mapValues { view in
      var view = view
      view.dependencies = view.dependencies.map { $0 == resolved ? renamed : $0 }
      return view
    }
  }

  /// Follows a column rename into the foreign keys that reference it.
  mutating func renameReferencedColumn(in table: QualifiedName, _ old: String, to new: String) {
    mapForeignKeys { fk in
      if fk.referencedTable == table { fk.referencedColumns = fk.referencedColumns.map { $0 == old ? new : $0 } }
    }
  }

  private mutating func mapForeignKeys(_ change: (inout ForeignKey) -> Void) {
    tables = tables.mapValues { table in
      var table = table
      for i in table.foreignKeys.indices { change(&table.foreignKeys[i]) }
      return table
    }
  }
}
