import ERDSchema

/// `ALTER TABLE [ONLY] …` subcommands and `ALTER … RENAME`.
extension PostgresDDLReader {
  /// `AlterTableType` values that change nothing the model holds (owners, storage, statistics,
  /// triggers' enabled state, row security, replica identity, validation).
  private static let ignorableSubcommands: Set<Int> = [
    Pg.AlterTableType.atCheckNotNull, Pg.AlterTableType.atSetStatistics, Pg.AlterTableType.atSetOptions,
    Pg.AlterTableType.atResetOptions, Pg.AlterTableType.atSetStorage, Pg.AlterTableType.atSetCompression,
    Pg.AlterTableType.atValidateConstraint, Pg.AlterTableType.atValidateConstraintRecurse,
    Pg.AlterTableType.atAlterColumnGenericOptions, Pg.AlterTableType.atClusterOn,
    Pg.AlterTableType.atDropCluster, Pg.AlterTableType.atSetLogged, Pg.AlterTableType.atSetUnLogged,
    Pg.AlterTableType.atDropOids, Pg.AlterTableType.atSetAccessMethod, Pg.AlterTableType.atSetTableSpace,
    Pg.AlterTableType.atSetRelOptions, Pg.AlterTableType.atResetRelOptions, Pg.AlterTableType.atReplaceRelOptions,
    Pg.AlterTableType.atEnableTrig, Pg.AlterTableType.atEnableAlwaysTrig, Pg.AlterTableType.atEnableReplicaTrig,
    Pg.AlterTableType.atDisableTrig, Pg.AlterTableType.atEnableTrigAll, Pg.AlterTableType.atDisableTrigAll,
    Pg.AlterTableType.atEnableTrigUser, Pg.AlterTableType.atDisableTrigUser, Pg.AlterTableType.atEnableRule,
    Pg.AlterTableType.atEnableAlwaysRule, Pg.AlterTableType.atEnableReplicaRule, Pg.AlterTableType.atDisableRule,
    Pg.AlterTableType.atReplicaIdentity, Pg.AlterTableType.atGenericOptions, Pg.AlterTableType.atSetIdentity,
    Pg.AlterTableType.atReAddStatistics,
  ]

