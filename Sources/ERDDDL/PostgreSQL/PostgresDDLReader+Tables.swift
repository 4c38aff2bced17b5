import ERDSchema
import Foundation

/// `CREATE TABLE`: columns, inline and table constraints, `INHERITS`, `PARTITION OF`, `LIKE`.
extension PostgresDDLReader {
  mutating func createTable(_ m: PgMessage, _ s: Statement, kind: TableKind?) {
    var relation: PgRangeVar?
    var elements: [PgNode] = []
    var parents: [PgRangeVar] = []
    var bound: PgMessage?
    var partitionSpec: PgMessage?
    var constraints: [PgNode] = []
    var ifNotExists = false
    for field in m {
      switch field.number {
      case Pg.CreateStmt.relation: relation = PgRangeVar(field.message)
      case Pg.CreateStmt.ifNotExists: ifNotExists = field.bool
      case Pg.CreateStmt.tableElts: if let n = field.node { elements.append(n) }
      case Pg.CreateStmt.inhRelations: if let n = field.node, n.tag == .rangeVar { parents.append(PgRangeVar(n.body)) }
      case Pg.CreateStmt.partbound: bound = field.message
      case Pg.CreateStmt.partspec: partitionSpec = field.message
      case Pg.CreateStmt.constraints: if let n = field.node { constraints.append(n) }
      default: break
      }
    }
    guard let relation else { return skip(s, "CREATE TABLE without a name") }
    let name = creationName(relation)
    // As PostgreSQL does: the first definition stands.
    if builder.tables[name] != nil || builder.views[name] != nil {
      guard ifNotExists else { return skip(s, "\(name) already exists, so PostgreSQL refuses this CREATE TABLE") }
      return report.ignore("CREATE TABLE IF NOT EXISTS of an existing table")
    }
    var table = Table(name: name.name, kind: kind ?? (partitionSpec == nil ? .table : .partitioned))
    if relation.persistence == "u" { table.options.insert(.unlogged) }
    takeName(name.name, schema: name.schema)

    for parent in parents {
      let parentName = lookupName(parent)
      if let parentTable = builder.tables[parentName] {
        inheritColumns(from: parentTable, into: &table, checks: bound == nil)
      } else {
        skip(s, "\(parentName) is not defined before \(name), so its columns are missing")
      }
      if bound == nil { table.inherits.append(parentName) } else { table.partitionOf = parentName }
    }
    if let bound {
      let location = bound.field(Pg.PartitionBoundSpec.location)?.location ?? s.range.lowerBound
      table.partitionBound = source.partitionBound(at: location, limit: s.range.upperBound)
    }
    if let partitionSpec { table.partitionKey = partitionKey(partitionSpec, s) }

    // Room for every column at once: grown one by one, the lists of 300,000 tables hold a
    // third more than their columns.
    table.columns.reserveCapacity(table.columns.count + elements.count)
    addElements(elements, constraints: constraints, to: &table, schema: name.schema, s)
    builder.addTable(table, in: name.schema)
    builder.applyDefaultPrivileges(to: name)
  }

  /// Columns, `LIKE` clauses and constraints, the table constraints applied after every column
  /// as PostgreSQL does.
  private mutating func addElements(
    _ elements: [PgNode], constraints: [PgNode], to table: inout Table, schema: String, _ s: Statement
  ) {
    var tableConstraints = constraints
    // Where the next element starts bounds a column's last clause (its default, say).
    var nextStart = Array(repeating: s.range.upperBound, count: elements.count)
    var following = s.range.upperBound
    for i in elements.indices.reversed() {
      nextStart[i] = following
      following = Self.location(of: elements[i]) ?? following
    }
    for (i, element) in elements.enumerated() {
      switch element.tag {
      case .columnDef: columnDefinition(element.body, into: &table, schema: schema, limit: nextStart[i])
      case .constraint: tableConstraints.append(element)
      case .tableLikeClause: like(element.body, into: &table, s)
      default: break
      }
    }
    for constraint in tableConstraints {
      apply(PgConstraint(constraint.body), to: &table, schema: schema, column: nil, limit: s.range.upperBound)
    }
  }

  static func location(of node: PgNode) -> Int? {
    switch node.tag {
    case .columnDef: return node.body.field(Pg.ColumnDef.location)?.location
    case .constraint: return node.body.field(Pg.Constraint.location)?.location
    default: return nil
    }
  }

