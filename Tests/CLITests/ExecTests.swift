import ERDSchema
import ERDTestSupport
import Foundation
import Testing

/// `--exec -- PROGRAM ARGS…`: provider programs run without a shell, their failures reported.
@Suite struct ExecTests {
  static let providers = Paths.fixtures.appendingPathComponent("providers")

  @Test func aProviderThatExits3Exits69AndShowsItsStderr() throws {
    let dir = try Paths.temporaryDirectory()
    let provider = Self.providers.appendingPathComponent("failing-provider").path
    let result = try erdviz("inspect", "--exec", "--", provider, "-o", "erd.svg", in: dir)
    #expect(result.status == 69)
    let lines = result.stderr.split(separator: "\n").map(String.init)
    // The provider's own stderr, passed through as it came, then erdviz's one line.
    #expect(lines.prefix(2) == ["provider: loading models from erdshop", "provider: KeyError: 'TIME_ZONE'"])
    #expect(lines.count == 3)
    #expect(
      lines.last == "erdviz: \(provider): exited with status 3; its stderr ended with: provider: KeyError: 'TIME_ZONE'")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("erd.svg").path))
  }

  @Test func aMissingProgramIsAOneLineError() throws {
    let result = try erdviz("inspect", "--exec", "--", "erdviz-no-such-provider", "--dialect", "mysql")
    #expect(result.status == 69)
    #expect(
      result.stderr
        == "erdviz: erdviz-no-such-provider --dialect mysql: no program named erdviz-no-such-provider on PATH\n")
  }

  @Test func aProgramThatRunsTooLongIsStopped() throws {
    let start = Date()
    let result = try erdviz(
      "inspect", "--exec-timeout", "1", "--exec", "--", Self.providers.appendingPathComponent("sleepy-provider").path)
    #expect(result.status == 69)
    #expect(result.stderr.contains("did not finish within --exec-timeout 1 s; stopped it"), "\(result.stderr)")
    #expect(Date().timeIntervalSince(start) < 20)
  }

  /// A program that exits but leaves a background process holding its stdout open: the whole
  /// process group is stopped at the timeout, and the message says how long erdviz waited.
  @Test func aBackgroundProcessHoldingTheOutputIsStoppedWithItsGroup() throws {
    let start = Date()
    let result = try erdviz(
      "inspect", "--exec-timeout", "2", "--exec", "--", "sh", "-c", "sleep 100 & echo 'CREATE TABLE t(a int);'")
    let elapsed = Date().timeIntervalSince(start)
    #expect(result.status == 69, "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    #expect(result.stderr.contains("still held its output open at --exec-timeout 2 s"), "\(result.stderr)")
    let waited = result.stderr.components(separatedBy: " after ").last.flatMap { Double($0.prefix { $0 != " " }) }
    #expect(waited.map { $0 >= 2 && $0 <= elapsed } == true, "\(result.stderr)")
    #expect(elapsed < 10, "took \(elapsed) s")
    // The background sleep was in the program's group, and is gone.
    let left = try run(URL(fileURLWithPath: "/usr/bin/pgrep"), ["-f", "^sleep 100$"])
    #expect(left.stdoutText.isEmpty, "left behind: \(left.stdoutText)")
  }

  @Test(arguments: [("true", [String]()), ("head", ["-c", "64", "/bin/sh"])])
  func emptyOrBinaryOutputIsAOneLineError(program: String, arguments: [String]) throws {
    let result = try run(Paths.binary, ["inspect", "--exec", "--", program] + arguments)
    #expect(result.status == 65)
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
  }

  /// Trailing `-o`/`-f` after the program's arguments are erdviz's; a final `--` keeps them the
  /// program's. The echo provider names its one table after the arguments it got.
  @Test func trailingOutputOptionsBelongToErdviz() throws {
    let dir = try Paths.temporaryDirectory()
    let provider = Self.providers.appendingPathComponent("echo-provider").path
    let taken = try erdviz(
      "inspect", "--exec", "--", provider, "--dialect", "sqlite", "-o", "a.mmd", "-f", "json", in: dir)
    #expect(taken.status == 0, "\(taken.stderr)")
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("a.mmd").path))
    #expect(taken.stdoutText.contains("\"t___dialect_sqlite_end\""))
    let kept = try erdviz("inspect", "-f", "json", "--exec", "--", provider, "-o", "x.svg", "--", in: dir)
    #expect(kept.status == 0, "\(kept.stderr)")
    #expect(kept.stdoutText.contains("\"t__o_x_svg_end\""))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.svg").path))
  }

  @Test(arguments: [
    ["inspect", "--exec"], ["inspect", "--", "python"], ["inspect", "x.sql", "--exec", "--", "python"],
    ["inspect", "--exec-timeout", "0", "--exec", "--", "true"], ["inspect", "--dialect", "oracle", "x.sql"],
  ])
  func execUsageErrorsExit64(arguments: [String]) throws {
    let result = try run(Paths.binary, arguments, in: try Paths.temporaryDirectory())
    #expect(result.status == 64, "\(result.stderr)")
  }
}