  mutating func alterTable(_ m: PgMessage, _ s: Statement) {
    guard let rv = m.field(Pg.AlterTableStmt.relation).map({ PgRangeVar($0.message) }) else { return }
    // pg_dump's `ALTER INDEX parent_idx ATTACH PARTITION child_idx` and the like: indexes,
    // sequences and composite types hold nothing the model draws.
    switch m.field(Pg.AlterTableStmt.objtype)?.int {
    case Pg.ObjectType.objectIndex: return report.ignore("ALTER INDEX")
    case Pg.ObjectType.objectSequence: return report.ignore("ALTER SEQUENCE")
    case Pg.ObjectType.objectType: return report.ignore("ALTER TYPE")
    default: break
    }
    let commands = m.nodes(Pg.AlterTableStmt.cmds).filter { $0.tag == .alterTableCmd }.map(\.body)
    let name = builder.resolve(lookupName(rv)) ?? lookupName(rv)
    // Owners and row-level security first: they apply to views as well as tables.
    let rest = commands.filter { !alterAccess(name, $0) }
    let modelled = rest.filter { !Self.ignorableSubcommands.contains($0.field(Pg.AlterTableCmd.subtype)?.int ?? 0) }
    guard !modelled.isEmpty else {
      let owner = commands.contains { $0.field(Pg.AlterTableCmd.subtype)?.int == Pg.AlterTableType.atChangeOwner }
      return report.ignore(owner ? "OWNER TO" : "ALTER TABLE")
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
    let subtype = cmd.field(Pg.AlterTableCmd.subtype)?.int ?? 0
    let column = cmd.field(Pg.AlterTableCmd.name)?.string ?? ""
    let def = cmd.field(Pg.AlterTableCmd.def)?.node
    let schema = name.schema
    var reason: String?
    // Taken out and put back: mapping a column or constraint may touch other tables.
    guard var table = builder.tables[name] else { return "no table \(name) to alter" }
    defer { builder.tables[name] = table }
    do {
      switch subtype {
      case Pg.AlterTableType.atAddColumn, Pg.AlterTableType.atAddColumnRecurse:
        if let def, def.tag == .columnDef {
          columnDefinition(def.body, into: &table, schema: schema, limit: s.range.upperBound)
        }
      case Pg.AlterTableType.atColumnDefault:  // SET DEFAULT / DROP DEFAULT
        let text = def == nil ? nil : setDefaultText(column: column, s)
        table.updateColumn(column) { $0.defaultValue = text }
      case Pg.AlterTableType.atDropNotNull, Pg.AlterTableType.atSetNotNull:
        table.updateColumn(column) { $0.nullable = subtype == Pg.AlterTableType.atDropNotNull }
      case Pg.AlterTableType.atDropExpression: table.updateColumn(column) { $0.generated = nil }
      case Pg.AlterTableType.atDropColumn, Pg.AlterTableType.atDropColumnRecurse:
        table.columns.removeAll { $0.name == column }
      case Pg.AlterTableType.atAddConstraint, Pg.AlterTableType.atAddConstraintRecurse:
        if let def, def.tag == .constraint {
          apply(PgConstraint(def.body), to: &table, schema: schema, column: nil, limit: s.range.upperBound)
        }
      case Pg.AlterTableType.atDropConstraint, Pg.AlterTableType.atDropConstraintRecurse:
        table.dropConstraint(named: column)
      case Pg.AlterTableType.atAlterColumnType:
        if let type = def?.body.field(Pg.ColumnDef.typeName).map({ PgTypeName($0.message) }) {
          table.updateColumn(column) { $0.type = type.text }
        }
      case Pg.AlterTableType.atAddInherit:
        if let def, def.tag == .rangeVar { table.inherits.append(lookupName(PgRangeVar(def.body))) }
      case Pg.AlterTableType.atDropInherit: table.inherits.removeAll()
      case Pg.AlterTableType.atAttachPartition:
        builder.tables[name] = table
        reason = attachPartition(def, to: name, s)
        table = builder.tables[name] ?? table
      case Pg.AlterTableType.atDetachPartition: reason = detachPartition(def)
      case Pg.AlterTableType.atAddIdentity:
        let always = def.map { PgConstraint($0.body).generatedWhen == "a" } ?? false
        table.updateColumn(column) {
          $0.identity = always ? .always : .byDefault
          $0.nullable = false
        }
      case Pg.AlterTableType.atDropIdentity: table.updateColumn(column) { $0.identity = nil }
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
    guard let def, let rv = def.body.field(Pg.PartitionCmd.name).map({ PgRangeVar($0.message) }) else { return nil }
    let child = lookupName(rv)
    let bound = def.body.field(Pg.PartitionCmd.bound)?.message
    let location = bound?.field(Pg.PartitionBoundSpec.location)?.location ?? s.range.lowerBound
    let text = source.partitionBound(at: location, limit: s.range.upperBound)
    let found = builder.updateTable(child) { table in
      table.partitionOf = parent
      table.partitionBound = text
    }
    return found ? nil : "no table \(child) to attach as a partition"
  }

  private mutating func detachPartition(_ def: PgNode?) -> String? {
    guard let def, let rv = def.body.field(Pg.PartitionCmd.name).map({ PgRangeVar($0.message) }) else { return nil }
    builder.updateTable(lookupName(rv)) { table in
      table.partitionOf = nil
      table.partitionBound = nil
    }
    return nil
  }

  /// `ALTER TABLE … RENAME [COLUMN] a TO b`, `ALTER TABLE a RENAME TO b`, `… RENAME CONSTRAINT`.
  mutating func rename(_ m: PgMessage, _ s: Statement) {
    let kind = m.field(Pg.RenameStmt.renameType)?.int ?? 0
    guard let rv = m.field(Pg.RenameStmt.relation).map({ PgRangeVar($0.message) }) else {
      return skip(s, "RENAME of this object is not modelled")
    }
    let name = lookupName(rv)
    let old = m.field(Pg.RenameStmt.subname)?.string ?? ""
    let new = m.field(Pg.RenameStmt.newname)?.string ?? ""
    switch kind {
    case _ where Self.relationKinds.contains(kind):
      builder.rename(name, to: new)
    case Pg.ObjectType.objectColumn:
      guard builder.updateTable(name, { $0.renameColumn(old, to: new) }) else { return skip(s, "no table \(name)") }
      builder.renameReferencedColumn(in: name, old, to: new)
    case Pg.ObjectType.objectTabconstraint:
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
