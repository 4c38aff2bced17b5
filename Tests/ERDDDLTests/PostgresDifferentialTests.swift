import ERDDDL
import ERDInspect
import ERDSchema
import ERDTestSupport
import ERDViz
import Foundation
import Testing

/// The differential test, PostgreSQL half: the model read from a DDL file equals the model the
/// live inspector reads after psql loads the same file into the throwaway cluster: tables,
/// columns with their types and nullability, primary keys, foreign keys and unique constraints,
/// names included.
@Suite(.enabled(if: TestPostgres.enabled, "needs the PostgreSQL cluster scripts/test starts"))
struct PostgresDifferentialTests {
  /// One line per fact, so a difference reads as a line that is in one list and not the other.
  static func facts(_ catalog: Catalog) -> [String] {
    var lines: [String] = []
    for (name, table) in catalog.allTables {
      for column in table.columns {
        lines.append("\(name) column \(column.name) \(column.type)\(column.nullable ? "" : " NOT NULL")")
      }
      if let pk = table.primaryKey {
        lines.append("\(name) primary key \(pk.name ?? "?") (\(pk.columns.joined(separator: ", ")))")
      }
      for fk in table.foreignKeys {
        lines.append(
          "\(name) foreign key \(fk.name ?? "?") (\(fk.columns.joined(separator: ", "))) -> \(fk.referencedTable) "
            + "(\(fk.referencedColumns.joined(separator: ", "))) \(fk.onDelete.rawValue)/\(fk.onUpdate.rawValue)")
      }
      for unique in table.uniqueConstraints {
        lines.append(
          "\(name) unique \(unique.name ?? "?") (\(unique.columns.joined(separator: ", ")))"
            + (unique.nullsNotDistinct ? " nulls not distinct" : ""))
      }
    }
    return lines.sorted()
  }

  static let files: [(String, URL?)] = [
    ("postgresql_features.sql", Paths.fixtures.appendingPathComponent("ddl/postgresql_features.sql")),
    ("pagila-schema.sql", Paths.corpusFile("pagila-schema.sql")),
    ("django_polls_catalog.postgresql.sql", Paths.corpusFile("django_polls_catalog.postgresql.sql")),
  ]

  /// Corpus files take part when ../shared is beside the checkout (always under `make test` in CI).
  @Test(arguments: files.filter { $0.1 != nil || Paths.toolsRequired }.map(\.0))
  func ddlEqualsTheLoadedDatabase(name: String) throws {
    let url = try #require(Self.files.first { $0.0 == name }?.1, "needs ../shared/corpus")
    let database = try TestPostgres.createDatabase("ddl")
    defer { TestPostgres.drop(database) }
    try TestPostgres.psql(file: url, database: database)
    let live = try Pipeline.load(.postgres(TestPostgres.url(database: database)), options: InspectOptions())
      .foldingPartitions()
    let ddl = try readDDL(file: url, dialect: .postgresql)
    let (liveFacts, ddlFacts) = (Self.facts(live), Self.facts(ddl))
    let onlyLive = liveFacts.filter { !ddlFacts.contains($0) }
    let onlyDDL = ddlFacts.filter { !liveFacts.contains($0) }
    #expect(
      onlyLive.isEmpty && onlyDDL.isEmpty,
      "live only:\n\(onlyLive.joined(separator: "\n"))\nDDL only:\n\(onlyDDL.joined(separator: "\n"))")
    #expect(liveFacts.count > 20)
  }
}
