import ERDSchema

/// Indexes, types, domains, comments and triggers.
extension PostgresDDLReader {
  mutating func createIndex(_ m: PgMessage, _ s: Statement) {
    var name = ""
    var relation: PgRangeVar?
    var method = "btree"
    var elements: [PgMessage] = []
    var hasPredicate = false
    var unique = false
    for field in m {
      switch field.number {
      case Pg.IndexStmt.idxname: name = field.string
      case Pg.IndexStmt.relation: relation = PgRangeVar(field.message)
      case Pg.IndexStmt.accessMethod: method = field.string
      case Pg.IndexStmt.indexParams: if let n = field.node, n.tag == .indexElem { elements.append(n.body) }
      case Pg.IndexStmt.whereClause: hasPredicate = true
      case Pg.IndexStmt.unique: unique = field.bool
      default: break
      }
    }
    guard let relation else { return }
    let target = lookupName(relation)
    let written = source.listItems(from: relation.location, limit: s.range.upperBound)
    let keys: [IndexKey] = elements.enumerated().map { i, element in
      if let column = element.field(Pg.IndexElem.name)?.string, !column.isEmpty { return .column(column) }
      return .expression(i < written.count ? Self.leadingExpression(written[i]) : "?")
    }
    if name.isEmpty {
      let parts = elements.map { element in
        element.field(Pg.IndexElem.name)?.string
          ?? element.field(Pg.IndexElem.expr)?.node.flatMap(Self.functionName) ?? "expr"
      }
      name = generatedName(target.name, parts, label: "idx", schema: target.schema)
    }
    takeName(name, schema: target.schema)
    let start = source.start(of: s.range)
    let index = Index(
      name: name, keys: keys, unique: unique,
      predicate: hasPredicate ? source.tail(after: "WHERE", in: s.range, from: relation.location) : nil,
      method: method == "btree" ? nil : method, definition: source.text(start..<s.range.upperBound))
    if builder.tables[target] != nil {
      builder.tables[target]?.indexes.append(index)
    } else if builder.views[target] != nil {
      builder.views[target]?.indexes.append(index)
    } else {
      skip(s, "no table \(target) to index")
    }
  }

  private static func functionName(_ node: PgNode) -> String? {
    node.tag == .funcCall ? node.body.strings(Pg.FuncCall.funcname).last : nil
  }

  /// An index key's expression without its ordering, operator class or collation:
  /// `lower(name) text_pattern_ops DESC` → `lower(name)`.
  static func leadingExpression(_ item: String) -> String {
    let lexer = PgSourceText.lexer(item)
    var depth = 0
    var end = 0
    var sawGroup = false
    lexer.forEachToken(from: 0) { token in
      if token.kind == .comment { return true }
      if depth == 0 && sawGroup { return false }
      if token.isSymbol("(") { depth += 1 }
      if token.isSymbol(")") {
        depth -= 1
        if depth == 0 { sawGroup = true }
      }
      end = token.end
      return true
    }
    return lexer.text(0..<end).trimmingSpaces()
  }

  // MARK: Types

  mutating func createEnum(_ m: PgMessage) {
    guard let name = typeName(parts: m.strings(Pg.CreateEnumStmt.typeName)) else { return }
    builder.addSchema(name.schema)
    builder.enums[name] = EnumType(name: name.name, values: m.nodes(Pg.CreateEnumStmt.vals).compactMap(\.string))
  }

  mutating func alterEnum(_ m: PgMessage, _ s: Statement) {
    guard let name = typeName(parts: m.strings(Pg.AlterEnumStmt.typeName)), var type = builder.enums[name] else {
      return report.ignore("ALTER TYPE")
    }
    let old = m.field(Pg.AlterEnumStmt.oldVal)?.string ?? ""
    let new = m.field(Pg.AlterEnumStmt.newVal)?.string ?? ""
    let neighbor = m.field(Pg.AlterEnumStmt.newValNeighbor)?.string ?? ""
    let after = m.field(Pg.AlterEnumStmt.newValIsAfter)?.bool ?? false
    if !old.isEmpty {
      type.values = type.values.map { $0 == old ? new : $0 }
    } else if !type.values.contains(new) {
      if let i = type.values.firstIndex(of: neighbor) {
        type.values.insert(new, at: after ? i + 1 : i)
      } else {
        type.values.append(new)
      }
    }
    builder.enums[name] = type
  }

