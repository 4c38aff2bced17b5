extension Catalog {
  /// The same catalog in a canonical order, so that output does not depend on how a source
  /// happened to list things: schemas, tables, views and types by name, columns by ordinal,
  /// constraints by name and then columns. Enum labels keep their declared order.
  public func normalized() -> Catalog {
    var copy = self
    copy.normalize()
    return copy
  }

  /// Puts the catalog in its canonical order, in place: a catalog held nowhere else is not
  /// copied, table by table each list is replaced by its sorted copy and the old one freed.
  public mutating func normalize() {
    for i in schemas.indices { schemas[i].normalize() }
    schemas.sort { $0.name < $1.name }
    roles = roles.map { Role(name: $0.name, memberOf: Array(Set($0.memberOf)).sorted()) }
      .filter { !$0.memberOf.isEmpty }.sorted { $0.name < $1.name }
  }
}

extension Schema {
  mutating func normalize() {
    for i in tables.indices { tables[i] = tables[i].normalized() }
    tables.sort { $0.name < $1.name }
    for i in views.indices { views[i] = views[i].normalized() }
    views.sort { $0.name < $1.name }
    enums = enums.sorted { $0.name < $1.name }
    domains = domains.map { d in
      var d = d
      d.checks = d.checks.sorted(by: CheckConstraint.canonicalOrder)
      return d
    }.sorted { $0.name < $1.name }
    privileges = Privilege.grouping(privileges.flatMap(\.atoms))
    defaultPrivileges = DefaultPrivilege.grouping(defaultPrivileges)
    routines = routines.sorted { ($0.name, $0.arguments) < ($1.name, $1.arguments) }
  }
}

extension Table {
  func normalized() -> Table {
    var t = self
    t.columns = columns.sorted { ($0.ordinal, $0.name) < ($1.ordinal, $1.name) }
    t.foreignKeys = foreignKeys.sorted {
      ($0.name ?? "", $0.columns.joined(separator: ","), $0.referencedTable)
        < ($1.name ?? "", $1.columns.joined(separator: ","), $1.referencedTable)
    }
    t.uniqueConstraints = uniqueConstraints.sorted {
      ($0.name ?? "", $0.columns.joined(separator: ",")) < ($1.name ?? "", $1.columns.joined(separator: ","))
    }
    t.indexes = indexes.sorted { $0.name < $1.name }
    t.checks = checks.sorted(by: CheckConstraint.canonicalOrder)
    t.exclusions = exclusions.sorted { ($0.name ?? "", $0.definition) < ($1.name ?? "", $1.definition) }
    t.triggers = triggers.sorted { $0.name < $1.name }
    t.partitions = partitions.sorted { $0.name < $1.name }
    t.privileges = Privilege.grouping(privileges.flatMap(\.atoms))
    t.policies = policies.map { p in
      var p = p
      p.roles = Array(Set(p.roles)).sorted()
      return p
    }.sorted { $0.name < $1.name }
    return t
  }
}

extension View {
  func normalized() -> View {
    var v = self
    v.columns = columns.sorted { ($0.ordinal, $0.name) < ($1.ordinal, $1.name) }
    v.dependencies = Array(Set(dependencies)).sorted()
    v.indexes = indexes.sorted { $0.name < $1.name }
    v.privileges = Privilege.grouping(privileges.flatMap(\.atoms))
    return v
  }
}

extension CheckConstraint {
  static func canonicalOrder(_ a: CheckConstraint, _ b: CheckConstraint) -> Bool {
    (a.name ?? "", a.expression) < (b.name ?? "", b.expression)
  }
}

extension DefaultPrivilege {
  /// Default privileges in canonical form: per creating role and kind of object, grouped as grants are.
  static func grouping(_ items: [DefaultPrivilege]) -> [DefaultPrivilege] {
    struct Scope: Hashable {
      var forRole: String?
      var objects: String
    }
    let scopes = Dictionary(grouping: items) { Scope(forRole: $0.forRole, objects: $0.objects) }
    return scopes.flatMap { scope, items in
      Privilege.grouping(items.flatMap(\.grant.atoms)).map {
        DefaultPrivilege(forRole: scope.forRole, objects: scope.objects, grant: $0)
      }
    }.sorted {
      ($0.forRole ?? "", $0.objects, $0.grant.role, $0.grant.grantable ? 1 : 0)
        < ($1.forRole ?? "", $1.objects, $1.grant.role, $1.grant.grantable ? 1 : 0)
    }
  }
}
