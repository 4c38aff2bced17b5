import ERDSchema

/// The passes that build a diagram from a selection, one short function each.
struct DiagramPasses {
  let catalog: Catalog
  /// The catalog's lookups by name: each pass below asks once per table.
  let index: CatalogIndex
  let options: DiagramOptions
  let selection: Selection
  /// Declared and inferred relations, drawn or not; empty unless the options ask for them.
  let references: [UndeclaredReference]
  /// Allocated in pass order (tables, views, enums, stubs), so adding a stub renames nothing.
  var keys = KeyAllocator()

  init(catalog: Catalog, options: DiagramOptions, selection: Selection) {
    self.catalog = catalog
    index = CatalogIndex(catalog)
    self.options = options
    self.selection = selection
    references = Self.undeclaredReferences(catalog, options: options)
  }

  func label(_ name: QualifiedName) -> String { selection.qualifiesLabels ? name.description : name.name }

  mutating func tableEntities() -> [Entity] {
    // Incoming references decide which columns the `keys` detail level keeps on a parent.
    var referenced: [QualifiedName: Set<String>] = [:]
    for (_, table) in selection.tables {
      for fk in table.foreignKeys { referenced[fk.referencedTable, default: []].formUnion(fk.referencedColumns) }
    }
    // Undeclared references keep both their ends, as a foreign key's FK badge keeps the child's.
    for r in references {
      referenced[r.parent, default: []].formUnion(r.parentColumns)
      referenced[r.table, default: []].formUnion(r.columns)
    }
    var named: [(name: QualifiedName, table: Table, key: String, label: String)] = []
    named.reserveCapacity(selection.tables.count)
    for (name, table) in selection.tables {
      named.append((name, table, keys.key(for: name, qualified: selection.qualifiesLabels), label(name)))
    }
    // Each entity depends on its table alone: a hundred or more are drawn in two halves at once.
    let drawing = EntityDrawing(detail: options.detail, lines: options.details)
    return named.concurrentMap(atLeast: 128) { [referenced] t in
      drawing.entity(for: t.table, named: t.name, key: t.key, label: t.label, referenced: referenced[t.name] ?? [])
    }
  }

  mutating func viewEntities() -> [Entity] {
    selection.views.map { name, view in
      let key = keys.key(for: name, qualified: selection.qualifiesLabels)
      return EntityDrawing(detail: options.detail, lines: options.details).entity(
        for: view, named: name, key: key, label: label(name))
    }
  }

  /// Enumerated types as legends, at the `all` detail level only.
  mutating func enumNodes() -> [EnumNode] {
    guard options.detail == .all else { return [] }
    var nodes: [EnumNode] = []
    for schema in catalog.schemas {
      for e in schema.enums {
        let name = QualifiedName(schema: schema.name, name: e.name)
        let key = "enum_" + keys.key(for: name, qualified: selection.qualifiesLabels)
        nodes.append(EnumNode(name: name, key: key, label: label(name), values: e.values))
      }
    }
    return nodes
  }

  /// The tables that drawn foreign keys point at without drawing them, and those that point at
  /// drawn ones when the options ask for them, by name.
  var stubNames: [QualifiedName] {
    let targets = selection.tables.flatMap { $0.table.foreignKeys.map(\.referencedTable) }
    return Set(targets + selection.referrers.map(\.name)).subtracting(selection.drawn).sorted()
  }

  /// The foreign keys of referrer stubs into drawn tables, after every other edge.
  func referrerEdges() -> [Edge] {
    selection.referrers.flatMap { name, table in
      table.foreignKeys.filter { selection.drawn.contains($0.referencedTable) }.map {
        edge(for: $0, of: table, named: name)
      }
    }
  }

  mutating func stubEntities() -> [Entity] {
    let schemas = Set(selection.drawn.map(\.schema))
    return stubNames.map { name in
      let kind = index.table(name).map { EntityKind($0.kind) } ?? .table
      let qualified = selection.qualifiesLabels || !schemas.contains(name.schema)
      return Entity(
        name: name, key: keys.key(for: name, qualified: selection.qualifiesLabels),
        label: qualified ? name.description : name.name, kind: kind)
    }
  }

  func foreignKeyEdges() -> [Edge] {
    selection.tables.flatMap { name, table in
      table.foreignKeys.filter { selection.drawn.contains($0.referencedTable) }.map {
        edge(for: $0, of: table, named: name)
      }
    }
  }

