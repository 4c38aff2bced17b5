import ERDDDL
import ERDInspect
import ERDSchema
import ERDTestSupport
import Foundation
import Testing

@testable import ERDSQLite

/// SQLite DDL, run by SQLite itself in a private in-memory database.
@Suite struct SQLiteDDLTests {
  static let features = Paths.fixtures.appendingPathComponent("ddl/sqlite_features.sql")

  @Test func featuresMatchGoldenFiles() throws {
    try checkGoldens(try readDDL(file: Self.features, dialect: .sqlite), name: "sqlite_features")
  }

  @Test func aMigrationThatRebuildsATableEndsWithTheNewTable() throws {
    let catalog = try readDDL(file: Self.features, dialect: .sqlite)
    #expect(catalog.tableNames == ["main.catalog_author", "main.catalog_book"])
    let author = try #require(catalog.table("main", "catalog_author"))
    #expect(author.columns.map(\.name) == ["id", "name", "born"])
    #expect(author.column(named: "name")?.type == "varchar(300)")
    #expect(author.source == SourceLocation(file: "catalog/models.py", line: 4))
    let book = try #require(catalog.table("main", "catalog_book"))
    #expect(book.foreignKeys.first?.deferrable == true)
    #expect(book.column(named: "title")?.comment == "as printed")
    #expect(catalog.view(QualifiedName(schema: "main", name: "long_books"))?.dependencies.count == 2)
  }

  /// The fixture's ATTACH names a relative file: the built binary, run in an empty folder,
  /// must leave it empty.
  @Test func attachAndPragmaAreNotRun() throws {
    let dir = try Paths.temporaryDirectory()
    let result = try erdviz("inspect", Self.features.path, "--dialect", "sqlite", "-f", "json", in: dir)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
  }

  @Test func aSyntaxErrorOnLine40ReportsItsLineAndColumn() throws {
    var lines = (1...39).map { "CREATE TABLE t\($0) (id integer); -- line \($0)" }
    lines.append("CREATE TABLE broken (id integer,, name text);")
    let error = try #require(ddlError(lines.joined(separator: "\n"), dialect: .sqlite))
    #expect(error.description.hasPrefix("test.sql:40:33: near \",\": syntax error\n"), "\(error)")
    #expect(ExitCodeCheck.isDataError(error))
  }

  @Test func aStatementSQLiteRefusesIsSkippedOrUnderStrictAnError() throws {
    let text = "CREATE TABLE t (id integer);\nCREATE INDEX i ON missing (x);\n"
    #expect(try readDDL(text, dialect: .sqlite).tableNames == ["main.t"])
    let error = try #require(ddlError(text, dialect: .sqlite, strict: true))
    #expect(error.description.hasPrefix("test.sql:2:1: SQLite refused it: no such table: main.missing"), "\(error)")
  }

  /// Queries in a dump never run: a recursive CTE that never ends would hang erdviz (the CTAS
  /// form grew memory at 40 MB/s). `CREATE TABLE … AS` still makes its table, from the columns.
  @Test func recursiveQueriesInTheInputAreNeverRun() throws {
    let forever = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x, 'a' AS label FROM c"
    let text = """
      CREATE TABLE t (id integer PRIMARY KEY);
      \(forever);
      INSERT INTO t SELECT x FROM (\(forever));
      CREATE TABLE copy AS \(forever);
      CREATE TEMP TABLE IF NOT EXISTS main2 AS SELECT * FROM t;
      CREATE VIEW v AS \(forever);
      """
    let start = Date()
    let catalog = try readDDL(text, dialect: .sqlite, strict: true)
    #expect(Date().timeIntervalSince(start) < 10)
    #expect(catalog.tableNames == ["main.copy", "main.t"])
    #expect(catalog.table("main", "copy")?.columns.map(\.name) == ["x", "label"])
  }

