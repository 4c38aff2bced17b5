import ERDSchema
import ERDTestSupport
import Foundation
import Testing

/// `erdviz lint` and `--infer-relations`, run as a user runs them: the built binary.
@Suite struct LintCommandTests {
  static let rails = Paths.fixtures.appendingPathComponent("rails_like.sql").path

  @Test func pagilaWarningsAndExitStatuses() throws {
    guard let pagila = Paths.corpusFile("pagila-schema.sql")?.path else {
      print("skipped: ../shared/corpus/pagila-schema.sql is not here")
      return
    }
    let strict = try erdviz("lint", pagila, "--fail-on", "warning")
    #expect(strict.status == 1, "\(strict.stderr)")
    let lines = strict.stdoutText.split(separator: "\n").map(String.init)
    for table in [
      "film_category(category_id)", "inventory(film_id)", "rental(customer_id)", "rental(staff_id)",
      "staff(address_id)", "staff(store_id)", "store(address_id)",
    ] {
      #expect(lines.contains { $0.hasPrefix("\(table): warning: ") && $0.hasSuffix("[fk-without-index]") }, "\(table)")
    }
    #expect(lines.last == "19 warnings in 15 tables (7 rules)")
    let lenient = try erdviz("lint", pagila, "--fail-on", "error")
    #expect(lenient.status == 0, "\(lenient.stderr)")
    #expect(lenient.stdout == strict.stdout)
    #expect(try erdviz("lint", pagila).status == 0)  // --fail-on error by default
  }

  /// Atlas's Django provider output (the corpus copy): only django_session stands alone.
  @Test func djangoPollsCatalog() throws {
    guard let polls = Paths.corpusFile("django_polls_catalog.postgresql.sql")?.path else {
      print("skipped: ../shared/corpus/django_polls_catalog.postgresql.sql is not here")
      return
    }
    let result = try erdviz("lint", polls, "--fail-on", "warning", "-f", "json")
    #expect(result.status == 1, "\(result.stderr)")
    let json = try JSONParser.parse(result.stdout)
    let findings = json["findings"]?.arrayValue ?? []
    #expect(
      findings.map { "\($0["rule"]?.stringValue ?? "") \($0["table"]?.stringValue ?? "")" } == [
        "isolated-table django_session"
      ])
    #expect(try erdviz("lint", polls, "--fail-on", "error").status == 0)
  }

  @Test func railsFixtureAsMarkdownAndByRule() throws {
    let result = try erdviz(
      "lint", Self.rails, "--rules", "duplicate-index,isolated-table", "--format", "markdown", "--fail-on", "warning")
    #expect(result.status == 1)
    #expect(result.stdoutText.hasPrefix("# Lint findings\n\n4 warnings in 25 tables (2 rules).\n"))
    #expect(result.stdoutText.contains("| warning | `duplicate-index` | `orders` | `user_id` |"))
  }

  @Test(arguments: [
    (["lint", "x.sql", "--rules", "fk-no-index"], "unknown lint rule 'fk-no-index'"),
    (["lint", "x.sql", "--fail-on", "info"], "fail-on"),
    (["lint", "x.sql", "--format", "yaml"], "format"),
  ])
  func usageErrorsExit64(arguments: [String], message: String) throws {
    let result = try run(Paths.binary, arguments)
    #expect(result.status == 64)
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }

  @Test func missingSourceExits66() throws {
    let result = try erdviz("lint", "/nonexistent/schema.sql")
    #expect(result.status == 66, "\(result.stderr)")
  }

  @Test func helpListsTheRules() throws {
    let help = try erdviz("lint", "--help").stdoutText
    for rule in [
      "fk-without-index", "no-primary-key", "fk-type-mismatch", "nullable-unique", "isolated-table",
      "duplicate-index", "inferred-relation",
    ] {
      #expect(help.contains(rule), "\(rule)")
    }
  }

  /// `-v` lists each inferred edge with its rule, and what inference would not guess.
  @Test func verboseInferenceListsEdgesAndRules() throws {
    let result = try erdviz("inspect", Self.rails, "--infer-relations", "-v", "-f", "mermaid")
    #expect(result.status == 0, "\(result.stderr)")
    let inferred = result.stderr.split(separator: "\n").filter { $0.hasPrefix("erdviz: inferred: ") }
    #expect(inferred.count == 24)
    #expect(
      result.stderr.contains(
        "erdviz: inferred: default.shop_carts(customer_id) → default.shop_customers(id): named after the table without its prefix shop_"
      ))
    #expect(result.stderr.contains("commentable_type + commentable_id is a polymorphic pair"))
    #expect(result.stderr.contains("erdviz: warning: inference: default.payments.invoice_id may reference any of"))
    #expect(result.stdoutText.split(separator: "\n").filter { $0.hasSuffix(": \"inferred\"") }.count == 24)
    let plain = try erdviz("inspect", Self.rails, "-f", "mermaid")
    #expect(!plain.stdoutText.contains("inferred"))
    #expect(!plain.stderr.contains("inference"))
  }

  @Test func inspectShowsFindingsPerTableWhenAsked() throws {
    let dir = try Paths.temporaryDirectory()
    let result = try erdviz("inspect", Self.rails, "--lint", "-o", "docs.md", "-o", "erd.html", in: dir)
    #expect(result.status == 0, "\(result.stderr)")
    let markdown = try String(contentsOf: dir.appendingPathComponent("docs.md"), encoding: .utf8)
    #expect(markdown.contains("**Lint warning:** `duplicate-index`"))
    let page = try String(contentsOf: dir.appendingPathComponent("erd.html"), encoding: .utf8)
    #expect(page.contains("\"rule\":\"duplicate-index\""))
  }

  @Test func shareDrawsInferredRelations() throws {
    let result = try erdviz("share", Self.rails, "--infer-relations", "--link", "mermaid-live")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdoutText.hasPrefix("https://mermaid.live/"))
  }
}

/// The real atlas-provider-django on the test project: Django indexes every foreign key and
/// pairs each text index with a `_like` one (an operator class apart, not a duplicate), so the
/// only finding is Django's session table, which stands alone by design.
@Suite(.enabled(if: DjangoProject.available, "needs ERDVIZ_DJANGO_PYTHON (scripts/django-venv); make test sets it"))
struct DjangoLintTests {
  @Test(arguments: ["postgresql", "mysql", "mssql", "sqlite"])
  func djangoProjectFindsOnlyTheLoneSessionTable(dialect: String) throws {
    let python = try #require(DjangoProject.python, "ERDVIZ_DJANGO_PYTHON is not set: run scripts/django-venv")
    let project = try DjangoProject.copy()
    let result = try run(
      Paths.binary,
      [
        "lint", "--fail-on", "warning", "--exec", "--", "python", "manage.py", "atlas-provider-django", "--dialect",
        dialect,
      ],
      environment: DjangoProject.environment(python: python), in: project)
    #expect(result.status == 1, "\(dialect): \(result.stdoutText) \(result.stderr)")
    #expect(
      result.stdoutText
        == "django_session: warning: table has no relation to another table, declared or inferred [isolated-table]\n"
        + "1 warning in 17 tables (7 rules)\n", "\(dialect)")
  }
}
