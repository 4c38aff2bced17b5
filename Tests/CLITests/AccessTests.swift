import ERDSchema
import ERDTestSupport
import Foundation
import Testing

/// `--as-role`, the row-level security badge, and privileges and policies in the documents, run
/// as a user runs them; the drawings are read back from the SVG Graphviz made.
@Suite struct AccessTests {
  static let privileges = Paths.fixtures.appendingPathComponent("privileges.sql")
  static let supabase = Paths.fixtures.appendingPathComponent("supabase_style.sql")

  /// The SVG of one drawn table: from its node's id to the next node or edge.
  static func node(_ svg: String, _ key: String) -> String {
    guard let start = svg.range(of: "id=\"n_\(key)\"") else { return "" }
    let rest = svg[start.upperBound...]
    let end = ["<g id=\"n_", "<g id=\"e_"].compactMap { rest.range(of: $0)?.lowerBound }.min() ?? rest.endIndex
    return String(rest[..<end])
  }

  static func svg(_ source: String, _ arguments: String...) throws -> String {
    let out = try Paths.temporaryDirectory().appendingPathComponent("access.svg")
    let result = try run(Paths.binary, ["inspect", source, "-o", out.path] + arguments)
    try #require(result.status == 0, "erdviz failed: \(result.stderr)")
    return try String(contentsOf: out, encoding: .utf8)
  }

  static func expectAuditReadOnly(_ svg: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    for key in ["audit_log", "audit_login"] {
      let node = Self.node(svg, key)
      #expect(
        node.contains(">read<") && node.contains("#2b6cb0"), "\(key) not drawn read-only",
        sourceLocation: sourceLocation)
      #expect(!node.contains("read&#45;write"), "\(key) drawn writable", sourceLocation: sourceLocation)
    }
    let orders = node(svg, "shop_orders")
    #expect(
      orders.contains(">read&#45;write<") && orders.contains(">RLS<"), "shop.orders: \(orders)",
      sourceLocation: sourceLocation)
    #expect(!node(svg, "shop_tenant").contains(">RLS<"))
    #expect(svg.contains(">as role app:<") && svg.contains(">row&#45;level security on<"), "no legend")
  }

  @Test func asRoleAppDrawsTheAuditTablesReadOnly() throws {
    Self.expectAuditReadOnly(try Self.svg(Self.privileges.path, "--as-role", "app"))
    // app_user inherits app's grants (GRANT app TO app_user); auditor owns audit.login.
    let inherited = try Self.svg(Self.privileges.path, "--as-role", "app_user")
    #expect(Self.node(inherited, "audit_log").contains(">read<"))
    let auditor = try Self.svg(Self.privileges.path, "--as-role", "auditor")
    #expect(Self.node(auditor, "audit_login").contains(">owner<"))
    #expect(Self.node(auditor, "shop_orders").contains(">no access<"))
    #expect(Self.node(auditor, "shop_tenant").contains(">no access<"), "auditor has no USAGE on shop")
  }

  @Test(.enabled(if: TestPostgres.enabled, "needs the throwaway PostgreSQL cluster of `make test`"))
  func asRoleAppDrawsTheLiveAuditTablesReadOnly() throws {
    try TestPostgres.withRoles {
      let database = try TestPostgres.createDatabase("asrole")
      defer { TestPostgres.drop(database) }
      try TestPostgres.psql(file: Self.privileges, database: database)
      Self.expectAuditReadOnly(try Self.svg(TestPostgres.url(database: database), "--as-role", "app"))
    }
  }

  @Test func withoutRowSecurityOrARoleTheDrawingHasNoAccessLegend() throws {
    let svg = try Self.svg(Paths.fixtures.appendingPathComponent("ddl/postgresql_features.sql").path)
    #expect(!svg.contains("as role") && !svg.contains(">RLS<"))
  }

  @Test func anUnknownRoleIsAWarningAndDrawsNoAccess() throws {
    let out = try Paths.temporaryDirectory().appendingPathComponent("ghost.md")
    let result = try erdviz("inspect", Self.privileges.path, "--as-role", "ghost", "-o", out.path)
    #expect(result.status == 0)
    #expect(
      result.stderr.contains("warning: as-role: no grant, owner, policy or membership in the schema names role ghost"))
    let text = try String(contentsOf: out, encoding: .utf8)
    #expect(text.contains("## Access of role `ghost`") && text.contains("| none |"))
  }

  /// Every policy of the Supabase-style schema on its table's section, as GitHub renders it.
  @Test(.enabled(if: PythonTools.available || Paths.toolsRequired, "needs the Python venv of `make test`"))
  func everySupabasePolicyIsOnItsTablePage() throws {
    let dir = try Paths.temporaryDirectory()
    let result = try erdviz(
      "inspect", Self.supabase.path, "--as-role", "authenticated", "-o", "schema.md", "-o", "docs/", in: dir)
    try #require(result.status == 0, "\(result.stderr)")
    let expected: [String: [String]] = [
      "public_profiles": [
        "Public profiles are viewable by everyone.", "Users can insert their own profile.",
        "Users can update own profile.",
      ],
      "public_posts": ["Published posts are public", "Authors write their posts"],
      "public_comments": ["Comments on visible posts", "Signed-in users comment"],
      "public_likes": ["Own likes", "No likes while banned"],
    ]
    for (page, policies) in expected {
      let text = try String(contentsOf: dir.appendingPathComponent("docs/tables/\(page).md"), encoding: .utf8)
      let items = (try PythonTools.markdownModel(text)["list_items"]?.arrayValue ?? []).compactMap(\.stringValue)
      for policy in policies {
        #expect(items.contains { $0.hasPrefix("Policy \(policy):") }, "\(page) lacks policy \(policy): \(items)")
      }
      #expect(items.contains { $0.hasPrefix("Row-level security: enabled") }, "\(page): \(items)")
      #expect(items.contains { $0.contains("auth.uid()") }, "\(page): \(items)")
    }
    let countries = try String(
      contentsOf: dir.appendingPathComponent("docs/tables/public_countries.md"), encoding: .utf8)
    #expect(!countries.contains("**Policy") && countries.contains("**As `authenticated`:** read (SELECT only)"))
    let single = try PythonTools.markdownModel(
      try String(contentsOf: dir.appendingPathComponent("schema.md"), encoding: .utf8))
    let items = (single["list_items"]?.arrayValue ?? []).compactMap(\.stringValue)
    #expect(items.filter { $0.hasPrefix("Policy ") }.count == 9)
    #expect(items.contains { $0.hasPrefix("auth.uid(): function returning uuid") }, "\(items)")
    let readme = try String(contentsOf: dir.appendingPathComponent("docs/README.md"), encoding: .utf8)
    #expect(readme.contains("## Access of role `authenticated`") && readme.contains("## Routines"))
  }

  @Test func asRoleInTheConfigFile() throws {
    let dir = try Paths.temporaryDirectory()
    try FileManager.default.copyItem(at: Self.privileges, to: dir.appendingPathComponent("schema.sql"))
    let config = "diagrams:\n  - source: schema.sql\n    as-role: app\n    outputs: [docs/erd.svg]\n"
    try Data(config.utf8).write(to: dir.appendingPathComponent("erdviz.yml"))
    let result = try erdviz("generate", in: dir)
    try #require(result.status == 0, "\(result.stderr)")
    Self.expectAuditReadOnly(try String(contentsOf: dir.appendingPathComponent("docs/erd.svg"), encoding: .utf8))
  }
}