  mutating func createDomain(_ m: PgMessage, _ s: Statement) {
    guard let name = typeName(parts: m.strings(Pg.CreateDomainStmt.domainname)) else { return }
    let base = m.field(Pg.CreateDomainStmt.typeName).map { PgTypeName($0.message).text } ?? ""
    var domain = Domain(name: name.name, baseType: base)
    for node in m.nodes(Pg.CreateDomainStmt.constraints) where node.tag == .constraint {
      let c = PgConstraint(node.body)
      switch c.kind {
      case .notNull: domain.nullable = false
      case .null: domain.nullable = true
      case .defaultValue:
        domain.defaultValue = source.expression(after: "DEFAULT", from: c.location, limit: s.range.upperBound)
      case .check:
        let expression = source.group(after: "CHECK", from: c.location, limit: s.range.upperBound) ?? ""
        let checkName = c.name ?? PgNaming.objectName(name.name, nil, label: "check")
        domain.checks.append(CheckConstraint(name: checkName, expression: expression))
      default: break
      }
    }
    builder.addSchema(name.schema)
    builder.domains[name] = domain
  }

  // MARK: Comments and triggers

  mutating func comment(_ m: PgMessage, _ s: Statement) {
    let kind = m.field(Pg.CommentStmt.objtype)?.int ?? 0
    let object = m.field(Pg.CommentStmt.object)?.node
    let text = m.field(Pg.CommentStmt.comment).map(\.string)
    let parts = object?.listItems.compactMap(\.string) ?? []
    var found = true
    switch kind {
    case Pg.ObjectType.objectTable, Pg.ObjectType.objectForeignTable:
      guard let name = lookupName(parts: parts) else { return }
      found = builder.updateTable(name) { $0.comment = text }
    case Pg.ObjectType.objectView, Pg.ObjectType.objectMatview:
      guard let name = lookupName(parts: parts), builder.views[name] != nil else {
        found = false
        break
      }
      builder.views[name]?.comment = text
    case Pg.ObjectType.objectColumn:
      guard parts.count >= 2, let table = lookupName(parts: Array(parts.dropLast())), let column = parts.last else {
        return
      }
      if builder.tables[table] != nil {
        found = builder.updateTable(table) { $0.updateColumn(column) { $0.comment = text } }
      } else if builder.views[table] != nil {
        builder.views[table]?.comment(column: column, text)
      } else {
        found = false
      }
    case Pg.ObjectType.objectTabconstraint:
      guard parts.count >= 2, let table = lookupName(parts: Array(parts.dropLast())), let constraint = parts.last else {
        return
      }
      found = builder.updateTable(table) { $0.comment(constraint: constraint, text) }
    case Pg.ObjectType.objectType, Pg.ObjectType.objectDomain:
      guard let name = typeName(parts: object.map { $0.body.strings(Pg.TypeName.names) } ?? []) else { return }
      if builder.enums[name] != nil {
        builder.enums[name]?.comment = text
      } else if builder.domains[name] != nil {
        builder.domains[name]?.comment = text
      } else {
        found = false
      }
    case Pg.ObjectType.objectSchema:
      guard let schema = object?.string else { return }
      builder.schemaComments[schema] = text
    case Pg.ObjectType.objectIndex:
      guard let name = lookupName(parts: parts) else { return }
      found = builder.commentIndex(name, text)
    case Pg.ObjectType.objectFunction, Pg.ObjectType.objectProcedure, Pg.ObjectType.objectRoutine:
      guard let object, let key = routineKey(object) else {
        found = false
        break
      }
      builder.access.routines[key.schema]?[key.name]?.comment = text
    case Pg.ObjectType.objectPolicy:
      guard parts.count >= 2, let table = lookupName(parts: Array(parts.dropLast())), let policy = parts.last else {
        return
      }
      found = builder.updateTable(table) { t in
        for i in t.policies.indices where t.policies[i].name == policy { t.policies[i].comment = text }
      }
    case Pg.ObjectType.objectTrigger:
      guard parts.count >= 2, let table = lookupName(parts: Array(parts.dropLast())), let trigger = parts.last else {
        return
      }
      found = builder.updateTable(table) { t in
        for i in t.triggers.indices where t.triggers[i].name == trigger { t.triggers[i].comment = text }
      }
    default:
      return report.ignore("COMMENT ON")
    }
    if !found { skip(s, "the object of this comment is not defined before it") }
  }

