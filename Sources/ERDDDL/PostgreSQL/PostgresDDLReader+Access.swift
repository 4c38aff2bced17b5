import ERDSchema

/// `GRANT`, `REVOKE`, `ALTER DEFAULT PRIVILEGES`, owners and role memberships.
extension PostgresDDLReader {
  /// A `RoleSpec`: a role's name, `PUBLIC`, or `CURRENT_USER` and its like as written (the DDL
  /// does not say who runs it).
  static func roleName(_ node: PgNode?) -> String? {
    guard let node, node.tag == .roleSpec else { return nil }
    return roleName(node.body)
  }

  /// A `RoleSpec` given as a message of its own (`OWNER TO`, `AUTHORIZATION`).
  static func roleName(_ spec: PgMessage) -> String? {
    switch spec.field(Pg.RoleSpec.roletype)?.int ?? 0 {
    case Pg.RoleSpecType.rolespecCstring: return spec.field(Pg.RoleSpec.rolename)?.string
    case Pg.RoleSpecType.rolespecPublic: return Privilege.everyone
    case Pg.RoleSpecType.rolespecCurrentRole: return "CURRENT_ROLE"
    case Pg.RoleSpecType.rolespecCurrentUser: return "CURRENT_USER"
    case Pg.RoleSpecType.rolespecSessionUser: return "SESSION_USER"
    default: return nil
    }
  }

  /// What a `GrantStmt` grants or revokes; column lists (`SELECT (a, b)`) are read per privilege.
  static func grantSpecs(_ m: PgMessage) -> [GrantSpec] {
    let roles = m.nodes(Pg.GrantStmt.grantees).compactMap(roleName)
    let grantOption = m.field(Pg.GrantStmt.grantOption)?.bool ?? false
    let privileges = m.nodes(Pg.GrantStmt.privileges).filter { $0.tag == .accessPriv }.map(\.body)
    guard !privileges.isEmpty else { return [GrantSpec(privileges: nil, roles: roles, grantOption: grantOption)] }
    // `ALL (a, b)` comes as a privilege without a name.
    let byColumns = Dictionary(grouping: privileges) { $0.strings(Pg.AccessPriv.cols) }
    return byColumns.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map { columns, items in
      let names = items.compactMap { $0.field(Pg.AccessPriv.privName)?.string.uppercased() }
      return GrantSpec(
        privileges: names.isEmpty ? nil : names, columns: columns.isEmpty ? nil : columns, roles: roles,
        grantOption: grantOption)
    }
  }

  mutating func grant(_ m: PgMessage, _ s: Statement) {
    let revoke = !(m.field(Pg.GrantStmt.isGrant)?.bool ?? false)
    let target = m.field(Pg.GrantStmt.targtype)?.int ?? Pg.GrantTargetType.aclTargetObject
    let kind = m.field(Pg.GrantStmt.objtype)?.int ?? 0
    let specs = Self.grantSpecs(m)
    switch (kind, target) {
    case (Pg.ObjectType.objectTable, Pg.GrantTargetType.aclTargetObject):
      for object in m.nodes(Pg.GrantStmt.objects) where object.tag == .rangeVar {
        let name = lookupName(PgRangeVar(object.body))
        for spec in specs where !builder.applyGrant(spec, revoke: revoke, to: name) {
          return skip(s, "no table or view \(name) for this \(revoke ? "REVOKE" : "GRANT")")
        }
      }
    case (Pg.ObjectType.objectTable, Pg.GrantTargetType.aclTargetAllInSchema):
      for schema in m.strings(Pg.GrantStmt.objects) {
        for name in builder.relations(in: schema) {
          for spec in specs { _ = builder.applyGrant(spec, revoke: revoke, to: name) }
        }
      }
    case (Pg.ObjectType.objectSchema, _):
      for schema in m.strings(Pg.GrantStmt.objects) {
        builder.addSchema(schema)
        var privileges = builder.access.schemaPrivileges[schema] ?? []
        for spec in specs {
          privileges = revoke ? privileges.revoking(spec) : privileges.granting(spec, all: Privilege.allOnSchemas)
        }
        builder.access.schemaPrivileges[schema] = privileges
      }
    default:
      report.ignore(revoke ? "REVOKE on other objects" : "GRANT on other objects")
      return
    }
    report.ignore(revoke ? "REVOKE" : "GRANT")
  }

  /// `ALTER DEFAULT PRIVILEGES [FOR ROLE r] IN SCHEMA s GRANT|REVOKE …`; without `IN SCHEMA`
  /// they are the database's, which erdviz does not keep.
  mutating func alterDefaultPrivileges(_ m: PgMessage) {
    report.ignore("ALTER DEFAULT PRIVILEGES")
    var schemas: [String] = []
    var roles: [String?] = [nil]
    for option in m.nodes(Pg.AlterDefaultPrivilegesStmt.options) where option.tag == .defElem {
      let items = option.body.field(Pg.DefElem.arg)?.node?.listItems ?? []
      switch option.body.field(Pg.DefElem.defname)?.string {
      case "schemas": schemas = items.compactMap(\.string)
      case "roles": roles = items.compactMap(Self.roleName)
      default: break
      }
    }
    guard let action = m.field(Pg.AlterDefaultPrivilegesStmt.action)?.message, !schemas.isEmpty else { return }
    let revoke = !(action.field(Pg.GrantStmt.isGrant)?.bool ?? false)
    let objects = Self.defaultObjectKinds[action.field(Pg.GrantStmt.objtype)?.int ?? 0] ?? "objects"
    let all = objects == "schemas" ? Privilege.allOnSchemas : objects == "tables" ? Privilege.allOnTables : []
    for schema in schemas {
      builder.addSchema(schema)
      for role in roles {
        var list = builder.access.defaultPrivileges[schema, default: []]
        let mine = list.filter { $0.forRole == role && $0.objects == objects }.map(\.grant)
        list.removeAll { $0.forRole == role && $0.objects == objects }
        var grants = mine
        for spec in Self.grantSpecs(action) {
          grants = revoke ? grants.revoking(spec) : grants.granting(spec, all: all)
        }
        list += grants.map { DefaultPrivilege(forRole: role, objects: objects, grant: $0) }
        builder.access.defaultPrivileges[schema] = list
      }
    }
  }

