import ERDInspect
import ERDSchema

/// Grants, policies, routines and role memberships.
extension PostgresCatalogReader {
  /// What `SQL.privileges` found, by the OID of the relation or schema it is on.
  struct Grants {
    var relations: [String: [PrivilegeAtom]] = [:]
    var schemas: [String: [PrivilegeAtom]] = [:]
    var defaults: [String: [DefaultPrivilege]] = [:]
  }

  func readPrivileges(_ oids: String) throws(InspectError) -> Grants {
    var grants = Grants()
    for row in try rows(SQL.privileges, [oids], as: PrivilegeRow.self, what: "reading privileges") {
      guard let oid = row.object, let grantee = row.grantee, let privilege = row.privilege else { continue }
      let atom = PrivilegeAtom(role: grantee, privilege: privilege, column: row.column, grantable: row.grantable)
      switch row.kind {
      case "r", "c": grants.relations[oid, default: []].append(atom)
      case "n": grants.schemas[oid, default: []].append(atom)
      case "d":
        let objects = Self.defaultObjects[row.objectType ?? ""] ?? row.objectType ?? "?"
        grants.defaults[oid, default: []].append(
          DefaultPrivilege(forRole: row.forRole, objects: objects, grant: Privilege(atom)))
      default: break
      }
    }
    return grants
  }

  /// `pg_default_acl.defaclobjtype` codes.
  static let defaultObjects = ["r": "tables", "S": "sequences", "f": "functions", "T": "types", "n": "schemas"]

  /// The grants in canonical form, without the owner's own when it holds all it holds by default.
  static func privileges(_ atoms: [PrivilegeAtom], owner: String?, ownerDefaults: [String]) -> [Privilege] {
    let held = Set(atoms.filter { $0.role == owner && $0.column == nil }.map(\.privilege))
    let kept = held.isSuperset(of: ownerDefaults) ? atoms.filter { $0.role != owner } : atoms
    return Privilege.grouping(kept)
  }

  func readPolicies(_ oids: String, into relations: inout [String: Relation]) throws(InspectError) {
    for row in try rows(SQL.policies, [oids], as: PolicyRow.self, what: "reading row-level security policies") {
      guard let oid = row.relation, let name = row.name, relations[oid] != nil else { continue }
      let policy = Policy(
        name: name, command: Self.policyCommands[row.command ?? ""] ?? row.command ?? "ALL",
        permissive: row.permissive, roles: Self.stringArray(row.roles),
        using: row.using.map(Self.withoutOuterParentheses), check: row.check.map(Self.withoutOuterParentheses),
        comment: row.comment)
      relations[oid]?.table.policies.append(policy)
    }
  }

  /// `pg_policy.polcmd` codes.
  static let policyCommands = ["*": "ALL", "r": "SELECT", "a": "INSERT", "w": "UPDATE", "d": "DELETE"]

  func readRoutines(_ oids: String) throws(InspectError) -> [(String, Routine)] {
    let sql = SQL.routines(serverVersion: connection.serverVersion)
    return try rows(sql, [oids], as: RoutineRow.self, what: "reading functions and procedures").compactMap { row in
      guard let schema = row.schema, let name = row.name else { return nil }
      let kinds: [String: RoutineKind] = ["f": .function, "p": .procedure, "a": .aggregate, "w": .window]
      let routine = Routine(
        name: name, kind: kinds[row.kind ?? ""] ?? .function, arguments: row.arguments ?? "",
        returnType: row.result, language: row.language, securityDefiner: row.securityDefiner, owner: row.owner,
        comment: row.comment)
      return (schema, routine)
    }
  }

  /// The memberships through which a role inherits privileges from a role the catalog names.
  func readRoles(naming catalog: Catalog) throws(InspectError) -> [Role] {
    let sql = SQL.memberships(serverVersion: connection.serverVersion)
    let edges = try rows(sql, as: MembershipRow.self, what: "reading role memberships").compactMap { row in
      row.member.flatMap { member in row.role.map { (member, $0) } }
    }
    return Self.roles(edges, reaching: catalog.namedRoles)
  }

  /// The edges that lead, in one step or several, to one of `named`, as roles with their parents.
  static func roles(_ edges: [(member: String, role: String)], reaching named: Set<String>) -> [Role] {
    var reached = named
    var kept: [String: Set<String>] = [:]
    var changed = true
    while changed {
      changed = false
      for (member, role) in edges where reached.contains(role) && kept[member, default: []].insert(role).inserted {
        reached.insert(member)
        changed = true
      }
    }
    return kept.map { Role(name: $0.key, memberOf: $0.value.sorted()) }
  }
}

extension Privilege {
  init(_ atom: PrivilegeAtom) {
    self.init(
      role: atom.role, privileges: [atom.privilege], columns: atom.column.map { [$0] } ?? [],
      grantable: atom.grantable)
  }
}