/// The HTML page of the audit pattern drawn `--as-role app`, in headless Chromium: the legend
/// and the details panel say who may do what.
@Suite(.serialized, .enabled(if: Browser.available || Paths.toolsRequired, "needs chromium and node"))
struct AccessPageBrowserTests {
  @Test func detailsShowGrantsPoliciesAndTheTriggerFunction() throws {
    let page = try HTMLPageBrowserTests.page(AccessTests.privileges, "--as-role", "app")
    let report = try Browser.run(page, [.load(), .clickList("shop.orders"), .clickList("audit.log")])
    HTMLPageBrowserTests.expectClean(report, "privileges")
    try #require(report.states.count == 3)
    let legend = report.states[0].string("legend") ?? ""
    #expect(legend.contains("as app:") && legend.contains("row-level security on"), "\(legend)")
    let orders = report.states[1].string("detailsText") ?? ""
    for text in [
      "ACCESS", "as app: read-write", "app: SELECT, INSERT, UPDATE, DELETE", "forced", "POLICIES (2)",
      "tenant_isolation", "restrictive · for INSERT · to app", "using", "tenant_id = shop.current_tenant()",
      "with check", "total < 10000.0", "a session sees its own tenant only", "executes", "audit.log_change()",
    ] {
      #expect(orders.localizedCaseInsensitiveContains(text), "orders details lack \(text): \(orders)")
    }
    let log = report.states[2].string("detailsText") ?? ""
    #expect(log.contains("as app: read (SELECT only)") && log.contains("auditor: SELECT"), "\(log)")
  }
}