  /// The foreign keys that end at a stub, after every other edge so that no edge is renumbered.
  func stubEdges() -> [Edge] {
    selection.tables.flatMap { name, table in
      table.foreignKeys.filter { !selection.drawn.contains($0.referencedTable) }.map {
        edge(for: $0, of: table, named: name)
      }
    }
  }

  func inheritanceEdges() -> [Edge] {
    selection.tables.flatMap { name, table in
      table.inherits.filter(selection.drawn.contains).map { parent in
        Edge(
          kind: .inheritance, from: name, fromColumns: [], to: parent, toColumns: [], fromCardinality: .zeroOrOne,
          toCardinality: .exactlyOne)
      }
    }
  }

  func viewEdges() -> [Edge] {
    switch options.viewEdges {
    case .off: return []
    case .auto where selection.views.count >= ViewEdges.autoLimit: return []
    case .auto, .on: break
    }
    return selection.views.flatMap { name, view in
      view.dependencies.filter(selection.drawn.contains).map { dependency in
        Edge(
          kind: .viewDependency, from: name, fromColumns: [], to: dependency, toColumns: [],
          fromCardinality: .zeroOrMany, toCardinality: .zeroOrMany)
      }
    }
  }

  private func edge(for fk: ForeignKey, of table: Table, named name: QualifiedName) -> Edge {
    let (childEnd, parentEnd) = DiagramBuilder.cardinality(of: fk, in: table)
    let pk = Set(table.primaryKey?.columns ?? [])
    var toColumns = fk.referencedColumns
    if toColumns.isEmpty, let parentKey = index.table(fk.referencedTable)?.primaryKey?.columns {
      toColumns = parentKey
    }
    return Edge(
      kind: .foreignKey, from: name, fromColumns: fk.columns, to: fk.referencedTable, toColumns: toColumns,
      fromCardinality: childEnd, toCardinality: parentEnd,
      identifying: !fk.columns.isEmpty && Set(fk.columns).isSubset(of: pk), name: fk.name, onDelete: fk.onDelete,
      onUpdate: fk.onUpdate)
  }

  /// Clusters by schema, app or name prefix (`Grouping`); enums join their schema's cluster
  /// when the clusters are schemas.
  func groups(_ entities: inout [Entity], _ enums: inout [EnumNode]) -> [Group] {
    let tables = selection.tables.map { name, table in
      Grouping.Member(
        name: name, source: table.source?.file, references: table.foreignKeys.map(\.referencedTable) + table.inherits)
    }
    let views = selection.views.map {
      Grouping.Member(name: $0.name, source: $0.view.source?.file, references: $0.view.dependencies)
    }
    let grouping = Grouping(
      tables + views, by: options.groupBy, schemaOrder: catalog.schemas.map(\.name),
      otherwise: options.split == nil ? .none : .prefix)
    guard !grouping.groups.isEmpty else { return [] }
    for i in entities.indices { entities[i].group = grouping.groupOf[entities[i].name] }
    if grouping.isBySchema {
      for i in enums.indices { enums[i].group = enums[i].name.schema }
    }
    return grouping.groups
  }

  /// The title, else "<schema> schema" for one schema other than the engine's default, else a plain one.
  func heading() -> String {
    if let title = options.title, !title.isEmpty { return title }
    if selection.schemas.count == 1, let name = selection.schemas.first, !name.isEmpty,
      !catalog.defaultSchemaNames.contains(name)
    {
      return "\(name) schema"
    }
    return "Schema diagram"
  }
}

extension DiagramPasses {
  /// Row-level security on each drawn table, and with `asRole` what that role may do.
  func markAccess(_ entities: inout [Entity]) {
    let access = options.asRole.map { RoleAccess(role: $0, in: catalog) }
    for i in entities.indices {
      let name = entities[i].name
      let schema = index.schema(named: name.schema)
      if let table = index.table(name) {
        entities[i].rowLevelSecurity = table.rowLevelSecurity != nil
        entities[i].access = access?.level(owner: table.owner, privileges: table.privileges, schema: schema)
      } else if let view = index.view(name) {
        entities[i].access = access?.level(owner: view.owner, privileges: view.privileges, schema: schema)
      }
    }
  }
}
