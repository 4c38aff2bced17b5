import ERDTestSupport
import Foundation
import Testing

/// Mermaid that GitHub actually draws: every sample, fixture and corpus schema, rendered by the
/// real Mermaid in headless Chromium, not only parsed.
@Suite(.enabled(if: MermaidCheck.available || Paths.toolsRequired, "needs ../shared/tools/mermaid-check"))
struct MermaidRenderTests {
  static let corpus = [
    "pagila-schema.sql", "Chinook_PostgreSql.sql", "django_polls_catalog.postgresql.sql", "Chinook_Sqlite.sql",
    "django_polls_catalog.sqlite.sql", "mysql-sakila-schema.sql", "Chinook_MySql.sql",
    "django_polls_catalog.mysql.sql", "sql-server-sakila-schema.sql", "django_polls_catalog.mssql.sql", "chinook.db",
  ]

  @Test func theCommittedSampleDraws() throws {
    let text = try String(contentsOf: Paths.samples.appendingPathComponent("shop/shop.mmd"), encoding: .utf8)
    let outcome = try MermaidCheck.render(text)
    #expect(outcome.ok, "\(outcome.message)")
  }

  @Test(arguments: ["cardinality.sql", "sqlite_features.sql", "hostile_names.sql"])
  func everyFixtureDraws(fixture: String) throws {
    let db = try SQLiteFixture.fromFixture(fixture)
    try expectDraws(db.path, label: fixture)
  }

  @Test(.enabled(if: Paths.corpusAvailable || Paths.toolsRequired, "needs ../shared/corpus"), arguments: corpus)
  func everyCorpusSchemaDraws(file: String) throws {
    let url = try #require(Paths.corpusFile(file), "needs ../shared/corpus")
    try expectDraws(url.path, label: file)
  }

  private func expectDraws(_ source: String, label: String) throws {
    let result = try erdviz("inspect", source, "-f", "mermaid")
    #expect(result.status == 0, "\(label): \(result.stderr)")
    let outcome = try MermaidCheck.render(result.stdoutText)
    #expect(outcome.ok, "\(label): \(outcome.message)")
  }
}