  mutating func createTrigger(_ m: PgMessage, _ s: Statement) {
    let name = m.field(Pg.CreateTrigStmt.trigname)?.string ?? ""
    guard let rv = m.field(Pg.CreateTrigStmt.relation).map({ PgRangeVar($0.message) }) else { return }
    let timingBits = m.field(Pg.CreateTrigStmt.timing)?.int ?? 0
    let eventBits = m.field(Pg.CreateTrigStmt.events)?.int ?? 0
    let timing =
      timingBits & TriggerBits.before != 0 ? "BEFORE" : timingBits & TriggerBits.insteadOf != 0 ? "INSTEAD OF" : "AFTER"
    let events = [
      (TriggerBits.insert, "INSERT"), (TriggerBits.update, "UPDATE"), (TriggerBits.delete, "DELETE"),
      (TriggerBits.truncate, "TRUNCATE"),
    ]
    .filter { eventBits & $0.0 != 0 }.map(\.1)
    let start = source.start(of: s.range)
    let trigger = Trigger(
      name: name, timing: timing, events: events, definition: source.text(start..<s.range.upperBound),
      routine: triggerRoutine(m.strings(Pg.CreateTrigStmt.funcname)))
    let target = lookupName(rv)
    if !builder.updateTable(target, { $0.triggers.append(trigger) }) {
      if builder.views[target] != nil { return report.ignore("CREATE TRIGGER on a view") }
      skip(s, "no table \(target) for this trigger")
    }
  }
}

/// PostgreSQL's `TRIGGER_TYPE_*` bits (`catalog/pg_trigger.h`), which `CreateTrigStmt` carries
/// as plain integers: they are C macros, so pg_query.proto has no enum for them.
private enum TriggerBits {
  static let before = 1 << 1
  static let insert = 1 << 2
  static let delete = 1 << 3
  static let update = 1 << 4
  static let truncate = 1 << 5
  static let insteadOf = 1 << 6
}

extension Table {
  mutating func comment(constraint name: String, _ text: String?) {
    for i in foreignKeys.indices where foreignKeys[i].name == name { foreignKeys[i].comment = text }
    for i in uniqueConstraints.indices where uniqueConstraints[i].name == name { uniqueConstraints[i].comment = text }
    for i in checks.indices where checks[i].name == name { checks[i].comment = text }
    for i in exclusions.indices where exclusions[i].name == name { exclusions[i].comment = text }
  }
}

extension View {
  mutating func comment(column: String, _ text: String?) {
    for i in columns.indices where columns[i].name == column { columns[i].comment = text }
  }
}

extension CatalogBuilder {
  /// Comments the index `name` (schema-qualified), wherever it is; false when there is none.
  mutating func commentIndex(_ name: QualifiedName, _ text: String?) -> Bool {
    for (key, table) in tables where key.schema == name.schema {
      if let i = table.indexes.firstIndex(where: { $0.name == name.name }) {
        tables[key]?.indexes[i].comment = text
        return true
      }
    }
    return false
  }
}
