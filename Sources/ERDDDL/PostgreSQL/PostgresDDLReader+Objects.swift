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
      case 1: name = field.string
      case 2: relation = PgRangeVar(field.message)
      case 3: method = field.string
      case 5: if let n = field.node, n.tag == .indexElem { elements.append(n.body) }
      case 8: hasPredicate = true
      case 15: unique = field.bool
      default: break
      }
    }
    guard let relation else { return }
    let target = lookupName(relation)
    let written = source.listItems(from: relation.location, limit: s.range.upperBound)
    let keys: [IndexKey] = elements.enumerated().map { i, element in
      if let column = element.field(1)?.string, !column.isEmpty { return .column(column) }
      return .expression(i < written.count ? Self.leadingExpression(written[i]) : "?")
    }
    if name.isEmpty {
      let parts = elements.map { element in
        element.field(1)?.string ?? element.field(2)?.node.flatMap(Self.functionName) ?? "expr"
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
    node.tag == .funcCall ? node.body.strings(1).last : nil
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
    guard let name = typeName(parts: m.strings(1)) else { return }
    builder.addSchema(name.schema)
    builder.enums[name] = EnumType(name: name.name, values: m.nodes(2).compactMap(\.string))
  }

  mutating func alterEnum(_ m: PgMessage, _ s: Statement) {
    guard let name = typeName(parts: m.strings(1)), var type = builder.enums[name] else {
      return report.ignore("ALTER TYPE")
    }
    let old = m.field(2)?.string ?? ""
    let new = m.field(3)?.string ?? ""
    let neighbor = m.field(4)?.string ?? ""
    let after = m.field(5)?.bool ?? false
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
    guard let name = typeName(parts: m.strings(1)) else { return }
    let base = m.field(2).map { PgTypeName($0.message).text } ?? ""
    var domain = Domain(name: name.name, baseType: base)
    for node in m.nodes(4) where node.tag == .constraint {
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
    let kind = m.field(1)?.int ?? 0
    let object = m.field(2)?.node
    let text = m.field(3).map(\.string)
    let parts = object?.listItems.compactMap(\.string) ?? []
    var found = true
    switch kind {
    case 42, 19:  // table, foreign table
      guard let name = lookupName(parts: parts) else { return }
      found = builder.updateTable(name) { $0.comment = text }
    case 52, 24:  // view, materialized view
      guard let name = lookupName(parts: parts), builder.views[name] != nil else { found = false; break }
      builder.views[name]?.comment = text
    case 7:  // column
      guard parts.count >= 2, let table = lookupName(parts: Array(parts.dropLast())), let column = parts.last else { return }
      if builder.tables[table] != nil {
        found = builder.updateTable(table) { $0.updateColumn(column) { $0.comment = text } }
      } else if builder.views[table] != nil {
        builder.views[table]?.comment(column: column, text)
      } else {
        found = false
      }
    case 41:  // table constraint
      guard parts.count >= 2, let table = lookupName(parts: Array(parts.dropLast())), let constraint = parts.last else {
        return
      }
      found = builder.updateTable(table) { $0.comment(constraint: constraint, text) }
    case 50, 13:  // type, domain
      guard let name = typeName(parts: object.map { $0.body.strings(1) } ?? []) else { return }
      if builder.enums[name] != nil { builder.enums[name]?.comment = text }
      else if builder.domains[name] != nil { builder.domains[name]?.comment = text }
      else { found = false }
    case 37:  // schema
      guard let schema = object?.string else { return }
      builder.schemaComments[schema] = text
    case 21:  // index
      guard let name = lookupName(parts: parts) else { return }
      found = builder.commentIndex(name, text)
    case 45:  // trigger
      guard parts.count >= 2, let table = lookupName(parts: Array(parts.dropLast())), let trigger = parts.last else { return }
      found = builder.updateTable(table) { t in
        for i in t.triggers.indices where t.triggers[i].name == trigger { t.triggers[i].comment = text }
      }
    default:
      return report.ignore("COMMENT ON")
    }
    if !found { skip(s, "the object of this comment is not defined before it") }
  }

  mutating func createTrigger(_ m: PgMessage, _ s: Statement) {
    let name = m.field(3)?.string ?? ""
    guard let rv = m.field(4).map({ PgRangeVar($0.message) }) else { return }
    let timingBits = m.field(8)?.int ?? 0
    let eventBits = m.field(9)?.int ?? 0
    let timing = timingBits & 2 != 0 ? "BEFORE" : timingBits & 64 != 0 ? "INSTEAD OF" : "AFTER"
    let events = [(4, "INSERT"), (16, "UPDATE"), (8, "DELETE"), (32, "TRUNCATE")]
      .filter { eventBits & $0.0 != 0 }.map(\.1)
    let start = source.start(of: s.range)
    let trigger = Trigger(name: name, timing: timing, events: events, definition: source.text(start..<s.range.upperBound))
    let target = lookupName(rv)
    if !builder.updateTable(target, { $0.triggers.append(trigger) }) {
      if builder.views[target] != nil { return report.ignore("CREATE TRIGGER on a view") }
      skip(s, "no table \(target) for this trigger")
    }
  }
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