/// The real atlas-provider-django from PyPI on the test project, in all four dialects.
@Suite(.enabled(if: DjangoProject.available, "needs ERDVIZ_DJANGO_PYTHON (scripts/django-venv); make test sets it"))
struct DjangoProviderTests {
  static let dialects = ["postgresql", "mysql", "sqlite", "mssql"]

  @Test func fourDialectsGiveTheSameTablesAndForeignKeys() throws {
    let python = try #require(DjangoProject.python, "ERDVIZ_DJANGO_PYTHON is not set: run scripts/django-venv")
    let project = try DjangoProject.copy()
    var shapes: [String: [String]] = [:]
    for dialect in Self.dialects {
      let result = try run(
        Paths.binary,
        // --strict: all a provider prints must read.
        [
          "inspect", "--strict", "-f", "json", "--exec", "--", "python", "manage.py", "atlas-provider-django",
          "--dialect", dialect,
        ],
        environment: DjangoProject.environment(python: python), in: project)
      #expect(result.status == 0, "\(dialect): \(result.stderr)")
      let catalog = try Catalog(jsonText: result.stdout)
      #expect(catalog.engine == dialect)
      let names = catalog.allTables.map(\.name.name).sorted()
      // Django's own apps (admin, auth, contenttypes, sessions), then the project's two.
      #expect(
        names == [
          "auth_group", "auth_group_permissions", "auth_permission", "auth_user", "auth_user_groups",
          "auth_user_user_permissions", "catalog_category", "catalog_product", "catalog_product_tags", "catalog_tag",
          "django_admin_log", "django_content_type", "django_session", "orders_customer", "orders_order",
          "orders_orderline", "orders_profile",
        ])
      let keys = catalog.allTables.flatMap { name, table in
        table.foreignKeys.map { "\(name.name).\($0.columns.joined(separator: ",")) -> \($0.referencedTable.name)" }
      }.sorted()
      shapes[dialect] = names + keys
      // One-to-one: a unique key on the FK; unique_together: a unique key on two columns.
      let profile = try #require(catalog.table(QualifiedName(schema: catalog.schemas[0].name, name: "orders_profile")))
      #expect(profile.isUnique(["customer_id"]))
      let line = try #require(catalog.table(QualifiedName(schema: catalog.schemas[0].name, name: "orders_orderline")))
      // SQL Server's Django backend writes unique_together as a filtered unique index.
      let filteredUnique = line.indexes.contains { $0.unique && $0.plainColumns == ["order_id", "line_no"] }
      #expect(line.isUnique(["order_id", "line_no"]) || (dialect == "mssql" && filteredUnique))
      #expect(line.column(named: "product_id")?.nullable == true)
      // Atlas's positions point into the project's own models.py files.
      #expect(line.source?.file.hasSuffix("orders/models.py") == true)
      #expect(line.source?.line == 23)
    }
    #expect(Set(shapes.values).count == 1, "\(shapes)")
    #expect(shapes["postgresql"]?.contains("catalog_category.parent_id -> catalog_category") == true)
    #expect(shapes["postgresql"]?.filter { $0.contains(" -> ") }.count == 18)
  }

  /// Exactly as the README and the issue write it, from the project folder.
  @Test func execDrawsTheProjectAsSVG() throws {
    let python = try #require(DjangoProject.python, "ERDVIZ_DJANGO_PYTHON is not set: run scripts/django-venv")
    let project = try DjangoProject.copy()
    let result = try run(
      Paths.binary,
      [
        "inspect", "--exec", "--", "python", "manage.py", "atlas-provider-django", "--dialect", "postgresql", "-o",
        "erd.svg",
      ],
      environment: DjangoProject.environment(python: python), in: project)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    let svg = XMLText(try Data(contentsOf: project.appendingPathComponent("erd.svg")))
    #expect(svg.wellFormed)
    for table in ["orders_orderline", "catalog_product_tags", "orders_profile"] {
      #expect(svg.texts.contains(table), "SVG lacks \(table)")
    }
  }
}
