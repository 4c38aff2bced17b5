import ERDInspect
import ERDSQLite
import ERDSchema
import ERDTestSupport
import Foundation
import Testing

@Suite struct SQLiteInspectorTests {
  func inspectFixture(_ name: String) throws -> Catalog {
    try SQLiteInspector.file(try SQLiteFixture.fromFixture(name).path).inspect(InspectOptions())
  }

  @Test func readsKeysActionsAndConstraintNames() throws {
    let catalog = try inspectFixture("sqlite_features.sql")
    let main = try #require(catalog.schema(named: "main"))
    let book = try #require(main.table(named: "book"))
    #expect(book.primaryKey == PrimaryKey(name: "book_pk", columns: ["isbn", "edition"]))
    #expect(book.options == [.withoutRowID])
    let toAuthor = try #require(book.foreignKeys.first)
    #expect(toAuthor.referencedTable == QualifiedName(schema: "main", name: "author"))  // declared as AUTHOR
    #expect(toAuthor.referencedColumns == ["id"])  // omitted in the DDL: the primary key
    #expect(toAuthor.onDelete == .setNull)
    #expect(toAuthor.onUpdate == .cascade)
    #expect(book.checks.contains(CheckConstraint(name: "book_title_check", expression: "length(title) > 0")))
    #expect(book.checks.contains(CheckConstraint(expression: "pages > 0")))

    let review = try #require(main.table(named: "review"))
    #expect(review.options == [.strict])
    let composite = try #require(review.foreignKeys.first)
    #expect(composite.name == "review_book_fk")
    #expect(composite.columns == ["isbn", "edition"])
    #expect(composite.referencedColumns == ["isbn", "edition"])
    #expect(composite.onDelete == .cascade)
    #expect(composite.deferrable && composite.initiallyDeferred)
    #expect(review.triggers.map(\.name) == ["review_stars"])
    #expect(review.triggers.first?.timing == "BEFORE")
    #expect(review.triggers.first?.events == ["INSERT"])

    let author = try #require(main.table(named: "author"))
    #expect(author.uniqueConstraints == [UniqueConstraint(name: "author_email_key", columns: ["email"])])
    #expect(author.column(named: "id")?.identity == .autoIncrement)
    #expect(author.column(named: "name")?.collation == "NOCASE")
  }

  @Test func readsIndexesGeneratedHiddenColumnsAndComments() throws {
    let main = try #require(try inspectFixture("sqlite_features.sql").schema(named: "main"))
    let book = try #require(main.table(named: "book"))
    #expect(book.column(named: "slug")?.generated == GeneratedColumn(expression: "lower(title)", stored: true))
    #expect(book.column(named: "words")?.generated == GeneratedColumn(expression: "pages * 300", stored: false))
    let partial = try #require(book.indexes.first { $0.name == "book_title_partial" })
    #expect(partial.predicate == "pages > 100")
    #expect(partial.keys == [.column("title")])
    let expression = try #require(book.indexes.first { $0.name == "book_expr" })
    #expect(expression.keys == [.expression("lower(title)"), .column("edition")])

    let search = try #require(main.table(named: "book_search"))
    #expect(search.kind == .virtual)
    #expect(search.columns.filter(\.hidden).map(\.name) == ["book_search", "rank"])
    #expect(main.tables.allSatisfy { !$0.name.hasPrefix("book_search_") })  // fts5 shadow tables

    let author = try #require(main.table(named: "author"))
    #expect(author.comment == "people who write")
    #expect(author.column(named: "name")?.comment == "as printed")
  }

  @Test func viewsKnowWhatTheyRead() throws {
    let main = try #require(try inspectFixture("sqlite_features.sql").schema(named: "main"))
    #expect(main.view(named: "book_stars")?.dependencies.map(\.name) == ["book", "review"])
    #expect(main.view(named: "top_books")?.dependencies.map(\.name) == ["book_stars"])
    #expect(main.view(named: "top_books")?.definition == "SELECT title FROM book_stars WHERE stars > 4")
    #expect(main.view(named: "book_stars")?.columns.map(\.name) == ["title", "stars"])
  }

  @Test func theFileIsNeverWritten() throws {
    let url = try SQLiteFixture.fromFixture("sqlite_features.sql")
    let before = try Data(contentsOf: url)
    let directory = url.deletingLastPathComponent()
    let filesBefore = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    _ = try SQLiteInspector.file(url.path).inspect(InspectOptions())
    #expect(try Data(contentsOf: url) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == filesBefore)
  }

