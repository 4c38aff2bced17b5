import ERDInspect
import ERDPostgres
import ERDSchema
import ERDTestSupport
import ERDViz
import Foundation
import Testing

/// Grants, policies, routines and memberships read live; the fixtures' roles are the cluster's
/// for the length of each test (`TestPostgres.withRoles`).
@Suite(.enabled(if: TestPostgres.enabled, "needs the throwaway PostgreSQL cluster of `make test`"))
struct PostgresPrivilegesTests {
  @Test func theAuditPatternIsInTheModel() throws {
    let catalog = try TestPostgres.withRoles { try withDatabase(fixture: "privileges.sql") { try inspect($0) } }
    let log = try #require(catalog.table(QualifiedName(schema: "audit", name: "log")))
    #expect(log.owner == "postgres")
    #expect(
      log.privileges == [
        Privilege(role: "app", privileges: ["SELECT"]), Privilege(role: "auditor", privileges: ["SELECT"]),
      ])
    let orders = try #require(catalog.table(QualifiedName(schema: "shop", name: "orders")))
    #expect(orders.rowLevelSecurity == .forced)
    #expect(orders.policies.map(\.name) == ["no_big_orders", "tenant_isolation"])
    #expect(orders.policies.last?.using == "tenant_id = shop.current_tenant()")
    #expect(orders.policies.first?.permissive == false)
    #expect(orders.triggers.first?.routine == QualifiedName(schema: "audit", name: "log_change"))
    let tenant = try #require(catalog.table(QualifiedName(schema: "shop", name: "tenant")))
    #expect(tenant.privileges.contains(Privilege(role: "auditor", privileges: ["SELECT"], columns: ["id", "name"])))
    #expect(catalog.table(QualifiedName(schema: "audit", name: "login"))?.owner == "auditor")
    let audit = try #require(catalog.schema(named: "audit"))
    #expect(audit.routines.first?.securityDefiner == true)
    #expect(audit.routines.first?.comment == "writes every change to audit.log")
    #expect(catalog.roles == [Role(name: "app_user", memberOf: ["app"])])
  }

  /// The read-only path: a role with only CONNECT and USAGE reads the same grants and policies.
  @Test func aRoleThatCanOnlyConnectReadsTheSamePrivileges() throws {
    try TestPostgres.withRoles {
      try withDatabase(fixture: "privileges.sql") { database in
        let role = "reader_\(UUID().uuidString.prefix(6).lowercased())"
        try TestPostgres.psql(
          """
          CREATE ROLE \(role) LOGIN PASSWORD 'reader-pw';
          REVOKE ALL ON DATABASE "\(database)" FROM PUBLIC;
          GRANT CONNECT ON DATABASE "\(database)" TO \(role);
          GRANT USAGE ON SCHEMA shop, audit TO \(role);
          """, database: database)
        defer { _ = try? TestPostgres.psql("DROP OWNED BY \(role); DROP ROLE \(role)", database: database) }
        var asReader = try inspect(database, user: role, password: "reader-pw")
        var asOwner = try inspect(database)
        // The reader's own USAGE grants are the one thing that differs.
        asReader.schemas = asReader.schemas.map { $0.withoutGrants(to: role) }
        asOwner.schemas = asOwner.schemas.map { $0.withoutGrants(to: role) }
        #expect(asReader == asOwner)
        #expect(asReader.table(QualifiedName(schema: "shop", name: "orders"))?.policies.count == 2)
      }
    }
  }

  @Test func aSupabaseStyleSchemaReadsWithEveryPolicy() throws {
    let catalog = try TestPostgres.withRoles { try withDatabase(fixture: "supabase_style.sql") { try inspect($0) } }
    let policies = catalog.allTables.flatMap { $0.table.policies }
    #expect(policies.count == 9)
    #expect(policies.contains { $0.using == "auth.uid() = author_id" })
    let posts = try #require(catalog.table(QualifiedName(schema: "public", name: "posts")))
    #expect(posts.privileges.map(\.role) == ["anon", "authenticated", "service_role"])
    #expect(catalog.schema(named: "auth")?.routines.map(\.signature) == ["role()", "uid()"])
  }
}

extension Schema {
  func withoutGrants(to role: String) -> Schema {
    var copy = self
    copy.privileges.removeAll { $0.role == role }
    return copy
  }
}
