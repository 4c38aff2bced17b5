import ERDDDL
import ERDInspect
import ERDSchema
import ERDTestSupport
import ERDViz
import Foundation
import Testing

/// The differential test for who may do what: the grants, default privileges, owners, row-level
/// security, policies, routines, trigger routines and memberships read from a DDL file equal
/// those the live inspector reads after psql loads it. What DDL cannot know is left out of the
/// comparison: owners it does not name (the live ones are whoever ran the script), `FOR ROLE`
/// of default privileges it leaves implicit, and schemas it never mentions (`public`).
@Suite(.enabled(if: TestPostgres.enabled, "needs the PostgreSQL cluster scripts/test starts"))
struct PrivilegesDifferentialTests {
  static func facts(_ catalog: Catalog, owners: Set<String>? = nil, schemas: Set<String>) -> [String] {
    var lines: [String] = []
    func grant(_ p: Privilege) -> String {
      "\(p.role) \(p.privileges.joined(separator: ","))"
        + (p.columns.isEmpty ? "" : " (\(p.columns.joined(separator: ",")))") + (p.grantable ? " grantable" : "")
    }
    func owner(_ name: String, _ value: String?) {
      if owners == nil || owners?.contains(name) == true { lines.append("\(name) owner \(value ?? "-")") }
    }
    for schema in catalog.schemas where schemas.contains(schema.name) {
      let s = schema.name
      lines += schema.privileges.map { "\(s) grant \(grant($0))" }
      lines += schema.defaultPrivileges.map { "\(s) default \($0.objects) \(grant($0.grant))" }
      for r in schema.routines {
        lines.append(
          "\(s) \(r.kind.rawValue) \(r.signature) returns \(r.returnType ?? "-") \(r.language ?? "-")"
            + (r.securityDefiner ? " security definer" : "") + " comment \(r.comment ?? "-")")
      }
      for table in schema.tables {
        let t = "\(s).\(table.name)"
        owner(t, table.owner)
        lines += table.privileges.map { "\(t) grant \(grant($0))" }
        lines.append("\(t) row level security \(table.rowLevelSecurity?.rawValue ?? "off")")
        for p in table.policies {
          lines.append(
            "\(t) policy \(p.name) \(p.command) \(p.permissive ? "permissive" : "restrictive") to "
              + "\(p.roles.joined(separator: ",")) using \(p.using ?? "-") check \(p.check ?? "-") "
              + "comment \(p.comment ?? "-")")
        }
        lines += table.triggers.map { "\(t) trigger \($0.name) executes \($0.routine?.description ?? "-")" }
      }
      for view in schema.views {
        let v = "\(s).\(view.name)"
        owner(v, view.owner)
        lines += view.privileges.map { "\(v) grant \(grant($0))" }
      }
    }
    lines += catalog.roles.map { "role \($0.name) member of \($0.memberOf.joined(separator: ","))" }
    return lines.sorted()
  }

  @Test func ddlEqualsTheLoadedDatabase() throws {
    let url = Paths.fixtures.appendingPathComponent("privileges.sql")
    let ddl = try readDDL(file: url, dialect: .postgresql)
    let live = try TestPostgres.withRoles {
      let database = try TestPostgres.createDatabase("privs")
      defer { TestPostgres.drop(database) }
      try TestPostgres.psql(file: url, database: database)
      return try Pipeline.load(.postgres(TestPostgres.url(database: database)), options: InspectOptions())
    }
    let schemas: Set<String> = ["shop", "audit"]
    // Owners: only those the DDL names; the rest are the live database's `postgres`.
    var named: Set<String> = []
    for (name, table) in ddl.allTables where table.owner != nil { named.insert(name.description) }
    #expect(named == ["audit.login"])
    let (liveFacts, ddlFacts) = (
      Self.facts(live, owners: named, schemas: schemas), Self.facts(ddl, owners: named, schemas: schemas)
    )
    let onlyLive = liveFacts.filter { !ddlFacts.contains($0) }
    let onlyDDL = ddlFacts.filter { !liveFacts.contains($0) }
    #expect(
      onlyLive.isEmpty && onlyDDL.isEmpty,
      "live only:\n\(onlyLive.joined(separator: "\n"))\nDDL only:\n\(onlyDDL.joined(separator: "\n"))")
    #expect(liveFacts.count > 25)
    // What each side knows that the other cannot.
    #expect(live.table(QualifiedName(schema: "shop", name: "orders"))?.owner == "postgres")
    #expect(live.schema(named: "shop")?.defaultPrivileges.allSatisfy { $0.forRole == "postgres" } == true)
    #expect(ddl.schema(named: "shop")?.defaultPrivileges.map(\.forRole) == [nil, "postgres"])
  }
}