  @Test func aMissingFileIsAnErrorAndIsNotCreated() throws {
    let path = try Paths.temporaryDirectory().appendingPathComponent("missing.db").path
    #expect(throws: InspectError.inputMissing(path)) {
      _ = try SQLiteInspector.file(path).inspect(InspectOptions())
    }
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test func aFileThatIsNotADatabaseIsInvalidInput() throws {
    let url = try Paths.temporaryDirectory().appendingPathComponent("notes.db")
    try Data("hello".utf8).write(to: url)
    #expect {
      _ = try SQLiteInspector.file(url.path).inspect(InspectOptions())
    } throws: { error in
      if case .invalidInput = error as? InspectError { return true }
      return false
    }
  }

  @Test func scriptsRunInMemory() throws {
    let catalog = try SQLiteInspector.script("CREATE TABLE a (id INTEGER PRIMARY KEY);", label: "x.sql")
      .inspect(InspectOptions())
    #expect(catalog.schemas.first?.tables.map(\.name) == ["a"])
  }

  @Test(.enabled(if: Paths.corpusAvailable, "needs ../shared/corpus"))
  func chinookDatabase() throws {
    let file = try #require(Paths.corpusFile("chinook.db"))
    let catalog = try SQLiteInspector.file(file.path).inspect(InspectOptions())
    let tables = catalog.schemas[0].tables
    #expect(tables.count == 11)
    #expect(tables.reduce(0) { $0 + $1.foreignKeys.count } == 11)
    let employee = try #require(catalog.schemas[0].table(named: "Employee"))
    #expect(employee.foreignKeys.first?.referencedTable.name == "Employee")
  }

  @Test(.enabled(if: Paths.corpusAvailable, "needs ../shared/corpus"))
  func chinookScriptBuildsTheSameSchema() throws {
    let script = try String(contentsOf: try #require(Paths.corpusFile("Chinook_Sqlite.sql")), encoding: .utf8)
    let fromScript = try SQLiteInspector.script(script, label: "Chinook_Sqlite.sql").inspect(InspectOptions())
    let fromFile = try SQLiteInspector.file(try #require(Paths.corpusFile("chinook.db")).path).inspect(InspectOptions())
    #expect(fromScript == fromFile)
  }
}

@Suite struct SourceTests {
  @Test(arguments: [
    ("sqlite:shop.db", Source.sqliteFile("shop.db")),
    ("sqlite:///tmp/shop.db", .sqliteFile("/tmp/shop.db")),
    ("sqlite://shop%20v2.db?mode=ro", .sqliteFile("shop v2.db")),
    ("postgres://u:p@h/db", .postgres("postgres://u:p@h/db")),
    ("postgresql://h/db", .postgres("postgresql://h/db")),
    ("mysql://u:p@h:3306/db", .mysql("mysql://u:p@h:3306/db")),
    ("MariaDB://h/db?socket=/run/mysqld/mysqld.sock", .mysql("MariaDB://h/db?socket=/run/mysqld/mysqld.sock")),
    ("host=localhost dbname=app", .postgres("host=localhost dbname=app")),
    // libpq allows spaces around `=`: such a string is a connection string, never a file name.
    (
      "host = 127.0.0.1 dbname = app password = 'secret'",
      .postgres("host = 127.0.0.1 dbname = app password = 'secret'")
    ),
    (" service =dev", .postgres(" service =dev")),
    ("dbname=app\tuser=me", .postgres("dbname=app\tuser=me")),
    ("hosts = schema.sql", .file("hosts = schema.sql")),
    ("-", .standardInput),
    ("dir/schema.sql", .file("dir/schema.sql")),
  ])
  func resolvesArguments(argument: String, source: Source) throws {
    #expect(try Source.resolve(argument, stdinIsTerminal: true, environment: [:]) == source)
  }

  @Test func noArgumentMeansPipedStdinThenDatabaseURL() throws {
    #expect(try Source.resolve(nil, stdinIsTerminal: false, environment: [:]) == .standardInput)
    #expect(
      try Source.resolve(nil, stdinIsTerminal: true, environment: ["DATABASE_URL": "postgres://h/d"])
        == .postgres("postgres://h/d"))
    #expect(throws: InspectError.self) { try Source.resolve(nil, stdinIsTerminal: true, environment: [:]) }
    #expect(throws: InspectError.self) { try Source.resolve("oracle://h/d", stdinIsTerminal: true, environment: [:]) }
  }

  @Test(arguments: [
    (Array("SQLite format 3\0rest".utf8), InputKind.sqliteDatabase),
    (Array("  \n{\"version\": 1}".utf8), .json),
    (Array("\u{FEFF}CREATE TABLE a (id int);".utf8), .sql),
    (Array(" \n\t".utf8), .empty),
    ([0x00, 0x01, 0x02, 0xFF], .binary),
  ])
  func sniffsInput(bytes: [UInt8], kind: InputKind) {
    #expect(InputKind.sniff(bytes) == kind)
  }
}
