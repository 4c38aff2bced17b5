import ERDSchema

/// What DDL says about schemas beyond their tables: owners, grants, default privileges,
/// routines, and which role is a member of which.
struct AccessState {
  var schemaOwners: [String: String] = [:]
  var schemaPrivileges: [String: [Privilege]] = [:]
  var defaultPrivileges: [String: [DefaultPrivilege]] = [:]
  /// By schema, then by `RoutineKey`: a second `CREATE OR REPLACE` of one signature replaces the first.
  var routines: [String: [String: Routine]] = [:]
  /// Member → the roles it was granted (`GRANT app TO app_user`), whose privileges it inherits.
  var memberships: [String: Set<String>] = [:]
  /// Tables with `FORCE ROW LEVEL SECURITY` whether or not it is enabled yet.
  var forcedSecurity: Set<QualifiedName> = []
}

/// What a `GRANT` or `REVOKE` names: which privileges (nil: `ALL`), on which columns (nil: the
/// whole object), to or from whom.
struct GrantSpec {
  var privileges: [String]?
  var columns: [String]?
  var roles: [String]
  var grantOption: Bool

  /// The atoms a `GRANT` adds, `ALL` meaning `all`.
  func atoms(all: [String]) -> [PrivilegeAtom] {
    roles.flatMap { role in
      (privileges ?? all).flatMap { privilege in
        (columns.map { $0.map(Optional.some) } ?? [nil]).map {
          PrivilegeAtom(role: role, privilege: privilege, column: $0, grantable: grantOption)
        }
      }
    }
  }
}

extension Array where Element == Privilege {
  /// The grants after `GRANT`.
  func granting(_ spec: GrantSpec, all: [String]) -> [Privilege] {
    Privilege.grouping(flatMap(\.atoms) + spec.atoms(all: all))
  }

  /// The grants after `REVOKE`: a revoke on the whole object takes the columns' privileges of
  /// the same kind too, as PostgreSQL does; `GRANT OPTION FOR` takes only the grant option.
  func revoking(_ spec: GrantSpec) -> [Privilege] {
    let roles = Set(spec.roles)
    let privileges = spec.privileges.map(Set.init)
    let columns = spec.columns.map(Set.init)
    var atoms: [PrivilegeAtom] = []
    for atom in flatMap(\.atoms) {
      let matches =
        roles.contains(atom.role) && (privileges?.contains(atom.privilege) ?? true)
        && (columns.map { atom.column.map($0.contains) ?? false } ?? true)
      guard matches else {
        atoms.append(atom)
        continue
      }
      if spec.grantOption {
        atoms.append(PrivilegeAtom(role: atom.role, privilege: atom.privilege, column: atom.column))
      }
    }
    return Privilege.grouping(atoms)
  }
}

extension CatalogBuilder {
  /// Applies a grant or revoke to a table or view; false when there is neither.
  mutating func applyGrant(_ spec: GrantSpec, revoke: Bool, to name: QualifiedName) -> Bool {
    guard let resolved = resolve(name) else { return false }
    func apply(_ privileges: [Privilege]) -> [Privilege] {
      revoke ? privileges.revoking(spec) : privileges.granting(spec, all: Privilege.allOnTables)
    }
    if let table = tables[resolved] { tables[resolved]?.privileges = apply(table.privileges) }
    if let view = views[resolved] { views[resolved]?.privileges = apply(view.privileges) }
    return true
  }

  /// The tables and views of a schema (`GRANT … ON ALL TABLES IN SCHEMA`).
  func relations(in schema: String) -> [QualifiedName] {
    (Array(tables.keys) + Array(views.keys)).filter { $0.schema == schema }.sorted()
  }

  /// Gives a table or view just created the schema's default privileges for tables, those
  /// without `FOR ROLE` (the script's own role, who created it).
  mutating func applyDefaultPrivileges(to name: QualifiedName) {
    let grants = access.defaultPrivileges[name.schema, default: []].filter {
      $0.forRole == nil && $0.objects == "tables"
    }
    guard !grants.isEmpty else { return }
    let atoms = grants.flatMap(\.grant.atoms)
    if let table = tables[name] {
      tables[name]?.privileges = Privilege.grouping(table.privileges.flatMap(\.atoms) + atoms)
    }
    if let view = views[name] { views[name]?.privileges = Privilege.grouping(view.privileges.flatMap(\.atoms) + atoms) }
  }

  /// The schema with what `access` holds for it.
  func withAccess(_ schema: Schema) -> Schema {
    var schema = schema
    schema.owner = access.schemaOwners[schema.name]
    schema.privileges = access.schemaPrivileges[schema.name] ?? []
    schema.defaultPrivileges = access.defaultPrivileges[schema.name] ?? []
    schema.routines = Array((access.routines[schema.name] ?? [:]).values)
    return schema
  }

  /// The memberships as roles.
  var roles: [Role] { access.memberships.map { Role(name: $0.key, memberOf: $0.value.sorted()) } }
}
