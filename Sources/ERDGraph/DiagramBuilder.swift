import ERDSchema

/// Turns a catalog into a diagram. Pure: the same catalog and options give the same diagram.
public enum DiagramBuilder {
  public static func build(_ catalog: Catalog, options: DiagramOptions = DiagramOptions()) -> Diagram {
    let catalog = options.filter.apply(to: catalog).normalized()
    let multiSchema = catalog.schemas.filter { !$0.tables.isEmpty || !$0.views.isEmpty }.count > 1

    var tables: [QualifiedName: Table] = [:]
    for (name, table) in catalog.allTables { tables[name] = table }

    // Incoming references decide which columns "keys" detail keeps on the parent.
    var referenced: [QualifiedName: Set<String>] = [:]
    for (_, table) in catalog.allTables {
      for fk in table.foreignKeys { referenced[fk.referencedTable, default: []].formUnion(fk.referencedColumns) }
    }

    var entities: [Entity] = []
    var keys = KeyAllocator()
    for (name, table) in catalog.allTables {
      entities.append(
        entity(
          for: table, named: name, key: keys.key(for: name, qualified: multiSchema),
          referenced: referenced[name] ?? [], options: options, multiSchema: multiSchema))
    }
    if options.includeViews {
      for (name, view) in catalog.allViews {
        entities.append(
          entity(for: view, named: name, key: keys.key(for: name, qualified: multiSchema), options: options,
            multiSchema: multiSchema))
      }
    }
    let present = Set(entities.map(\.name))

    var edges: [Edge] = []
    for (name, table) in catalog.allTables {
      for fk in table.foreignKeys where present.contains(fk.referencedTable) {
        edges.append(edge(for: fk, of: table, named: name, parent: tables[fk.referencedTable]))
      }
    }
    for (name, table) in catalog.allTables {
      for parent in table.inherits where present.contains(parent) {
        edges.append(
          Edge(
            kind: .inheritance, from: name, fromColumns: [], to: parent, toColumns: [], fromCardinality: .zeroOrOne,
            toCardinality: .exactlyOne))
      }
    }
    if options.includeViews {
      for (name, view) in catalog.allViews {
        for dependency in view.dependencies where present.contains(dependency) {
          edges.append(
            Edge(
              kind: .viewDependency, from: name, fromColumns: [], to: dependency, toColumns: [],
              fromCardinality: .zeroOrMany, toCardinality: .zeroOrMany))
        }
      }
    }

    let groups = multiSchema
      ? catalog.schemas.filter { s in entities.contains { $0.group == s.name } }.map { Group(key: $0.name, label: $0.name) }
      : []
    var enums: [EnumNode] = []
    if options.detail == .all {
      for schema in catalog.schemas {
        for e in schema.enums {
          let name = QualifiedName(schema: schema.name, name: e.name)
          enums.append(
            EnumNode(
              name: name, key: "enum_" + keys.key(for: name, qualified: multiSchema),
              label: multiSchema ? name.description : name.name, values: e.values,
              group: multiSchema ? schema.name : nil))
        }
      }
    }
    return Diagram(
      entities: entities, edges: edges, groups: groups, enums: enums, direction: options.direction,
      detail: options.detail, title: options.title)
  }

  /// The cardinality rule, the same for every renderer:
  /// parent end exactly one when every FK column is NOT NULL, else zero-or-one;
  /// child end zero-or-one when a PK or UNIQUE constraint covers exactly the FK columns, else zero-or-many.
  public static func cardinality(of fk: ForeignKey, in child: Table) -> (child: Cardinality, parent: Cardinality) {
    let allNotNull = fk.columns.allSatisfy { child.column(named: $0)?.nullable == false }
    return (child.isUnique(fk.columns) ? .zeroOrOne : .zeroOrMany, allNotNull ? .exactlyOne : .zeroOrOne)
  }

