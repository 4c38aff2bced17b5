import ERDSchema

/// Draws one table or view as an entity at a detail level: its columns with their key roles,
/// and the lines under them.
struct EntityDrawing {
  let detail: ColumnDetail
  var lines: DetailLines = .all

  func entity(
    for table: Table, named name: QualifiedName, key: String, label: String, referenced: Set<String>
  ) -> Entity {
    let visible = table.columns.filter { !$0.hidden }
    let shown = visible.compactMap { column -> EntityColumn? in
      let roles = Self.roles(of: column.name, in: table)
      return keeps(roles, referenced: referenced.contains(column.name)) ? Self.column(column, roles: roles) : nil
    }
    return Entity(
      name: name, key: key, label: label, kind: EntityKind(table.kind), columns: shown,
      hiddenColumnCount: visible.count - shown.count, comment: table.comment,
      details: detail == .all ? EntityDetails.lines(for: table, lines) : [])
  }

  func entity(for view: View, named name: QualifiedName, key: String, label: String) -> Entity {
    let shown = detail == .all ? view.columns.map { Self.column($0, roles: []) } : []
    return Entity(
      name: name, key: key, label: label, kind: view.materialized ? .materializedView : .view, columns: shown,
      hiddenColumnCount: view.columns.count - shown.count, comment: view.comment,
      details: detail == .all ? EntityDetails.lines(for: view, lines) : [])
  }

  /// Whether the detail level draws a column that plays these roles.
  private func keeps(_ roles: KeyRoles, referenced: Bool) -> Bool {
    switch detail {
    case .all: return true
    case .keys: return roles.contains(.primary) || roles.contains(.foreign) || referenced
    case .none: return false
    }
  }

  /// PK, FK and UK as the table declares them; a foreign key keeps its badge whether or not its
  /// target is drawn.
  static func roles(of column: String, in table: Table) -> KeyRoles {
    var roles: KeyRoles = []
    let pk = table.primaryKey?.columns ?? []
    if pk.contains(column) { roles.insert(.primary) }
    if table.foreignKeys.contains(where: { $0.columns.contains(column) }) { roles.insert(.foreign) }
    if !pk.contains(column) && table.isUnique([column]) { roles.insert(.unique) }
    return roles
  }

  static func column(_ column: Column, roles: KeyRoles) -> EntityColumn {
    var type = column.type
    if let base = column.baseType, base != type { type += " (\(base))" }
    return EntityColumn(
      name: column.name, type: type, nullable: column.nullable, keys: roles,
      annotation: EntityDetails.annotation(for: column), comment: column.comment)
  }
}

extension EntityKind {
  init(_ kind: TableKind) {
    switch kind {
    case .table: self = .table
    case .partitioned: self = .partitioned
    case .foreign: self = .foreign
    case .virtual: self = .virtual
    }
  }
}

/// Gives each entity a unique identifier of ASCII letters, digits and `_`, derived from its name
/// so that adding a table does not renumber the others.
struct KeyAllocator {
  private var used: Set<String> = []

  /// Keys are identifiers in DOT and Mermaid: kept short (Graphviz refuses a quoted string past
  /// 16,384 characters), unique by a number when a cut makes two alike.
  static let maxLength = 120

  mutating func key(for name: QualifiedName, qualified: Bool) -> String {
    let base = String(Self.sanitize(qualified ? "\(name.schema).\(name.name)" : name.name).prefix(Self.maxLength))
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
