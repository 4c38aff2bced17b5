import ERDSchema
import Testing

/// Grants, policies, owners and row-level security in a change list.
@Suite struct SchemaChangeAccessTests {
  static let old = Catalog(
    engine: "postgresql",
    schemas: [
      Schema(
        name: "audit",
        tables: [
          Table(
            name: "log", columns: [Column(name: "id", ordinal: 1, type: "bigint")], owner: "postgres",
            privileges: [Privilege(role: "app", privileges: ["SELECT", "INSERT"])])
        ]),
      Schema(
        name: "shop",
        tables: [
          Table(
            name: "orders", columns: [Column(name: "tenant_id", ordinal: 1, type: "integer")], owner: "postgres",
            rowLevelSecurity: .enabled,
            policies: [
              Policy(name: "tenant_isolation", roles: ["app"], using: "tenant_id = current_tenant()"),
              Policy(name: "legacy", command: "SELECT"),
            ])
        ],
        views: [View(name: "totals", owner: "postgres")]),
    ])

  static let new = Catalog(
    engine: "postgresql",
    schemas: [
      Schema(
        name: "audit",
        tables: [
          Table(
            name: "log", columns: [Column(name: "id", ordinal: 1, type: "bigint")], owner: "postgres",
            privileges: [
              Privilege(role: "app", privileges: ["SELECT"]),
              Privilege(role: "auditor", privileges: ["SELECT"], columns: ["id"]),
            ])
        ]),
      Schema(
        name: "shop",
        tables: [
          Table(
            name: "orders", columns: [Column(name: "tenant_id", ordinal: 1, type: "integer")], owner: "app",
            rowLevelSecurity: .forced,
            policies: [
              Policy(name: "tenant_isolation", permissive: false, roles: ["app", "web"], using: "tenant_id = 1"),
              Policy(name: "no_big_orders", command: "INSERT", check: "total < 10000"),
            ])
        ],
        views: [View(name: "totals", privileges: [Privilege(role: "auditor", privileges: ["SELECT"])])]),
    ])

  @Test func grantsAndPoliciesAreChanges() {
    let change = SchemaChange(from: Self.old, to: Self.new)
    #expect(
      change.lines == [
        "\u{2212} grant INSERT on audit.log to app",
        "+ grant SELECT (id) on audit.log to auditor",
        "~ table shop.orders: owner postgres → app",
        "~ table shop.orders: row level security enabled → forced",
        "\u{2212} policy legacy on shop.orders",
        "+ policy no_big_orders on shop.orders",
        "~ policy tenant_isolation on shop.orders: permissive → restrictive",
        "~ policy tenant_isolation on shop.orders: roles (app) → (app, web)",
        "~ policy tenant_isolation on shop.orders: using tenant_id = current_tenant() → tenant_id = 1",
        "+ grant SELECT on shop.totals to auditor",
      ])
    #expect(
      change.summary.description == "1 table changed, +2 grants, −1 grant, +1 policy, −1 policy, 1 policy changed")
    let kinds = change.json["changes"]?.arrayValue?.compactMap { $0["kind"]?.stringValue } ?? []
    #expect(kinds.contains("privilege.removed") && kinds.contains("policy.added"))
  }

  /// A view's owner unknown on one side (DDL that names none) is no change.
  @Test func anUnknownOwnerIsNoChange() {
    var ddl = Self.old
    ddl.schemas = ddl.schemas.map { schema in
      var schema = schema
      schema.tables = schema.tables.map {
        var t = $0
        t.owner = nil
        return t
      }
      return schema
    }
    #expect(SchemaChange(from: ddl, to: Self.old).isEmpty)
  }
}
