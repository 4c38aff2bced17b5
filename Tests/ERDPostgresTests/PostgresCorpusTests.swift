import ERDInspect
import ERDSchema
import ERDTestSupport
import ERDViz
import Foundation
import Testing

/// The corpus's PostgreSQL schemas, loaded into the throwaway cluster: erdviz must find exactly
/// the tables, columns and foreign keys that pg_catalog has, schema by schema.
@Suite(.enabled(if: TestPostgres.enabled && Paths.corpusAvailable, "needs the PostgreSQL cluster and ../shared/corpus"))
struct PostgresCorpusTests {
  /// What pg_catalog says, one line per table: schema, table, its columns, its foreign keys.
  static let truth = """
    SELECT n.nspname || E'\\t' || c.relname || E'\\t' ||
      (SELECT string_agg(a.attname, ',' ORDER BY a.attnum) FROM pg_attribute a
       WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) || E'\\t' ||
      coalesce((SELECT string_agg(k.cols || '->' || fn.nspname || '.' || fc.relname, ';' ORDER BY k.cols)
       FROM (SELECT f.confrelid, (SELECT string_agg(a.attname, ',' ORDER BY u.i) FROM unnest(f.conkey) WITH ORDINALITY u(n, i)
              JOIN pg_attribute a ON a.attrelid = f.conrelid AND a.attnum = u.n) AS cols
             FROM pg_constraint f WHERE f.conrelid = c.oid AND f.contype = 'f' AND f.conparentid = 0) k
       JOIN pg_class fc ON fc.oid = k.confrelid JOIN pg_namespace fn ON fn.oid = fc.relnamespace), '')
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname NOT LIKE 'pg\\_toast%'
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
    ORDER BY 1
    """

  static func lines(_ catalog: Catalog) -> [String] {
    catalog.allTables.map { name, table in
      let fks = table.foreignKeys.map { "\($0.columns.joined(separator: ","))->\($0.referencedTable)" }.sorted()
      return [name.schema, name.name, table.columns.map(\.name).joined(separator: ","), fks.joined(separator: ";")]
        .joined(separator: "\t")
    }.sorted()
  }

  @Test(arguments: ["pagila-schema.sql", "django_polls_catalog.postgresql.sql"])
  func matchesTheCatalog(file: String) throws {
    let url = try #require(Paths.corpusFile(file))
    try withDatabase { database in
      try TestPostgres.psql(file: url, database: database)
      try compare(database)
    }
  }

  @Test func chinookCreatesItsOwnDatabase() throws {
    let url = try #require(Paths.corpusFile("Chinook_PostgreSql.sql"))
    try TestPostgres.psql(file: url, database: "postgres")
    defer { TestPostgres.drop("chinook") }
    try compare("chinook")
    let catalog = try Pipeline.load(.postgres(TestPostgres.url(database: "chinook")), options: InspectOptions())
    #expect(catalog.allTables.count == 11)
    #expect(catalog.allTables.reduce(0) { $0 + $1.table.foreignKeys.count } == 11)
  }

  @Test func pagilaFoldsItsPartitionsAndLiftsTheirKeys() throws {
    let url = try #require(Paths.corpusFile("pagila-schema.sql"))
    try withDatabase { database in
      try TestPostgres.psql(file: url, database: database)
      let catalog = try Pipeline.load(.postgres(TestPostgres.url(database: database)), options: InspectOptions())
        .foldingPartitions()
      #expect(catalog.allTables.count == 15)
      #expect(catalog.allTables.reduce(0) { $0 + $1.table.foreignKeys.count } == 21)
      let payment = try #require(catalog.table(QualifiedName(schema: "public", name: "payment")))
      #expect(payment.partitions.count == 7)
      #expect(payment.foreignKeys.count == 3)
      #expect(catalog.allViews.count == 8)
    }
  }

  private func compare(_ database: String) throws {
    let expected = try TestPostgres.psql(Self.truth, database: database)
      .split(separator: "\n").map(String.init).sorted()
    let catalog = try Pipeline.load(
      .postgres(TestPostgres.url(database: database)), options: InspectOptions())
    #expect(Self.lines(catalog) == expected)
    #expect(!expected.isEmpty)
  }
}
