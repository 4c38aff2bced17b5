/// Privileges one role holds on a table, view or schema: on the whole object, or on some columns.
///
/// A catalog lists grants in a canonical form (`Privilege.grouping`): one entry per role for the
/// whole object, and for column grants one entry per set of columns that share privileges. The
/// owner's own privileges go without saying and are left out, unless the owner gave some up.
public struct Privilege: Hashable, Sendable {
  /// The grantee; `PUBLIC` stands for every role.
  public var role: String
  /// `SELECT`, `INSERT`, …, in `Privilege.order`; a privilege erdviz does not know keeps its text.
  public var privileges: [String]
  /// Empty for a grant on the whole object; else the columns the grant covers.
  public var columns: [String]
  /// Granted `WITH GRANT OPTION`: the role may pass them on.
  public var grantable: Bool

  public init(role: String, privileges: [String], columns: [String] = [], grantable: Bool = false) {
    self.role = role
    self.privileges = privileges
    self.columns = columns
    self.grantable = grantable
  }

  /// The role that stands for every role in grants and policies.
  public static let everyone = "PUBLIC"

  /// The order privileges are listed in: the table privileges as PostgreSQL's documentation
  /// lists them, then those of schemas, routines and databases.
  public static let order = [
    "SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER", "MAINTAIN", "USAGE", "CREATE",
    "EXECUTE", "CONNECT", "TEMPORARY",
  ]

  /// The privileges `GRANT ALL` gives on a table (and that its owner holds by default).
  public static let allOnTables = ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"]
  /// The privileges `GRANT ALL` gives on a schema.
  public static let allOnSchemas = ["USAGE", "CREATE"]

  /// `a` before `b` in `order`; unknown privileges after the known ones, by name.
  public static func precedes(_ a: String, _ b: String) -> Bool {
    let (i, j) = (order.firstIndex(of: a) ?? order.count, order.firstIndex(of: b) ?? order.count)
    return i != j ? i < j : a < b
  }

  /// One atom per privilege and column.
  public var atoms: [PrivilegeAtom] {
    privileges.flatMap { privilege in
      columns.isEmpty
        ? [PrivilegeAtom(role: role, privilege: privilege, grantable: grantable)]
        : columns.map { PrivilegeAtom(role: role, privilege: privilege, column: $0, grantable: grantable) }
    }
  }

  /// The canonical grants that hold exactly `atoms`: per role and grant option, the whole-object
  /// privileges in one entry, and column privileges in one entry per set of columns they cover.
  public static func grouping(_ atoms: [PrivilegeAtom]) -> [Privilege] {
    var whole: [Holder: Bool] = [:]
    var columns: [Holder: Set<String>] = [:]
    // A privilege held both with and without the grant option is held with it.
    let withOption = Set(
      atoms.filter(\.grantable).map { PrivilegeAtom(role: $0.role, privilege: $0.privilege, column: $0.column) })
    for atom in atoms where atom.grantable || !withOption.contains(atom) {
      let holder = Holder(role: atom.role, grantable: atom.grantable, privilege: atom.privilege)
      if let column = atom.column { columns[holder, default: []].insert(column) } else { whole[holder] = true }
    }
    var grouped: [Entry: [String]] = [:]
    for holder in whole.keys {
      grouped[Entry(role: holder.role, grantable: holder.grantable, columns: []), default: []].append(holder.privilege)
    }
    for (holder, names) in columns where whole[holder] == nil {
      let entry = Entry(role: holder.role, grantable: holder.grantable, columns: names.sorted())
      grouped[entry, default: []].append(holder.privilege)
    }
    return grouped.map { entry, privileges in
      Privilege(
        role: entry.role, privileges: privileges.sorted(by: precedes), columns: entry.columns,
        grantable: entry.grantable)
    }.sorted(by: canonicalOrder)
  }

  private struct Holder: Hashable {
    var role: String
    var grantable: Bool
    var privilege: String
  }

  private struct Entry: Hashable {
    var role: String
    var grantable: Bool
    var columns: [String]
  }

  static func canonicalOrder(_ a: Privilege, _ b: Privilege) -> Bool {
    (a.role, a.columns.isEmpty ? 0 : 1, a.columns.joined(separator: ","), a.grantable ? 1 : 0)
      < (b.role, b.columns.isEmpty ? 0 : 1, b.columns.joined(separator: ","), b.grantable ? 1 : 0)
  }
}

/// One privilege of one role on an object or one of its columns: what a `GRANT` adds and a
/// `REVOKE` takes away.
public struct PrivilegeAtom: Hashable, Sendable {
  public var role: String
  public var privilege: String
  /// nil for the whole object.
  public var column: String?
  public var grantable: Bool

