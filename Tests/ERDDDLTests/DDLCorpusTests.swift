import ERDDDL
import ERDInspect
import ERDSchema
import ERDTestSupport
import Foundation
import Testing

/// Every DDL file of the shared corpus reads without error, with the table, foreign-key and
/// view counts SOURCES.md gives (partitions folded under their parent, as the pipeline does).
@Suite struct DDLCorpusTests {
  struct Expected: CustomTestStringConvertible, Sendable {
    var file: String
    var dialect: Dialect
    var tables: Int
    var foreignKeys: Int
    var views: Int
    var testDescription: String { file }
  }

  static let corpus: [Expected] = [
    Expected(file: "pagila-schema.sql", dialect: .postgresql, tables: 15, foreignKeys: 21, views: 8),
    Expected(file: "Chinook_PostgreSql.sql", dialect: .postgresql, tables: 11, foreignKeys: 11, views: 0),
    Expected(file: "django_polls_catalog.postgresql.sql", dialect: .postgresql, tables: 13, foreignKeys: 11, views: 0),
    Expected(file: "Chinook_Sqlite.sql", dialect: .sqlite, tables: 11, foreignKeys: 11, views: 0),
    Expected(file: "django_polls_catalog.sqlite.sql", dialect: .sqlite, tables: 13, foreignKeys: 11, views: 0),
    Expected(file: "mysql-sakila-schema.sql", dialect: .mysql, tables: 16, foreignKeys: 22, views: 7),
    Expected(file: "Chinook_MySql.sql", dialect: .mysql, tables: 11, foreignKeys: 11, views: 0),
    Expected(file: "django_polls_catalog.mysql.sql", dialect: .mysql, tables: 13, foreignKeys: 11, views: 0),
    // SOURCES.md counts 6 views by grep; the sixth, actor_info, is inside a /* */ comment.
    Expected(file: "sql-server-sakila-schema.sql", dialect: .mssql, tables: 16, foreignKeys: 22, views: 5),
    Expected(file: "django_polls_catalog.mssql.sql", dialect: .mssql, tables: 13, foreignKeys: 11, views: 0),
  ]

  @Test(.enabled(if: Paths.corpusAvailable, "needs ../shared/corpus"), arguments: corpus)
  func readsWithTheDocumentedCounts(_ expected: Expected) throws {
    let url = try #require(Paths.corpusFile(expected.file))
    // Given the dialect, and sniffing it.
    for dialect in [expected.dialect, nil] {
      let catalog = try readDDL(file: url, dialect: dialect)
      #expect(catalog.engine == expected.dialect.rawValue)
      #expect(catalog.allTables.count == expected.tables, "\(catalog.tableNames)")
      #expect(catalog.foreignKeyCount == expected.foreignKeys)
      #expect(catalog.allViews.count == expected.views)
    }
  }

  @Test(.enabled(if: Paths.corpusAvailable, "needs ../shared/corpus"))
  func everyCorpusSQLFileIsListed() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Paths.corpus.path).filter { $0.hasSuffix(".sql") }
    #expect(Set(files) == Set(Self.corpus.map(\.file)))
  }

  /// The Django project's four provider outputs: the same tables and foreign keys in every
  /// dialect, with and without `--dialect`.
  @Test(.enabled(if: Paths.corpusAvailable, "needs ../shared/corpus"))
  func djangoProviderOutputsAgreeAcrossDialects() throws {
    var shapes: [String: [String]] = [:]
    for dialect in [Dialect.postgresql, .mysql, .sqlite, .mssql] {
      let url = try #require(Paths.corpusFile("django_polls_catalog.\(dialect.rawValue).sql"))
      for given in [dialect, nil] {
        let catalog = try readDDL(file: url, dialect: given)
        #expect(catalog.engine == dialect.rawValue)
        let tables = catalog.allTables.map(\.name.name).sorted()
        shapes["\(dialect) \(given == nil ? "sniffed" : "given")"] = tables + catalog.foreignKeyEdges
        // Atlas's positions, as the provider printed them (paths of the machine it ran on).
        let choice = catalog.allTables.first { $0.name.name == "polls_choice" }?.table.source
        #expect(choice?.file.hasSuffix("polls/models.py") == true)
        #expect(choice?.line == 12)
      }
    }
    let distinct = Set(shapes.values)
    #expect(distinct.count == 1, "\(shapes)")
    #expect(shapes.values.first?.contains("polls_choice(question_id) -> polls_question(id)") == true)
  }

  @Test(.enabled(if: Paths.corpusAvailable, "needs ../shared/corpus"))
  func pagilaFoldsPaymentPartitions() throws {
    let catalog = try readDDL(file: try #require(Paths.corpusFile("pagila-schema.sql")))
    let payment = try #require(catalog.table("public", "payment"))
    #expect(payment.kind == .partitioned)
    #expect(payment.partitionKey == "RANGE (payment_date)")
    #expect(payment.partitions.map(\.name) == (1...7).map { "payment_p2022_0\($0)" })
    #expect(
      payment.partitions.first?.bound == "FOR VALUES FROM ('2022-01-01 00:00:00+00') TO ('2022-02-01 00:00:00+00')")
    #expect(payment.foreignKeys.map(\.referencedTable.name).sorted() == ["customer", "rental", "staff"])
    let film = try #require(catalog.table("public", "film"))
    #expect(film.column(named: "rating")?.type == "mpaa_rating")
    #expect(film.column(named: "release_year")?.baseType == "integer")
    #expect(film.column(named: "special_features")?.type == "text[]")
    #expect(film.column(named: "film_id")?.defaultValue == "nextval('film_film_id_seq'::regclass)")
    let rentalByCategory = try #require(catalog.view(QualifiedName(schema: "public", name: "rental_by_category")))
    #expect(rentalByCategory.materialized)
    #expect(
      rentalByCategory.dependencies.map(\.name) == [
        "category", "film", "film_category", "inventory", "payment", "rental",
      ])
  }
}