  /// The kinds of object default privileges are for, as `SQL.privileges` names them live.
  static let defaultObjectKinds: [Int: String] = [
    Pg.ObjectType.objectTable: "tables", Pg.ObjectType.objectSequence: "sequences",
    Pg.ObjectType.objectFunction: "functions", Pg.ObjectType.objectProcedure: "functions",
    Pg.ObjectType.objectRoutine: "functions", Pg.ObjectType.objectType: "types", Pg.ObjectType.objectSchema: "schemas",
  ]

  /// `GRANT app TO app_user` and `REVOKE app FROM app_user`: memberships, taken as inheriting.
  mutating func grantRole(_ m: PgMessage) {
    report.ignore("GRANT role")
    let granted = m.nodes(Pg.GrantRoleStmt.grantedRoles).filter { $0.tag == .accessPriv }
      .compactMap { $0.body.field(Pg.AccessPriv.privName)?.string }
    let revoke = !(m.field(Pg.GrantRoleStmt.isGrant)?.bool ?? false)
    for member in m.nodes(Pg.GrantRoleStmt.granteeRoles).compactMap(Self.roleName) {
      for role in granted {
        if revoke {
          builder.access.memberships[member]?.remove(role)
        } else {
          builder.access.memberships[member, default: []].insert(role)
        }
      }
    }
  }

  /// `CREATE ROLE app_user IN ROLE app`: a membership too.
  mutating func createRole(_ m: PgMessage) {
    report.ignore("CREATE ROLE")
    guard let name = m.field(Pg.CreateRoleStmt.role)?.string else { return }
    for option in m.nodes(Pg.CreateRoleStmt.options)
    where option.tag == .defElem && option.body.field(Pg.DefElem.defname)?.string == "addroleto" {
      let roles = option.body.field(Pg.DefElem.arg)?.node?.listItems.compactMap(Self.roleName) ?? []
      builder.access.memberships[name, default: []].formUnion(roles)
    }
  }

  /// `ALTER SCHEMA|FUNCTION|PROCEDURE … OWNER TO`; tables and views come through `ALTER TABLE`.
  mutating func alterOwner(_ m: PgMessage) {
    report.ignore("OWNER TO")
    guard let owner = m.field(Pg.AlterOwnerStmt.newowner).flatMap({ Self.roleName($0.message) }) else { return }
    let object = m.field(Pg.AlterOwnerStmt.object)?.node
    switch m.field(Pg.AlterOwnerStmt.objectType)?.int ?? 0 {
    case Pg.ObjectType.objectSchema:
      guard let schema = object?.string else { return }
      builder.access.schemaOwners[schema] = owner
    case Pg.ObjectType.objectFunction, Pg.ObjectType.objectProcedure, Pg.ObjectType.objectRoutine:
      guard let object, let key = routineKey(object) else { return }
      builder.access.routines[key.schema]?[key.name]?.owner = owner
    default: break
    }
  }

  /// `ALTER TABLE|VIEW … OWNER TO` and `… ENABLE|DISABLE|FORCE|NO FORCE ROW LEVEL SECURITY`;
  /// false when the subcommand is none of these.
  mutating func alterAccess(_ name: QualifiedName, _ cmd: PgMessage) -> Bool {
    let subtype = cmd.field(Pg.AlterTableCmd.subtype)?.int ?? 0
    if subtype == Pg.AlterTableType.atChangeOwner {
      let owner = cmd.field(Pg.AlterTableCmd.newowner).flatMap { Self.roleName($0.message) }
      if builder.tables[name] != nil { builder.tables[name]?.owner = owner }
      if builder.views[name] != nil { builder.views[name]?.owner = owner }
      return true
    }
    let security: Set<Int> = [
      Pg.AlterTableType.atEnableRowSecurity, Pg.AlterTableType.atDisableRowSecurity,
      Pg.AlterTableType.atForceRowSecurity, Pg.AlterTableType.atNoForceRowSecurity,
    ]
    guard security.contains(subtype) else { return false }
    guard let table = builder.tables[name] else { return true }
    let current = table.rowLevelSecurity
    var state = (enabled: current != nil, forced: current == .forced || builder.access.forcedSecurity.contains(name))
    switch subtype {
    case Pg.AlterTableType.atEnableRowSecurity: state.enabled = true
    case Pg.AlterTableType.atDisableRowSecurity: state.enabled = false
    case Pg.AlterTableType.atForceRowSecurity: state.forced = true
    case Pg.AlterTableType.atNoForceRowSecurity: state.forced = false
    default: break
    }
    // FORCE is kept apart while RLS is off, as PostgreSQL keeps both flags.
    if state.forced { builder.access.forcedSecurity.insert(name) } else { builder.access.forcedSecurity.remove(name) }
    builder.tables[name]?.rowLevelSecurity = state.enabled ? (state.forced ? .forced : .enabled) : nil
    return true
  }
}
