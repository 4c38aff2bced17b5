import ERDSchema

/// `CREATE [MATERIALIZED] VIEW`: the query as written, the relations it reads (from the parse
/// tree, through subqueries, CTEs, joins and set operations) and its columns where the query
/// names them.
extension PostgresDDLReader {
  mutating func createView(_ m: PgMessage, _ s: Statement) {
    guard let rv = m.field(Pg.ViewStmt.view).map({ PgRangeVar($0.message) }),
      let query = m.field(Pg.ViewStmt.query)?.node
    else { return }
    let name = creationName(rv)
    let aliases = m.strings(Pg.ViewStmt.aliases)
    var view = View(name: name.name, definition: source.tail(after: "AS", in: s.range, from: rv.location))
    view.dependencies = relations(readBy: query)
    view.columns = columns(of: query, aliases: aliases)
    takeName(name.name, schema: name.schema)
    builder.addView(view, in: name.schema)
    builder.applyDefaultPrivileges(to: name)
  }

  /// `CREATE MATERIALIZED VIEW … AS`; a plain `CREATE TABLE … AS` has no declared columns to draw.
  mutating func createTableAs(_ m: PgMessage, _ s: Statement) {
    guard m.field(Pg.CreateTableAsStmt.objtype)?.int == Pg.ObjectType.objectMatview else {
      return skip(s, "CREATE TABLE … AS is not modelled")
    }
    guard let into = m.field(Pg.CreateTableAsStmt.into)?.message,
      let rv = into.field(Pg.IntoClause.rel).map({ PgRangeVar($0.message) }),
      let query = m.field(Pg.CreateTableAsStmt.query)?.node
    else { return }
    let name = creationName(rv)
    var definition = source.tail(after: "AS", in: s.range, from: rv.location)
    for suffix in ["WITH NO DATA", "WITH DATA"] {
      if let d = definition, d.uppercased().hasSuffix(suffix) {
        definition = String(d.dropLast(suffix.count)).trimmingSpaces()
      }
    }
    var view = View(name: name.name, materialized: true, definition: definition)
    view.dependencies = relations(readBy: query)
    view.columns = columns(of: query, aliases: into.strings(Pg.IntoClause.colNames))
    takeName(name.name, schema: name.schema)
    builder.addView(view, in: name.schema)
    builder.applyDefaultPrivileges(to: name)
  }

  /// Every table and view the query reads, CTE names left out.
  func relations(readBy query: PgNode) -> [QualifiedName] {
    var read: [PgRangeVar] = []
    var cteNames: Set<String> = []
    PgTreeWalker.walk(query) { node in
      switch node.tag {
      case .rangeVar: read.append(PgRangeVar(node.body))
      case .commonTableExpr: if let name = node.body.field(Pg.CommonTableExpr.ctename)?.string { cteNames.insert(name) }
      default: break
      }
      return true
    }
    var names: Set<QualifiedName> = []
    for rv in read where rv.schema != nil || !cteNames.contains(rv.name) {
      if let resolved = builder.resolve(lookupName(rv)) { names.insert(resolved) }
    }
    return names.sorted()
  }

  /// The view's columns, named as PostgreSQL names them; types where a column is read straight
  /// from a table or view declared earlier. View columns are always nullable in PostgreSQL.
  func columns(of query: PgNode, aliases: [String]) -> [Column] {
    var select = query
    // A set operation takes its columns from its first branch.
    while select.tag == .selectStmt, select.body.field(Pg.SelectStmt.targetList) == nil,
      let left = select.body.field(Pg.SelectStmt.larg)
    {
      select = PgNode(tag: .selectStmt, body: left.message)
    }
    guard select.tag == .selectStmt else { return [] }
    let from = fromRelations(select.body.nodes(Pg.SelectStmt.fromClause))
    var columns: [Column] = []
    for target in select.body.nodes(Pg.SelectStmt.targetList) where target.tag == .resTarget {
      let alias = target.body.field(Pg.ResTarget.name)?.string
      guard let value = target.body.field(Pg.ResTarget.val)?.node else { continue }
      if alias == nil, value.tag == .columnRef, value.body.nodes(Pg.ColumnRef.fields).last?.tag == .aStar {
        let qualifier = value.body.strings(Pg.ColumnRef.fields).last
        for (name, relation) in from where qualifier == nil || qualifier == name {
          for column in relation.sorted(by: { $0.ordinal < $1.ordinal }) {
            columns.append(Column(name: column.name, ordinal: columns.count + 1, type: column.type))
          }
        }
        continue
      }
      let (name, type) = Self.describe(value, from: from)
      columns.append(Column(name: alias ?? name, ordinal: columns.count + 1, type: type))
    }
    for (i, alias) in aliases.enumerated() where i < columns.count { columns[i].name = alias }
    return columns
  }

  /// The relations of a FROM list by the name a query refers to them by, with their columns.
  private func fromRelations(_ items: [PgNode]) -> [(String, [Column])] {
    var out: [(String, [Column])] = []
    func visit(_ node: PgNode) {
      switch node.tag {
      case .rangeVar:
        let rv = PgRangeVar(node.body)
        guard let resolved = builder.resolve(lookupName(rv)) else { return }
        let columns = builder.tables[resolved]?.columns ?? builder.views[resolved]?.columns ?? []
        out.append((rv.alias ?? rv.name, columns))
      case .joinExpr:
        if let left = node.body.field(Pg.JoinExpr.larg)?.node { visit(left) }
        if let right = node.body.field(Pg.JoinExpr.rarg)?.node { visit(right) }
      default: break
      }
    }
    items.forEach(visit)
    return out
  }

  /// The name PostgreSQL gives a result column, and its type when it can be told.
  private static func describe(_ value: PgNode, from: [(String, [Column])]) -> (String, String) {
    switch value.tag {
    case .columnRef:
      let fields = value.body.strings(Pg.ColumnRef.fields)
      guard let name = fields.last else { return ("?column?", "") }
      let qualifier = fields.count >= 2 ? fields[fields.count - 2] : nil
      let match = from.lazy.filter { qualifier == nil || $0.0 == qualifier }
        .compactMap { $0.1.first { $0.name == name } }.first
      return (name, match?.type ?? "")
    case .typeCast:
      let type = value.body.field(Pg.TypeCast.typeName).map { PgTypeName($0.message).text } ?? ""
      guard let inner = value.body.field(Pg.TypeCast.arg)?.node else { return ("?column?", type) }
      let (name, _) = describe(inner, from: from)
      return (name == "?column?" ? type.split(separator: "(").first.map(String.init) ?? name : name, type)
    case .funcCall:
      return (value.body.strings(Pg.FuncCall.funcname).last ?? "?column?", "")
    default:
      return ("?column?", "")
    }
  }
}

extension PgNode {
  init(tag: PgTag, body: PgMessage) {
    self.tag = tag
    self.body = body
  }
}