  /// `RANGE (payment_date)`, as `pg_get_partkeydef` prints it.
  private func partitionKey(_ spec: PgMessage, _ s: Statement) -> String {
    let strategy = (spec.field(Pg.PartitionSpec.strategy)?.string ?? "").uppercased()
    let location = spec.field(Pg.PartitionSpec.location)?.location ?? s.range.lowerBound
    let items = source.listItems(from: location, limit: s.range.upperBound)
    return "\(strategy) (\(items.joined(separator: ", ")))"
  }

  /// A column definition, or, for a column the table already has (from `PARTITION OF` or
  /// `OF type`), the options it adds.
  mutating func columnDefinition(_ m: PgMessage, into table: inout Table, schema: String, limit: Int) {
    var name = ""
    var type: PgTypeName?
    var notNull = false
    var collation: String?
    var constraints: [PgConstraint] = []
    for field in m {
      switch field.number {
      case Pg.ColumnDef.colname: name = field.string
      case Pg.ColumnDef.typeName: type = PgTypeName(field.message)
      case Pg.ColumnDef.isNotNull: notNull = field.bool
      case Pg.ColumnDef.collClause: collation = field.message.strings(Pg.CollateClause.collname).last
      case Pg.ColumnDef.constraints:
        if let n = field.node, n.tag == .constraint { constraints.append(PgConstraint(n.body)) }
      default: break
      }
    }
    guard !name.isEmpty else { return }
    if let type, table.column(named: name) == nil {
      var column = Column(name: name, ordinal: 0, type: shared(type.text), nullable: !notNull, collation: collation)
      if type.isSerial {
        column.identity = .serial
        column.nullable = false
        let sequence = PgNaming.objectName(table.name, name, label: "seq")
        let qualified = schema == "public" ? sequence : "\(schema).\(sequence)"
        column.defaultValue = "nextval('\(PgIdentifier.quoted(qualified))'::regclass)"
      }
      table.append(column: column)
    } else if notNull {
      table.updateColumn(name) { $0.nullable = false }
    }
    for (i, constraint) in constraints.enumerated() {
      let next = constraints.dropFirst(i + 1).map(\.location).first { $0 > constraint.location }
      apply(constraint, to: &table, schema: schema, column: name, limit: min(next ?? limit, limit))
    }
  }

  /// Applies one constraint; `column` is set for a column constraint.
  mutating func apply(_ c: PgConstraint, to table: inout Table, schema: String, column: String?, limit: Int) {
    guard let kind = c.kind else { return }
    switch kind {
    case .null, .notNull:
      if let column { table.updateColumn(column) { $0.nullable = kind == .null } }
    case .defaultValue:
      let text = source.expression(after: "DEFAULT", from: c.location, limit: limit).map(Self.searchPathFree)
      if let column { table.updateColumn(column) { $0.defaultValue = text } }
    case .identity:
      if let column {
        table.updateColumn(column) {
          $0.identity = c.generatedWhen == "a" ? .always : .byDefault
          $0.nullable = false
        }
      }
    case .generated:
      let expression = source.group(after: "AS", from: c.location, limit: limit) ?? ""
      if let column {
        table.updateColumn(column) { $0.generated = GeneratedColumn(expression: expression, stored: true) }
      }
    case .check:
      let expression = source.group(after: "CHECK", from: c.location, limit: limit) ?? ""
      let name = c.name ?? generatedName(table.name, checkColumns(c.expression), label: "check", schema: schema)
      takeName(c.name, schema: schema)
      table.checks.append(CheckConstraint(name: name, expression: expression))
    case .primaryKey:
      let columns = column.map { [$0] } ?? c.keys
      let name = c.name ?? generatedName(table.name, nil, label: "pkey", schema: schema)
      takeName(c.name, schema: schema)
      table.primaryKey = PrimaryKey(name: name, columns: columns)
      // Now, not when the model is built: LIKE and INHERITS copy NOT NULL from here on.
      for key in columns { table.updateColumn(key) { $0.nullable = false } }
    case .unique:
      let columns = column.map { [$0] } ?? c.keys
      let name = c.name ?? generatedName(table.name, columns, label: "key", schema: schema)
      takeName(c.name, schema: schema)
      table.uniqueConstraints.append(
        UniqueConstraint(name: name, columns: columns, nullsNotDistinct: c.nullsNotDistinct, deferrable: c.deferrable))
    case .exclusion:
      let body = source.expression(after: "EXCLUDE", from: c.location, limit: limit) ?? ""
      let name = c.name ?? generatedName(table.name, c.excludedColumns, label: "excl", schema: schema)
      takeName(c.name, schema: schema)
      table.exclusions.append(ExclusionConstraint(name: name, definition: "EXCLUDE " + body))
    case .foreignKey:
      foreignKey(c, on: &table, schema: schema, column: column)
    case .deferrable, .notDeferrable, .initiallyDeferred, .initiallyImmediate:
      // Column constraint attributes follow the key they qualify.
      if let last = table.foreignKeys.indices.last {
        if kind == .deferrable { table.foreignKeys[last].deferrable = true }
        if kind == .notDeferrable { table.foreignKeys[last].deferrable = false }
        if kind == .initiallyDeferred { table.foreignKeys[last].initiallyDeferred = true }
        if kind == .initiallyImmediate { table.foreignKeys[last].initiallyDeferred = false }
      }
    }
  }

