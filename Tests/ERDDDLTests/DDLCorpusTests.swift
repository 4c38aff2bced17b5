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
  ]

  @Test(.enabled(if: Paths.corpusAvailable, "needs ../shared/corpus"), arguments: corpus)
  func readsWithTheDocumentedCounts(_ expected: Expected) throws {
    let url = try #require(Paths.corpusFile(expected.file))
    for dialect in [expected.dialect] {
      let catalog = try readDDL(file: url, dialect: dialect)
      #expect(catalog.engine == expected.dialect.rawValue)
      #expect(catalog.allTables.count == expected.tables, "\(catalog.tableNames)")
      #expect(catalog.foreignKeyCount == expected.foreignKeys)
      #expect(catalog.allViews.count == expected.views)
    }
  }

  @Test(.enabled(if: Paths.corpusAvailable, "needs ../shared/corpus"))
  func pagilaFoldsPaymentPartitions() throws {
    let catalog = try readDDL(file: try #require(Paths.corpusFile("pagila-schema.sql")))
    let payment = try #require(catalog.table("public", "payment"))
    #expect(payment.kind == .partitioned)
    #expect(payment.partitionKey == "RANGE (payment_date)")
    #expect(payment.partitions.map(\.name) == (1...7).map { "payment_p2022_0\($0)" })
    #expect(payment.partitions.first?.bound == "FOR VALUES FROM ('2022-01-01 00:00:00+00') TO ('2022-02-01 00:00:00+00')")
    #expect(payment.foreignKeys.map(\.referencedTable.name).sorted() == ["customer", "rental", "staff"])
    let film = try #require(catalog.table("public", "film"))
    #expect(film.column(named: "rating")?.type == "mpaa_rating")
    #expect(film.column(named: "release_year")?.baseType == "integer")
    #expect(film.column(named: "special_features")?.type == "text[]")
    #expect(film.column(named: "film_id")?.defaultValue == "nextval('film_film_id_seq'::regclass)")
    let rentalByCategory = try #require(catalog.view(QualifiedName(schema: "public", name: "rental_by_category")))
    #expect(rentalByCategory.materialized)
    #expect(rentalByCategory.dependencies.map(\.name) == ["category", "film", "film_category", "inventory", "payment", "rental"])
  }
}