  /// `CREATE TABLE … AS query` becomes `… AS SELECT * FROM (query) LIMIT 0`, its head as written.
  @Test func theCreateTableAsRewriteKeepsTheHead() {
    #expect(
      SQLiteCreateTableAs.limited("CREATE TABLE \"a b\" AS SELECT 1 AS x;")
        == "CREATE TABLE \"a b\" AS SELECT * FROM (SELECT 1 AS x) LIMIT 0")
    #expect(SQLiteCreateTableAs.limited("CREATE TABLE t (a AS (1))") == nil)
    #expect(
      SQLiteCreateTableAs.limited("CREATE TABLE s.t AS SELECT 1")
        == "CREATE TABLE s.t AS SELECT * FROM (SELECT 1) LIMIT 0")
  }

  @Test func aFileWhoseOnlyStatementSQLiteRefusesSaysWhy() throws {
    let error = try #require(ddlError("\n\nCREATE INDEX i ON missing (x);\n", dialect: .sqlite))
    #expect(
      error.description.hasPrefix(
        "test.sql:3:1: SQLite took none of its only statement: SQLite refused it: no such table"),
      "\(error)")
  }

  /// What the sqlite3 shell's `.schema` prints reads under `--strict`.
  @Test(arguments: ["sqlite_features.sql", "cardinality.sql", "ddl/sqlite_features.sql"])
  func sqlite3SchemaOutputReadsUnderStrict(fixture: String) throws {
    let dir = try Paths.temporaryDirectory()
    let db = dir.appendingPathComponent("x.db")
    let loaded = try run(
      URL(fileURLWithPath: "/usr/bin/sqlite3"),
      [db.path, ".read \(Paths.fixtures.appendingPathComponent(fixture).path)"],
      in: dir)
    #expect(loaded.status == 0, "\(loaded.stderr)")
    let schema = try run(URL(fileURLWithPath: "/usr/bin/sqlite3"), [db.path, ".schema"], in: dir)
    let result = try erdviz("inspect", "--strict", "--dialect", "sqlite", "-", "-f", "json", stdin: schema.stdout)
    #expect(result.status == 0, "\(fixture): \(result.stderr)")
    #expect(!(try Catalog(jsonText: result.stdout)).allTables.isEmpty)
  }

  /// The differential test: DDL read by erdviz equals the same DDL loaded into a database file by
  /// the sqlite3 shell and inspected.
  @Test(arguments: ["sqlite_features.sql", "cardinality.sql", "hostile_names.sql", "ddl/sqlite_features.sql"])
  func ddlEqualsTheDatabaseTheSqlite3ShellBuilds(fixture: String) throws {
    let url = Paths.fixtures.appendingPathComponent(fixture)
    try compareWithShell(url)
  }

  @Test(
    .enabled(if: Paths.corpusAvailable, "needs ../shared/corpus"),
    arguments: ["Chinook_Sqlite.sql", "django_polls_catalog.sqlite.sql"])
  func corpusDDLEqualsTheDatabaseTheSqlite3ShellBuilds(file: String) throws {
    try compareWithShell(try #require(Paths.corpusFile(file)))
  }

  private func compareWithShell(_ url: URL) throws {
    let dir = try Paths.temporaryDirectory()
    let db = dir.appendingPathComponent("loaded.db")
    let loaded = try run(URL(fileURLWithPath: "/usr/bin/sqlite3"), [db.path, ".read \(url.path)"], in: dir)
    #expect(loaded.status == 0, "\(loaded.stderr)")
    var fromDDL = try readDDL(file: url, dialect: .sqlite)
    let fromFile = try SQLiteInspector.file(db.path).inspect(InspectOptions()).foldingPartitions()
    // Provider positions come from the DDL's comments, which a database does not keep.
    for s in fromDDL.schemas.indices {
      for t in fromDDL.schemas[s].tables.indices { fromDDL.schemas[s].tables[t].source = nil }
    }
    #expect(fromDDL == fromFile)
    #expect(fromDDL.allTables.count > 0)
  }
}

/// Errors that map to exit 65.
enum ExitCodeCheck {
  static func isDataError(_ error: InspectError) -> Bool {
    if case .invalidInput = error { return true }
    return false
  }
}