  private mutating func foreignKey(_ c: PgConstraint, on table: inout Table, schema: String, column: String?) {
    guard let referenced = c.referenced else { return }
    let columns = column.map { [$0] } ?? c.columns
    let name = c.name ?? generatedName(table.name, columns, label: "fkey", schema: schema)
    takeName(c.name, schema: schema)
    // A self-reference may name the table being created, which is not in the builder yet.
    let target =
      referenced.schema == nil && referenced.name == table.name && builder.tables[lookupName(referenced)] == nil
      ? QualifiedName(schema: schema, name: table.name) : lookupName(referenced)
    table.foreignKeys.append(
      ForeignKey(
        name: name, columns: columns, referencedTable: target, referencedColumns: c.referencedColumns,
        onDelete: ReferentialAction(pgCode: c.onDelete), onUpdate: ReferentialAction(pgCode: c.onUpdate),
        deferrable: c.deferrable, initiallyDeferred: c.initiallyDeferred,
        match: c.match == "f" ? "FULL" : c.match == "p" ? "PARTIAL" : nil))
  }

  /// The columns a check names, for its generated name: `t_qty_check` for one, `t_check` else.
  private func checkColumns(_ expression: PgNode?) -> [String]? {
    guard let expression else { return nil }
    var names: Set<String> = []
    PgTreeWalker.walk(expression) { node in
      if node.tag == .columnRef, let last = node.body.strings(Pg.ColumnRef.fields).last { names.insert(last) }
      return true
    }
    return names.count == 1 ? Array(names) : nil
  }

  /// Columns (and checks, for `INHERITS`) a child table takes from its parent.
  private func inheritColumns(from parent: Table, into table: inout Table, checks: Bool) {
    for column in parent.columns.sorted(by: { $0.ordinal < $1.ordinal }) where table.column(named: column.name) == nil {
      var copy = column
      copy.comment = nil
      table.append(column: copy)
    }
    if checks { table.checks += parent.checks }
  }

  /// `LIKE parent [INCLUDING …]`, when the parent is defined earlier in the text.
  private mutating func like(_ m: PgMessage, into table: inout Table, _ s: Statement) {
    guard let rv = m.field(Pg.TableLikeClause.relation).map({ PgRangeVar($0.message) }) else { return }
    let options = m.field(Pg.TableLikeClause.options)?.int ?? 0
    // A bit set of `TableLikeOption`s, each the bit one below its proto value (C numbers from 0).
    func including(_ option: Int) -> Bool { options & (1 << (option - 1)) != 0 }
    guard let parent = builder.tables[lookupName(rv)] else {
      return skip(s, "LIKE \(lookupName(rv)): no such table before this statement, so its columns are missing")
    }
    for column in parent.columns.sorted(by: { $0.ordinal < $1.ordinal }) {
      var copy = Column(name: column.name, ordinal: 0, type: column.type, nullable: column.nullable)
      if including(Pg.TableLikeOption.createTableLikeDefaults) { copy.defaultValue = column.defaultValue }
      if including(Pg.TableLikeOption.createTableLikeGenerated) { copy.generated = column.generated }
      if including(Pg.TableLikeOption.createTableLikeIdentity), column.identity != .serial {
        copy.identity = column.identity
      }
      if including(Pg.TableLikeOption.createTableLikeComments) { copy.comment = column.comment }
      copy.collation = column.collation
      table.append(column: copy)
    }
    if including(Pg.TableLikeOption.createTableLikeConstraints) { table.checks += parent.checks }
  }

  /// Defaults as PostgreSQL prints them with the default search path, which sees `public`:
  /// pg_dump's `nextval('public.s'::regclass)` and `'G'::public.mpaa_rating` lose `public.`.
  static func searchPathFree(_ text: String) -> String {
    guard text.contains("public.") else { return text }
    return text.replacingOccurrences(of: "nextval('public.", with: "nextval('")
      .replacingOccurrences(of: "::public.", with: "::")
  }
}
