import ERDSchema

/// What one role may do with a table or view: the colour `--as-role` draws it in.
public enum AccessLevel: String, Hashable, Sendable, CaseIterable {
  /// No privilege on its rows (or no `USAGE` on its schema).
  case none
  /// `SELECT`, on the whole table or some columns, and no write.
  case read
  /// `INSERT`, `UPDATE`, `DELETE` or `TRUNCATE`.
  case readWrite = "read-write"
  /// The role owns it, directly or through a role it inherits from.
  case owner
}

/// Decides each table's `AccessLevel` for one role: its own grants, `PUBLIC`'s, and those of
/// every role it inherits from (`Catalog.roles`, from `pg_auth_members` live or `GRANT role TO
/// role` in DDL). Row-level security narrows which rows, not what the role may do, so it does
/// not change the level.
///
/// A schema counts only when the source recorded a grant on it: then the role needs `USAGE`
/// there. A schema with no recorded grant (most DDL) is taken as usable.
public struct RoleAccess: Sendable {
  public let role: String
  /// The role, `PUBLIC`, and every role it inherits from.
  public let roles: Set<String>

  public init(role: String, in catalog: Catalog) {
    self.role = role
    var reached: Set<String> = [role, Privilege.everyone]
    var frontier = [role]
    let parents = Dictionary(catalog.roles.map { ($0.name, $0.memberOf) }, uniquingKeysWith: +)
    while let next = frontier.popLast() {
      for parent in parents[next] ?? [] where reached.insert(parent).inserted { frontier.append(parent) }
    }
    roles = reached
  }

  /// Whether any grant, owner or policy of the catalog, or a membership, names the role.
  public static func isKnown(_ role: String, in catalog: Catalog) -> Bool {
    catalog.namedRoles.contains(role) || catalog.roles.contains { $0.name == role }
  }

  public func level(owner: String?, privileges: [Privilege], schema: Schema?) -> AccessLevel {
    if let owner, roles.contains(owner) { return .owner }
    if let schema, !usable(schema) { return .none }
    let held = Set(privileges.filter { roles.contains($0.role) }.flatMap(\.privileges))
    if !held.isDisjoint(with: ["INSERT", "UPDATE", "DELETE", "TRUNCATE"]) { return .readWrite }
    return held.contains("SELECT") ? .read : .none
  }

  private func usable(_ schema: Schema) -> Bool {
    guard !schema.privileges.isEmpty else { return true }
    if let owner = schema.owner, roles.contains(owner) { return true }
    return schema.privileges.contains { roles.contains($0.role) && $0.privileges.contains("USAGE") }
  }
}
