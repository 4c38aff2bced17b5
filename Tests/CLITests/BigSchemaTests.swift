import ERDSchema
import ERDTestSupport
import Foundation
import Testing

/// The test Django project through the real provider, grouped into Django's apps and the
/// project's own, every table in a group, through tables included, in every format.
@Suite(.enabled(if: DjangoProject.available, "needs ERDVIZ_DJANGO_PYTHON (scripts/django-venv); make test sets it"))
struct DjangoGroupTests {
  static let apps: [String: [String]] = [
    "admin": ["django_admin_log"],
    "auth": [
      "auth_group", "auth_group_permissions", "auth_permission", "auth_user", "auth_user_groups",
      "auth_user_user_permissions",
    ],
    "catalog": ["catalog_category", "catalog_product", "catalog_product_tags", "catalog_tag"],
    "contenttypes": ["django_content_type"],
    "orders": ["orders_customer", "orders_order", "orders_orderline", "orders_profile"],
    "sessions": ["django_session"],
  ]

  @Test func everyFormatGroupsByApp() throws {
    let python = try #require(DjangoProject.python, "ERDVIZ_DJANGO_PYTHON is not set: run scripts/django-venv")
    let project = try DjangoProject.copy()
    let outputs = ["erd.dot", "erd.svg", "erd.mmd", "erd.html", "erd.md", "erd.json"]
    let result = try run(
      Paths.binary,
      ["inspect"] + outputs.flatMap { ["-o", $0] }
        + ["--exec", "--", "python", "manage.py", "atlas-provider-django", "--dialect", "postgresql"],
      environment: DjangoProject.environment(python: python), in: project)
    #expect(result.status == 0, "\(result.stderr)")
    func text(_ name: String) throws -> String {
      String(decoding: try Data(contentsOf: project.appendingPathComponent(name)), as: UTF8.self)
    }
    #expect(Self.clusters(try text("erd.dot")) == Self.apps)
    let svg = try text("erd.svg")
    for app in Self.apps.keys { #expect(svg.contains("id=\"g_\(app)\""), "no cluster for \(app) in the SVG") }
    #expect(svg.contains("PK primary key · FK foreign key · UK unique · type? nullable"), "no legend in the SVG")
    let size = try #require(SVGText(svg))
    #expect(size.text >= 8, "the Django project at 1,600 px has \(size.text) px text")
    let mermaid = try text("erd.mmd")
    for (app, tables) in Self.apps {
      #expect(mermaid.contains("  %% group \(app): \(tables.joined(separator: ", "))\n"), "Mermaid: \(app)")
    }
    if MermaidCheck.available || Paths.toolsRequired { #expect(try MermaidCheck.check(mermaid).ok) }
    let markdown = try text("erd.md")
    for (app, tables) in Self.apps {
      let section = try #require(markdown.range(of: "\n## \(app)\n"), "Markdown: no section for \(app)")
      let rest = markdown[section.upperBound...]
      let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
      for table in tables { #expect(rest[..<end].contains("### \(table)\n"), "Markdown: \(table) not under \(app)") }
    }
    let catalog = try JSONParser.parse(Array(try text("erd.json").utf8))
    let tables = catalog["schemas"]?.arrayValue?.first?["tables"]?.arrayValue ?? []
    var grouped: [String: [String]] = [:]
    for t in tables { grouped[t["group"]?.stringValue ?? "-", default: []].append(t["name"]?.stringValue ?? "") }
    #expect(grouped == Self.apps)
    try expectHTMLFilter(project.appendingPathComponent("erd.html"))
  }

  /// Which tables each `subgraph` of the DOT holds, by its label.
  static func clusters(_ dot: String) -> [String: [String]] {
    var out: [String: [String]] = [:]
    var current: String?
    for line in dot.split(separator: "\n") {
      if line.hasPrefix("    label=\""), let end = line.dropFirst(11).firstIndex(of: "\"") {
        current = String(line.dropFirst(11)[..<end])
      } else if line == "  }" {
        current = nil
      } else if let current, line.hasPrefix("    \""), let end = line.dropFirst(5).firstIndex(of: "\"") {
        out[current, default: []].append(String(line.dropFirst(5)[..<end]))
      }
    }
    return out.mapValues { $0.sorted() }
  }

  /// The page's group filter narrows the list to one app.
  private func expectHTMLFilter(_ page: URL) throws {
    let html = String(decoding: try Data(contentsOf: page), as: UTF8.self)
    #expect(html.contains("\"groups\":[{\"key\":\"admin\""), "the page index has no groups")
    guard Browser.available || Paths.toolsRequired else { return print("skipped: no Chromium for the group filter") }
    let report = try Browser.run(page, [.load(), .clickButton(selector: "#groups button[data-group=auth]")])
    HTMLPageBrowserTests.expectClean(report, "Django page")
    try #require(report.states.count == 2)
    #expect(report.states[0].strings("list").count == 17)
    #expect(report.states[1].strings("list") == Self.apps["auth"])
    #expect(report.states[1].int("hitNodes") == 6)
  }
}

/// pagila, drawn whole: it fits a 1,600 px screen with text of 8 px or more, or erdviz says why
/// not and what to use instead.
@Suite struct ReadableSizeTests {
  @Test func pagilaFitsOrErdvizSaysWhatToUse() throws {
    guard let pagila = Paths.corpusFile("pagila-schema.sql") else {
      return print("skipped: ../shared/corpus/pagila-schema.sql is not here")
    }
    let out = try Paths.temporaryDirectory().appendingPathComponent("pagila.svg")
    let result = try erdviz("inspect", pagila.path, "-o", out.path)
    #expect(result.status == 0, "\(result.stderr)")
    let size = try #require(SVGText(String(decoding: try Data(contentsOf: out), as: UTF8.self)))
    print("pagila: \(Int(size.width)) pt wide, text \(size.text) px at 1,600 px")
    if size.text < 8 {
      #expect(result.stderr.contains("shown 1600 px wide its text is"), "\(result.stderr)")
      #expect(result.stderr.contains("--split group -o FOLDER/"), "\(result.stderr)")
    }
    let names = try erdviz("inspect", pagila.path, "--columns", "none", "--no-views", "-o", out.path)
    #expect(names.status == 0 && !names.stderr.contains("px wide its text"), "\(names.stderr)")
    let small = try #require(SVGText(String(decoding: try Data(contentsOf: out), as: UTF8.self)))
    #expect(small.text >= 8)
  }
}

/// The width of a Graphviz SVG and its text in CSS pixels when shown 1,600 px wide (never
/// enlarged): font size (pt, the size most texts have) × 4/3 × scale. Measured here apart from
/// erdviz's own check.
struct SVGText {
  var width: Double
  var text: Double

  init?(_ svg: String) {
    guard let w = svg.firstMatch(of: /<svg width="([0-9.]+)pt"/).flatMap({ Double($0.output.1) }) else { return nil }
    let fonts = svg.matches(of: /font-size="([0-9.]+)"/).compactMap { Double($0.output.1) }
    let counts = Dictionary(grouping: fonts, by: { $0 }).mapValues(\.count)
    guard let common = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { return nil }
    width = w
    text = common * 4 / 3 * min(1, 1_600 / (w * 4 / 3))
  }
}

/// Past 150 tables the layout follows the graph's shape: unlinked tables in rows, not one column;
/// a graph deeper than wide drawn top to bottom unless a direction is asked for.
@Suite struct LayoutShapeTests {
  static func database(_ sql: String) throws -> URL {
    let db = try Paths.temporaryDirectory().appendingPathComponent("shape.db")
    try SQLiteFixture.create(at: db, sql: sql)
    return db
  }

  @Test func tablesWithNoReferenceFormRowsNotAColumn() throws {
    let sql = (0..<300).map { "CREATE TABLE t\($0) (id integer PRIMARY KEY, name text, user_id integer);\n" }.joined()
    let db = try Self.database(sql)
    let out = db.deletingLastPathComponent().appendingPathComponent("shape.svg")
    let result = try erdviz("inspect", db.path, "-o", out.path)
    #expect(result.stderr.contains("300 tables with no reference are laid out in"), "\(result.stderr)")
    let svg = String(decoding: try Data(contentsOf: out), as: UTF8.self)
    let size = try #require(svg.firstMatch(of: /<svg width="([0-9.]+)pt" height="([0-9.]+)pt"/))
    let (width, height) = (Double(size.output.1) ?? 0, Double(size.output.2) ?? 0)
    #expect(height < 3 * width, "300 unlinked tables drawn \(width) × \(height) pt")
    #expect(!svg.contains("style=invis") && svg.components(separatedBy: "<path").count < 400)
  }

  @Test func aDeepChainIsDrawnTopToBottomUnlessAsked() throws {
    let sql =
      "CREATE TABLE t0 (id integer PRIMARY KEY);\n"
      + (1..<200).map { "CREATE TABLE t\($0) (id integer PRIMARY KEY, up integer REFERENCES t\($0 - 1) (id));\n" }
      .joined()
    let db = try Self.database(sql)
    let auto = try erdviz("inspect", db.path, "-f", "dot")
    #expect(auto.stdoutText.contains("rankdir=TB"))
    #expect(auto.stderr.contains("200 levels deep and at most 1 wide: drawing it top to bottom"), "\(auto.stderr)")
    let asked = try erdviz("inspect", db.path, "-f", "dot", "--direction", "LR")
    #expect(asked.stdoutText.contains("rankdir=LR") && !asked.stderr.contains("top to bottom"))
  }
}