  public init(role: String, privilege: String, column: String? = nil, grantable: Bool = false) {
    self.role = role
    self.privilege = privilege
    self.column = column
    self.grantable = grantable
  }
}

/// Privileges that objects created later in a schema get (`ALTER DEFAULT PRIVILEGES IN SCHEMA`).
public struct DefaultPrivilege: Hashable, Sendable {
  /// The role whose new objects get them (`FOR ROLE`); nil when the DDL left it to the current user.
  public var forRole: String?
  /// `tables`, `sequences`, `functions`, `types` or `schemas`.
  public var objects: String
  public var grant: Privilege

  public init(forRole: String? = nil, objects: String, grant: Privilege) {
    self.forRole = forRole
    self.objects = objects
    self.grant = grant
  }
}

/// Whether row-level security restricts a table's rows to what its policies allow.
public enum RowLevelSecurity: String, Hashable, Sendable, CaseIterable {
  /// `ENABLE ROW LEVEL SECURITY`: policies apply to every role but the owner.
  case enabled
  /// `ENABLE` and `FORCE ROW LEVEL SECURITY`: they apply to the owner too.
  case forced
}

/// A row-level security policy (`CREATE POLICY`), its expressions as the source printed them.
public struct Policy: Hashable, Sendable {
  public var name: String
  /// `ALL`, `SELECT`, `INSERT`, `UPDATE` or `DELETE`.
  public var command: String
  /// Permissive policies are OR-ed together; restrictive ones must all pass as well.
  public var permissive: Bool
  /// The roles it applies to, sorted; `PUBLIC` for every role.
  public var roles: [String]
  /// `USING (…)`: which existing rows are visible or affected.
  public var using: String?
  /// `WITH CHECK (…)`: which new rows may be written.
  public var check: String?
  public var comment: String?

  public init(
    name: String, command: String = "ALL", permissive: Bool = true, roles: [String] = [Privilege.everyone],
    using: String? = nil, check: String? = nil, comment: String? = nil
  ) {
    self.name = name
    self.command = command
    self.permissive = permissive
    self.roles = roles
    self.using = using
    self.check = check
    self.comment = comment
  }
}

/// A function or procedure of a schema: what it takes and returns, and whose rights it runs with.
public struct Routine: Hashable, Sendable {
  public var name: String
  public var kind: RoutineKind
  /// The argument list as PostgreSQL prints it to identify the routine, without defaults:
  /// `a integer, OUT total numeric`.
  public var arguments: String
  /// `integer`, `trigger`, `SETOF text`, `TABLE(id integer)`; nil for a procedure.
  public var returnType: String?
  public var language: String?
  /// `SECURITY DEFINER`: runs with its owner's privileges, not the caller's.
  public var securityDefiner: Bool
  public var owner: String?
  public var comment: String?

  public init(
    name: String, kind: RoutineKind = .function, arguments: String = "", returnType: String? = nil,
    language: String? = nil, securityDefiner: Bool = false, owner: String? = nil, comment: String? = nil
  ) {
    self.name = name
    self.kind = kind
    self.arguments = arguments
    self.returnType = returnType
    self.language = language
    self.securityDefiner = securityDefiner
    self.owner = owner
    self.comment = comment
  }

  /// `name(arguments)`: what tells overloads apart.
  public var signature: String { "\(name)(\(arguments))" }
}

/// What sort of routine.
public enum RoutineKind: String, Hashable, Sendable, CaseIterable {
  case function, procedure, aggregate, window
}

/// A role that is a member of others, and inherits their privileges.
public struct Role: Hashable, Sendable {
  public var name: String
  /// The roles whose privileges it inherits directly, sorted.
  public var memberOf: [String]

  public init(name: String, memberOf: [String]) {
    self.name = name
    self.memberOf = memberOf
  }
}

extension Catalog {
  /// Every role a grant, an owner or a policy names (PUBLIC aside).
  public var namedRoles: Set<String> {
    var names: Set<String> = []
    for schema in schemas {
      names.formUnion([schema.owner].compactMap { $0 } + schema.privileges.map(\.role))
      names.formUnion(schema.defaultPrivileges.flatMap { [$0.grant.role] + [$0.forRole].compactMap { $0 } })
      for table in schema.tables {
        names.formUnion([table.owner].compactMap { $0 } + table.privileges.map(\.role))
        names.formUnion(table.policies.flatMap(\.roles))
      }
      for view in schema.views { names.formUnion([view.owner].compactMap { $0 } + view.privileges.map(\.role)) }
      names.formUnion(schema.routines.compactMap(\.owner))
    }
    names.remove(Privilege.everyone)
    return names
  }
}
