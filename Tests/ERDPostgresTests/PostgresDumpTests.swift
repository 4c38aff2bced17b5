import ERDSchema
import ERDTestSupport
import Foundation
import Testing

/// `pg_dump --schema-only db | erdviz inspect --strict -` succeeds: everything pg_dump prints for
/// a schema is either modelled or known to hold nothing a diagram draws.
@Suite(.enabled(if: TestPostgres.enabled, "needs the throwaway PostgreSQL cluster of `make test`"))
struct PostgresDumpTests {
  static let scripts: [(name: String, url: URL?)] = [
    ("pg_dump_features.sql", Paths.fixtures.appendingPathComponent("pg_dump_features.sql")),
    ("postgres_features.sql", Paths.fixtures.appendingPathComponent("postgres_features.sql")),
    ("pagila-schema.sql", Paths.corpusFile("pagila-schema.sql")),
  ]

  @Test(arguments: scripts.map(\.name))
  func pgDumpOutputReadsUnderStrict(_ name: String) throws {
    guard let script = Self.scripts.first(where: { $0.name == name })?.url else {
      #expect(!Paths.toolsRequired, "\(name) is not in ../shared/corpus")
      print("skipping \(name): ../shared/corpus not found")
      return
    }
    _ = try? TestPostgres.psql("DROP ROLE IF EXISTS erdviz_dump_reader")
    defer { _ = try? TestPostgres.psql("DROP OWNED BY erdviz_dump_reader; DROP ROLE IF EXISTS erdviz_dump_reader") }
    try withDatabase { database in
      try TestPostgres.psql(file: script, database: database)
      let dump = try run(
        TestPostgres.binDirectory.appendingPathComponent("pg_dump"),
        ["--schema-only", "-d", TestPostgres.url(database: database)])
      #expect(dump.status == 0, "\(dump.stderr)")
      let result = try erdviz("inspect", "--strict", "-v", "-", "-f", "json", stdin: dump.stdout)
      #expect(result.status == 0, "\(name): \(result.stderr)")
      #expect(result.stderr.contains(", 0 skipped"), "\(result.stderr)")
      let catalog = try Catalog(jsonText: result.stdout)
      #expect(!catalog.allTables.isEmpty)
    }
  }
}