  private static func edge(for fk: ForeignKey, of table: Table, named name: QualifiedName, parent: Table?) -> Edge {
    let (childEnd, parentEnd) = cardinality(of: fk, in: table)
    let pk = Set(table.primaryKey?.columns ?? [])
    var toColumns = fk.referencedColumns
    if toColumns.isEmpty, let parentKey = parent?.primaryKey?.columns { toColumns = parentKey }
    return Edge(
      kind: .foreignKey, from: name, fromColumns: fk.columns, to: fk.referencedTable, toColumns: toColumns,
      fromCardinality: childEnd, toCardinality: parentEnd,
      identifying: !fk.columns.isEmpty && Set(fk.columns).isSubset(of: pk), name: fk.name)
  }

  private static func entity(
    for table: Table, named name: QualifiedName, key: String, referenced: Set<String>, options: DiagramOptions,
    multiSchema: Bool
  ) -> Entity {
    let pk = Set(table.primaryKey?.columns ?? [])
    let fkColumns = Set(table.foreignKeys.flatMap(\.columns))
    var shown: [EntityColumn] = []
    for column in table.columns where !column.hidden {
      var roles: KeyRoles = []
      if pk.contains(column.name) { roles.insert(.primary) }
      if fkColumns.contains(column.name) { roles.insert(.foreign) }
      if !pk.contains(column.name) && table.isUnique([column.name]) { roles.insert(.unique) }
      let keep: Bool
      switch options.detail {
      case .all: keep = true
      case .keys: keep = roles.contains(.primary) || roles.contains(.foreign) || referenced.contains(column.name)
      case .none: keep = false
      }
      if keep { shown.append(entityColumn(column, roles: roles)) }
    }
    var details: [String] = []
    if options.detail == .all { details = EntityDetails.lines(for: table) }
    let kind: EntityKind =
      switch table.kind {
      case .table: .table
      case .partitioned: .partitioned
      case .foreign: .foreign
      case .virtual: .virtual
      }
    return Entity(
      name: name, key: key, label: multiSchema ? name.description : name.name, kind: kind, columns: shown,
      hiddenColumnCount: table.columns.filter { !$0.hidden }.count - shown.count, comment: table.comment,
      details: details, group: multiSchema ? name.schema : nil)
  }

  private static func entity(
    for view: View, named name: QualifiedName, key: String, options: DiagramOptions, multiSchema: Bool
  ) -> Entity {
    let shown = options.detail == .all ? view.columns.map { entityColumn($0, roles: []) } : []
    return Entity(
      name: name, key: key, label: multiSchema ? name.description : name.name,
      kind: view.materialized ? .materializedView : .view, columns: shown,
      hiddenColumnCount: view.columns.count - shown.count, comment: view.comment,
      details: options.detail == .all ? EntityDetails.lines(for: view) : [], group: multiSchema ? name.schema : nil)
  }

  private static func entityColumn(_ column: Column, roles: KeyRoles) -> EntityColumn {
    var type = column.type
    if let base = column.baseType, base != type { type += " (\(base))" }
    return EntityColumn(
      name: column.name, type: type, nullable: column.nullable, keys: roles,
      annotation: EntityDetails.annotation(for: column), comment: column.comment)
  }
}

/// Gives each entity a unique identifier of ASCII letters, digits and `_`, derived from its name
/// so that adding a table does not renumber the others.
struct KeyAllocator {
  private var used: Set<String> = []

  mutating func key(for name: QualifiedName, qualified: Bool) -> String {
    let base = Self.sanitize(qualified ? "\(name.schema).\(name.name)" : name.name)
    var candidate = base
    var n = 2
    while !used.insert(candidate).inserted {
      candidate = "\(base)_\(n)"
      n += 1
    }
    return candidate
  }

  static func sanitize(_ s: String) -> String {
    var out = ""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "a"..."z", "A"..."Z", "0"..."9", "_": out.unicodeScalars.append(scalar)
      case _ where scalar.value < 0x80: out.append("_")
      default: out += "x" + String(scalar.value, radix: 16)
      }
    }
    return out.isEmpty ? "_" : out
  }
}
